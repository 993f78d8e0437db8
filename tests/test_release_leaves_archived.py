"""`release` (un-claiming) reaches what `claim` reaches: a story's versions the inbox
shows, not its archived ones (day 33).

A story claimed whole, one version archived after: releasing the story's row let go
of the archived version's claim too, a change to an article the editor never saw.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from tests.tui.conftest import sample_articles


def _claimed_story_one_archived(desk: Desk) -> list[str]:
    desk.add_extracted(sample_articles(18), "fixture")
    story = [m.id for m in desk.stories()[0].members]
    assert len(story) == 3
    assert set(desk.claim(story[:1]).done) == set(story)  # claimed whole, then
    desk.archive([story[2]])
    return story


def test_a_release_leaves_an_archived_versions_claim(backend: str) -> None:
    with Desk() as desk:
        story = _claimed_story_one_archived(desk)
        assert set(desk.release(story[:1]).done) == set(story[:2])
        assert set(desk.claims(story)) == {story[2]}
        # Named, the archived version is what was asked for: released.
        assert desk.release([story[2]]).done == [story[2]]


def test_the_release_command_leaves_an_archived_versions_claim(
    backend: str, isolated_dirs: Path
) -> None:
    with Desk() as desk:
        story = _claimed_story_one_archived(desk)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["release", story[0]]) == 0
    assert "released 2 article(s)" in out.getvalue()
    with Desk() as desk:
        assert set(desk.claims(story)) == {story[2]}
