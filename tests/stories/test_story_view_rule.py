"""What a folded story row stands for, in the core (both backends): its versions the
view shows, counted for a whole page in one statement; "read one, read all" and a
claim reach the versions the inbox shows, not the archived ones."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from tests.tui.conftest import sample_articles


def _stories(desk: Desk) -> list[list[str]]:
    """Eighteen fictional articles: six stories of three; each story's ids."""
    desk.add_extracted(sample_articles(18), "fixture")
    found = [[m.id for m in s.members] for s in desk.stories()]
    assert len(found) == 6 and all(len(s) == 3 for s in found)
    return found


def test_a_search_counts_the_versions_it_matched(backend: str) -> None:
    with Desk() as desk:
        story = _stories(desk)[0]
        head = story[0]
        desk.star(story[1:])
        desk.archive([story[2]])
        assert desk.shown_story_counts([head], with_archived=False) == {head: (2, 1)}
        assert desk.shown_story_counts([head], with_archived=True) == {head: (3, 2)}
        # A search that matched the head and the archived version (`in:all`, say).
        matched = {head, story[2]}
        both = desk.shown_story_counts([head], with_archived=True, matched=matched)
        assert both == {head: (2, 1)}
        assert desk.story_members(story[0], with_archived=True, matched=matched) == [
            m for m in desk.story_members(story[0]) if m in matched
        ]


def test_a_page_of_story_rows_is_counted_in_one_statement(tmp_path: Path) -> None:
    """One query a row cost 2.2 ms for a page of 48 story rows at 10,000 articles."""
    with Desk() as desk:
        heads = [story[0] for story in _stories(desk)]
        conn = getattr(desk.store, "conn", None)  # the SQLite backend's connection
        assert isinstance(conn, sqlite3.Connection)
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        try:
            counts = desk.shown_story_counts(heads, with_archived=False)
        finally:
            conn.set_trace_callback(None)
        assert set(counts) == set(heads) and all(c == (3, 0) for c in counts.values())
        assert len(statements) <= 2, statements


def _cli(*args: str) -> int:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        return main(list(args))


def test_read_all_versions_leaves_an_archived_version_unread(
    backend: str, isolated_dirs: Path
) -> None:
    with Desk() as desk:
        story = _stories(desk)[0]
        desk.archive([story[2]])
    config = isolated_dirs / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text("[stories]\nread_all_versions = true\n", "utf-8")
    assert _cli("read", story[0]) == 0
    with Desk() as desk:
        read = {r.id for r in desk.rows(story) if r.read}
        assert read == set(story[:2])
        # Named, an archived version is what was asked for: it stays in.
        assert set(desk.with_versions([story[2]], with_archived=False)) == set(story)


def test_a_claim_leaves_an_archived_version_alone(backend: str) -> None:
    with Desk() as desk:
        story, other = _stories(desk)[:2]
        desk.archive([story[2], other[2]])
        outcome = desk.claim([story[0]])
        assert set(outcome.done) == set(story[:2])
        assert set(desk.claims(story)) == set(story[:2])
    assert _cli("claim", other[0]) == 0  # from a shell: the same
    with Desk() as desk:
        assert set(desk.claims(other)) == set(other[:2])


def test_an_earlier_wire_take_follows_its_matched_item() -> None:
    """No search lists an earlier take (the inbox's row counts it): in a search it is
    counted with its item's current version when that matched, not otherwise."""
    from newsdesk.desk.stories import shown_versions
    from newsdesk.store.protocol import StoryVersion

    def version(aid: str, item: str | None, superseded: bool = False) -> StoryVersion:
        return StoryVersion(aid, "s-1", False, False, superseded, item)

    story = [version("v2", "wire-1"), version("v1", "wire-1", True), version("b", None)]
    story.append(version("w1", "wire-2", True))
    shown = shown_versions(story, with_archived=False, matched={"v2"})
    assert [v.id for v in shown] == ["v2", "v1"]
    shown = shown_versions(story, with_archived=False, matched={"b"})
    assert [v.id for v in shown] == ["b"]
