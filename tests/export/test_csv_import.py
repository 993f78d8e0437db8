"""A CSV export imports back: one article a row, its stated fields kept; other tables refused."""

from __future__ import annotations

import pytest

from newsdesk.export import ExportOptions, render
from newsdesk.ingest import load_bytes
from newsdesk.model import Article

from .conftest import ArticleFactory


def _csv(articles: list[Article]) -> bytes:
    return render(articles, ExportOptions(format="csv")).text.encode()


def test_exported_table_imports_back_row_by_row(
    rich_article: Article, make_article: ArticleFactory
) -> None:
    plain = make_article("Second item, with a comma", "First paragraph.\n\nSecond paragraph.")
    result = load_bytes(_csv([rich_article, plain]), "export.csv")
    assert result.error is None, result.error
    assert len(result.items) == 2
    rich, second = result.items
    assert rich.title == rich_article.meta.title
    assert rich.dek == "Residents were evacuated"
    assert rich.authors == ["Jane Doe", "John Roe"]
    assert rich.dateline == "ZÜRICH"
    assert rich.published == "2026-11-20T10:30:00+01:00"
    assert rich.url == "https://example.com/news/floods"
    assert rich.tags == ["floods", "swiss"]
    assert rich.starred is True
    assert rich.guid == rich_article.id  # matched to the article it was exported from
    assert rich.body.split("\n\n")[:2] == ["Water rose overnight.", "Shops closed."]
    assert second.title == "Second item, with a comma"
    assert second.body == "First paragraph.\n\nSecond paragraph."
    assert not second.starred


def test_defused_formula_cells_come_back_as_written(make_article: ArticleFactory) -> None:
    article = make_article("=SUM(A1) is not a formula here", "+1 is the body's first word.")
    [item] = load_bytes(_csv([article]), "export.csv").items
    assert item.title == "=SUM(A1) is not a formula here"
    assert item.body.startswith("+1 is the body")


def test_a_cell_longer_than_the_csv_modules_default_cap(make_article: ArticleFactory) -> None:
    long_body = "\n\n".join(f"Paragraph {n} of a very long report." * 20 for n in range(400))
    assert len(long_body) > 131072
    [item] = load_bytes(_csv([make_article("A long report", long_body)]), "long.csv").items
    assert item.title == "A long report"
    assert "Paragraph 399" in item.body


def test_wire_columns_keep_a_killed_item_killed() -> None:
    table = (
        "title,body,wire_status,wire_version,wire_urgency,wire_slugline\r\n"
        "Dam bursts,Water reached the valley.,withdrawn,3,2,DAM-BURST\r\n"
    )
    [item] = load_bytes(table.encode(), "wire.csv").items
    assert item.status == "withdrawn"
    assert item.version == 3
    assert item.urgency == 2
    assert item.slugline == "DAM-BURST"


def test_a_table_of_something_else_is_refused_with_a_reason() -> None:
    result = load_bytes(b"name,phone\r\nAna Velasco,555-0100\r\n", "contacts.csv")
    assert result.error is not None
    assert "CSV table without a title or body column" in result.error
    assert result.items == []


def test_empty_and_header_only_tables_are_refused() -> None:
    assert load_bytes(b"title,body\r\n", "empty.csv").error == (
        "no articles in this CSV table (no rows)"
    )
    result = load_bytes(b"title,body\r\n,\r\n", "blank.csv")
    assert result.error is not None and result.items == []


def test_a_row_without_title_or_text_is_skipped_and_said() -> None:
    table = "title,body,source\r\n,,Some Outlet\r\nKept,Its text.,Outlet\r\n"
    result = load_bytes(table.encode(), "mixed.csv")
    assert [i.title for i in result.items] == ["Kept"]
    assert any("row 2" in w and "no title and no text" in w for w in result.warnings)


@pytest.mark.parametrize("sep", [";", "\t"])
def test_a_table_saved_with_semicolons_or_tabs_is_read(sep: str) -> None:
    # Excel in most European locales saves CSV with semicolons: it was "not articles".
    table = sep.join(["title", "body", "tags"]) + "\r\n"
    table += sep.join(['"Harbour wall repaired"', '"The wall held, the mayor said."', "x"])
    [item] = load_bytes((table + "\r\n").encode(), "semi.csv").items
    assert item.title == "Harbour wall repaired"
    assert item.body == "The wall held, the mayor said."
    assert item.tags == ["x"]


def test_columns_it_does_not_read_are_named() -> None:
    table = (
        "Headline,Story Text,Author,Date\r\n"
        'Excel style headline,"Some story text here.",Jane Doe,2026-03-14\r\n'
    )
    result = load_bytes(table.encode(), "excel.csv")
    [item] = result.items
    assert item.title == "Excel style headline" and item.authors == ["Jane Doe"]
    assert any("columns not read" in w and "'Story Text'" in w for w in result.warnings)


def test_a_title_that_really_starts_with_a_quote_and_equals_comes_back(
    make_article: ArticleFactory,
) -> None:
    article = make_article("'=' is how spreadsheets hide a formula", "Body text of the story.")
    [item] = load_bytes(_csv([article]), "export.csv").items
    assert item.title == "'=' is how spreadsheets hide a formula"
