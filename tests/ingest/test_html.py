"""HTML pages: main text from trafilatura, metadata from the page's own markup."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from newsdesk.ingest import html_page, load_bytes
from newsdesk.ingest.html_headline import (
    first_h1,
    prefer_visible,
    strip_host_lead,
    strip_site_suffix,
)
from newsdesk.ingest.html_meta import correction_notes, parse_document, read_page_meta

PARAGRAPHS = [
    "The regional council voted on Tuesday to extend the tram line by three stops, ending a debate that began in 2019.",
    "Construction will start in the spring and the new stops should open within two years, officials said.",
    "Residents of the northern districts have campaigned for the extension for most of the last decade.",
    "The project is expected to cost about 80 million euros, most of it from the national transport fund.",
]


def page(head: str = "", body_extra: str = "", ld: object | None = None) -> str:
    script = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld is not None else ""
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"{head}{script}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Tram line to be extended north</h1>{body_extra}{paragraphs}</article>"
        "<footer>© City Courier. All rights reserved.</footer>"
        "<script>trackVisitor()</script></body></html>"
    )


HEAD = (
    "<title>Tram line to be extended north | City Courier</title>"
    '<meta property="og:title" content="Tram line to be extended north">'
    '<meta property="og:site_name" content="City Courier">'
    '<meta name="description" content="Three new stops by 2027 after a decade of campaigning.">'
    '<meta property="article:published_time" content="2024-05-14T08:30:00+02:00">'
    '<meta name="author" content="Mara Quill">'
    '<link rel="canonical" href="https://citycourier.example/news/tram-north">'
)


def test_html_page_metadata_and_body() -> None:
    result = load_bytes(page(HEAD).encode(), "tram.html")
    assert result.error is None
    assert result.format == "html"
    item = result.items[0]
    assert item.format == "html"
    assert item.title == "Tram line to be extended north"
    assert item.source == "City Courier"
    assert item.authors == ["Mara Quill"]
    assert item.published == "2024-05-14T08:30:00+02:00"
    assert item.url == "https://citycourier.example/news/tram-north"
    assert item.dek == "Three new stops by 2027 after a decade of campaigning."
    assert "three stops" in item.body
    assert "trackVisitor" not in item.body
    assert "All rights reserved" not in item.body


def test_title_suffix_stripped_from_title_tag() -> None:
    head = "<title>Tram line to be extended north - City Courier</title>"
    tree = parse_document(page(head).replace("<h1>Tram line to be extended north</h1>", ""))
    assert tree is not None
    assert read_page_meta(tree).title == "Tram line to be extended north"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Storm hits coast | The Daily Wave", "The Daily Wave", "Storm hits coast"),
        ("The Daily Wave - Storm hits coast", "The Daily Wave", "Storm hits coast"),
        (
            "Storm - a retrospective of the worst winter",
            "Wave",
            "Storm - a retrospective of the worst winter",
        ),
    ],
)
def test_strip_site_suffix(title: str, site: str, expected: str) -> None:
    assert strip_site_suffix(title, site) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Opinion | The city needs more ferries - Harbour Times", "The city needs more ferries"),
        ("Live updates | Storm hits the coast at dawn", "Storm hits the coast at dawn"),
        ("Analysis » Why the ferry vote matters | Harbour Times", "Why the ferry vote matters"),
        # The headline's own words, or too short to stand alone: kept.
        (
            "Analysis: why the ferry vote matters | Harbour Times",
            "Analysis: why the ferry vote matters",
        ),
        ("Review - a ferry worth the wait | Harbour Times", "Review - a ferry worth the wait"),
        ("Opinion | Ferries | Harbour Times", "Opinion | Ferries"),
        (
            "Harbourside | Ferry fares rise again this winter",
            "Harbourside | Ferry fares rise again this winter",
        ),
    ],
)
def test_a_section_set_before_the_title_is_left_out(title: str, expected: str) -> None:
    assert strip_site_suffix(title, "Harbour Times") == expected


def test_a_page_without_h1_takes_its_title_without_the_section() -> None:
    head = "<title>Opinion | Tram line to be extended north - City Courier</title>"
    tree = parse_document(page(head).replace("<h1>Tram line to be extended north</h1>", ""))
    assert tree is not None
    assert read_page_meta(tree).title == "Tram line to be extended north"


@pytest.mark.parametrize(
    ("meta_title", "h1", "expected"),
    [
        # The page's date and time run on after the headline, in the meta title or the <h1>.
        (
            "Tram line to be extended north : 31.10.2026, 10.19 Uhr",
            "Tram line to be extended north",
            "Tram line to be extended north",
        ),
        (
            "Tram line to be extended north",
            "Tram line to be extended north 02.02.2026 • News",
            "Tram line to be extended north",
        ),
        # A part set off by a bar or a dash: the site, a teaser.
        (
            "Tram line to be extended north | Verkehrsverbund Nord, Ost und Süd",
            "Tram line to be extended north",
            "Tram line to be extended north",
        ),
        (
            "Tram line to be extended north",
            "Tram line to be extended north – Erfahre mehr zu den Plänen",
            "Tram line to be extended north",
        ),
        # A subtitle the <h1> adds is the headline as shown.
        (
            "Tram line to be extended north",
            "Tram line to be extended north: the works begin",
            "Tram line to be extended north: the works begin",
        ),
        # A topic or the site set before the headline the <h1> shows alone.
        (
            "Transport 2030 - Tram line to be extended north",
            "Tram line to be extended north",
            "Tram line to be extended north",
        ),
        ("市民ニュース|市電の路線が北へ延びる", "市電の路線が北へ延びる", "市電の路線が北へ延びる"),
        # A one-word <h1> at the end of the title is a section, not the headline.
        (
            "Tram line to be extended north | Transport",
            "Transport",
            "Tram line to be extended north | Transport",
        ),
    ],
)
def test_a_date_run_onto_the_headline_is_left_out(meta_title: str, h1: str, expected: str) -> None:
    assert prefer_visible(meta_title, h1) == expected


def test_json_ld_authors_keep_people_only() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Tram line to be extended north",
        "datePublished": "2024-05-14",
        "author": [
            {"@type": "Person", "name": "Tobias Fenn"},
            {"@type": "Organization", "name": "City Courier Staff"},
            "https://citycourier.example/authors/ana",
        ],
        "publisher": {"@type": "Organization", "name": "City Courier"},
    }
    item = load_bytes(page(ld=ld).encode(), "ld.html").items[0]
    assert item.authors == ["Tobias Fenn"]
    assert item.published == "2024-05-14"
    assert item.source == "City Courier"


def test_byline_time_and_figcaption() -> None:
    extra = (
        '<p class="byline">By Ana Ruiz and Leo Park</p>'
        '<time datetime="2024-05-14T10:00:00Z">14 May</time>'
        "<figure><img src='t.jpg'><figcaption>A tram at the northern terminus.</figcaption></figure>"
    )
    item = load_bytes(page(body_extra=extra).encode(), "b.html").items[0]
    assert item.authors == ["Ana Ruiz", "Leo Park"]
    assert item.published == "2024-05-14T10:00:00+00:00"
    assert "A tram at the northern terminus." in item.captions


def test_html_with_entity_doctype_is_refused() -> None:
    doc = '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x "boom">]><html><body><p>&x;</p></body></html>'
    result = load_bytes(doc.encode(), "evil.html")
    assert result.items == []
    assert result.error is not None
    assert "unsafe XML" in result.error


def test_huge_page_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_page, "MAX_HTML_PARSE_BYTES", 4096)
    filler = (
        "<div>" + "<p>Filler paragraph about nothing in particular at all.</p>" * 2000 + "</div>"
    )
    result = load_bytes(page(HEAD, body_extra=filler).encode(), "big.html")
    assert result.error is None
    assert any("only its start was read" in w for w in result.warnings)


def test_html_named_file_without_markup_is_text() -> None:
    result = load_bytes(
        b"Plain headline\n\nPlain body text, saved under an html name.\n", "saved.html"
    )
    assert result.format == "text"
    assert result.error is None


def test_markup_without_article_text() -> None:
    result = load_bytes(b"<html><head></head><body><div></div></body></html>", "void.html")
    assert result.items == []
    assert result.error is not None


def test_html_escapes_are_stripped() -> None:
    head = '<meta property="og:title" content="Tram \x1b[2J line \x1b]8;;http://x\x07link">'
    item = load_bytes(page(head).encode(), "esc.html").items[0]
    assert "\x1b" not in item.title
    assert "\x07" not in item.title


def test_standfirst_credits_and_related_links() -> None:
    extra = (
        '<p class="standfirst">Three new stops by 2027, and the first trams run at night.</p>'
        "<figure><img src='t.jpg'><figcaption>A tram at the terminus. "
        '<span class="credit">Photo: Lena Holm/City Courier</span></figcaption></figure>'
    )
    related = (
        '<p class="credits">Edited by Jonas Berg</p>'
        '<div class="related"><h2>Related</h2><ul>'
        '<li><a href="/news/bus-lanes">Bus lanes return to the ring road</a></li>'
        '<li><a href="/news">More news</a></li></ul></div>'
    )
    html = page(HEAD, body_extra=extra).replace("</article>", related + "</article>")
    html = html.replace(
        "</body>",
        '<aside class="summary"><p class="summary">A promoted story about something else entirely.</p></aside></body>',
    )
    item = load_bytes(html.encode(), "tram.html").items[0]
    # The visible standfirst wins over the meta description.
    assert item.dek == "Three new stops by 2027, and the first trams run at night."
    assert "A tram at the terminus." in item.captions
    assert "Photo: Lena Holm/City Courier" in item.credits
    assert "Edited by Jonas Berg" in item.credits
    assert [(link.title, link.url) for link in item.links] == [
        ("Bus lanes return to the ring road", "https://citycourier.example/news/bus-lanes")
    ]
    assert "Bus lanes return" not in item.body


def test_hidden_text_stays_out_of_the_body() -> None:
    extra = (
        '<p>Mayor <a href="/p/ana">Ana Ruiz</a><span class="rollover-people-block">Ana Maria Ruiz Profile</span>'
        " opened the new stop on Monday morning with a short speech about the line.</p>"
        '<p style="display: none">Subscribe to our newsletter now</p>'
        '<p aria-hidden="true">Decorative pull quote</p>'
    )
    body = load_bytes(page(HEAD, body_extra=extra).encode(), "hidden.html").items[0].body
    assert "Mayor Ana Ruiz opened the new stop" in body
    for hidden in ("Profile", "Subscribe to our newsletter", "Decorative pull quote"):
        assert hidden not in body


def test_date_from_url_when_markup_has_none() -> None:
    head = '<link rel="canonical" href="https://citycourier.example/2024/05/14/tram-north.html">'
    item = load_bytes(page(head).encode(), "nodate.html").items[0]
    assert item.published == "2024-05-14"


def test_full_mode_only_for_a_thin_main_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fast mode's text stands unless thin; then full mode's is taken only when longer."""
    calls: list[bool] = []
    long_text = " ".join(PARAGRAPHS * 3)

    def fake(fast_words: str, full_words: str) -> Callable[..., str]:
        def run(tree: object, *, fast: bool) -> str:
            calls.append(fast)
            return fast_words if fast else full_words

        return run

    tree = parse_document(page())
    monkeypatch.setattr(html_page, "_trafilatura_text", fake(long_text, "other"))
    assert html_page._main_text_trafilatura(tree) == long_text
    assert calls == [True]  # a full text: no second look
    calls.clear()
    monkeypatch.setattr(html_page, "_trafilatura_text", fake("Menu Home News", long_text))
    assert html_page._main_text_trafilatura(tree) == long_text
    assert calls == [True, False]
    monkeypatch.setattr(html_page, "_trafilatura_text", fake("A short brief.", "Menu"))
    assert html_page._main_text_trafilatura(tree) == "A short brief."


def test_a_thin_page_still_reads_through_both_modes() -> None:
    # Real trafilatura, both modes: a two-paragraph brief is thin, and its text survives.
    brief = (
        "<!DOCTYPE html><html lang='en'><head><title>Ferry delayed</title></head><body>"
        "<div><h1>Ferry delayed by fog</h1><div>The morning ferry to the islands left two hours "
        "late on Friday because of thick fog over the bay, the operator said.</div>"
        "<div>Later sailings ran on time.</div></div></body></html>"
    )
    item = load_bytes(brief.encode(), "brief.html").items[0]
    assert "thick fog over the bay" in (item.body or "")


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        (
            "<span class='roofline'>Immobilienkrise </span>Firma Signa in Sorge",
            "Firma Signa in Sorge",
        ),
        (
            "<small>Tunesien</small><br> Große Aufgaben für die Regierung",
            "Große Aufgaben für die Regierung",
        ),
        (
            "<span class='kicker'>Corona</span><span class='sr'> - </span><span>Es kommt darauf an</span>",
            "Es kommt darauf an",
        ),
        (
            "<span class='headline'>Tram line to be extended north</span>",
            "Tram line to be extended north",
        ),
    ],
)
def test_kicker_inside_the_headline_is_left_out(h1: str, expected: str) -> None:
    html = (
        f"<html><head><title>{expected}</title></head><body><article><h1>{h1}</h1>"
        f"{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article></body></html>"
    )
    tree = parse_document(html)
    assert tree is not None
    assert read_page_meta(tree).title == expected


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        (
            "<span>Tram line to be extended north</span> "
            "<small class='article-subtitle'>Works begin in the spring</small>",
            "Tram line to be extended north",
        ),
        (
            "<span class='entry-title-primary'>Tram line to be extended north</span> "
            "<span class='entry-subtitle'>Works begin in the spring</span>",
            "Tram line to be extended north",
        ),
        (
            "<span>Tram line to be extended north</span><span class='aural'>: </span>"
            "<small><span>Topic:</span> Transport</small>",
            "Tram line to be extended north",
        ),
        # Ruby readings are not words of the headline.
        (
            "<ruby>市電<rp>(</rp><rt>しでん</rt><rp>)</rp></ruby>の路線が北へ延びる",
            "市電の路線が北へ延びる",
        ),
        # A subtitle class on what is the whole headline leaves it whole.
        (
            "<span class='subtitle'>Tram line to be extended north</span>",
            "Tram line to be extended north",
        ),
    ],
)
def test_a_subtitle_inside_the_headline_is_left_out(h1: str, expected: str) -> None:
    tree = parse_document(f"<html><body><article><h1>{h1}</h1></article></body></html>")
    assert tree is not None
    assert first_h1(tree) == expected


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        (
            "BMAS - Änderung der Anforderungen",
            "https://www.bmas.de/x",
            "Änderung der Anforderungen",
        ),
        ("mediaarchitecture.de // » Jens Weber", "https://mediaarchitecture.de/w", "Jens Weber"),
        # A lead that is not the site stays: a topic, or no URL to bear it out.
        ("Covid-19 - Was wir wissen", "https://www.example.org/c", "Covid-19 - Was wir wissen"),
        ("BMAS - Änderung der Anforderungen", None, "BMAS - Änderung der Anforderungen"),
    ],
)
def test_strip_host_lead(title: str, url: str | None, expected: str) -> None:
    assert strip_host_lead(title, url) == expected


def _h1_page(title: str, h1: str) -> str:
    """A page whose only headline markup is its <title> and one <h1>."""
    canonical = '<link rel="canonical" href="https://citycourier.example/news/tram-north">'
    return page(f"<title>{title}</title>{canonical}").replace(
        "<h1>Tram line to be extended north</h1>", f"<h1>{h1}</h1>"
    )


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        # The <h1> is the masthead (the host bears it out): the <title>'s other part.
        (
            "City Courier » Tram line to be extended north",
            "City Courier",
            "Tram line to be extended north",
        ),
        (
            "Courier online - Verkehr - Tram line to be extended north",
            "Courier",
            "Tram line to be extended north",
        ),
        # A menu's heading in the <h1> is no headline; a trail of sections ends with it.
        (
            "citycourier.example: Courier / Verkehr / Tram line to be extended north",
            "Navigation und Service",
            "Tram line to be extended north",
        ),
        # The <h1> is the headline: kept, the site's name cut from the <title> as before.
        (
            "Tram line to be extended north | City Courier",
            "Tram line to be extended north",
            "Tram line to be extended north",
        ),
        # An <h1> the host does not bear out is taken as shown.
        ("Harbour notes | Tram line to be extended north", "Harbour notes", "Harbour notes"),
    ],
)
def test_the_headline_beside_a_masthead_h1(title: str, h1: str, expected: str) -> None:
    tree = parse_document(_h1_page(title, h1))
    assert tree is not None
    assert read_page_meta(tree).title == expected


def test_a_meta_title_cut_at_a_quotation_mark_is_read_whole_from_the_title() -> None:
    head = (
        '<title>Council calls the tram plan "overdue"</title>'
        '<meta property="og:title" content="Council calls the tram plan ">'
    )
    tree = parse_document(page(head).replace("<h1>Tram line to be extended north</h1>", ""))
    assert tree is not None
    assert read_page_meta(tree).title == 'Council calls the tram plan "overdue"'


def test_metadata_escaped_twice_is_read_once() -> None:
    # A CMS that escapes its meta tags' text twice leaves "&quot;" in the parsed value.
    doc = parse_document(
        "<html><head><title>Ferry strike</title>"
        '<meta name="description" content="Pilots at the &amp;quot;Blue Quay&amp;quot; '
        'walk out &amp;amp; ferries stop">'
        '<meta property="og:title" content="Ferry strike: pilots walk out at &amp;#8220;Blue '
        'Quay&amp;#8221;"></head><body><p>Text.</p></body></html>'
    )
    assert doc is not None
    meta = read_page_meta(doc)
    assert meta.dek == 'Pilots at the "Blue Quay" walk out & ferries stop'
    assert meta.title == "Ferry strike: pilots walk out at “Blue Quay”"
    # Escaped once, as it should be: read as written (an ampersand stays one).
    once = parse_document(
        '<html><head><meta name="description" content="Salt &amp; pepper &lt;3"></head></html>'
    )
    assert once is not None and read_page_meta(once).dek == "Salt & pepper <3"


def test_a_story_only_in_json_ld_is_read_from_there() -> None:
    # A page drawn by script showed "Loading…" and the story was only in articleBody:
    # the body was one word.
    import json as json_module

    story = [
        "Dock workers at the three river ports will return to work on Monday after their "
        "union reached a tentative agreement with the port operators late on Sunday.",
        "The deal raises wages by 9 per cent over three years, the union said, and keeps the "
        "night shift at the container terminal staffed by two crews.",
        "Operators said the first ships would be unloaded on Monday morning.",
    ]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Dock strike ends with pay deal",
        "articleBody": "\n\n".join(story),
    }
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dock strike ends</title>'
        f'<script type="application/ld+json">{json_module.dumps(ld)}</script></head>'
        '<body><div id="app">Loading…</div></body></html>'
    )
    [item] = load_bytes(page.encode(), "docks.html").items
    assert item.body.split("\n\n") == story


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en-GB", "2026-03-04"),
        ("en_AU", "2026-03-04"),
        ("en-US", "2026-04-03"),
        # English without a region keeps the US reading.
        ("en", "2026-04-03"),
    ],
)
def test_a_pages_declared_region_orders_its_numeric_dates(lang: str, expected: str) -> None:
    html = page(body_extra="<p class='meta'>Posted 04/03/2026 by Kit Marr</p>").replace(
        "lang='en-GB'", f"lang='{lang}'"
    )
    item = load_bytes(html.encode(), "tram.html").items[0]
    assert (item.published or "")[:10] == expected


def test_a_last_updated_date_beside_the_byline_does_not_replace_the_stated_one() -> None:
    html = page(HEAD, body_extra="<p class='meta'>By Mara Quill | Last updated 10 June 2024</p>")
    item = load_bytes(html.encode(), "tram.html").items[0]
    assert item.published == "2024-05-14T08:30:00+02:00"
    # Said the same way without a stated date, it is still the only date the page gives.
    bare = page(body_extra="<p class='meta'>By Mara Quill | Last updated 10 June 2024</p>")
    assert (load_bytes(bare.encode(), "tram.html").items[0].published or "")[:10] == "2024-06-10"


def test_the_dateline_opens_the_paragraph_under_the_standfirst() -> None:
    standfirst = "Crews battled strong gusts as the Granite Ridge fire grew to 6,200 acres."
    html = (
        "<html lang='en'><head><title>Wildfire forces evacuation near Prescott</title>"
        f"<meta name='description' content='{standfirst}'></head><body><article>"
        f"<h1>Wildfire forces evacuation near Prescott</h1><p class='standfirst'>{standfirst}</p>"
        "<p>PRESCOTT, Ariz. — About 4,000 residents west of Prescott were ordered to leave "
        "their homes on Monday as a wind-driven wildfire jumped a containment line.</p>"
        f"{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article></body></html>"
    )
    item = load_bytes(html.encode(), "fire.html").items[0]
    assert item.dek == standfirst
    assert item.dateline == "Prescott, Ariz."
    # Without the dateline, a story paragraph naming the place is none.
    plain = html.replace("PRESCOTT, Ariz. — About", "About")
    assert load_bytes(plain.encode(), "fire.html").items[0].dateline is None


def test_a_correction_box_is_kept_in_the_body() -> None:
    """Main-text detection dropped the page's correction box as furniture: an editor
    never saw that the story had been corrected."""
    note = "Correction: An earlier version of this article misstated the number of stops."
    header = (
        "<p class='byline'>By Mara Quill</p><p class='stamp'>Updated May 14, 2024 at 7:12 p.m."
        " | Originally published May 14, 2024 at 10:20 a.m.</p>"
    )
    box = f"<div class='correction'><strong>Correction:</strong>{note[11:]}</div>"
    item = load_bytes(page(HEAD, body_extra=header + box).encode(), "tram.html").items[0]
    assert note in item.body and item.body.count("misstated") == 1
    # A box of that name that is no note (a link to the policy) is not one.
    policy = parse_document(
        "<html><body><article><div class='corrections-policy'>Corrections policy: how we fix"
        " errors</div><div class='correction'>Corrections and clarifications</div>"
        "</article></body></html>"
    )
    assert policy is not None and correction_notes(policy) == []


def test_related_stories_set_beside_the_article_are_its_links() -> None:
    """A related rail outside <article> (<aside class="related-rail">) gave no links;
    a site's "recommended" rail there is not the story's."""
    rail = (
        "<aside class='related-rail'><h2>More on this story</h2><ul>"
        "<li><a href='/news/tram-east'>Eastern tram line plans put on hold again</a></li>"
        "<li><a href='/news/fares'>Bus and tram fares to rise by five per cent</a></li>"
        "</ul></aside><div class='recommended'><a href='/ad'>You will not believe these ten "
        "gadgets</a></div>"
    )
    html = page(HEAD).replace("</article>", f"</article>{rail}")
    item = load_bytes(html.encode(), "tram.html").items[0]
    assert [link.title for link in item.links] == [
        "Eastern tram line plans put on hold again",
        "Bus and tram fares to rise by five per cent",
    ]
    assert item.links[0].url == "https://citycourier.example/news/tram-east"


def test_ad_slots_and_polls_inside_the_story_are_left_out() -> None:
    extra = (
        "<div class='inline-ad'><p>Article continues below</p><p>Sponsored by Acme</p></div>"
        "<div class='poll'><h4>Would you ride the new tram?</h4><ul><li>Yes</li><li>No</li></ul>"
        "</div>"
    )
    item = load_bytes(page(HEAD, extra).encode(), "tram.html").items[0]
    assert "three stops" in item.body
    assert "Sponsored by Acme" not in item.body
    assert "Would you ride" not in item.body


def test_a_box_named_ad_that_holds_a_story_is_no_ad_slot() -> None:
    # "ad-free" names a story's wrapper: no ad slot holds that many words.
    from lxml import html as lxml_html

    long = " ".join(f"word{n}" for n in range(60))
    wrapper = lxml_html.fromstring(f"<div class='story ad-free'><p>{long}</p></div>")
    slot = lxml_html.fromstring("<div class='ad-free'><p>Sponsored by Acme</p></div>")
    plain = lxml_html.fromstring("<div class='masthead'><p>Sponsored</p></div>")
    assert not html_page._furniture_box(wrapper)
    assert html_page._furniture_box(slot)
    assert not html_page._furniture_box(plain)


def test_key_points_become_the_standfirst_not_the_opening() -> None:
    extra = (
        "<ul class='article-body__key-points'><li>Three stops by 2027</li>"
        "<li>Cost put at 80 million</li></ul>"
    )
    head = HEAD.replace(
        '<meta name="description" content="Three new stops by 2027 after a '
        'decade of campaigning.">',
        "",
    )
    item = load_bytes(page(head, extra).encode(), "tram.html").items[0]
    assert item.dek == "Three stops by 2027; Cost put at 80 million"
    assert not item.body.startswith("Three stops")
    assert "Cost put at 80 million" not in item.body


def test_a_standfirst_list_reads_as_points_not_one_run_on_line() -> None:
    extra = (
        "<div class='standfirst'><ul><li>Government majority of 41 on the final reading</li>"
        "<li>Bonuses banned for bosses of polluting firms</li></ul></div>"
    )
    head = HEAD.replace(
        '<meta name="description" content="Three new stops by 2027 after a '
        'decade of campaigning.">',
        "",
    )
    item = load_bytes(page(head, extra).encode(), "tram.html").items[0]
    assert item.dek == (
        "Government majority of 41 on the final reading; "
        "Bonuses banned for bosses of polluting firms"
    )


def _bare_page(title: str, head: str = "", footer: str = "") -> bytes:
    paragraphs = "".join(
        f"<p>The harbour council voted on Thursday to build a new sea wall, part {n} of the "
        "plan that engineers say will protect the quays from winter storms for decades.</p>"
        for n in range(4)
    )
    return (
        f"<html><head><title>{title}</title>{head}</head><body><nav>Home News Sport</nav>"
        f"<main><h1>Council approves new harbour wall</h1>{paragraphs}</main>"
        f"<footer>{footer}</footer></body></html>"
    ).encode()


def test_the_outlet_a_title_names_after_the_headline_when_nothing_else_names_it() -> None:
    """A page without site metadata still says whose it is: "Headline | Southport Echo" in
    its <title>, borne out by its copyright line or its host."""
    title = "Council approves new harbour wall | Southport Echo"
    signed = load_bytes(_bare_page(title, footer="© 2026 Southport Echo"), "a.html").items[0]
    assert signed.source == "Southport Echo"
    assert signed.title == "Council approves new harbour wall"
    canonical = '<link rel="canonical" href="https://www.southportecho.example/news/wall">'
    hosted = load_bytes(_bare_page(title, head=canonical), "b.html").items[0]
    assert hosted.source == "Southport Echo"
    # A host's name written into a phrase is the name: "Recipe from Backen.de".
    backen = '<link rel="canonical" href="https://backen.example/rezept/kuchen">'
    phrase = "Council approves new harbour wall - News - Rezept von Backen.example"
    assert load_bytes(_bare_page(phrase, head=backen), "c.html").items[0].source == (
        "Backen.example"
    )


def test_a_title_segment_nothing_bears_out_is_no_outlet() -> None:
    """Without a copyright line or a host that names it, the segment may be a section."""
    title = "Council approves new harbour wall | Webdesign"
    assert load_bytes(_bare_page(title), "a.html").items[0].source is None
    other = '<link rel="canonical" href="https://harbourtimes.example/wall">'
    assert load_bytes(_bare_page(title, head=other), "b.html").items[0].source is None


def _page_with(box: str, inline: str = "") -> bytes:
    paragraphs = "".join(
        f"<p>The harbour council voted on Thursday to build a new sea wall, part {n} of a "
        f"plan engineers say will protect the quays from winter storms.{inline}</p>"
        for n in range(4)
    )
    return (
        "<html><head><title>Council approves new harbour wall</title></head><body>"
        f"<article><h1>Council approves new harbour wall</h1>{paragraphs}{box}</article>"
        "</body></html>"
    ).encode()


def test_a_box_headed_in_any_language_as_related_gives_its_links() -> None:
    """A related box is told by its heading as well as its class ("Mehr zum Thema",
    "Leggi anche", "More from Opinion"), and a "Most read" box is the site's, whatever
    its class says."""
    for heading in ("Mehr zum Thema", "Leggi anche", "More from Opinion", "Polecane"):
        box = (
            f'<div class="extra"><h3>{heading}</h3><a href="/a">Ferry fares rise for the '
            'third year running</a><a href="/b">Harbour dues to go up by six per cent</a></div>'
        )
        links = load_bytes(_page_with(box), "a.html").items[0].links
        assert [link.title for link in links] == [
            "Ferry fares rise for the third year running",
            "Harbour dues to go up by six per cent",
        ], heading
    popular = (
        '<aside class="related"><h3>Most read</h3><ul><li><a href="/c">Celebrity chef opens '
        "new bistro on the quay</a></li></ul></aside>"
    )
    assert load_bytes(_page_with(popular), "b.html").items[0].links == []


def test_a_related_heading_among_paragraphs_takes_no_inline_links() -> None:
    """A "Related" heading set among the story's paragraphs: the links inside the prose
    are the story's own, not a list of other stories."""
    inline = ' See <a href="/history">the long history of the harbour wall plans</a>.'
    box = "<h3>Related</h3>"
    assert load_bytes(_page_with(box, inline), "c.html").items[0].links == []


def test_a_live_blogs_newest_entry_above_the_headline_is_kept() -> None:
    """trafilatura may set a live blog's newest entry above the <h1>: the entry is the
    story's own sentence, not furniture the headline cuts off."""
    page = (
        "<html><head><title>Live: Gale Maren latest</title></head><body><main>"
        "<h1>Live: Gale Maren latest</h1><div class='byline'>By Ines Varga</div>"
        "<div class='entry'><time>09:35</time><p>09:35 — Ferries to the islands are "
        "cancelled until further notice, the operator says.</p></div>"
        "<div class='entry'><time>09:10</time><p>09:10 — Gusts reached 130 km/h at the "
        "harbour wall, the coastguard said, and the pier is closed.</p></div>"
        "<div class='entry'><time>08:40</time><p>08:40 — The weather service raised its "
        "warning to red for the whole coast between Tarrow and Keld.</p></div>"
        "</main></body></html>"
    )
    body = load_bytes(page.encode(), "live.html").items[0].body
    for entry in ("09:35 — Ferries", "09:10 — Gusts", "08:40 — The weather"):
        assert entry in body


def test_the_headline_paragraph_goes_after_a_few_sentences_but_not_after_furniture() -> None:
    from newsdesk.ingest.assemble import drop_leading_title

    title = "Ferries halted as gale hits the coast"
    entry = "09:35 — Ferries to the islands are cancelled until further notice."
    rest = "The operator said crossings would resume once the wind dropped."
    assert drop_leading_title(f"{title}\n\n{rest}", title) == rest
    assert drop_leading_title(f"{entry}\n\n{title}\n\n{rest}", title) == f"{entry}\n\n{rest}"
    kicker = "Weather | Coast"  # furniture above the headline: left to the extractor
    text = f"{kicker}\n\n{title}\n\n{rest}"
    assert drop_leading_title(text, title) == text


#: Run at a fresh interpreter's top level, where freed node objects' ids came back in the
#: order that made the old code keep the box's heading link on every run.
_RELATED_RUNS = """
from lxml import html
from newsdesk.ingest.html_related import related_links
PAGE = (
    '<html><body><article><h1>Harbour reopens</h1><p>Body text of the story goes here.</p>'
    '<div class="related-stories"><h3><a href="/harbour/">More In Harbour News Today</a></h3>'
    '<ul><li><a href="/a">Ferry operators welcome the harbour reopening plan</a></li>'
    '<li><a href="/b">Fishing fleet returns to the old quay after storm</a></li>'
    '<li><a href="/c">Council approves the new harbour wall budget</a></li></ul></div>'
    '</article></body></html>'
)
seen = set()
junk = []
for n in range(200):
    root = html.fromstring(PAGE)
    junk.append([object() for _ in range(n % 7)])
    found = related_links(root.find(".//article"), "https://x.example/")
    seen.add(tuple(link.title for link in found))
print(repr(sorted(seen)))
"""


def test_a_related_box_heading_link_is_never_a_story_link_whatever_the_run() -> None:
    # The heading's link was told apart by id() of lxml's short-lived node objects: a
    # freed one's id went to the next, and the heading came in or out from run to run.
    import ast
    import os
    import subprocess
    import sys

    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", _RELATED_RUNS],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        assert ast.literal_eval(out) == [
            (
                "Ferry operators welcome the harbour reopening plan",
                "Fishing fleet returns to the old quay after storm",
                "Council approves the new harbour wall budget",
            )
        ]


def test_an_article_s_lists_keep_their_bullets_and_numbers() -> None:
    page = (
        "<html><head><title>Council sets out winter plan</title></head><body><article>"
        "<h1>Council sets out winter plan</h1><p>The council of the harbour town agreed its "
        "winter plan on Tuesday after a long debate about buses, salt and ferries.</p>"
        "<p>The plan has three parts:</p><ul><li>Night buses run every 30 minutes.</li>"
        "<li>Road salt is stored at two new depots.</li></ul><p>It ranks the tasks:</p>"
        "<ol><li>Clear the hospital road first.</li><li>Then the harbour road.</li></ol>"
        "<p>Councillors will vote on the budget next week, the clerk said.</p>"
        "</article></body></html>"
    )
    [item] = load_bytes(page.encode(), "plan.html").items
    assert "• Night buses run every 30 minutes.\n\n• Road salt is stored" in item.body
    assert "1. Clear the hospital road first.\n\n2. Then the harbour road." in item.body


def test_a_feed_item_s_list_keeps_its_bullets() -> None:
    from newsdesk.ingest.html_text import html_fragment_to_text

    text = html_fragment_to_text("<p>Closed roads:</p><ul><li>A12</li><li>B4</li></ul>")
    assert text == "Closed roads:\n\n• A12\n\n• B4"
    # A countdown or a continued list numbers from its `start`.
    counted = html_fragment_to_text('<ol start="4"><li>Portville</li><li>Bayton</li></ol>')
    assert counted == "4. Portville\n\n5. Bayton"
    assert html_fragment_to_text('<ol start="x"><li>One</li></ol>') == "1. One"
