"""Two days' recurring briefings ("Morning briefing", the same teaser, their own GUIDs)
are two articles (`desk.teaser_ids`) and two stories: the text they share is no
evidence of one article, so none of one story either. They were one story of two
versions ("+1"). Grouping everything again keeps them apart (both backends)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from tests.feeds.test_recurring_teasers import TEASER, feed, item


def _stories_of(desk: Desk, ids: list[str]) -> set[str | None]:
    return {a.story_id for a in desk.get_many(ids)}


def test_two_days_briefings_are_two_stories(backend: str, tmp_path: Path) -> None:
    path = tmp_path / "briefing.xml"
    path.write_bytes(feed(item(6, "Morning briefing", TEASER), item(7, "Morning briefing", TEASER)))
    with Desk() as desk:
        ids = desk.import_paths([path]).imported_ids
        assert len(ids) == 2
        assert len(_stories_of(desk, ids)) == 2
        assert all(row.story_size == 1 for row in desk.rows(ids))
        from newsdesk.desk.teaser_ids import own_story

        # One holds its text's id, the other its own: that one stays alone in a regroup.
        assert sum(own_story(a.id, a.meta) is not None for a in desk.get_many(ids)) == 1
        desk.regroup()
        assert len(_stories_of(desk, ids)) == 2


def test_two_days_briefings_fetched_apart_are_two_stories(backend: str, tmp_path: Path) -> None:
    days = []
    for day in (6, 7):
        path = tmp_path / f"briefing-{day}.xml"
        path.write_bytes(feed(item(day, "Morning briefing", TEASER)))
        days.append(path)
    with Desk() as desk:
        first = desk.import_paths(days[:1]).imported_ids
        second = desk.import_paths(days[1:]).imported_ids
        assert len(first) == len(second) == 1
        assert len(_stories_of(desk, first + second)) == 2
