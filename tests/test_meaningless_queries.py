"""A query that means nothing never means everything (issue 17 item 3).

`newsdesk archive '😀'` archived 27 of 27 and `tag '*' +x` tagged everything:
a query with no word, field or id parsed to no tree, which reads as the inbox.
Now it is an error for actions and an empty result for search; acting on
everything takes in:all or --all, and a query that finds more than BIG_ACTION
articles needs --yes (the count is printed first).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import BIG_ACTION, Desk
from newsdesk.errors import QuerySyntaxError
from newsdesk.model import Extracted
from newsdesk.paths import Paths, resolve
from tests.templates import building_template

ARTICLES = BIG_ACTION + 10
MEANINGLESS = [
    "😀",
    "*",
    "**",
    "!!!",
    "-",
    "!",
    "?",
    "- *",
    "🔥 🎉",
    '""',
    "' '",
    "…",
    "-🔥🔥",
    "(*)",
]


@pytest.fixture(scope="module")
def _stored_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles stored once (no index: none is opened); each test copies the folder.

    Built before the test's own directories exist, so the environment points at the
    template while it is built and nothing touches the real user dirs.
    """
    root = tmp_path_factory.mktemp("meaningless-template")
    with building_template(root):
        paths = resolve()
        with Desk(paths) as desk:
            desk.add_extracted(
                [
                    Extracted(
                        title=f"Harbour strike enters day {i}",
                        source="Baltic Morning",
                        published=f"2026-11-{1 + i % 28:02d}",
                        body=f"Dockworkers stayed off the quays for day {i}. Word{i} appears once.",
                    )
                    for i in range(ARTICLES)
                ],
                "fixture",
            )
    return paths.data_dir


@pytest.fixture
def desk_paths(_stored_template: Path) -> Paths:
    """A data dir holding ARTICLES stored articles: a copy of the module's template."""
    paths = resolve()
    shutil.copytree(_stored_template, paths.data_dir)
    return paths


def states(paths: Paths) -> list[tuple[bool, bool, bool, tuple[str, ...]]]:
    with Desk(paths) as desk:
        rows = desk.rows(desk.search("in:all", limit=None).ids)
    return sorted((r.starred, r.read, r.archived, tuple(r.tags)) for r in rows)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("query", [*MEANINGLESS, " "])
def test_an_action_on_a_meaningless_query_changes_nothing(
    desk_paths: Paths, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    before = states(desk_paths)
    for argv in (["archive", query], ["tag", query, "+x"], ["delete", query]):
        code, out, err = run(capsys, *argv)
        assert code != 0, (argv, out, err)
        # (`tag - +x` reads `-` as a tag to remove, so it names no article at all; `- *`
        # is the tag "*" to remove, which has no letter or digit to be a tag.)
        assert any(
            reason in err for reason in ("means nothing", "say which articles", "names no tag")
        ), (argv, err)
        assert "Traceback" not in err
    assert states(desk_paths) == before


@pytest.mark.parametrize("query", MEANINGLESS)  # (blank is the inbox, as no query is)
def test_a_meaningless_search_finds_nothing(
    desk_paths: Paths, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    for command in ("search", "list"):
        code, out, _ = run(capsys, command, query, "--format", "json")
        assert code == 0 and json.loads(out) == [], command
    with Desk(desk_paths) as desk:
        assert desk.count_matches(query) == 0
        assert desk.search(query).notice


def test_the_desk_refuses_a_meaningless_target() -> None:
    with Desk(resolve()) as desk, pytest.raises(QuerySyntaxError, match="means nothing"):
        desk.resolve_targets(["😀"])


def test_everything_takes_all_and_a_big_match_takes_yes(
    desk_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    before = states(desk_paths)
    code, out, err = run(capsys, "star")
    assert code != 0 and "--all" in err
    # More than BIG_ACTION found by a query: the count first, nothing done without --yes.
    for argv in (
        ["archive", "--all"],
        ["archive", "in:all"],
        ["tag", "strike", "+big"],
        ["delete", "strike"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2, argv
        assert f"{ARTICLES} articles match" in err and "--yes" in err
    assert states(desk_paths) == before
    # A small match needs no --yes.
    code, out, _ = run(capsys, "star", "word3", "--json")
    assert code == 0 and json.loads(out)["requested"] == 1
    code, out, _ = run(capsys, "archive", "--all", "--yes", "--json")
    assert code == 0 and len(json.loads(out)["changed"]) == ARTICLES
    # Undo brings every archived article back.
    assert run(capsys, "undo")[0] == 0  # the archive
    assert run(capsys, "undo")[0] == 0  # the star
    assert states(desk_paths) == before
