"""A folded story row stands for all its versions: unread while any is, starred for some."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.style import Style

from newsdesk.desk import Desk
from newsdesk.model import ArticleRow
from newsdesk.tui.widgets.inbox_row import RowShape, RowStyles, render_row
from tests.conftest import SAMPLE_DATA

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
FOLDED = RowShape(story_head=True)


def _row(**changes: object) -> ArticleRow:
    values: dict[str, object] = {
        "id": "x",
        "title": "Quay wall repaired",
        "source": "Holbeck Post",
        "published": "2026-03-14T10:00:00+00:00",
        "read": True,
        "starred": False,
        "archived": False,
        "exported": False,
        "tags": [],
        "story_size": 3,
    }
    values.update(changes)
    return ArticleRow(**values)  # type: ignore[arg-type]


def _marks(row: ArticleRow, shape: RowShape = FOLDED) -> str:
    styles = RowStyles(*([Style()] * 16))
    return render_row(row, 60, styles, NOW, selected=False, shape=shape).plain[1:3]


def test_a_folded_story_row_marks_what_its_versions_hold() -> None:
    # The head read and unstarred, another version unread and starred: it looked done.
    assert _marks(_row(story_unread=1, story_starred=1)) == "•☆"
    assert _marks(_row(starred=True, story_unread=0, story_starred=3)) == " ★"
    assert _marks(_row(story_unread=0, story_starred=0)) == "  "
    # Expanded, or a version under its story: the row's own marks.
    assert (
        _marks(_row(story_unread=1, story_starred=1), RowShape(story_head=True, expanded=True))
        == "  "
    )
    assert _marks(_row(story_unread=1, story_starred=1), RowShape(depth=1)) == "  "


def test_the_store_counts_a_storys_unread_and_starred_versions(backend: str) -> None:
    with Desk() as desk:
        desk.import_paths([SAMPLE_DATA / "pages"])
        stories: dict[str, list[str]] = {}
        for article_id, story in desk.story_map().items():
            stories.setdefault(story, []).append(article_id)
        members = max(stories.values(), key=len)
        assert len(members) >= 2
        head, other = members[0], members[1]
        desk.mark_read(members)
        desk.mark_read([other], on=False)
        desk.star([other])
        (row,) = desk.rows([head])
        assert row.story_size == len(members)
        assert (row.story_unread, row.story_starred) == (1, 1)
