"""`newsdesk stories` counts and lists the versions the app's story row does (day 33):
without a query the inbox's, an archived version left out; with a query those it
matched. It listed "3 versions" of a story whose row in the app said "+1".
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from tests.tui.conftest import sample_articles


def _stories(*args: str) -> list[dict[str, Any]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["stories", *args, "--json"]) == 0
    found: list[dict[str, Any]] = json.loads(out.getvalue())
    return found


def _story(found: list[dict[str, Any]], story_id: str) -> list[str]:
    return next(([a["id"] for a in s["articles"]] for s in found if s["story"] == story_id), [])


def test_stories_leaves_an_archived_version_out_of_the_inbox(
    backend: str, isolated_dirs: Path
) -> None:
    with Desk() as desk:
        desk.add_extracted(sample_articles(18), "fixture")
        story = desk.stories()[0]
        members = [m.id for m in story.members]
        assert len(members) == 3
        desk.archive([members[2]])
        desk.tag(members[:2], add=["pick"])
        desk.tag([members[0]], add=["one"])
    inbox = _stories()
    assert sorted(_story(inbox, story.id)) == sorted(members[:2])
    assert next(s["size"] for s in inbox if s["story"] == story.id) == 2
    assert sorted(_story(_stories("in:all"), story.id)) == sorted(members)
    assert sorted(_story(_stories("tag:pick"), story.id)) == sorted(members[:2])
    # One version matched: no story of two among the answer, as the app's row shows.
    assert _story(_stories("tag:one"), story.id) == []
    assert _story(_stories("tag:one", "--all"), story.id) == [members[0]]
