"""The one-pass sanitiser for plain feed markup writes what feedparser's own writes."""

from __future__ import annotations

import io
import random

import feedparser
import feedparser.mixin
import pytest
from feedparser.sanitizer import _sanitize_html

from newsdesk.ingest import feed_sanitizer
from newsdesk.ingest.feed import draft_feed
from newsdesk.ingest.feed_sanitizer import SELF_CHECK, plain_sanitized, sanitize_html

#: Tag names: kept ones, void ones, dropped ones, and ones that change the sanitiser's mode.
_TAGS = ["p", "a", "b", "em", "div", "span", "li", "ul", "h2", "blockquote", "table", "td"]
_TAGS += ["br", "img", "hr", "col", "source", "input", "P", "Br", "IMG", "A"]
_TAGS += ["script", "style", "iframe", "svg", "math", "foo", "font", "applet", "embed"]
_ATTRS = ["href", "src", "alt", "class", "id", "title", "rel", "type", "style", "width"]
_ATTRS += ["onclick", "data-x", "srcset", "HREF", "Rel", "xml:lang", "target", "loading"]
_VALUES = ["", "x", "NoFollow", "http://e.org/a?b=1&c=2", "javascript:alert(1)", "a&amp;b"]
_VALUES += ["color: red", "color: red; background: url(x)", "it&#39;s", "&#150;", "&copy;x"]
_VALUES += ["caf\u00e9", "\u201cq\u201d", "a b", "a'b", 'a"b', "5", "a>b", "&#38", "/x/"]
_TEXT = ["Tom ", "&amp;", "&nbsp;", "&madeup;", "&#150;", "&#x2013;", "&#X2013;", "&#39;"]
_TEXT += ["&#34;", "\u2019", "caf\u00e9 ", " a < b ", "a > b", "&", "&amp", "<!-- c -->"]
_TEXT += ["<![CDATA[x]]>", "<?pi?>", "\r\n", "  ", "\u0085", "&#0150;", "Jerry", "&a.b;"]


def _tag(rng: random.Random) -> str:
    name = rng.choice(_TAGS)
    roll = rng.random()
    if roll < 0.25:
        return f"</{name}>"
    attrs = []
    for _ in range(rng.randrange(0, 4)):
        attr = rng.choice(_ATTRS)
        value = rng.choice(_VALUES)
        form = rng.random()
        if form < 0.5:
            attrs.append(f' {attr}="{value}"')
        elif form < 0.7:
            attrs.append(f" {attr}='{value}'")
        elif form < 0.85:
            attrs.append(f" {attr}={value}")
        else:
            attrs.append(f" {attr}")
    end = rng.choice([">", ">", ">", "/>", " />", " >"])
    return f"<{name}{''.join(attrs)}{end}"


def _fragments(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    fragments = []
    for _ in range(count):
        pieces = []
        plain = rng.random() < 0.5  # half of them kept to markup likely to be plain
        for _ in range(rng.randrange(1, 12)):
            if rng.random() < 0.4:
                tag = _tag(rng)
                if plain and any(bad in tag for bad in ("script", "style", "svg", "math")):
                    continue
                pieces.append(tag)
            else:
                pieces.append(rng.choice(_TEXT[:6] if plain else _TEXT))
        fragments.append("".join(pieces))
    return fragments


_HAND_MADE = [
    *SELF_CHECK,
    '<p>A <a href="https://e.org/x">story</a> &amp; more.</p>\n<p>Second&#8217;s</p>',
    "<p>Unclosed <b>bold",
    "</script>text after a stray end tag",
    '<p title="x>y">attribute with a bracket</p>',
    "<p/>empty paragraph",
    '<img src="a.png"/><img src="b.png" / >',
    "  \r\n<div>spaces around</div>\r\n  ",
    "no markup at all",
    "",
]


def test_plain_markup_is_written_as_feedparsers_sanitiser_writes_it() -> None:
    plain = 0
    for fragment in [*_HAND_MADE, *_fragments(4000, seed=20)]:
        expected = _sanitize_html(fragment, "utf-8", "text/html")
        quick = plain_sanitized(fragment)
        if quick is not None:
            plain += 1
            assert quick == expected, fragment
        # Whatever the markup, the hook gives feedparser's string.
        assert sanitize_html(fragment, "utf-8", "text/html") == expected, fragment
    # Both ways are exercised: most fragments are plain, a good share are not.
    assert 1000 < plain < 3800


def test_markup_it_does_not_read_goes_to_feedparser() -> None:
    for fragment in [
        "<p>a < b</p>",
        "<!-- comment --><p>x</p>",
        "<script>alert(1)</script>",
        "<svg><a href='x'>y</a></svg>",
        "<p/>",
        '<p title="x>y">z</p>',
        "<p>&a.b;</p>",
    ]:
        assert plain_sanitized(fragment) is None, fragment


_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette - News</title>
<link>https://gazette.example/</link>
{items}
</channel></rss>"""
_ITEM = """<item><title>{title}</title><link>https://gazette.example/{n}</link>
<description>{summary}</description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[{body}]]></content:encoded>
</item>"""


def _feed(seed: int) -> str:
    rng = random.Random(seed)
    fragments = _fragments(300, seed)
    items = []
    for n in range(60):
        body = "".join(rng.choice(fragments).replace("]]>", "") for _ in range(3))
        summary = rng.choice(fragments).replace("&", "&amp;").replace("<", "&lt;")
        title = rng.choice(
            ["Ferries &amp; storms", "Mayor&#8217;s plan", "A &lt;b&gt;bold&lt;/b&gt; move"]
        )
        items.append(_ITEM.format(title=title, n=n, summary=summary, body=body))
    return _FEED.format(items="\n".join(items))


@pytest.fixture
def feedparser_sanitiser() -> object:
    """feedparser's own sanitiser in place for the test, whatever ran before it."""
    saved = feedparser.mixin._sanitize_html
    feedparser.mixin._sanitize_html = feed_sanitizer._ORIGINAL
    yield feed_sanitizer._ORIGINAL
    feedparser.mixin._sanitize_html = saved


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_feed_reads_the_same_either_way(feedparser_sanitiser: object, seed: int) -> None:
    data = _feed(seed).encode("utf-8")
    before = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    assert feed_sanitizer.install()
    assert feedparser.mixin._sanitize_html is sanitize_html
    after = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    assert len(after.entries) == 60
    assert after.entries == before.entries
    assert after.feed == before.feed


def test_draft_feed_sanitises_the_quick_way(feedparser_sanitiser: object) -> None:
    drafted = draft_feed(_feed(4), [])
    assert feedparser.mixin._sanitize_html is sanitize_html
    assert len(drafted.drafts) == 60
