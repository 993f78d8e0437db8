"""Wire formats are found by content, whatever the file is called; other formats keep theirs."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.ingest.sniff import detect_format

NITF = '<?xml version="1.0"?><nitf><head/><body/></nitf>'
NITF_NS = '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><head/></nitf>'
G2_ITEM = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"/>'
G2_PREFIXED = '<nar:newsItem xmlns:nar="http://iptc.org/std/nar/2006-10-01/" guid="g"/>'
G2_MESSAGE = '<!-- sent --><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>'
NINJS = '{"uri": "urn:x:1", "headlines": [{"value": "A"}]}'
NINJS_1 = '{"uri": "urn:x:1", "headline": "A", "body_text": "B"}'
NINJS_DECLARED = '{"standard": {"name": "ninjs", "version": "2.0"}, "headline": "A"}'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NITF, "nitf"),
        (NITF_NS, "nitf"),
        (G2_ITEM, "newsml"),
        (G2_PREFIXED, "newsml"),
        (G2_MESSAGE, "newsml"),
        (NINJS, "ninjs"),
        (NINJS_1, "ninjs"),
        (NINJS_DECLARED, "ninjs"),
        (f"[{NINJS}]", "ninjs"),
        ('{"title": "A", "body": "B"}', "jsonl"),
        ('{"uri": "urn:x", "title": "A"}', "jsonl"),
        ('<rss version="2.0"><channel/></rss>', "feed"),
    ],
)
@pytest.mark.parametrize("name", ["item.xml", "item.json", "item.txt", "item"])
def test_detected_by_content(text: str, expected: str, name: str) -> None:
    assert detect_format(name, text) == expected


def test_web_pages_have_no_wire_fields() -> None:
    page = b"Harbour reopens after dredging\n\nThe harbour reopened on Monday after two weeks of dredging, the port said."
    item = load_bytes(page, "page.txt").items[0]
    assert (item.urgency, item.slugline, item.version, item.item_id) == (None, None, None, None)
    assert (item.embargo_until, item.status, item.subjects) == (None, None, [])
