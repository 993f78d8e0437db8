"""NewsML-G2 2.x: news items, news messages and packages; every wire field; malformed items."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.model import Extracted

NAR = "http://iptc.org/std/nar/2006-10-01/"

XHTML = """<inlineXML contenttype="application/xhtml+xml">
  <html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>
    <h1>Glacier loses a fifth of its ice in a decade</h1>
    <p>ZERMATT, Switzerland, June 2 (HNA) - The Gorner glacier lost a fifth of its ice in ten years, surveyors said on Tuesday.</p>
    <p>"We measured it twice to be sure," said survey leader Annika Brandt.</p>
  </body></html>
</inlineXML>"""


def item(
    *,
    item_attrs: str = 'guid="urn:newsml:hna.example:20260602:GLACIER" version="3" standard="NewsML-G2" standardversion="2.29"',
    item_meta: str = """
      <itemClass qcode="ninat:text"/>
      <provider qcode="nprov:HNA"><name>Highland News Agency</name></provider>
      <versionCreated>2026-06-02T11:20:00+02:00</versionCreated>
      <firstCreated>2026-06-02T09:00:00+02:00</firstCreated>
      <embargoed>2026-06-02T18:00:00Z</embargoed>
      <pubStatus qcode="stat:usable"/>
      <signal qcode="sig:correction"/>
    """,
    headline: str = "<headline>Glacier loses a fifth of its ice in a decade</headline>",
    content: str = XHTML,
    xmlns: str = f'xmlns="{NAR}"',
    root: str = "newsItem",
) -> str:
    """One news item of fictional copy (as text, so a message can embed it)."""
    return f"""<{root} {xmlns} {item_attrs} xml:lang="en-GB">
  <rightsInfo><copyrightHolder><name>Highland News Agency</name></copyrightHolder></rightsInfo>
  <itemMeta>{item_meta}</itemMeta>
  <contentMeta>
    <urgency>2</urgency>
    <located qcode="geo:zermatt"><name>Zermatt</name></located>
    <by>By Lena Fischer and Paolo Gatti</by>
    <language tag="en-GB"/>
    <subject type="cpnat:abstract" qcode="medtop:06000000"><name xml:lang="en">environment</name></subject>
    <subject qcode="medtop:20000420"/>
    <keyword>glaciers</keyword>
    <slugline separator="-">SWISS-GLACIER</slugline>
    {headline}
    <description role="drol:summary">Survey blames two hot summers.</description>
  </contentMeta>
  <contentSet>{content}</contentSet>
</{root}>"""


def document(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}'.encode()


def load_one(data: bytes, name: str = "item.xml") -> Extracted:
    result = load_bytes(data, name)
    assert result.error is None, result.error
    assert result.format == "newsml"
    assert len(result.items) == 1
    return result.items[0]


def refused(data: bytes) -> str:
    result = load_bytes(data, "item.xml")
    assert result.items == [] and result.error is not None
    return result.error


def test_every_field_of_a_news_item() -> None:
    got = load_one(document(item()))
    assert got.format == "newsml"
    assert got.title == "Glacier loses a fifth of its ice in a decade"
    assert got.dek == "Survey blames two hot summers."
    assert got.authors == ["Lena Fischer", "Paolo Gatti"]
    assert got.dateline == "Zermatt"
    assert got.source == "Highland News Agency"
    assert got.published == "2026-06-02T11:20:00+02:00"  # this version's time
    assert got.language == "en"
    assert got.urgency == 2
    assert got.slugline == "SWISS-GLACIER"
    assert got.version == 3
    assert got.item_id == "urn:newsml:hna.example:20260602:GLACIER"
    assert got.embargo_until == "2026-06-02T18:00:00+00:00"
    assert got.status == "corrected"
    assert got.subjects == ["environment", "medtop:20000420", "glaciers"]
    # The XHTML heading repeats the headline: it is not body text.
    assert got.body.startswith("ZERMATT, Switzerland, June 2 (HNA) - The Gorner glacier")
    assert got.quotes and got.quotes[0].speaker == "Annika Brandt"


@pytest.mark.parametrize(
    ("meta", "status"),
    [
        ('<pubStatus qcode="stat:canceled"/><signal qcode="sig:update"/>', "withdrawn"),
        ('<pubStatus uri="http://cv.iptc.org/newscodes/pubstatusg2/canceled"/>', "withdrawn"),
        ('<pubStatus qcode="stat:withheld"/>', "withheld"),
        ('<pubStatus qcode="stat:usable"/><signal qcode="sig:update"/>', "updated"),
        ('<pubStatus qcode="stat:usable"/>', "updated"),  # version 3, no signal
    ],
)
def test_status_from_pub_status_and_signals(meta: str, status: str) -> None:
    assert load_one(document(item(item_meta=meta))).status == status


def test_first_version_without_signals_is_usable() -> None:
    attrs = 'guid="urn:x:1" version="1"'
    got = load_one(document(item(item_attrs=attrs, item_meta='<pubStatus qcode="stat:usable"/>')))
    assert got.status == "usable" and got.version == 1 and got.embargo_until is None


def test_plain_text_content() -> None:
    content = '<inlineData contenttype="text/plain">OSLO (HNA) - The fjord froze early.\n\nSkaters came.</inlineData>'
    got = load_one(document(item(content=content)))
    assert got.body == "OSLO (HNA) - The fjord froze early.\n\nSkaters came."
    assert got.dateline == "Zermatt"  # located wins over the lede


def test_inline_nitf_content_fills_what_content_meta_lacks() -> None:
    content = """<inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>
        <body.head><hedline><hl1>Fjord freezes early</hl1></hedline>
          <abstract><p>Earliest ice in 40 years.</p></abstract></body.head>
        <body.content><p>OSLO (HNA) - The fjord froze three weeks early.</p></body.content>
      </body></nitf></inlineXML>"""
    source = item(content=content, headline="").replace(
        '<description role="drol:summary">Survey blames two hot summers.</description>', ""
    )
    got = load_one(document(source))
    assert got.title == "Fjord freezes early"
    assert got.dek == "Earliest ice in 40 years."
    assert got.body == "OSLO (HNA) - The fjord froze three weeks early."


def test_xhtml_is_preferred_over_plain_text() -> None:
    content = XHTML + '<inlineData contenttype="text/plain">A shorter plain rendition.</inlineData>'
    assert "Gorner glacier" in load_one(document(item(content=content))).body


def test_a_news_message_gives_each_item_and_skips_a_bad_one() -> None:
    second = item(item_attrs='guid="urn:x:2" version="1"').replace(
        "Glacier loses a fifth", "Second glacier survey: ice loses a fifth"
    )
    bad = item(item_attrs='guid="urn:x:3" version="1"', headline="")
    message = f"""<newsMessage xmlns="{NAR}"><header><sent>2026-06-02T12:00:00Z</sent></header>
      <itemSet>
        <packageItem guid="urn:pkg:1" version="1"><groupSet root="G1"><group id="G1">
          <itemRef residref="urn:newsml:hna.example:20260602:GLACIER"/></group></groupSet></packageItem>
        {item(xmlns="")}{second.replace(f'xmlns="{NAR}"', "")}{bad.replace(f'xmlns="{NAR}"', "")}
      </itemSet></newsMessage>"""
    result = load_bytes(document(message), "message.xml")
    assert result.error is None
    assert [i.item_id for i in result.items] == [
        "urn:newsml:hna.example:20260602:GLACIER",
        "urn:x:2",
    ]
    assert any("item 3" in w and "no headline" in w for w in result.warnings)


def test_a_package_alone_is_refused_with_its_reason() -> None:
    package = f"""<packageItem xmlns="{NAR}" guid="urn:pkg:2" version="1" standardversion="2.30">
      <itemMeta><itemClass qcode="ninat:composite"/><pubStatus qcode="stat:usable"/></itemMeta>
      <groupSet root="G1"><group id="G1">
        <itemRef residref="urn:a"/><itemRef residref="urn:b"/></group></groupSet></packageItem>"""
    error = refused(document(package))
    assert "package refers to 2 items but carries none" in error


def test_missing_headline_is_refused() -> None:
    assert "no headline" in refused(document(item(headline="")))


def test_wrong_namespace_is_refused() -> None:
    assert "wrong namespace" in refused(document(item(xmlns='xmlns="http://example.com/g2"')))
    assert "wrong namespace" in refused(document(item(xmlns="")))


def test_newsml_1_is_refused_by_name() -> None:
    error = refused(document("<NewsML Version='1.2'><NewsEnvelope/></NewsML>"))
    assert "NewsML 1.x is not read" in error


@pytest.mark.parametrize("version", ["3.0", "1.9", "two"])
def test_unknown_standard_version_is_refused(version: str) -> None:
    attrs = f'guid="urn:x:9" version="1" standardversion="{version}"'
    assert "unsupported NewsML-G2 version" in refused(document(item(item_attrs=attrs)))


def test_entity_declarations_are_refused() -> None:
    doctype = '<!DOCTYPE newsItem [<!ENTITY x SYSTEM "http://example.invalid/x">]>'
    assert "unsafe XML" in refused(document(doctype + item()))


def test_a_version_that_is_not_a_number_is_reported() -> None:
    result = load_bytes(document(item(item_attrs='guid="urn:x:5" version="latest"')), "i.xml")
    assert result.items[0].version is None
    assert any("version 'latest'" in w for w in result.warnings)


def test_urgency_out_of_range_is_not_kept() -> None:
    result = load_bytes(
        document(item().replace("<urgency>2</urgency>", "<urgency>0</urgency>")), "i.xml"
    )
    assert result.items[0].urgency is None
    assert any("urgency '0'" in w for w in result.warnings)


def test_an_item_whose_text_is_only_remote_content_says_so() -> None:
    remote = (
        '<remoteContent href="https://hna.example/text/glacier-3.txt" contenttype="text/plain"/>'
    )
    result = load_bytes(document(item(content=remote)), "i.xml")
    assert result.error is None and result.items[0].body == ""
    assert any(
        "remote content ('https://hna.example/text/glacier-3.txt')" in w and "does not fetch" in w
        for w in result.warnings
    )


def test_remote_content_beside_inline_text_is_no_warning() -> None:
    remote = '<remoteContent href="https://hna.example/pictures/glacier.jpg"/>'
    result = load_bytes(document(item(content=XHTML + remote)), "i.xml")
    assert "fifth of its ice" in result.items[0].body
    assert not any("remote content" in w for w in result.warnings)


def test_each_item_of_a_message_with_only_remote_content_is_named() -> None:
    remote = '<remoteContent href="https://hna.example/text/a.txt"/>'
    message = (
        f'<newsMessage xmlns="{NAR}"><itemSet>'
        f"{item(content=XHTML, xmlns='')}{item(content=remote, xmlns='')}"
        "</itemSet></newsMessage>"
    )
    result = load_bytes(document(message), "m.xml")
    assert len(result.items) == 2
    assert next(w for w in result.warnings if "remote content" in w).startswith("item 2: ")


@pytest.mark.parametrize(
    "version",
    ["99999999999999999999999", "2147483648", "9" * 5000],
    ids=["huge", "one-over", "thousands-of-digits"],
)
def test_a_version_too_large_to_keep_is_reported_and_labels_nothing(version: str) -> None:
    attrs = f'guid="urn:x:6" version="{version}"'
    meta = item(item_attrs=attrs, item_meta='<pubStatus qcode="stat:usable"/>')
    result = load_bytes(document(meta), "i.xml")
    got = result.items[0]
    assert got.version is None and got.status == "usable"  # not "updated"
    assert any(f"version {version[:40]!r} is too large" in w for w in result.warnings)


def test_the_largest_version_kept_and_leading_zeros() -> None:
    top = load_bytes(document(item(item_attrs='guid="urn:x:7" version="2147483647"')), "i.xml")
    assert top.items[0].version == 2147483647 and not top.warnings
    padded = load_bytes(document(item(item_attrs='guid="urn:x:8" version="0004"')), "i.xml")
    assert padded.items[0].version == 4
