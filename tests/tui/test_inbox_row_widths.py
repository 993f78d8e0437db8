"""Wide characters (CJK, emoji) take two cells: the row keeps its width and its date."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rich.cells import cell_len
from rich.style import Style

from newsdesk.model import ArticleRow
from newsdesk.tui.widgets.inbox_row import RowStyles, render_row

NOW = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
STYLES = RowStyles(*([Style()] * 16))


def _row(title: str, source: str) -> ArticleRow:
    return ArticleRow(
        id="x",
        title=title,
        source=source,
        published="2026-12-05T14:00:00Z",  # 16h before NOW
        read=False,
        starred=False,
        archived=False,
        exported=False,
        tags=[],
    )


@pytest.mark.parametrize("width", [50, 80, 100, 140])
@pytest.mark.parametrize(
    ("title", "source"),
    [
        ("港口起重机倒塌 四名工人受伤 港口管理局表示将检查所有起重机", "新华社"),
        ("China launches harbour crane inquiry", "新华社"),
        ("🚢🔥 Emoji headline: tanker fire 🔥🔥 off the coast", "Emoji 📰 News"),
        ("Plain headline", "Reuters"),
    ],
)
def test_a_row_with_wide_characters_keeps_its_date_column(
    title: str, source: str, width: int
) -> None:
    """ "新华社" (3 characters, 6 cells) was padded by characters: the date column fell off
    the row; an emoji row showed "16" for "16h"."""
    line = render_row(_row(title, source), width, STYLES, NOW, selected=False).plain
    assert cell_len(line) == width
    assert line.endswith(" 16h")
