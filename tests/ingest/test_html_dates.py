"""The publication date of an HTML page: machine dates put right against the printed ones."""

from __future__ import annotations

from pathlib import Path

from newsdesk.ingest import load_bytes, load_file
from newsdesk.ingest.html_dates import choose_published, time_element_date, url_date
from newsdesk.ingest.html_meta import parse_document, read_page_meta


def _tree(body: str, head: str = "") -> object:
    tree = parse_document(f"<html><head>{head}</head><body>{body}</body></html>")
    assert tree is not None
    return tree


def test_first_readable_candidate_wins() -> None:
    assert choose_published([None, "", "soon", "2021-03-04T10:00:00+01:00"], None) == (
        "2021-03-04T10:00:00+01:00"
    )
    assert choose_published([None, "nothing"], None) is None


def test_local_midnight_written_as_utc_is_the_next_day() -> None:
    assert choose_published(["2022-11-06T23:00:00.000Z"], None) == "2022-11-07"
    assert choose_published(["2021-06-04T22:00:00Z"], None) == "2021-06-05"
    # Any other time is a moment, kept as it is.
    assert choose_published(["2022-11-06T23:00:05Z"], None) == "2022-11-06T23:00:05+00:00"
    assert choose_published(["2022-11-06T21:00:00Z"], None) == "2022-11-06T21:00:00+00:00"


def test_a_utc_time_is_written_in_the_publishers_zone_when_another_candidate_gives_it() -> None:
    # 03:37 UTC on the 4th is 23:37 on the 3rd in the site's zone: the day its readers saw.
    local = "2022-05-03T23:37:37-04:00"
    assert choose_published(["2022-05-04T03:37:37+00:00", None, local], None) == local
    # Seconds dropped by one template are still one moment.
    assert choose_published(["2022-05-04T03:37:37Z", "2022-05-03T23:37:00-04:00"], None) == (
        "2022-05-03T23:37:00-04:00"
    )
    # Another moment (the page changed later) or a day alone does not replace it.
    later = "2022-05-04T08:00:00+02:00"
    assert choose_published(["2022-05-04T03:37:37Z", later], None) == "2022-05-04T03:37:37+00:00"
    assert choose_published(["2022-05-04T03:37:37Z", "2022-05-03"], None) == (
        "2022-05-04T03:37:37+00:00"
    )
    # A time already in a local zone stays as stated.
    assert choose_published([later, "2022-05-04T06:00:00+00:00"], None) == later


def test_url_dated_long_before_the_markup_keeps_the_first_publication() -> None:
    url = "https://example.org/home/2017/7/12/a-walk-by-the-sea"
    assert url_date(url) is not None
    assert choose_published(["2019-06-17T18:28:00+0200"], url) == "2017-07-12"
    # A day or a month apart is the same story updated: the markup stands.
    near = "https://example.org/news/2022/05/02/schedule"
    assert choose_published(["2022-05-08T10:00:00+00:00"], near) == "2022-05-08T10:00:00+00:00"
    assert url_date("https://example.org/2022/13/45/x") is None


def test_time_element_day_and_month_from_its_written_date() -> None:
    tree = _tree('<time datetime="01-11-2023 10:29">1. November 2023 10:29</time>')
    assert time_element_date(tree) == "2023-11-01T10:29:00"
    # Without a written month the attribute is read as it is.
    assert time_element_date(_tree('<time datetime="2023-01-11">11.01.2023</time>')) == (
        "2023-01-11"
    )


def test_page_meta_uses_the_corrections() -> None:
    head = '<meta property="article:published_time" content="2021-11-04T23:00Z">'
    meta = read_page_meta(_tree("<p>Text.</p>", head))
    assert meta.published == "2021-11-05"


def test_json_ld_written_date_before_its_changed_date() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry",'
        ' "dateCreated": "2020-04-27T17:58:19+02:00", "dateModified": "2020-07-08T09:00:00+02:00"}'
        "</script>"
    )
    assert read_page_meta(_tree("<p>Text.</p>", ld)).published == "2020-04-27T17:58:19+02:00"
    # A publication date, where given, comes first.
    published = ld.replace('"dateCreated"', '"datePublished": "2020-04-28", "dateCreated"')
    assert read_page_meta(_tree("<p>Text.</p>", published)).published == "2020-04-28"


def _page(published: str, shown: str) -> str:
    paragraphs = "".join(
        f"<p>Paragraph {n} of the report on the river crossing, with enough words to count "
        f"as the story's body and not as a caption or a link under it.</p>"
        for n in range(1, 6)
    )
    return (
        "<html><head><title>Ferry crossing reopens after the floods</title>"
        f'<meta property="article:published_time" content="{published}"></head><body>'
        "<article><h1>Ferry crossing reopens after the floods</h1>"
        f"<p>By Nadia Ortiz</p><p>{shown}</p>{paragraphs}</article></body></html>"
    )


def _day(tmp_path: Path, html: str) -> str:
    """The publication day newsdesk reads from the page `html`."""
    page = tmp_path / "page.html"
    page.write_text(html, "utf-8")
    [item] = load_file(page).items
    return (item.published or "")[:10]


def test_the_day_the_page_shows_beats_the_next_utc_day(tmp_path: Path) -> None:
    """A story filed at 22:41 in La Paz is 02:41 UTC the next day in its markup;
    the page prints the local day, which is the story's date."""
    html = _page("2026-05-04T02:41:00+00:00", "May 3, 2026 10:41 PM")
    assert _day(tmp_path, html) == "2026-05-03"


def test_a_markup_time_with_its_own_offset_stands(tmp_path: Path) -> None:
    assert _day(tmp_path, _page("2026-05-04T02:41:00+02:00", "May 3, 2026")) == "2026-05-04"


def test_the_date_in_the_header_beats_a_markup_date_days_away(tmp_path: Path) -> None:
    """The markup's date is a CMS's (the page was moved or changed weeks later); the
    header under the headline says when the story was published."""
    assert _day(tmp_path, _page("2026-06-19T09:00:00+02:00", "3. Mai 2026")) == "2026-05-03"
    # A date in the story's first paragraph is what it is about, not when it was written.
    lede = (
        "The ferry last ran on May 3, 2026, before the river rose over the landing stage "
        "and the county closed the road down to the water for the rest of the spring."
    )
    assert _day(tmp_path, _page("2026-06-19T09:00:00+02:00", lede)) == "2026-06-19"


def test_a_published_line_further_under_the_headline_beats_a_markup_date_days_away(
    tmp_path: Path,
) -> None:
    # A player and its links sit between the headline and the line that says when the
    # episode was published; the markup's date is a comment's, a week later.
    player = "".join(f"<p>Download {kind}</p>" for kind in ("mp3", "m4a", "opus", "ogg", "Feed"))
    page = _page("2026-08-24T03:36:11+02:00", "Episode 158").replace(
        "<p>Episode 158</p>", f"<p>Episode 158</p>{player}<p>Veröffentlicht am 16.08.2026</p>"
    )
    assert _day(tmp_path, page) == "2026-08-16"
    # Unlabelled, a date that far down is not the header's.
    unlabelled = page.replace("Veröffentlicht am 16.08.2026", "Aufgenommen 16.08.2026 in Berlin")
    assert _day(tmp_path, unlabelled) == "2026-08-24"


def test_a_header_date_read_in_the_other_order_leaves_the_markup(tmp_path: Path) -> None:
    assert _day(tmp_path, _page("2026-10-02T09:00:00+01:00", "02/10/2026")) == "2026-10-02"


def test_the_header_is_found_under_the_pages_h1_when_the_title_differs(tmp_path: Path) -> None:
    html = _page("2026-06-19T09:00:00+02:00", "3. Mai 2026").replace(
        "<title>Ferry crossing reopens after the floods</title>",
        "<title>Harbour news: ferries and tides this week</title>",
    )
    assert _day(tmp_path, html) == "2026-05-03"


def test_a_utc_markup_time_gives_way_to_the_local_day_in_the_header(tmp_path: Path) -> None:
    assert _day(tmp_path, _page("2026-05-04T00:44:00+00:00", "3 May 2026 21:44")) == "2026-05-03"


def test_a_header_date_under_its_byline_role_and_reading_time(tmp_path: Path) -> None:
    """The header's lines (the author, the role, the reading time) push the date down past
    the first few lines under the headline; it still beats a markup date weeks away."""
    header = "Nadia Ortiz</p><p>Chefredakteurin</p><p>ca. 8 Min.</p><p>12.01.2026"
    assert _day(tmp_path, _page("2025-11-29T14:13:37+00:00", header)) == "2026-01-12"
    # Short lines with no byline nor reading time above the date are no header.
    unsigned = _page("2025-11-29T14:13:37+00:00", "Fähren</p><p>Häfen</p><p>am</p><p>12.01.2026")
    unsigned = unsigned.replace("<p>By Nadia Ortiz</p>", "<p>Verkehr</p>")
    assert _day(tmp_path, unsigned) == "2025-11-29"


def test_an_american_pages_numeric_date_is_month_first_whatever_htmldate_guessed() -> None:
    # The markup states no date; htmldate read "3/4/2024" as 3 April, and the header's
    # own reading (4 March, English order) lost to it as "the same date swapped".
    page = (
        '<!doctype html><html lang="en-US"><head><meta charset="utf-8">'
        "<title>Council approves bus routes | Dayton Ledger</title></head><body><article>"
        "<h1>Council approves bus routes</h1><p>By Ann Carver</p><p>Posted 3/4/2024 6:15 PM</p>"
        + "".join(
            f"<p>DAYTON, Ohio — Paragraph {n}: the council voted on Monday to approve four "
            "new bus routes linking the east side with the hospital district.</p>"
            for n in range(4)
        )
        + "</article></body></html>"
    )
    [item] = load_bytes(page.encode(), "routes.html").items
    assert (item.published or "").startswith("2024-03-04")


def test_a_web_page_s_json_ld_states_the_publication_date() -> None:
    """A health site describes its article as a MedicalWebPage: its datePublished is the
    publication date, and dateModified is not."""
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        '"@type": "MedicalWebPage", "name": "Walk after dinner", "datePublished": "2024-11-06",'
        '"dateModified": "2024-11-08"}</script>'
    )
    assert read_page_meta(_tree("<p>Text.</p>", ld)).published == "2024-11-06"


def test_an_updated_line_in_the_header_does_not_redate_a_stated_publication(
    tmp_path: Path,
) -> None:
    """A line "Updated on ..." under the byline gives the day the story was changed; the markup's
    publication date stands."""
    html = _page("2024-11-06T09:00:00-05:00", "Updated on November 8, 2024")
    assert _day(tmp_path, html) == "2024-11-06"


def test_the_header_s_day_beats_a_markup_time_no_zone_puts_on_it(tmp_path: Path) -> None:
    """Noon on the 3rd at +01:00 is the 3rd on any clock a page is printed on: a header
    that says the story was published on the 2nd dates it."""
    html = _page("2025-09-03T12:00:00+01:00", "Published: 2nd September 2025")
    assert _day(tmp_path, html) == "2025-09-02"
    # Early in the morning of the 4th may be the 3rd on another clock: the markup stands.
    assert _day(tmp_path, _page("2025-09-04T03:00:00+01:00", "3 September 2025")) == "2025-09-04"
