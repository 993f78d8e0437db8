"""RSS and Atom feeds: items become articles; hostile and broken XML is handled safely."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from newsdesk.ingest import load_bytes

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Valley Ledger</title>
  <link>https://ledger.example</link>
  <item>
    <title>Dam inspection finds no cracks</title>
    <link>https://ledger.example/dam</link>
    <guid isPermaLink="false">ledger-1001</guid>
    <author>news@ledger.example (Ines Varga)</author>
    <pubDate>Tue, 14 May 2024 08:30:00 +0200</pubDate>
    <description>Engineers cleared the dam after a week of tests.</description>
    <content:encoded><![CDATA[
      <p>Engineers cleared the Upper Valley dam on Monday after a week of tests.</p>
      <script>alert('x')</script><img src="https://ledger.example/dam.jpg">
      <p>The reservoir will refill over the summer, the water board said.</p>
      <p><a href="https://ledger.example/dam">Continue reading...</a></p>
      <p>The post Dam inspection finds no cracks appeared first on Valley Ledger.</p>
    ]]></content:encoded>
  </item>
  <item>
    <title>Library extends opening hours</title>
    <link>https://ledger.example/library</link>
    <dc:creator>Pavel Novak</dc:creator>
    <pubDate>Wed, 15 May 2024 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;The central library will open until 9pm on weekdays.&lt;/p&gt;</description>
  </item>
  <item>
    <description></description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Notes</title>
  <id>tag:harbour.example,2024:feed</id>
  <updated>2024-05-16T12:00:00Z</updated>
  <entry>
    <title type="html">Ferry &lt;em&gt;timetable&lt;/em&gt; changes</title>
    <id>tag:harbour.example,2024:1</id>
    <link href="https://harbour.example/ferry"/>
    <updated>2024-05-16T12:00:00Z</updated>
    <author><name>Ola Berg</name></author>
    <content type="html">&lt;p&gt;The morning ferry leaves ten minutes earlier from June.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_items_become_articles() -> None:
    result = load_bytes(RSS.encode(), "ledger.rss")
    assert result.error is None
    assert result.format == "feed"
    assert [i.title for i in result.items] == [
        "Dam inspection finds no cracks",
        "Library extends opening hours",
    ]
    dam, library = result.items
    assert dam.url == "https://ledger.example/dam"
    assert dam.guid == "https://ledger.example#ledger-1001"  # the feed's own number, scoped
    assert dam.authors == ["Ines Varga"]
    assert dam.published == "2024-05-14T08:30:00+02:00"
    assert dam.source == "Valley Ledger"
    assert dam.format == "feed"
    assert "reservoir will refill" in dam.body
    for junk in ("alert(", "Continue reading", "appeared first on", "dam.jpg"):
        assert junk not in dam.body
    assert library.authors == ["Pavel Novak"]
    assert "until 9pm" in library.body
    assert "<p>" not in library.body


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("Ines Varga &lt;ines@ledger.example&gt;", ["Ines Varga"]),
        ("&quot;Ines Varga&quot; &lt;ines@ledger.example&gt;", ["Ines Varga"]),
        (
            "Ines Varga &lt;ines@ledger.example&gt;, Pavel Novak &lt;pn@ledger.example&gt;",
            ["Ines Varga", "Pavel Novak"],
        ),
        ("&lt;ines@ledger.example&gt;", []),
        ("&quot;Varga, Ines&quot; &lt;ines@ledger.example&gt;", ["Ines Varga"]),
        (
            "Ines Varga &lt;iv@ledger.example&gt;, &quot;Novak, Pavel&quot; &lt;pn@x.example&gt;",
            ["Ines Varga", "Pavel Novak"],
        ),
    ],
)
def test_author_written_as_a_mailbox_gives_the_name(written: str, names: list[str]) -> None:
    # RSS asks for "mail (Name)"; many feeds write a mail header's "Name <mail>" instead.
    feed = RSS.replace("news@ledger.example (Ines Varga)", written)
    assert load_bytes(feed.encode(), "mailbox.rss").items[0].authors == names


def test_item_without_title_or_text_is_skipped_with_warning() -> None:
    result = load_bytes(RSS.encode(), "ledger.xml")
    assert any("item 3" in w and "skipped" in w for w in result.warnings)


def test_atom_entry() -> None:
    result = load_bytes(ATOM.encode(), "harbour.atom")
    assert result.error is None
    item = result.items[0]
    assert item.title == "Ferry timetable changes"
    assert item.url == "https://harbour.example/ferry"
    assert item.guid == "tag:harbour.example,2024:1"
    assert item.authors == ["Ola Berg"]
    assert item.published == "2024-05-16T12:00:00+00:00"
    assert "ten minutes earlier" in item.body


def test_absurd_item_date_becomes_none() -> None:
    feed = RSS.replace("Tue, 14 May 2024 08:30:00 +0200", "Tue, 14 May 1066 08:30:00 +0200")
    assert load_bytes(feed.encode(), "old.rss").items[0].published is None


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>&lol9;</title><description>x</description></item>
</channel></rss>
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_billion_laughs_is_refused(encoding: str) -> None:
    started = time.perf_counter()
    result = load_bytes(BILLION_LAUGHS.encode(encoding), "laughs.xml")
    assert result.items == []
    assert result.error is not None
    assert "unsafe XML" in result.error
    # Refused before parsing: no expansion happened (a generous bound, not a timing test).
    assert time.perf_counter() - started < 5


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET-7d1f-CONTENT")
    return path


def _all_text(result: object) -> str:
    return repr(result)


def test_external_entity_is_refused(secret_file: Path) -> None:
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret_file}">]>'
        "<rss version='2.0'><channel><title>X</title><item><title>&xxe;</title>"
        "<description>&xxe;</description></item></channel></rss>"
    )
    result = load_bytes(feed.encode(), "xxe.rss")
    assert result.items == []
    assert result.error is not None
    assert "unsafe XML" in result.error
    assert "TOPSECRET" not in _all_text(result)


def test_parameter_entity_is_refused(secret_file: Path) -> None:
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % ext SYSTEM "file://{secret_file}"> %ext;]>'
        "<rss version='2.0'><channel><title>X</title><item><title>T</title></item></channel></rss>"
    )
    result = load_bytes(feed.encode(), "pe.rss")
    assert result.error is not None
    assert "TOPSECRET" not in _all_text(result)


def test_external_dtd_is_never_loaded(
    tmp_path: Path, secret_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak SYSTEM "file://{secret_file}">')

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the importer opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    for system_id in (f"file://{dtd}", "http://dtd.example.invalid/rss.dtd"):
        feed = (
            f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{system_id}">'
            "<rss version='2.0'><channel><title>X</title><item><title>Kept &leak; title</title>"
            "<description>Body text.</description></item></channel></rss>"
        )
        result = load_bytes(feed.encode(), "dtd.rss")
        assert "TOPSECRET" not in _all_text(result)


def test_truncated_feed_with_items_recovers_with_warning() -> None:
    cut = RSS[: RSS.index("<item>\n    <description>")]
    result = load_bytes(cut.encode(), "cut.rss")
    assert result.error is None
    assert len(result.items) == 2
    assert any("malformed XML" in w for w in result.warnings)


def test_truncated_feed_without_items_is_an_error_with_line() -> None:
    cut = RSS[: RSS.index("<item>")] + "<item><title>Half"
    cut = cut[: cut.index("<item>")]
    result = load_bytes(cut.encode(), "cut.rss")
    assert result.items == []
    assert result.error is not None
    # Cut before its first item: said as cut short, with the parser's line.
    assert result.error.startswith("feed cut short: the document ends before its first item")
    assert "malformed XML" in result.error and "line" in result.error


def test_xml_that_is_not_a_feed() -> None:
    result = load_bytes(b'<?xml version="1.0"?><note><to>Tove</to></note>', "note.xml")
    assert result.items == []
    assert result.error is not None


def test_leading_whitespace_before_declaration_is_tolerated() -> None:
    result = load_bytes(("\n\n" + RSS).encode(), "lead.rss")
    assert result.error is None
    assert result.warnings == ["item 3: no title and no text; skipped"]


def test_utf16_feed() -> None:
    result = load_bytes(
        ATOM.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16"), "wide.atom"
    )
    assert result.error is None
    assert result.items[0].title == "Ferry timetable changes"


def test_declared_legacy_encoding() -> None:
    feed = RSS.replace('encoding="UTF-8"', 'encoding="windows-1252"').replace(
        "Library extends opening hours", "Library’s “late” opening hours"
    )
    result = load_bytes(feed.encode("cp1252"), "legacy.rss")
    assert result.error is None
    assert result.items[1].title == "Library’s “late” opening hours"


def test_enormous_item_title_is_truncated() -> None:
    feed = RSS.replace("Dam inspection finds no cracks", "Dam " * 25_000)
    result = load_bytes(feed.encode(), "long.rss")
    assert result.error is None
    assert 0 < len(result.items[0].title) <= 500


def test_item_html_to_paragraphs() -> None:
    from newsdesk.ingest.html_text import html_fragment_to_text

    html = (
        "<p>First <b>bold</b> line<br>second line</p><style>p{}</style>"
        "<table><tr><th>Team</th><th>Score</th></tr><tr><td>Reds</td><td>3</td></tr></table>"
        "<p>The post Match report appeared first on Local Sport.</p>"
    )
    assert html_fragment_to_text(html) == "First bold line\nsecond line\n\nTeam | Score\n\nReds | 3"


@pytest.mark.parametrize(
    ("title", "link", "expected"),
    [
        ("Valley Ledger - Politics", "https://valleyledger.example/politics", "Valley Ledger"),
        ("Harbour Notes: Most Read", "https://harbournotes.example/", "Harbour Notes"),
        ("Metro Daily - Athena - All Posts", "https://cdn.example.net/", "Metro Daily"),
        (
            "News, Politics, Opinion, Commentary and Analysis",
            "https://www.quill.example/news",
            "quill.example",
        ),
    ],
)
def test_feed_source_from_title(title: str, link: str, expected: str) -> None:
    from newsdesk.ingest.feed import feed_source

    assert feed_source(title, link) == expected


def test_redirect_and_proxy_links_are_unwrapped() -> None:
    feed = """<?xml version="1.0"?>
<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel>
<title>Alerts - harbour</title><link>https://alerts.example/</link>
<item><title>Harbour dredging starts next week</title>
<link>https://www.alerts.example/url?rct=j&amp;url=https://portnews.example/2024/dredging&amp;ct=ga</link>
<description>Dredging of the inner harbour starts next week, the port said.</description></item>
<item><title>Ferry operator adds a winter route</title><link>https://proxy.example/~r/x/abc</link>
<feedburner:origLink>https://ledger.example/ferry-winter</feedburner:origLink>
<description>The operator adds a route between the islands for the winter.</description></item>
</channel></rss>"""
    first, second = load_bytes(feed.encode(), "alerts.rss").items
    assert first.url == "https://portnews.example/2024/dredging"
    assert first.source == "portnews.example"
    assert second.url == "https://ledger.example/ferry-winter"


def test_feed_language_applies_to_items() -> None:
    feed = RSS.replace(
        "<title>Valley Ledger</title>", "<title>Valley Ledger</title><language>en-GB</language>"
    )
    assert {item.language for item in load_bytes(feed.encode(), "lang.rss").items} == {"en"}


def test_item_html_gaps_become_one_space_each() -> None:
    from newsdesk.ingest.html_text import html_fragment_to_text

    html = "<p>a b\tc \t d\u00a0e\u00a0 f  g<b> h </b>\fi\vj</p>"
    assert html_fragment_to_text(html) == "a b c d e f g h i j"


def test_only_a_web_address_is_an_items_link() -> None:
    """An item without a link got its GUID as one ("URL g6" in the detail pane,
    "Original: g6" in exports); a javascript: link was kept too."""
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>
<link>https://ledger.example/</link>
<item><title>Harbour closes for repairs</title><guid>g6</guid>
<description>The harbour closed on Monday for repairs, the port said.</description></item>
<item><title>Bridge opens</title><link>javascript:alert(1)</link>
<description>The bridge opened on Tuesday, the council said.</description></item>
<item><title>Ferry returns</title><link>https://ledger.example/ferry</link>
<description>The ferry returned on Wednesday, the operator said.</description></item>
</channel></rss>"""
    items = {i.title: i for i in load_bytes(feed, "ledger.rss").items}
    assert items["Harbour closes for repairs"].url is None
    assert items["Harbour closes for repairs"].guid == "https://ledger.example/#g6"
    assert items["Bridge opens"].url is None
    assert items["Ferry returns"].url == "https://ledger.example/ferry"


def test_item_links_and_guids_the_store_can_trust() -> None:
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Ledger</title>'
        "<link>https://ledger.example/news/</link>"
        "<item><title>Dam inspection finds no cracks</title><link>/news/dam</link>"
        "<guid>1001</guid><description>Engineers cleared the dam after tests.</description></item>"
        "<item><title>Library extends hours</title><link>https://ledger.example/</link>"
        "<guid>https://ledger.example/</guid><description>Open until 9pm.</description></item>"
        "<item><title>Ferry fares rise</title><link>https://ledger.example/</link>"
        "<guid>https://ledger.example/</guid><description>Up ten per cent.</description></item>"
        "</channel></rss>"
    )
    result = load_bytes(rss.encode(), "ledger.xml")
    dam, library, ferry = result.items
    # A relative link is read against the feed's site; a number is the feed's own.
    assert dam.url == "https://ledger.example/news/dam"
    assert dam.guid == "https://ledger.example/news/#1001"
    # What two items share names neither of them.
    assert library.guid is None and ferry.guid is None
    assert library.url is None and ferry.url is None
    assert any("2 items share a GUID" in w for w in result.warnings)


def test_an_item_without_a_title_gets_a_headline_sized_one() -> None:
    """Its whole first paragraph (495 characters) was its headline."""
    sentence = (
        "The regional council voted on Tuesday to extend the tram line by three stops, ending "
        "a debate that began in 2019."
    )
    rest = " Residents of the northern districts filled the public gallery for the vote." * 6
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Ledger</title>'
        "<link>https://ledger.example/</link><item><title></title>"
        f"<link>https://ledger.example/a</link><description>{sentence}{rest}</description>"
        "</item><item><title></title><link>https://ledger.example/b</link>"
        f"<description>{'word ' * 120}</description></item></channel></rss>"
    )
    first, second = load_bytes(rss.encode(), "ledger.xml").items
    assert first.title == sentence  # the first sentence
    assert first.body.startswith(sentence) and len(first.body) > 400  # the body keeps it all
    assert len(second.title) <= 200 and second.title.endswith("…")


def test_a_feed_cut_inside_its_last_item_leaves_that_item_out() -> None:
    """A truncated download stored its last item's first half as an article of its own
    (and the whole item came as a second one with the next fetch)."""
    items = "".join(
        f"<item><title>Story {n} of the day</title><link>https://ledger.example/{n}</link>"
        f"<description>Paragraph of story {n}, told in full here.</description></item>"
        for n in range(3)
    )
    whole = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Ledger</title>'
        f"<link>https://ledger.example/</link>{items}</channel></rss>"
    )
    cut_inside = whole[: whole.rindex("told in full")]
    result = load_bytes(cut_inside.encode(), "ledger.xml")
    assert [i.title for i in result.items] == ["Story 0 of the day", "Story 1 of the day"]
    assert any(
        w.startswith("feed cut short") and w.endswith("the last, partial item left out")
        for w in result.warnings
    )
    # Cut between items: every item is whole and kept.
    cut_between = whole[: whole.rindex("</item>") + len("</item>")]
    assert len(load_bytes(cut_between.encode(), "ledger.xml").items) == 3


@pytest.mark.parametrize(
    ("creator", "names"),
    [
        ("Pavel Novak Transport editor", ["Pavel Novak"]),
        ("Pavel Novak Asia correspondent", ["Pavel Novak"]),
        ("Pavel Novak Global health reporter", ["Pavel Novak"]),
        ("Pavel Novak South America correspondent", ["Pavel Novak"]),
        ("Ana Maria Lutz Climate writer", ["Ana Maria Lutz"]),
    ],
)
def test_a_role_after_the_creators_name_goes_whole(creator: str, names: list[str]) -> None:
    feed = RSS.replace(
        "<dc:creator>Pavel Novak</dc:creator>", f"<dc:creator>{creator}</dc:creator>"
    )
    assert load_bytes(feed.encode(), "roles.rss").items[1].authors == names
