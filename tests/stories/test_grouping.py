"""Incremental assignment of articles to stories, on an in-memory database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace

import pytest

from newsdesk.model import Extracted
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.stories import grouping
from newsdesk.stories import score as scoring
from newsdesk.stories.grouping import StoryGrouper
from newsdesk.stories.signature import compute

from .articles import HOUR, OTHER_QUARRY, QUARRY_LOCAL, QUARRY_WIRE, T0


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:")
    create_tables(db)
    yield db
    db.close()


def test_create_tables_is_idempotent(conn: sqlite3.Connection) -> None:
    create_tables(conn)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"story", "story_member", "story_band"} <= names


def test_rewritten_version_joins_the_story(conn: sqlite3.Connection) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    first = grouper.assign("a1", QUARRY_WIRE, T0)
    assert first == "s-a1"
    assert grouper.assign("a2", QUARRY_LOCAL, T0 + 3 * HOUR) == first
    assert grouper.members(first) == ["a1", "a2"]
    assert grouper.sizes(["a1", "a2", "unknown"]) == {"a1": 2, "a2": 2, "unknown": 1}


def test_different_event_on_the_same_topic_starts_a_new_story(conn: sqlite3.Connection) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    grouper.assign("a1", QUARRY_WIRE, T0)
    grouper.assign("a2", QUARRY_LOCAL, T0 + 3 * HOUR)
    assert grouper.assign("b1", OTHER_QUARRY, T0 + 48 * HOUR) == "s-b1"
    assert grouper.sizes(["b1"]) == {"b1": 1}


def test_lsh_finds_the_rewrite_as_a_candidate(conn: sqlite3.Connection) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    grouper.assign("a1", QUARRY_WIRE, T0)
    found = grouper._candidates(compute(QUARRY_LOCAL), T0 + HOUR)
    assert [c.story_id for c in found] == ["s-a1"]
    # The lookup goes through the indexed band table, not a scan of signatures.
    plan = " ".join(
        str(r[-1])
        for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT member_id FROM story_band WHERE key IN (1, 2)"
        )
    )
    assert "USING PRIMARY KEY (key=?)" in plan


def test_rewrites_sharing_no_name_or_figure_meet_through_rare_words(
    conn: sqlite3.Connection,
) -> None:
    # Two tellings of one (invented) event: no capitalised name, no figure in
    # common, so the names-and-figures bands have nothing to go on; the rare
    # words of what happened ("sinkhole", "aquifer", "cordoned") are shared.
    first = Extracted(
        title="sinkhole swallows parking lot after aquifer collapse",
        body="a sinkhole opened overnight beside the aquifer pumping station and "
        "swallowed most of a parking lot. engineers cordoned off the street.",
    )
    second = Extracted(
        title="crews watch widening sinkhole near pumping station",
        body="the ground above the aquifer gave way and a sinkhole grew through the "
        "morning; police cordoned off nearby homes while engineers measured it.",
    )
    sig_a, sig_b = compute(first), compute(second)
    assert not sig_a.name_weights and not sig_b.name_weights and not sig_a.figure_set
    assert set(sig_a.rare_word_keys()) & set(sig_b.rare_word_keys())
    grouper = StoryGrouper(SqliteStoryTables(conn))
    grouper.assign("a1", first, T0)
    assert [c.story_id for c in grouper._candidates(sig_b, T0 + HOUR)] == ["s-a1"]
    # Rare words only: an old row stored without lede weights gives no such keys.
    assert replace(sig_a, lede_weights=sig_a.lede_weights[:0]).rare_word_keys() == []


def test_time_window_keeps_far_apart_articles_apart(conn: sqlite3.Connection) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    grouper.assign("a1", QUARRY_WIRE, T0)
    late = T0 + (scoring.WINDOW_HOURS + 24) * HOUR
    assert grouper.assign("a2", QUARRY_LOCAL, late) == "s-a2"
    grouper.remove("a2")
    # Without a date there is no window: the content decides.
    assert grouper.assign("a3", QUARRY_LOCAL, None) == "s-a1"


def test_syndicated_copy_joins_even_without_names(conn: sqlite3.Connection) -> None:
    body = " ".join(
        f"the council voted {w} to approve the budget after a long debate about roads"
        for w in ("late", "again", "finally", "narrowly", "quietly", "today")
    )
    grouper = StoryGrouper(SqliteStoryTables(conn))
    grouper.assign("w1", Extracted(title="budget approved", body=body), T0)
    copy = Extracted(title="council approves budget", body=body + " more to follow")
    assert grouper.assign("w2", copy, T0 + HOUR) == "s-w1"


def test_remove_and_reassign(conn: sqlite3.Connection) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    grouper.assign("a1", QUARRY_WIRE, T0)
    grouper.assign("a2", QUARRY_LOCAL, T0 + HOUR)
    # Assigning a known article again refreshes it and keeps its story.
    assert grouper.assign("a2", replace(QUARRY_LOCAL, title="Updated"), T0 + HOUR) == "s-a1"
    assert conn.execute("SELECT COUNT(*) FROM story_member").fetchone()[0] == 2
    grouper.remove("a1")
    assert grouper.story_of("a1") is None
    assert grouper.members("s-a1") == ["a2"]
    assert grouper.sizes(["a2"]) == {"a2": 1}
    grouper.remove("a2")
    assert conn.execute("SELECT COUNT(*) FROM story").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM story_band").fetchone()[0] == 0
    grouper.remove("never-seen")


def test_runs_inside_the_callers_transaction(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN")
    StoryGrouper(SqliteStoryTables(conn)).assign("a1", QUARRY_WIRE, T0)
    assert conn.in_transaction
    conn.rollback()
    assert conn.execute("SELECT COUNT(*) FROM story_member").fetchone()[0] == 0


def test_sizes_of_many_articles_in_chunks(conn: sqlite3.Connection) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    grouper.assign("a1", QUARRY_WIRE, T0)
    ids = ["a1", *[f"x{i}" for i in range(1200)]]
    sizes = grouper.sizes(ids)
    assert len(sizes) == 1201 and sizes["a1"] == 1 and sizes["x1199"] == 1


def test_tables_of_the_old_layout_are_replaced() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE story_member (article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL)")
    db.execute("CREATE TABLE story_signature (article_id TEXT PRIMARY KEY)")
    db.execute("INSERT INTO story_member VALUES ('old', 's-old')")
    create_tables(db)
    assert "member_id" in {r[1] for r in db.execute("PRAGMA table_info(story_member)")}
    assert StoryGrouper(SqliteStoryTables(db)).assign("a1", QUARRY_WIRE, T0) == "s-a1"


def test_an_undated_copy_takes_the_date_of_the_story_it_joins(conn: sqlite3.Connection) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    grouper.assign("a1", QUARRY_WIRE, T0)
    # Imported much later and undated: matched on content, dated as the story.
    assert grouper.assign("a2", QUARRY_LOCAL, None) == "s-a1"
    stored = conn.execute("SELECT ts FROM story_member WHERE article_id = 'a2'").fetchone()[0]
    assert stored == T0
    # Alone, an undated article stays undated in its story.
    assert grouper.assign("b1", OTHER_QUARRY, None) == "s-b1"
    stored = conn.execute("SELECT ts FROM story_member WHERE article_id = 'b1'").fetchone()[0]
    assert stored is None


def test_an_undated_copy_imported_first_is_found_by_its_dated_versions(
    conn: sqlite3.Connection,
) -> None:
    """The undated copy arrives first (a folder read in name order, `--regroup`): the
    dated report of the same event, months earlier or later than the import, joins it."""
    grouper = StoryGrouper(SqliteStoryTables(conn))
    assert grouper.assign("u1", QUARRY_LOCAL, None) == "s-u1"
    assert grouper.assign("a1", QUARRY_WIRE, T0) == "s-u1"
    # Its story is dated by the dated version now: a report far from it starts another.
    assert grouper.assign("b1", QUARRY_WIRE, T0 + 30 * 24 * HOUR) != "s-u1"


def test_a_story_spans_at_most_the_cap_from_its_oldest_member(conn: sqlite3.Connection) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    step = grouping.SPAN_HOURS / 2 + 1
    grouper.assign("a1", QUARRY_WIRE, T0)
    assert grouper.assign("a2", QUARRY_LOCAL, T0 + step * HOUR) == "s-a1"
    # Within the window of its newest member, but the story would span too long.
    assert grouper.assign("a3", QUARRY_WIRE, T0 + 2 * step * HOUR) == "s-a3"


def test_a_story_is_joined_on_average_not_through_one_member() -> None:
    assert grouping.story_score([0.9, 0.0, 0.0]) == pytest.approx(0.3)
    assert (
        grouping.story_score([0.6])
        > scoring.THRESHOLD
        > grouping.story_score([0.6, 0.05, 0.05, 0.05])
    )


def test_two_reports_of_one_outlet_are_two_stories(conn: sqlite3.Connection) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    grouper.assign("a1", QUARRY_WIRE, T0)
    # The local paper's piece joins the wire's report (control)...
    assert grouper.assign("a2", QUARRY_LOCAL, T0 + 3 * HOUR) == "s-a1"
    # ...but the same piece from the wire itself is its second report, not an update.
    own = replace(QUARRY_LOCAL, source="the  northern WIRE")
    assert grouper.assign("a3", own, T0 + 4 * HOUR) == "s-a3"


def test_an_update_of_one_report_joins_it(conn: sqlite3.Connection) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    grouper.assign("a1", QUARRY_WIRE, T0)
    update = replace(
        QUARRY_WIRE,
        title="Blast at Penhallow quarry injures 6; operator halts work at all sites",
        body=QUARRY_WIRE.body + "\n\nThe two seriously injured men are in a stable condition.",
    )
    assert grouper.assign("a2", update, T0 + 5 * HOUR) == "s-a1"


def test_the_outlet_is_the_source_name_else_the_host() -> None:
    from newsdesk.stories.signature import outlet_key

    assert outlet_key(Extracted(source=" The  Guardian", url="https://x.example/a")) == "guardian"
    assert outlet_key(Extracted(url="https://www.macworld.com/article/1")) == "macworld.com"
    assert outlet_key(Extracted(url="http://[broken")) == ""
    assert outlet_key(Extracted()) == ""
    assert len(compute(Extracted(title="No outlet", body="Words here.")).outlet) == 0


def test_a_flash_and_the_full_report_under_one_slugline_are_one_story(
    conn: sqlite3.Connection,
) -> None:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    flash = Extracted(
        title="FLASH: Blast at Penhallow quarry - fire service",
        source="Northern Wire",
        slugline="UK-QUARRY-BLAST",
        body="PENHALLOW (Northern Wire) - An explosion hit the Greyling Stone quarry. More follows.",
    )
    grouper.assign("f1", flash, T0)
    full = replace(QUARRY_LOCAL, source="Northern Wire", slugline="uk-quarry-blast")
    assert grouper.assign("f2", full, T0 + HOUR) == "s-f1"
    # Without the slugline it is the outlet's second report: a story of its own.
    assert grouper.assign("f3", replace(full, slugline=None), T0 + 2 * HOUR) == "s-f3"


def test_a_story_stops_growing_at_its_size_limit(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thousands of undated items alike made one story every row counted through; past
    the limit a new story starts. (Copies of one report: a body shared under headlines
    with no word in common is furniture, no story: `score.Features.syndicated`.)"""
    monkeypatch.setattr(grouping, "MAX_STORY_SIZE", 4)
    grouper = StoryGrouper(SqliteStoryTables(conn))
    body = " ".join(f"word{n} harbour{n}" for n in range(30))
    stories = [
        grouper.assign(f"a{n}", Extracted(title="Ferry crews strike", body=body), None)
        for n in range(10)
    ]
    sizes = {story: stories.count(story) for story in stories}
    assert max(sizes.values()) == 4
    assert len(sizes) == 3
