"""`newsdesk stories` says what `list` and `show` say of wire copy: the kill or hold of
each version, the story's when nothing of it may run, and each version's wire object."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from newsdesk.story_label import labelled
from newsdesk.wire import KILLED_LABEL, WITHHELD_LABEL
from tests.reliability.helpers import main_in_process
from tests.wire.nitf import nitf_item

GUID = "urn:kwa:2026:oddby-tram"
STRAIGHT = "Oddby council backs tram line to the harbour"


def _nitf(version: int, status: str, headline: str, body: str, guid: str = GUID) -> str:
    return nitf_item(version, status, headline, body, guid=guid, urgency=2)


def _import(tmp_path: Path, last_status: str) -> list[str]:
    takes = [
        (1, "usable", "FLASH: Oddby backs tram line", "<p>Oddby backs a harbour tram.</p>"),
        (2, "usable", STRAIGHT, "<p>Oddby's council voted for a harbour tram line.</p>"),
        (3, last_status, "KILL - Oddby tram story", "<p>The tram story is withdrawn.</p>"),
    ]
    ids = []
    with Desk(resolve()) as desk:
        for version, status, headline, body in takes:
            path = tmp_path / f"take-{version}.xml"
            path.write_text(_nitf(version, status, headline, body), encoding="utf-8")
            ids.extend(desk.import_paths([path]).imported_ids)
        desk.sync_index()
    assert len(ids) == 3
    return ids


def test_agency_flags_label_a_headline() -> None:
    assert labelled("FLASH: Oddby backs tram line") and labelled("KILL - Oddby tram story")
    assert not labelled(STRAIGHT)


def test_stories_mark_a_killed_story_and_each_version(tmp_path: Path) -> None:
    ids = _import(tmp_path, "withdrawn")
    code, out, _ = main_in_process(["stories", "slug:oddby*"], columns=200)
    assert code == 0
    lines = out.splitlines()
    # The story is named by its straight report, not the flash, and marked killed.
    assert lines[1].strip() == f"✗ {KILLED_LABEL} {STRAIGHT}"
    versions = [line for line in lines[2:] if line.strip()]
    assert len(versions) == 3 and all(f"✗ {KILLED_LABEL}" in line for line in versions)
    code, out, _ = main_in_process(["stories", "slug:oddby*", "--json"])
    (story,) = json.loads(out)
    assert story["do_not_use"] == KILLED_LABEL and story["label"] == STRAIGHT
    wires = {a["id"]: a["wire"] for a in story["articles"]}
    assert set(wires) == set(ids)
    assert all(w["killed"] and not w["withheld"] for w in wires.values())
    assert [aid for aid, w in wires.items() if w["current"]] == [ids[2]]
    assert {w["version"] for w in wires.values()} == {1, 2, 3}


def test_stories_mark_a_withheld_story_withheld(tmp_path: Path) -> None:
    _import(tmp_path, "withheld")
    code, out, _ = main_in_process(["stories", "slug:oddby*"], columns=200)
    assert code == 0
    assert f"✗ {WITHHELD_LABEL} {STRAIGHT}" in out and KILLED_LABEL not in out
    code, out, _ = main_in_process(["stories", "slug:oddby*", "--json"])
    (story,) = json.loads(out)
    assert story["do_not_use"] == WITHHELD_LABEL
    assert all(a["wire"]["withheld"] for a in story["articles"])


def test_a_usable_story_has_no_mark(tmp_path: Path) -> None:
    _import(tmp_path, "usable")
    code, out, _ = main_in_process(["stories", "slug:oddby*", "--json"])
    assert code == 0
    (story,) = json.loads(out)
    assert story["do_not_use"] is None
    assert not any(a["wire"]["killed"] for a in story["articles"])
