"""ninjs 1.x, 2.x and 3.x: every wire field, lists and lines of items, malformed objects."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.model import Extracted


def v2(**changes: Any) -> dict[str, Any]:
    """A ninjs 2.1 item of fictional copy."""
    record: dict[str, Any] = {
        "standard": {"name": "ninjs", "version": "2.1"},
        "uri": "urn:dna.example:20260411:TRAM-STRIKE",
        "type": "text",
        "version": "2",
        "versioncreated": "2026-04-11T07:05:00+02:00",
        "firstcreated": "2026-04-11T06:00:00+02:00",
        "embargoed": "2026-04-11T10:00:00Z",
        "pubstatus": "usable",
        "urgency": 3,
        "language": "en-GB",
        "slugline": "AUSTRIA-TRAMS",
        "located": "Graz",
        "by": "Von Theresa Moser",
        "copyrightholder": "Danube News Agency",
        "headlines": [
            {"role": "short", "value": "Tram strike"},
            {"role": "main", "value": "Graz tram drivers strike over rosters"},
        ],
        "descriptions": [{"role": "summary", "value": "No trams until Monday."}],
        "subjects": [
            {"name": "labour", "uri": "http://cv.iptc.org/newscodes/mediatopic/09000000"},
            {"literal": "strikes"},
        ],
        "bodies": [
            {"role": "main", "contenttype": "text/plain", "value": "GRAZ (DNA) - Plain text."},
            {
                "role": "richtext",
                "contenttype": "text/html",
                "value": '<p>GRAZ (DNA) - Tram drivers in Graz walked out on Saturday.</p><p>"We had no choice," said union steward Jakob Reiter.</p>',
            },
        ],
    }
    record.update(changes)
    return record


def v1(**changes: Any) -> dict[str, Any]:
    """A ninjs 1.5 item of fictional copy."""
    record: dict[str, Any] = {
        "$standard": {"name": "ninjs", "version": "1.5"},
        "uri": "urn:dna.example:20260412:TRAM-TALKS",
        "version": "1",
        "versioncreated": "2026-04-12T09:00:00Z",
        "pubstatus": "usable",
        "urgency": 5,
        "headline": "Talks to end Graz tram strike resume",
        "byline": "Theresa Moser and Felix Auer",
        "located": "Graz",
        "slugline": "AUSTRIA-TRAMS",
        "description_text": "Mediator joins the talks.",
        "subject": [{"name": "labour", "code": "09000000"}, {"code": "20000523"}],
        "body_text": "GRAZ (DNA) - Talks resumed on Sunday.",
        "infosource": [{"name": "Danube News Agency"}],
    }
    record.update(changes)
    return record


def load(value: object, name: str = "item.json") -> list[Extracted]:
    result = load_bytes(json.dumps(value).encode(), name)
    assert result.error is None, result.error
    assert result.format == "ninjs"
    return result.items


def refused(value: object) -> str:
    result = load_bytes(json.dumps(value).encode(), "item.json")
    assert result.items == [] and result.error is not None
    return result.error


def test_every_field_of_a_2x_item() -> None:
    (got,) = load(v2())
    assert got.format == "ninjs"
    assert got.title == "Graz tram drivers strike over rosters"
    assert got.dek == "No trams until Monday."
    assert got.authors == ["Theresa Moser"]
    assert got.dateline == "Graz"
    assert got.source == "Danube News Agency"
    assert got.published == "2026-04-11T07:05:00+02:00"
    assert got.language == "en"
    assert got.urgency == 3
    assert got.slugline == "AUSTRIA-TRAMS"
    assert got.version == 2
    assert got.item_id == "urn:dna.example:20260411:TRAM-STRIKE"
    assert got.embargo_until == "2026-04-11T10:00:00+00:00"
    assert got.status == "updated"
    assert got.subjects == ["labour", "strikes"]
    # The marked-up body keeps its paragraphs, so it wins over the plain one.
    assert got.body.split("\n\n")[0] == "GRAZ (DNA) - Tram drivers in Graz walked out on Saturday."
    assert [q.text for q in got.quotes] == ["We had no choice"]  # enrichment ran on the body


def test_every_field_of_a_1x_item() -> None:
    (got,) = load(v1())
    assert got.title == "Talks to end Graz tram strike resume"
    assert got.dek == "Mediator joins the talks."
    assert got.authors == ["Theresa Moser", "Felix Auer"]
    assert got.dateline == "Graz"
    assert got.source == "Danube News Agency"
    assert got.published == "2026-04-12T09:00:00+00:00"
    assert (got.urgency, got.version, got.status) == (5, 1, "usable")
    assert got.item_id == "urn:dna.example:20260412:TRAM-TALKS"
    assert got.embargo_until is None
    assert got.subjects == ["labour", "20000523"]
    assert got.body == "GRAZ (DNA) - Talks resumed on Sunday."


def test_3x_camel_case_keys_read_the_same() -> None:
    record = {
        "uri": "urn:dna.example:3",
        "versionCreated": "2026-04-13T09:00:00Z",
        "pubStatus": "canceled",
        "headlines": [{"value": "Kill: tram story"}],
        "bodies": [{"contentType": "text/plain", "value": "Withdrawn. Do not use."}],
    }
    (got,) = load(record)
    assert got.status == "withdrawn"
    assert got.published == "2026-04-13T09:00:00+00:00"


@pytest.mark.parametrize(
    ("pubstatus", "status"), [("canceled", "withdrawn"), ("withheld", "withheld")]
)
def test_publication_status(pubstatus: str, status: str) -> None:
    assert load(v2(pubstatus=pubstatus))[0].status == status


def test_a_list_and_json_lines_give_every_item() -> None:
    assert [i.item_id for i in load([v2(), v1()])] == [
        "urn:dna.example:20260411:TRAM-STRIKE",
        "urn:dna.example:20260412:TRAM-TALKS",
    ]
    lines = "\n".join(json.dumps(r) for r in (v1(), v2(), v1(uri="urn:dna.example:x", headline="")))
    result = load_bytes(lines.encode(), "wire.jsonl")
    assert result.format == "ninjs"
    assert len(result.items) == 2
    assert any("line 3" in w and "no headline" in w for w in result.warnings)


def test_missing_headline_is_refused() -> None:
    record = v2()
    del record["headlines"]
    assert "no headline" in refused(record)


def test_unknown_version_is_refused() -> None:
    error = refused(v2(standard={"name": "ninjs", "version": "7.0"}))
    assert "unsupported ninjs version '7.0'" in error


def test_another_standard_is_refused() -> None:
    assert "not ninjs" in refused(v2(standard={"name": "simplenews", "version": "1.0"}))


def test_bad_urgency_and_version_are_reported() -> None:
    result = load_bytes(json.dumps(v2(urgency=11, version="draft")).encode(), "a.json")
    got = result.items[0]
    assert got.urgency is None and got.version is None
    assert any("urgency '11'" in w for w in result.warnings)
    assert any("version 'draft'" in w for w in result.warnings)


def test_a_plain_json_record_is_not_ninjs() -> None:
    record = {"title": "Tram strike", "body": "Trams stopped.", "url": "https://x.example/a"}
    result = load_bytes(json.dumps(record).encode(), "a.json")
    assert result.format == "jsonl"
    assert result.items[0].item_id is None and result.items[0].urgency is None


@pytest.mark.parametrize("embargoed", ["9999-12-31T23:59:59Z", "TBA", "until the minister speaks"])
def test_an_embargo_that_cannot_be_read_holds_the_item(embargoed: str) -> None:
    # Dropped, it left the item unembargoed: listed and exported as free to publish.
    from newsdesk.wire import UNTIL_FURTHER_NOTICE, embargo_active, embargo_label

    result = load_bytes(json.dumps(v2(embargoed=embargoed)).encode(), "item.json")
    [item] = result.items
    assert item.embargo_until == UNTIL_FURTHER_NOTICE and embargo_active(item.embargo_until)
    assert embargo_label(item.embargo_until) == "embargoed until further notice"
    assert any("embargo" in w and "further notice" in w for w in result.warnings)
    # No embargo at all stays none.
    [free] = load(v2(embargoed=None))
    assert free.embargo_until is None


def test_plain_body_and_description_keep_angle_bracketed_text() -> None:
    record = v1(
        body_text="GRAZ (DNA) - Fares rose as p<b or q>r on Sunday.",
        description_text="Fares rose as p<b or q>r.",
    )
    (got,) = load(record)
    assert got.body == "GRAZ (DNA) - Fares rose as p<b or q>r on Sunday."
    assert got.dek == "Fares rose as p<b or q>r."


def test_a_version_too_large_to_keep_is_reported() -> None:
    huge = 10**30
    result = load_bytes(json.dumps(v2(version=huge, pubstatus="usable")).encode(), "a.json")
    got = result.items[0]
    assert got.version is None and got.status == "usable"
    assert any(f"version '{huge}' is too large" in w for w in result.warnings)
