"""The agency's note to editors (what a correction corrects) is kept and shown with the
status: NITF `correction@info` and `ed-msg@info`, NewsML-G2 `edNote`, ninjs `ednote`."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.ingest import load_bytes
from newsdesk.paths import resolve
from tests.reliability.helpers import main_in_process

NOTE = "Corrects turnout in Oddby to 61 per cent, not 16"

NITF = f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
<head><title>CORRECTED-Oddby turnout hits record</title>
<docdata><doc-id id-string="urn:kwa:2026:oddby-vote"/><urgency ed-urg="3"/>
<date.issue norm="20261207T042000Z"/>
<du-key key="ODDBY-VOTE" version="2"/>
<correction info="{NOTE}" id-string="urn:kwa:2026:oddby-vote"/>
<ed-msg info="Moved with a picture" msg-type="advisory"/>
</docdata></head>
<body><body.head><hedline><hl1>CORRECTED-Oddby turnout hits record</hl1></hedline></body.head>
<body.content><p>Turnout in Oddby's council vote was 61 per cent, a record.</p></body.content>
</body></nitf>""".encode()

NEWSML = f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:kwa:2026:oddby-g2"
    version="2" standard="NewsML-G2" standardversion="2.33">
  <itemMeta><itemClass qcode="ninat:text"/>
    <versionCreated>2026-12-07T04:00:00Z</versionCreated>
    <pubStatus qcode="stat:usable"/><signal qcode="sig:correction"/>
    <edNote>{NOTE}</edNote>
  </itemMeta>
  <contentMeta><headline>Oddby turnout hits record</headline></contentMeta>
  <contentSet><inlineData contenttype="text/plain">Turnout was 61 per cent.</inlineData>
  </contentSet>
</newsItem>""".encode()


def _ninjs(**more: object) -> bytes:
    item = {
        "uri": "urn:kwa:2026:oddby-ninjs",
        "version": "2",
        "pubstatus": "usable",
        "headline": "Oddby turnout hits record",
        "body_text": "Turnout in Oddby's council vote was 61 per cent.",
        **more,
    }
    return json.dumps(item).encode()


def test_nitf_keeps_the_correction_and_the_editors_message() -> None:
    (meta,) = load_bytes(NITF, "oddby.xml").items
    assert meta.status == "corrected"
    assert meta.agency_note == f"{NOTE} / Moved with a picture"


def test_newsml_keeps_its_ednote() -> None:
    (meta,) = load_bytes(NEWSML, "oddby-g2.xml").items
    assert meta.status == "corrected" and meta.agency_note == NOTE


def test_ninjs_keeps_its_ednote_and_reads_a_correction_signal() -> None:
    (meta,) = load_bytes(_ninjs(ednote=NOTE, signal="correction"), "oddby.json").items
    assert meta.status == "corrected" and meta.agency_note == NOTE
    (listed,) = load_bytes(
        _ninjs(ednote=[NOTE], signals=[{"code": "sig:correction"}]), "oddby.json"
    ).items
    assert listed.status == "corrected" and listed.agency_note == NOTE
    (plain,) = load_bytes(_ninjs(), "plain.json").items
    assert plain.status == "updated" and plain.agency_note is None


def test_show_json_and_exports_carry_the_note(tmp_path: Path) -> None:
    source = tmp_path / "oddby.xml"
    source.write_bytes(NITF)
    with Desk(resolve()) as desk:
        (aid,) = desk.import_paths([source]).imported_ids
    code, out, _ = main_in_process(["show", aid])
    assert code == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    status = lines.index("status: corrected")
    assert lines[status + 1] == f"agency note: {NOTE} / Moved with a picture"
    code, out, _ = main_in_process(["show", aid, "--json"])
    assert json.loads(out)["wire"]["agency_note"].startswith(NOTE)
    digest = tmp_path / "digest.md"
    code, _, _ = main_in_process(["export", "--ids", aid, "-o", str(digest)])
    assert code == 0
    assert f"Agency note: {NOTE}" in digest.read_text(encoding="utf-8")
    records = tmp_path / "out.json"
    code, _, _ = main_in_process(["export", "--ids", aid, "-f", "json", "-o", str(records)])
    assert code == 0
    (record,) = json.loads(records.read_text(encoding="utf-8"))
    assert record["wire"]["agency_note"].startswith(NOTE)


def test_an_exported_note_comes_back_on_import(tmp_path: Path) -> None:
    source = tmp_path / "oddby.xml"
    source.write_bytes(NITF)
    with Desk(resolve()) as desk:
        (aid,) = desk.import_paths([source]).imported_ids
    records = tmp_path / "out.json"
    code, _, _ = main_in_process(["export", "--ids", aid, "-f", "json", "-o", str(records)])
    assert code == 0
    (meta,) = load_bytes(records.read_bytes(), "out.json").items
    assert meta.agency_note is not None and meta.agency_note.startswith(NOTE)
