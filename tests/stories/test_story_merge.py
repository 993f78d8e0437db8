"""A later report close to two stories of one event joins them again (`grouping._merges`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.stories import grouping
from newsdesk.stories import score as scoring
from newsdesk.stories.grouping import StoryGrouper
from newsdesk.stories.signature import Signature, compute

from .articles import HOUR, QUARRY_WIRE, T0

#: Three reports of one event: one body (so each is the others' candidate), their own
#: headlines and outlets. The pair scores are set by `scores` below.
REPORTS = {
    name: replace(QUARRY_WIRE, title=f"{name} report on the Penhallow quarry", source=name)
    for name in ("Alpha", "Bravo", "Charlie")
}


@pytest.fixture
def scores(monkeypatch: pytest.MonkeyPatch) -> dict[frozenset[str], float]:
    """Pair scores by the two outlets' names (the grouper's features stubbed out)."""
    table: dict[frozenset[str], float] = {}
    by_title = {compute(m).title_set: name for name, m in REPORTS.items()}

    def features(
        a: Signature, b: Signature, ts_a: float | None, ts_b: float | None
    ) -> scoring.Features:
        value = table[frozenset((by_title[a.title_set], by_title[b.title_set]))]
        others = frozenset({"names", "figures", "lede", "tfidf"})
        return scoring.Features(value, 0, value, 0, 0, 0, hours=0.0, missing=others)

    def reaches(
        a: Signature,
        b: Signature,
        ts_a: float | None,
        ts_b: float | None,
        scored: scoring.Scored | None = None,
    ) -> bool:
        return scoring.score(features(a, b, ts_a, ts_b)) >= scoring.THRESHOLD

    monkeypatch.setattr(scoring, "features", features)
    monkeypatch.setattr(scoring, "reaches", reaches)
    return table


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:")
    create_tables(db)
    yield db
    db.close()


def _group(conn: sqlite3.Connection) -> dict[str, str]:
    grouper = StoryGrouper(SqliteStoryTables(conn))
    for n, (name, meta) in enumerate(REPORTS.items()):
        grouper.assign(name, meta, T0 + n * HOUR)
    return {name: grouper.story_of(name) or "" for name in REPORTS}


def _dated_reports() -> list[Extracted]:
    """The three reports an hour apart, each at a link of its own (as a desk stores them)."""
    return [
        replace(
            meta,
            published=datetime.fromtimestamp(T0 + n * HOUR, UTC).isoformat(),
            url=f"https://example.org/{name}",
        )
        for n, (name, meta) in enumerate(REPORTS.items())
    ]


def _pairs(ab: float, ac: float, bc: float) -> dict[frozenset[str], float]:
    return {
        frozenset(("Alpha", "Bravo")): ab,
        frozenset(("Alpha", "Charlie")): ac,
        frozenset(("Bravo", "Charlie")): bc,
    }


def test_a_report_close_to_two_stories_merges_them(
    conn: sqlite3.Connection, scores: dict[frozenset[str], float]
) -> None:
    # Alpha and Bravo share too little to be one story; Charlie is close to both.
    scores.update(_pairs(ab=0.15, ac=0.3, bc=0.3))
    stories = _group(conn)
    assert len(set(stories.values())) == 1
    (size,) = conn.execute("SELECT size FROM story").fetchone()
    assert size == 3 and conn.execute("SELECT COUNT(*) FROM story").fetchone()[0] == 1


def test_no_merge_unless_the_stories_are_close_as_a_whole(
    conn: sqlite3.Connection, scores: dict[frozenset[str], float]
) -> None:
    # Average over all pairs (0.3 + 0.3 - 0.1) / 3 below MERGE_THRESHOLD.
    scores.update(_pairs(ab=-0.1, ac=0.3, bc=0.3))
    assert len(set(_group(conn).values())) == 2


def test_no_merge_unless_the_report_is_close_to_both(
    conn: sqlite3.Connection, scores: dict[frozenset[str], float]
) -> None:
    # Charlie joins Alpha's story; it reaches Bravo's only below BRIDGE_SCORE.
    scores.update(_pairs(ab=0.2, ac=0.3, bc=grouping.BRIDGE_SCORE - 0.01))
    stories = _group(conn)
    assert stories["Charlie"] == stories["Alpha"] != stories["Bravo"]


def test_no_merge_over_the_span_cap(
    conn: sqlite3.Connection, scores: dict[frozenset[str], float], monkeypatch: pytest.MonkeyPatch
) -> None:
    scores.update(_pairs(ab=0.15, ac=0.3, bc=0.3))
    monkeypatch.setattr(grouping, "SPAN_HOURS", 1.5)  # Alpha to Charlie: 2 h
    assert len(set(_group(conn).values())) >= 2


def test_the_articles_follow_their_merged_story(
    scores: dict[frozenset[str], float], backend: str
) -> None:
    scores.update(_pairs(ab=0.15, ac=0.3, bc=0.3))
    items = _dated_reports()
    with Desk() as desk:
        desk.add_extracted(items, "fixture")
        story_of = desk.story_map()
        assert len(story_of) == 3 and len(set(story_of.values())) == 1
        (group,) = desk.stories()
        assert len(group.members) == 3
        assert {r.story_size for r in desk.rows(list(story_of))} == {3}


def test_taking_the_bridge_out_parts_the_stories_it_joined(
    scores: dict[frozenset[str], float], backend: str
) -> None:
    """Undoing the import that brought the bridging report (or deleting it) left the
    two stories it had merged as one row: acted on as one, by an editor who never saw
    them joined. Without it they come apart as they were; its return is undoable."""
    scores.update(_pairs(ab=0.15, ac=0.3, bc=0.3))
    items = _dated_reports()
    with Desk() as desk:
        alpha, bravo = desk.add_extracted(items[:2], "fixture")
        assert desk.story_map() == {}  # two stories of one
        (charlie,) = desk.add_extracted(items[2:], "fixture")
        assert len(desk.story_map()) == 3 and len(set(desk.story_map().values())) == 1
        desk.delete([charlie])
        assert desk.story_map() == {}
        assert {r.story_size for r in desk.rows([alpha, bravo])} == {1}
        assert desk.stories() == []
        # The delete undone: the bridge is back in its story, with Alpha (its id kept).
        desk.undo()
        story_of = desk.story_map()
        assert story_of[charlie] == story_of[alpha]


def test_a_story_that_still_holds_together_keeps_its_members(
    scores: dict[frozenset[str], float], backend: str
) -> None:
    scores.update(_pairs(ab=0.3, ac=0.3, bc=0.3))
    items = _dated_reports()
    with Desk() as desk:
        alpha, bravo, charlie = desk.add_extracted(items, "fixture")
        (story,) = set(desk.story_map().values())
        desk.delete([charlie])
        assert desk.story_map() == {alpha: story, bravo: story}
