"""An earlier year's article shows its whole date from a 140-column terminal (it showed
"2019-11", no day, at 160 columns); at 80 columns the short form keeps the headline's
cells, and every row's outlet column stays in line."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from rich.cells import cell_len
from rich.style import Style

from newsdesk.model import ArticleRow
from newsdesk.tui.widgets.inbox_row import RowStyles, render_row

NOW = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
STYLES = RowStyles(*([Style()] * 16))
ROW = ArticleRow(
    id="x",
    title="Flood barrier opens for the first time",
    source="Reuters",
    published="2019-11-18T23:03:00Z",
    read=False,
    starred=False,
    archived=False,
    exported=False,
    tags=[],
)


def _line(row: ArticleRow, width: int) -> str:
    # The row of a 160-column terminal's list is about 86 cells: it holds the whole date.
    full = width > 80
    line = render_row(row, width, STYLES, NOW, selected=False, full_date=full).plain
    assert cell_len(line) == width
    return line


def test_an_earlier_year_shows_the_day_in_a_160_column_terminal() -> None:
    assert _line(ROW, 86).endswith(" 2019-11-18")
    assert _line(replace(ROW, published="2019-11-18"), 86).endswith(" 2019-11-18")


def test_80_columns_keep_the_short_date() -> None:
    line = _line(ROW, 80)
    assert line.endswith(" 2019-11")
    assert "Flood barrier opens for the first time" in line


def test_the_outlet_column_stays_in_line_in_a_160_column_terminal() -> None:
    recent = replace(ROW, published="2026-12-05T14:00:00Z")  # 16h before NOW
    this_year = replace(ROW, published="2026-03-14T09:00:00Z")
    lines = [_line(r, 86) for r in (ROW, recent, this_year)]
    assert lines[1].endswith(" 16h") and lines[2].endswith(" 14 Mar")
    assert len({line.index("Reuters") for line in lines}) == 1
