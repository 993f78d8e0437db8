"""A fictional NITF 3.6 wire item for tests: one version of one agency item."""

from __future__ import annotations


def nitf_item(
    version: int,
    status: str,
    headline: str,
    body: str,
    *,
    guid: str = "urn:kwa:2026:oddby-tram",
    slug: str = "ODDBY-TRAM",
    urgency: int = 3,
    dateline: str = "",
) -> str:
    """Version `version` (1-9, issued at 0V:00 UTC on 2026-12-07) of item `guid`, with
    `management-status` `status` and `body` as the body's XHTML (paragraphs)."""
    said = f"<dateline>{dateline}</dateline>" if dateline else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
<head><title>{headline}</title>
<docdata management-status="{status}">
<doc-id id-string="{guid}"/><urgency ed-urg="{urgency}"/>
<date.issue norm="20261207T0{version}0000Z"/>
<du-key key="{slug}" version="{version}"/>
</docdata></head>
<body><body.head><hedline><hl1>{headline}</hl1></hedline>{said}</body.head>
<body.content>{body}</body.content></body></nitf>"""
