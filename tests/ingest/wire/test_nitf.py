"""NITF 3.x: every wire field read from docdata and body.head; malformed documents refused."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.model import Extracted
from newsdesk.wire import UNTIL_FURTHER_NOTICE, embargo_active, embargo_label

NS = "http://iptc.org/std/NITF/2006-10-18/"


def nitf(
    *,
    root_attrs: str = f'xmlns="{NS}" version="-//IPTC//DTD NITF 3.6//EN"',
    docdata_attrs: str = 'management-status="usable"',
    docdata: str = "",
    hedline: str = "<hedline><hl1>Ferry line adds a night crossing to the islands</hl1></hedline>",
    head_title: str = "Night ferry",
    prolog: str = "",
) -> bytes:
    """A complete NITF document of fictional copy; the parts a test varies are parameters."""
    docdata = (
        docdata
        or """
      <doc-id regsrc="GWA" id-string="urn:gwa:20260305:FERRY-NIGHT"/>
      <urgency ed-urg="3"/>
      <date.issue norm="20260305T081500Z"/>
      <date.release norm="20260305T081500Z"/>
      <du-key generation="2" version="2" key="FERRY-NIGHT"/>
      <doc.copyright year="2026" holder="Gannet Wire Agency"/>
      <key-list><keyword key="ferries"/><keyword key="islands"/></key-list>
    """
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>{prolog}
<nitf {root_attrs}>
  <head>
    <title>{head_title}</title>
    <tobject tobject.type="news">
      <tobject.subject tobject.subject.refnum="04000000" tobject.subject.matter="economy, business and finance"/>
      <tobject.subject tobject.subject.refnum="04015000"/>
    </tobject>
    <docdata {docdata_attrs}>{docdata}</docdata>
  </head>
  <body>
    <body.head>
      {hedline}
      <byline>By <person>Maren Sollied</person>, <byttl>Gannet Wire Agency</byttl></byline>
      <dateline><location><city>Bergen</city></location>, <story.date norm="20260305">March 5</story.date></dateline>
      <abstract><p>The crossing runs from April and takes six hours.</p></abstract>
    </body.head>
    <body.content>
      <p>BERGEN, March 5 (GWA) - Vestkyst Ferjer will add a night crossing to the outer islands from April, the company said on Thursday.</p>
      <media media-type="image"><media-reference source="ferry.jpg"/><media-caption>The ferry in port.</media-caption></media>
      <hl2>Fares unchanged</hl2>
      <p>"Islanders asked for this for ten years," chief executive Odd Rasmussen said.</p>
    </body.content>
  </body>
</nitf>""".encode()


def load_one(data: bytes, name: str = "item.xml") -> Extracted:
    result = load_bytes(data, name)
    assert result.error is None, result.error
    assert result.format == "nitf"
    assert len(result.items) == 1
    return result.items[0]


def refused(data: bytes, name: str = "item.xml") -> str:
    result = load_bytes(data, name)
    assert result.items == []
    assert result.error is not None
    return result.error


def test_every_field_of_a_complete_document() -> None:
    item = load_one(nitf())
    assert item.format == "nitf"
    assert item.title == "Ferry line adds a night crossing to the islands"
    assert item.dek == "The crossing runs from April and takes six hours."
    assert item.authors == ["Maren Sollied"]
    assert item.dateline == "Bergen"
    assert item.source == "Gannet Wire Agency"
    assert item.published == "2026-03-05T08:15:00+00:00"
    assert item.urgency == 3
    assert item.slugline == "FERRY-NIGHT"
    assert item.version == 2
    assert item.item_id == "urn:gwa:20260305:FERRY-NIGHT"
    assert item.embargo_until is None  # released when issued
    assert item.status == "updated"  # version 2 without a correction
    assert item.subjects == ["economy, business and finance", "subj:04015000", "ferries", "islands"]
    paragraphs = item.body.split("\n\n")
    assert paragraphs[0].startswith("BERGEN, March 5 (GWA) - Vestkyst Ferjer")
    assert "Fares unchanged" in paragraphs
    assert "The ferry in port." not in item.body  # pictures are not article text
    assert item.quotes and item.quotes[0].speaker == "Odd Rasmussen"


def test_a_document_without_a_namespace_reads_the_same() -> None:
    item = load_one(nitf(root_attrs='version="-//IPTC//DTD NITF 3.4//EN"'))
    assert item.title == "Ferry line adds a night crossing to the islands"
    assert item.item_id == "urn:gwa:20260305:FERRY-NIGHT"


def test_content_decides_not_the_file_name() -> None:
    assert load_one(nitf(), name="ferry.txt").slugline == "FERRY-NIGHT"
    assert load_one(nitf(), name="ferry").slugline == "FERRY-NIGHT"


def test_release_after_issue_is_an_embargo() -> None:
    docdata = """<doc-id id-string="urn:gwa:1"/><date.issue norm="20260305T081500Z"/>
                 <date.release norm="20260306T120000+0100"/>"""
    item = load_one(nitf(docdata=docdata))
    assert item.embargo_until == "2026-03-06T12:00:00+01:00"
    assert item.published == "2026-03-05T08:15:00+00:00"


def test_embargoed_status_uses_the_release_time() -> None:
    docdata = '<doc-id id-string="urn:gwa:2"/><date.release norm="20260306T090000Z"/>'
    item = load_one(nitf(docdata_attrs='management-status="embargoed"', docdata=docdata))
    assert item.embargo_until == "2026-03-06T09:00:00+00:00"
    assert item.status == "usable"


def test_embargoed_status_without_a_time_says_so() -> None:
    result = load_bytes(
        nitf(docdata_attrs='management-status="embargoed"', docdata='<doc-id id-string="x"/>'),
        "a.xml",
    )
    # Held until further notice: released, it could be published before its time.
    assert result.items[0].embargo_until == UNTIL_FURTHER_NOTICE
    assert embargo_active(result.items[0].embargo_until)
    assert embargo_label(result.items[0].embargo_until) == "embargoed until further notice"
    assert any("embargoed" in w and "date.release" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("attrs", "extra", "status"),
    [
        ('management-status="canceled"', "", "withdrawn"),
        ('management-status="withheld"', "", "withheld"),
        ('management-status="usable"', '<correction info="Fixes a name"/>', "corrected"),
        ('management-status="usable"', '<du-key version="1" key="X"/>', "usable"),
        ("", "", "usable"),
    ],
)
def test_status(attrs: str, extra: str, status: str) -> None:
    docdata = f'<doc-id id-string="urn:gwa:3"/>{extra}'
    assert load_one(nitf(docdata_attrs=attrs, docdata=docdata)).status == status


def test_generation_serves_when_du_key_has_no_version() -> None:
    docdata = '<doc-id id-string="a"/><du-key generation="5" key="SLUG"/>'
    item = load_one(nitf(docdata=docdata))
    assert (item.version, item.slugline) == (5, "SLUG")


def test_bad_urgency_and_version_are_reported_not_invented() -> None:
    docdata = '<doc-id id-string="a"/><urgency ed-urg="12"/><du-key version="two" key="S"/>'
    result = load_bytes(nitf(docdata=docdata), "a.xml")
    item = result.items[0]
    assert item.urgency is None and item.version is None
    assert any("urgency '12'" in w for w in result.warnings)
    assert any("version 'two'" in w for w in result.warnings)


def test_head_title_serves_when_there_is_no_hedline() -> None:
    assert load_one(nitf(hedline="")).title == "Night ferry"


def test_byline_without_person_markup() -> None:
    data = nitf().replace(
        b"By <person>Maren Sollied</person>, <byttl>Gannet Wire Agency</byttl>",
        b"By Tove Lind, <byttl>Staff Writer</byttl>",
    )
    assert load_one(data).authors == ["Tove Lind"]


def test_missing_headline_is_refused() -> None:
    error = refused(nitf(hedline="", head_title=""))
    assert "no headline" in error


def test_wrong_namespace_is_refused() -> None:
    error = refused(nitf(root_attrs='xmlns="http://example.com/not-nitf"'))
    assert "wrong namespace" in error and "not-nitf" in error


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("-//IPTC//DTD NITF 9.1//EN", "unsupported NITF version 9.1"),
        ("-//IPTC//DTD NITF 2.5//EN", "unsupported NITF version 2.5"),
        ("banana", "unknown NITF version"),
    ],
)
def test_unknown_version_is_refused(version: str, expected: str) -> None:
    error = refused(nitf(root_attrs=f'version="{version}"'))
    assert expected in error


def test_entity_declarations_are_refused_before_parsing() -> None:
    bomb = """<!DOCTYPE nitf [
      <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>"""
    error = refused(nitf(prolog=bomb).replace(b"Night ferry", b"&c;"))
    assert "unsafe XML" in error


def test_external_entities_are_refused() -> None:
    doctype = '<!DOCTYPE nitf [<!ENTITY leak SYSTEM "file:///etc/passwd">]>'
    error = refused(nitf(prolog=doctype).replace(b"Night ferry", b"&leak;"))
    assert "unsafe XML" in error


def test_a_plain_doctype_is_allowed_and_never_loaded() -> None:
    doctype = '<!DOCTYPE nitf SYSTEM "http://example.invalid/nitf-3-6.dtd">'
    assert load_one(nitf(prolog=doctype)).slugline == "FERRY-NIGHT"


def test_malformed_xml_names_the_line() -> None:
    broken = nitf().replace(b"</body.content>", b"</body.contents>")
    error = refused(broken)
    assert error.startswith("malformed NITF XML") and "line" in error


def test_a_version_too_large_to_keep_is_reported() -> None:
    docdata = '<doc-id id-string="a"/><du-key version="31415926535897932384626" key="S"/>'
    result = load_bytes(nitf(docdata=docdata), "a.xml")
    got = result.items[0]
    assert got.version is None and got.status != "updated"
    assert any("version '31415926535897932384626' is too large" in w for w in result.warnings)
