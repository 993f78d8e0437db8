"""The quick RSS reader (`feed_fast`) drafts exactly what feedparser's reading drafts.

Every feed is read both ways by `draft_feed` (with `feed.QUICK_RSS` off and on) and
the whole result compared: each draft's hints and body, the notes between them,
the warnings, or the refusal. Feeds the quick reader declines must decline (and
still agree); the plain ones must take it, so the comparison is not empty.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.ingest import feed
from newsdesk.ingest.feed_fast import read_plain_rss
from newsdesk.ingest.feed_sanitizer import install
from newsdesk.ingest.result import Rejected
from newsdesk.ingest.xml_guard import as_utf8_xml, strip_doctype
from tests.conftest import REPO_ROOT, SAMPLE_DATA, SHARED


def _draft(text: str, quick: bool) -> Any:
    saved = feed.QUICK_RSS
    feed.QUICK_RSS = quick
    warnings: list[str] = []
    try:
        drafted = feed.draft_feed(text, warnings)
    except Rejected as exc:
        return ("rejected", str(exc), warnings)
    finally:
        feed.QUICK_RSS = saved
    return (drafted.format, drafted.entries, warnings)


def takes_quick_path(text: str) -> bool:
    install()
    return read_plain_rss(as_utf8_xml(strip_doctype(text).lstrip())) is not None


def assert_same(text: str) -> bool:
    """Both readings agree; whether the quick one was taken."""
    assert _draft(text, quick=True) == _draft(text, quick=False)
    return takes_quick_path(text)


def _files() -> Iterator[Path]:
    for folder in (SHARED / "realworld" / "feeds", SHARED / "seeds", SAMPLE_DATA / "feeds"):
        if folder.is_dir():
            yield from sorted(p for p in folder.iterdir() if p.is_file())


@pytest.mark.parametrize("path", list(_files()), ids=lambda p: p.name)
def test_real_feeds_read_alike(path: Path) -> None:
    assert_same(path.read_text("utf-8", errors="replace"))


def test_synthetic_feeds_take_the_quick_path_alike(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    try:
        import synthetic
    finally:
        sys.path.remove(str(REPO_ROOT / "benchmarks"))
    synthetic.write_inputs(tmp_path, 120, "rss", per_file=60)
    files = sorted(tmp_path.glob("*.rss"))
    assert len(files) == 2
    for path in files:
        text = path.read_text("utf-8")
        assert assert_same(text)
        assert len(_draft(text, quick=True)[1]) == 60


def rss(
    items: str,
    channel: str = "<title>Ledger</title><link>https://ledger.example/</link>",
    root: str = '<rss version="2.0">',
    head: str = '<?xml version="1.0"?>',
) -> str:
    return f"{head}{root}<channel>{channel}{items}</channel></rss>"


NS = (
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:atom="http://www.w3.org/2005/Atom">'
)

NSM = NS[:-1] + ' xmlns:media="http://search.yahoo.com/mrss/">'
#: (feed, whether the quick reader reads it): plain RSS it reads, the rest it declines.
CASES: list[tuple[str, bool]] = [
    (rss("<item><title>A</title><description>Body text.</description></item>"), True),
    (
        rss(
            "<item><title>[bold]Rich[/bold] \x1b[31mred</title><description>[link=x]y[/link]"
            "</description></item>"
        ),
        False,
    ),  # ESC is not XML: malformed, feedparser recovers
    (
        rss(
            "<item><title>[bold red]Rich[/] markup</title><link>/rel/1</link>"
            "<description>&lt;p&gt;[i]x[/i] &amp;amp; y&lt;/p&gt;</description></item>"
        ),
        True,
    ),
    (
        rss(
            "<item><title>Tom &amp; Jerry &#8217;s &#150; &lt;b&gt;x&lt;/b&gt;</title>"
            "<description>&lt;p&gt;A &amp;nbsp; &amp;madeup; &amp;#150; b&lt;/p&gt;"
            "</description></item>"
        ),
        True,
    ),
    (
        rss(
            "<item><title><![CDATA[Cut <em>here</em> & there]]></title><description><![CDATA["
            "<p>One</p><script>x()</script><p>Two &amp; <a href='/x'>three</a></p>]]>"
            "</description></item>"
        ),
        True,
    ),
    (
        rss(
            "<item><title>Caf\u00c3\u00a9 \u0080 \u0093q\u0094</title>"
            "<description>d\u00c3\u00a9j\u00c3\u00a0</description></item>"
        ),
        True,
    ),
    (
        rss(
            "<item><title>No link</title><guid>g6</guid></item>"
            "<item><title>Perma</title><guid isPermaLink='true'>https://e.org/p</guid></item>"
            "<item><title>Not perma</title><guid isPermaLink='false'>https://e.org/q</guid></item>"
            "<item><title>Odd</title><guid isPermaLink='True'>x</guid><link>/l</link></item>"
            "<item><title>Link first</title><link>https://e.org/a</link><guid>1</guid></item>"
            "<item><title>Empty link</title><link></link><guid>https://e.org/g</guid></item>"
            "<item><title>Slashes</title><guid isPermaLink='false'>http:///e.org/s</guid></item>"
            "<item><title>Slashes 2</title><guid>http:////e.org/t</guid></item>"
        ),
        True,
    ),
    (
        rss(
            "<item><title>Query</title><link>https://e.org/?a=1&amp;b;=2&amp;amp;c=3</link>"
            "</item><item><title>Alert</title>"
            "<link>https://www.google.com/url?rct=j&amp;url=https://news.example/x&amp;ct=ga</link>"
            "</item><item><title>Spaces</title><link>  https://e.org/ sp  </link></item>"
        ),
        True,
    ),
    (
        rss(
            "<item><description>Only a body, no title.</description></item><item></item>"
            "<item><title>  </title><description>  </description></item>"
        ),
        True,
    ),
    (
        rss(
            "<item><title>Both</title><content:encoded>&lt;p&gt;Full text here, long enough."
            "&lt;/p&gt;</content:encoded><description>Short dek.</description></item>"
            "<item><title>Content only</title><content:encoded><![CDATA[<p>Full</p>]]>"
            "</content:encoded></item><item><title>Desc first</title><description>Dek"
            "</description><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded></item>"
            "<item><title>Empty desc</title><content:encoded>Body</content:encoded>"
            "<description></description></item>",
            root=NS,
        ),
        True,
    ),
    (
        rss(
            "<item><title>Dates</title><pubDate>not a date</pubDate></item>"
            "<item><title>DC</title><dc:date>2024-05-16T12:00:00Z</dc:date></item>"
            "<item><title>Both</title><pubDate>Tue, 14 May 2024 08:30:00 +0200</pubDate>"
            "<dc:date>2023-01-01</dc:date></item><item><title>Odd</title>"
            "<pubDate>2024-13-45</pubDate><dc:date>Wed, 15 May 2024 10:00:00 GMT</dc:date></item>"
            "<item><title>W3C</title><pubDate>2024-05-16</pubDate></item>",
            root=NS,
        ),
        True,
    ),
    (
        rss(
            "<item><title>Mail</title><author>news@ledger.example (Ines Varga)</author></item>"
            "<item><title>DC</title><dc:creator>Pavel Novak and Ola Berg</dc:creator></item>"
            "<item><title>Empty</title><author></author></item>"
            "<item><title>Only mail</title><author>a@b.example</author></item>",
            root=NS,
        ),
        True,
    ),
    (
        rss(
            "<item><title>Two</title><dc:creator>A One</dc:creator><dc:creator>B Two</dc:creator>"
            "</item>",
            root=NS,
        ),
        True,
    ),
    (
        rss(
            "<item><title>Two</title><dc:creator>A One</dc:creator><dc:creator>b@x.example (B Two)"
            "</dc:creator></item><item><title>Mixed</title><author>c@x.example</author><dc:creator>"
            "C Three</dc:creator></item><item><title>Mail only</title><author>d@x.example</author>"
            "<author></author><dc:creator>e@x.example</dc:creator></item>",
            root=NSM,
        ),
        True,
    ),
    (
        rss(
            "<item><title>M</title><media:content url='u' width='5'><media:credit scheme='s'>"
            "Photo: Ana</media:credit></media:content><media:thumbnail url='t'/><media:keywords>"
            "a, b</media:keywords><media:category>c</media:category><categories><category>x"
            "</category></categories><dc:publisher>P</dc:publisher><dc:modified>2024</dc:modified>"
            "</item>",
            channel="<title>T</title><dc:rights>r</dc:rights><dc:date>2024-01-01"
            "</dc:date><dc:creator>Desk</dc:creator>",
            root=NSM,
        ),
        True,
    ),
    (
        rss(
            "<item><title>M</title><media:content url='u'/></item>",
            root='<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss">',
        ),
        True,
    ),
    (
        rss(
            "<item><title>T</title><media:content url='u'><media:title>M</media:title>"
            "</media:content></item>",
            root=NSM,
        ),
        False,
    ),
    (rss("<item><title>T</title><media:description>D</media:description></item>", root=NSM), False),
    (
        rss("<item><title>T</title><media:thumbnail><b>x</b></media:thumbnail></item>", root=NSM),
        False,
    ),
    (rss("<item><title>T</title><image><url>u</url></image></item>"), False),
    (rss("<item><title>One</title><title>Two</title></item>"), False),
    (rss("<item><title>Inner <b>tag</b></title></item>"), False),
    (
        rss(
            "<item><Title>Case</Title><PubDate>Tue, 14 May 2024 08:30:00 GMT</PubDate>"
            "<LINK>https://e.org/c</LINK></item>"
        ),
        True,
    ),
    (
        rss(
            "<item><title>X</title><category domain='d'>News</category><comments>/c</comments>"
            "<enclosure url='https://e.org/a.mp3' length='1' type='audio/mpeg'/></item>",
            channel="<title>Site &lt;b&gt;News&lt;/b&gt; - Politics</title><link>http://s.example"
            "</link><description>d</description><language>en_US</language><image><url>u</url>"
            "<title>Logo</title><link>http://img.example/</link></image><ttl>5</ttl>"
            "<atom:link href='http://s.example/rss' rel='self' type='application/rss+xml'/>",
            root=NS,
        ),
        True,
    ),
    (
        rss(
            "<item><title>L</title></item>",
            channel="<title>T</title><dc:language>pt-BR</dc:language><language>xx-yy</language>",
            root=NS,
        ),
        True,
    ),
    (
        rss(
            "<item><title>L</title></item>",
            channel="<title>T</title><atom:link "
            "href='http://alt.example/' rel='alternate' type='text/html'/>",
            root=NS,
        ),
        False,
    ),
    (
        rss(
            "<item><title>L</title></item>",
            channel="<link>http://a.example/?x=1&amp;y;</link><title>A: B, C, and D</title>",
        ),
        True,
    ),
    (rss("<item><title>T</title></item>", root='<rss version="0.91">'), False),
    (rss("<item><title>T</title></item>", root='<rss version="2.0" xml:lang="fr">'), False),
    (
        rss(
            "<item><title>T</title><media:title>M</media:title></item>",
            root='<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">',
        ),
        False,
    ),
    (rss("<item xml:base='http://b.example/'><title>T</title><link>x</link></item>"), False),
    (rss("<item><title>T</title><source url='http://s.example'>Src</source></item>"), False),
    (rss("<item><title>T</title><unknown>U</unknown></item>"), False),
    (rss("<item><title>Cut</title><description>never closed"), False),
    (rss("<item><title>T</title></item>", head='<?xml version="1.0" encoding="latin-1"?>'), True),
    (rss(""), True),
    (rss("<item><title>&nbsp;</title></item>"), False),
    (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel>'
        "<item><title>I</title><link>http://r.example/1</link></item></rdf:RDF>",
        False,
    ),
    (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>E</title>'
        '<id>tag:e,1</id><link href="http://e.example/1"/></entry></feed>',
        False,
    ),
    (
        rss(
            "<item><title>\u202eRTL\u200b zero\ufeff</title><description>tab\there\r\nand"
            "&#13;&#10;lines &#x1F600;</description></item>"
        ),
        True,
    ),
]


@pytest.mark.parametrize(("text", "quick"), CASES)
def test_hand_written_feeds_read_alike(text: str, quick: bool) -> None:
    assert assert_same(text) is quick


def test_a_malformed_feed_goes_to_feedparser() -> None:
    text = rss("<item><title>A</title></item><item><title>B</title>")
    assert not takes_quick_path(text)
    fmt, entries, warnings = _draft(text, quick=True)
    assert any("malformed XML" in w for w in warnings)
    assert _draft(text, quick=False) == (fmt, entries, warnings)


_HOSTILE = st.sampled_from(
    [
        "[bold]",
        "[/]",
        "\x1b[2J",
        "\x07",
        "&",
        "<",
        ">",
        "&amp;",
        "&lt;p&gt;",
        "&#150;",
        "\u00c3\u00a9",
        "\u0093",
        " ",
        "\n",
        "\t",
        "caf\u00e9",
        "\u200b",
        "\u202e",
        "x",
        "Word",
        "http://",
        "http:///",
        "/rel",
        "a@b.example",
        "(Name)",
        "<p>",
        "</p>",
        "<br>",
        "<script>",
        "'",
        '"',
        "2024-05-16",
        "Tue, 14 May 2024 08:30:00 GMT",
        "]]>",
        "\ufffd",
        "&nbsp;",
        "\r",
    ]
)
_TEXT = st.lists(_HOSTILE, max_size=8).map("".join)


def _field(tag: str, value: str, cdata: bool) -> str:
    if cdata and "]]>" not in value:
        return f"<{tag}><![CDATA[{value}]]></{tag}>"
    return f"<{tag}>{escape(value, quote=False)}</{tag}>"


_ITEM_TAGS = [
    "title",
    "link",
    "guid",
    "pubDate",
    "author",
    "description",
    "content:encoded",
    "dc:creator",
    "dc:date",
    "category",
]


@st.composite
def _items(draw: st.DrawFn) -> str:
    fields = draw(st.lists(st.sampled_from(_ITEM_TAGS), unique=True, max_size=7))
    fields += draw(st.lists(st.sampled_from(["author", "dc:creator"]), max_size=2))
    parts = [_field(tag, draw(_TEXT), draw(st.booleans())) for tag in fields]
    return "<item>" + "".join(parts) + "</item>"


@settings(max_examples=150, deadline=None)
@given(st.lists(_items(), max_size=4), _TEXT)
def test_generated_feeds_read_alike(items: list[str], title: str) -> None:
    channel = _field("title", title, cdata=False) + "<link>http://g.example/</link>"
    assert_same(rss("".join(items), channel=channel, root=NSM))


def test_author_names_read_once_a_feed_are_the_same(tmp_path: Path) -> None:
    """`item_hints` with the feed's known authors gives what it gives reading each anew."""
    import feedparser

    texts = [p.read_text("utf-8", errors="replace") for p in _files()]
    texts += [text for text, _ in CASES]
    texts.append(
        rss(
            "".join(
                f"<item><title>T{i}</title><author>{name}</author></item>"
                for i, name in enumerate(["Ana Lima", "a@b.example (Ana Lima)", "Ana Lima"] * 12)
            )
        )
    )
    compared = 0
    for text in texts:
        parsed = feedparser.parse(text.encode("utf-8", "replace"))
        known: dict[tuple[str, ...], list[str]] = {}
        for entry in parsed.get("entries") or []:
            once = feed.item_hints(entry, "Feed", known)
            anew = feed.item_hints(entry, "Feed")
            assert once == anew
            once[0].authors.append("changed")  # each item has its own list
            compared += 1
    assert compared > 100


@given(
    st.text(
        alphabet=st.sampled_from("a\u0080\u0081\u0093\u009f\u00a0\u00c3\u00a9\u2019"), max_size=12
    )
)
def test_repairs_are_feedparsers(text: str) -> None:
    """`_repaired` is feedparser's last two steps on a value, whatever the characters."""
    from feedparser.html import _cp1252

    from newsdesk.ingest.feed_fast import _repaired

    expected = text
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        expected = expected.encode("iso-8859-1").decode("utf-8")
    assert _repaired(text) == expected.translate(_cp1252)
