"""A dateline the agency states as a field reads as the same dateline in the copy does."""

from __future__ import annotations

import pytest

from newsdesk.extract.dateline import stated_place
from newsdesk.ingest import load_bytes

NS = "http://iptc.org/std/NITF/2006-10-18/"


def _nitf(dateline: str, closing: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="{NS}" version="-//IPTC//DTD NITF 3.6//EN">
<head><title>Silt</title>
<docdata management-status="usable"><doc-id id-string="urn:gannet:silt-1"/>
<date.issue norm="20260303T091500Z"/></docdata></head>
<body><body.head>
<hedline><hl1>Silt closes the harbour mouth at Holmwick for a week</hl1></hedline>
<byline>By Ines Marlow</byline>
<dateline>{dateline}</dateline>
</body.head><body.content>
<p>HOLMWICK, Mar 3 (Gannet) - Silt washed down by a week of storms has closed the harbour
mouth at Holmwick to all but the smallest boats, the harbour master said on Tuesday.</p>
<p>"We have never seen the channel this shallow," said skipper Tobias Wren.</p>
<p>{closing}</p>
</body.content></body></nitf>""".encode()


def test_nitf_dateline_is_the_place_in_its_written_case() -> None:
    item = load_bytes(_nitf("HOLMWICK, Mar 3 (Gannet)", "Dredging starts on Friday."), "s.xml")
    got = item.items[0]
    assert got.dateline == "Holmwick"
    assert "Holmwick" in got.places
    assert "HOLMWICK" not in got.places


def test_a_company_named_for_its_trade_is_an_organisation() -> None:
    closing = "The dredging contractor, Ravensgill Quarries, said it would start on Friday."
    got = load_bytes(_nitf("HOLMWICK", closing), "s.xml").items[0]
    assert "Ravensgill Quarries" in got.organizations
    assert "Ravensgill Quarries" not in got.people
    assert got.dateline == "Holmwick"


@pytest.mark.parametrize(
    ("stated", "place"),
    [
        ("HOLMWICK, Mar 3 (Gannet)", "Holmwick"),
        ("Holmwick, March 3 (Gannet)", "Holmwick"),
        ("PORT ELSWICK, March 3, 2026 /Gannet Newswire/", "Port Elswick"),
        ("SAN JOSE, Calif.", "San Jose, Calif."),
        ("Bergen", "Bergen"),
        ("(Gannet)", None),
        ("Mar 3", None),
    ],
)
def test_stated_place(stated: str, place: str | None) -> None:
    assert stated_place(stated) == place
