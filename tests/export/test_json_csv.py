"""JSON and CSV exports: one record per article, back through the json and csv modules."""

from __future__ import annotations

import csv
import io
import json

from newsdesk.export import RECORD_FIELDS, ExportOptions, export_record, render
from newsdesk.export.json_csv import CSV_COLUMNS
from newsdesk.model import Article

from .conftest import ArticleFactory


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_record_has_every_field_in_order(rich_article: Article) -> None:
    record = export_record(rich_article)
    assert tuple(record) == RECORD_FIELDS
    assert record["tags"] == ["floods", "swiss"]
    assert record["starred"] is True
    assert record["quotes"][0] == {"text": "We will rebuild", "speaker": "Anna Muster"}


def test_json_round_trip(rich_article: Article, make_article: ArticleFactory) -> None:
    articles = [rich_article, make_article('Quotes "and" commas, ünïcode', "Body\n\nTwo")]
    text = render(articles, ExportOptions(format="json")).text
    data = json.loads(text)
    assert data == [export_record(a) for a in articles]
    assert data[1]["title"] == 'Quotes "and" commas, ünïcode'
    assert data[1]["body"] == "Body\n\nTwo"
    assert "ünïcode" in text  # readable, not \\u-escaped


def test_csv_round_trip(rich_article: Article, make_article: ArticleFactory) -> None:
    articles = [rich_article, make_article('Commas, "quotes"\nand a newline', "Line 1\n\nLine 2")]
    rows = csv_rows(render(articles, ExportOptions(format="csv")).text)
    assert len(rows) == 2
    assert tuple(rows[0]) == CSV_COLUMNS
    first, second = rows
    assert first["title"] == rich_article.meta.title
    assert first["authors"] == "Jane Doe; John Roe"
    assert first["tags"] == "floods; swiss"
    assert first["places"] == "Zürich"
    assert first["starred"] == "true"
    assert first["quotes"].startswith("We will rebuild — Anna Muster; It came fast")
    assert second["title"] == 'Commas, "quotes" and a newline'  # one-line fields are cleaned
    assert second["body"] == "Line 1\n\nLine 2"


def test_csv_defuses_spreadsheet_formulas(make_article: ArticleFactory) -> None:
    article = make_article('=HYPERLINK("http://evil")', "+1 body", tags=["@tag"])
    [row] = csv_rows(render([article], ExportOptions(format="csv")).text)
    assert row["title"] == '\'=HYPERLINK("http://evil")'
    assert row["body"] == "'+1 body"
    assert row["tags"] == "'@tag"
    assert row["word_count"] == "0"


def test_summary_and_body_options_apply_to_data_formats(rich_article: Article) -> None:
    summary = json.loads(render([rich_article], ExportOptions(format="json", summary=True)).text)
    assert summary[0]["body"] == "Water rose overnight.\n\nShops closed."
    no_body = json.loads(
        render([rich_article], ExportOptions(format="json", include_body=False)).text
    )
    assert no_body[0]["body"] is None
    [row] = csv_rows(render([rich_article], ExportOptions(format="csv", include_body=False)).text)
    assert row["body"] == ""


def test_control_characters_do_not_reach_the_output(make_article: ArticleFactory) -> None:
    article = make_article("Title\x1b]0;pwned\x07 here", "Body \x1b[31mred\x1b[0m")
    for fmt in ("json", "csv", "md"):
        text = render([article], ExportOptions(format=fmt)).text
        assert "\x1b" not in text and "\x07" not in text


def test_empty_selection_renders_valid_documents() -> None:
    assert json.loads(render([], ExportOptions(format="json")).text) == []
    assert csv_rows(render([], ExportOptions(format="csv")).text) == []
    assert "No articles." in render([], ExportOptions(format="md")).text


def test_record_says_where_from_and_when_corrected_without_passwords(
    rich_article: Article,
) -> None:
    """An export lacked what `show --json` says (every origin, the feed's correction time)
    and handed on a feed URL's password that every screen hides."""
    from dataclasses import replace

    fetched = replace(
        rich_article,
        origin="https://ana:s3cret@feeds.example/rss#2",
        origins=["https://ana:s3cret@feeds.example/rss#2", "/desk/in/flood.txt"],
        updated_at="2026-11-20T09:15:00+00:00",
    )
    record = export_record(fetched)
    assert record["origins"] == ["https://ana@feeds.example/rss#2", "/desk/in/flood.txt"]
    assert record["origin"] == "https://ana@feeds.example/rss#2"
    assert record["updated_at"] == "2026-11-20T09:15:00+00:00"
    for fmt in ("json", "csv", "md"):
        assert "s3cret" not in render([fetched], ExportOptions(format=fmt)).text, fmt
    # An article from one place still lists it.
    assert export_record(rich_article)["origins"] == [rich_article.origin]
