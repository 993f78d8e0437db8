"""`list` and `search` say what the inbox says of wire copy: killed, embargoed, urgent."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from newsdesk.wire import WIRE_FIELDS
from tests.reliability.helpers import main_in_process

SAMPLE_WIRE = Path(__file__).resolve().parents[1] / "sample_data" / "wire"


def _embargoed(until: datetime) -> str:
    """A ninjs item held until `until` (a routine urgency: only the embargo marks it)."""
    return json.dumps(
        {
            "uri": "urn:test.example:HELD-REPORT",
            "version": "1",
            "versioncreated": "2026-11-20T16:00:00Z",
            "embargoed": until.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "pubstatus": "usable",
            "urgency": 5,
            "headline": "Held report on harbour dredging costs",
            "body_text": "The harbour board will publish its dredging report next week.",
        }
    )


@pytest.fixture
def listed(tmp_path: Path) -> None:
    held = tmp_path / "held.json"
    held.write_text(_embargoed(datetime.now(UTC) + timedelta(days=2)), encoding="utf-8")
    with Desk(resolve()) as desk:
        desk.import_paths([SAMPLE_WIRE, held])
        desk.sync_index()


def _tsv(*args: str) -> dict[str, list[str]]:
    """TSV lines by headline."""
    code, out, _ = main_in_process(args)
    assert code == 0
    return {line.split("\t")[4]: line.split("\t") for line in out.splitlines()}


def test_table_marks_killed_urgent_and_embargoed_rows_as_the_inbox_does(listed: None) -> None:
    code, out, _ = main_in_process(["list", "--limit", "0"], columns=160)
    assert code == 0
    lines = out.splitlines()
    killed = next(line for line in lines if "Van Hoorn" in line and "KILL" in line)
    assert "✗" in killed and "KILLED: do not use" in killed
    flash = next(line for line in lines if "FLASH: Volcano erupts" in line)
    assert "!" in flash.split("2026-")[0]  # in the markers, before the date
    held = next(line for line in lines if "Held report" in line)
    assert "embargoed until" in held


def test_tsv_has_the_wire_marker_and_the_label(listed: None) -> None:
    rows = _tsv("list", "--format", "tsv", "--limit", "0")
    killed = next(v for k, v in rows.items() if "Van Hoorn" in k and "KILL" in k)
    assert "✗" in killed[1] and killed[6] == "KILLED: do not use"
    flash = next(v for k, v in rows.items() if k.startswith("FLASH: Volcano"))
    assert "!" in flash[1]
    held = rows["Held report on harbour dredging costs"]
    assert held[6].startswith("embargoed until")
    assert all(len(v) == 7 for v in rows.values())
    # A headline that says its status already ("CORRECTED-...") still has it in the
    # column: a script reads the column, not the headline (it was left empty).
    corrected = [v for k, v in rows.items() if k.startswith("CORRECTED-")]
    assert corrected and all(v[6] == "corrected" for v in corrected)


@pytest.mark.parametrize("command", ["list", "search"])
def test_json_rows_carry_the_wire_object_show_json_has(listed: None, command: str) -> None:
    query = "in:all" if command == "list" else "volcano OR brewer OR dredging"
    code, out, _ = main_in_process([command, query, "--json", "--limit", "0"])
    assert code == 0
    rows = json.loads(out)
    wire = [r for r in rows if "wire" in r]
    assert wire and all(tuple(r["wire"]) == WIRE_FIELDS for r in wire)
    assert all("updated_at" in r for r in rows)
    killed = [r for r in wire if "Van Hoorn" in r["title"]]
    assert killed and all(r["wire"]["killed"] for r in killed)
    held = [r for r in wire if r["title"].startswith("Held report")]
    assert held and held[0]["wire"]["embargo_until"]
    for row in rows:
        code, shown, _ = main_in_process(["show", row["id"], "--json"])
        assert code == 0
        assert json.loads(shown).get("wire") == row.get("wire")
