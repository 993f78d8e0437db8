"""The publication time of an HTML page: published beats modified, and a zoned stated
time beats the same moment printed on a zoneless clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.extract.page_clock import on_page_clock
from newsdesk.ingest import load_file
from newsdesk.ingest.html_dates import choose_published
from newsdesk.ingest.html_meta import parse_document, read_page_meta


def _meta_published(head: str) -> str | None:
    tree = parse_document(f"<html><head>{head}</head><body><p>Text.</p></body></html>")
    assert tree is not None
    return read_page_meta(tree).published


def test_og_article_published_time_beats_a_weak_field_holding_the_modified_time() -> None:
    head = (
        '<meta name="sailthru.date" content="2026-01-20T09:49:32Z">'
        '<meta property="og:article:published_time" content="2026-01-19T12:25:36Z">'
        '<meta property="og:article:modified_time" content="2026-01-20T09:49:32Z">'
    )
    assert _meta_published(head) == "2026-01-19T12:25:36+00:00"


def test_json_ld_date_published_beats_a_weak_field_equal_to_date_modified() -> None:
    head = (
        '<meta name="sailthru.date" content="2026-01-20T09:49:32Z">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Awards",'
        ' "datePublished": "2026-01-19T12:25:36Z", "dateModified": "2026-01-20T09:49:32Z"}'
        "</script>"
    )
    assert _meta_published(head) == "2026-01-19T12:25:36+00:00"
    # A weak field with no published time beside it is still the page's date.
    alone = '<meta name="sailthru.date" content="2026-01-20T09:49:32Z">'
    assert _meta_published(alone) == "2026-01-20T09:49:32+00:00"


def test_a_modified_time_equal_to_the_published_one_is_not_passed_over() -> None:
    moment = "2026-11-20T02:59:46+00:00"
    assert choose_published([moment], None, published=moment, modified=[moment]) == moment
    assert (
        choose_published(
            ["2026-11-21T08:00:00Z", moment],
            None,
            published=moment,
            modified=["2026-11-21T08:00:00+00:00"],
        )
        == moment
    )


def test_on_page_clock_writes_the_stated_moment_at_the_printed_offset() -> None:
    assert on_page_clock("2026-11-19T07:03:25+00:00", "2026-11-18T23:03:00") == (
        "2026-11-18T23:03:25-08:00"
    )
    # A quarter-hour zone (Nepal), east of Greenwich.
    assert on_page_clock("2026-03-01T10:00:00Z", "2026-03-01T15:45:00") == (
        "2026-03-01T15:45:00+05:45"
    )
    # Not one moment on any clock, a printed zone, a day alone, a zoneless markup: None.
    assert on_page_clock("2026-11-19T07:03:25+00:00", "2026-11-18T23:17:00") is None
    assert on_page_clock("2026-11-19T07:03:25+00:00", "2026-11-18T23:03:00-08:00") is None
    assert on_page_clock("2026-11-19T07:03:25+00:00", "2026-11-18") is None
    assert on_page_clock("2026-11-19T07:03:25", "2026-11-18T23:03:00") is None
    assert on_page_clock("2026-11-19T07:03:25+00:00", "2026-11-17T07:03:00") is None


def _page(published: str, shown: str) -> str:
    paragraphs = "".join(
        f"<p>Paragraph {n} of the report on the council's housing vote, with enough words "
        "to count as the story's body and not as a caption or a link under it.</p>"
        for n in range(1, 6)
    )
    return (
        "<html><head><title>Council approves the harbour housing plan</title>"
        f'<meta property="article:published_time" content="{published}"></head><body>'
        "<article><h1>Council approves the harbour housing plan</h1>"
        f"<p>By Nadia Ortiz</p><p>{shown}</p>{paragraphs}</article></body></html>"
    )


def _published(tmp_path: Path, html: str) -> str | None:
    page = tmp_path / "page.html"
    page.write_text(html, "utf-8")
    [item] = load_file(page).items
    return item.published


def test_a_zoned_stated_time_beats_the_zoneless_time_the_page_prints(tmp_path: Path) -> None:
    # Pacific evening: the UTC day is the next one; the page prints the local time. The
    # stated moment stays, on the clock (and so the day) the page shows its readers.
    page = _page("2026-11-19T07:03:25+00:00", "November 18, 2026 11:03 PM")
    assert _published(tmp_path, page) == "2026-11-18T23:03:25-08:00"
    page = _page("2026-11-20T02:59:46Z", "November 19, 2026 at 8:59 pm")
    assert _published(tmp_path, page) == "2026-11-19T20:59:46-06:00"
    # 10:41 PM is no whole zone offset from 02:29 UTC: the printed local day stands.
    page = _page("2026-05-04T02:29:00+00:00", "May 3, 2026 10:41 PM")
    assert (_published(tmp_path, page) or "")[:10] == "2026-05-03"


@pytest.mark.realworld
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("reuters-parasite-sag-awards", "2020-01-19T12:25:36+00:00"),
        ("venturebeat-wework-nyag", "2019-11-18T23:03:25-08:00"),
        ("twincities-wild-sabres", "2019-11-19T20:59:46-06:00"),
    ],
)
def test_real_pages_published_time(shared_dir: Path, name: str, expected: str) -> None:
    path = shared_dir / "realworld" / "html" / f"{name}.html.gz"
    if not path.exists():
        pytest.skip(f"{path.name} is not in ../shared")
    [item] = load_file(path).items
    assert item.published == expected


def test_a_zoneless_published_time_takes_the_zone_another_field_states_for_it() -> None:
    """The Los Angeles Times' tag said "2019-11-20T01:50:59.403" and its JSON-LD the same
    clock time with "Z": the article was stored with no zone (shown as zone unknown, on
    the UTC day for every reader)."""
    head = (
        '<meta property="article:published_time" content="2019-11-20T01:50:59.403">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Glitches",'
        ' "datePublished": "2019-11-20T01:50:59.403Z"}</script>'
    )
    assert _meta_published(head) == "2019-11-20T01:50:59+00:00"
    assert choose_published(["2026-03-01T08:00:00", "2026-03-01T08:00:00+01:00"], None) == (
        "2026-03-01T08:00:00+01:00"
    )
    # Another clock time is another moment: the zoneless one stands.
    assert choose_published(["2026-03-01T08:00:00", "2026-03-01T12:00:00+01:00"], None) == (
        "2026-03-01T08:00:00"
    )
