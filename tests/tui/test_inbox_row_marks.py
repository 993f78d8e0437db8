"""With a search, the list marks the headline's words the search found it by, as the
detail pane marks them (it marked nothing: only the pane did)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from rich.style import Style

from newsdesk.model import ArticleRow
from newsdesk.search.highlight import highlighter
from newsdesk.tui.widgets.inbox_row import RowStyles, render_row

NOW = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
MATCH = Style(bold=True, underline=True)


def _row(title: str) -> ArticleRow:
    return ArticleRow(
        id="x",
        title=title,
        source="Reuters",
        published="2026-12-05T14:00:00Z",
        read=False,
        starred=False,
        archived=False,
        exported=False,
        tags=[],
    )


def _marked(title: str, terms: list[str] | None, width: int = 100) -> list[str]:
    styles = replace(RowStyles(*([Style()] * 16)), match=MATCH)
    marks = highlighter(terms) if terms else None
    text = render_row(_row(title), width, styles, NOW, selected=False, marks=marks)
    return [text.plain[s.start : s.end] for s in text.spans if s.style == MATCH]


def test_the_headline_words_the_search_found_are_marked() -> None:
    title = "Harbor workers strike as the harbour authority floods the quay"
    assert _marked(title, ["harbour", "flooding"]) == ["Harbor", "harbour", "floods"]


def test_nothing_is_marked_without_a_search_and_a_cut_headline_keeps_its_marks() -> None:
    title = "Harbor workers strike as the harbour authority floods the quay " * 3
    assert _marked(title, None) == []
    assert _marked(title, ["workers"], width=60) == ["workers"]
