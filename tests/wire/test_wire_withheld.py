"""A withheld item reads "WITHHELD: do not use", not as a kill, everywhere the kill label
shows; a later usable version lifts the hold, a kill stays a kill."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from newsdesk.store import Store
from newsdesk.wire import (
    HOLD_MARK,
    KILL_MARK,
    KILLED_LABEL,
    WITHHELD_LABEL,
    StoredVersion,
    kill_stays,
    row_label,
    settle,
)
from tests.reliability.helpers import main_in_process

URI = "urn:test.example:2026:ferry-fares"


def _version(version: int, status: str) -> str:
    return json.dumps(
        {
            "uri": URI,
            "version": str(version),
            "versioncreated": f"2026-12-07T0{version}:00:00Z",
            "pubstatus": status,
            "urgency": 3,
            "headline": f"Ferry fares to Halvor rise by a third, take {version}",
            "body_text": f"The ferry company raised fares on the Halvor route. Take {version}.",
            "slugline": "FERRY-FARES",
        }
    )


def _arrive(desk: Desk, folder: Path, version: int, status: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"ferry-{version}.json"
    path.write_text(_version(version, status), encoding="utf-8")
    found = desk.import_paths([path])
    assert len(found.imported_ids) == 1
    return found.imported_ids[0]


# -- the decision, without a store ------------------------------------------------------


def test_a_hold_is_current_until_a_later_usable_version_and_a_kill_is_for_good() -> None:
    held = settle(
        [
            StoredVersion("a", 1, 1.0, 1, "usable", superseded=True),
            StoredVersion("b", 2, 2.0, 2, "withheld", superseded=False),
        ]
    )
    assert held.killed and held.withheld and held.mark == HOLD_MARK
    lifted = settle(
        [
            StoredVersion("a", 1, 1.0, 1, "usable", superseded=True),
            StoredVersion("b", 2, 2.0, 2, "withheld", superseded=False),
            StoredVersion("c", 3, 3.0, 3, "usable", superseded=False),
        ]
    )
    assert not lifted.killed and lifted.mark == 0
    killed = settle(
        [
            StoredVersion("b", 2, 2.0, 2, "withheld", superseded=True),
            StoredVersion("c", 3, 3.0, 3, "withdrawn", superseded=False),
            StoredVersion("d", 4, 4.0, 4, "usable", superseded=False),
        ]
    )
    assert killed.killed and not killed.withheld and killed.mark == KILL_MARK
    # The hold notice deleted: the hold stays (nothing new took over); a kill mark stays.
    after_delete = settle([StoredVersion("a", 1, 1.0, 1, "usable", superseded=True)])
    assert kill_stays(after_delete, HOLD_MARK).mark == HOLD_MARK
    assert kill_stays(after_delete, KILL_MARK).mark == KILL_MARK


def test_every_version_of_a_withheld_item_reads_withheld(backend: str, tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        first = _arrive(desk, tmp_path / "one", 1, "usable")
        hold = _arrive(desk, tmp_path / "two", 2, "withheld")
        versions = desk.get_many([first, hold])
        assert all(a.killed and a.withheld for a in versions)
        rows = desk.rows([first, hold])
        assert [row_label(r) for r in rows] == [WITHHELD_LABEL, WITHHELD_LABEL]
        # Still "do not use": `is:killed` finds it, exports hold it back.
        desk.sync_index()
        assert set(desk.search("is:killed in:all").ids) == {first, hold}


def test_a_later_usable_version_lifts_the_hold(backend: str, tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        first = _arrive(desk, tmp_path / "one", 1, "usable")
        hold = _arrive(desk, tmp_path / "two", 2, "withheld")
        released = _arrive(desk, tmp_path / "three", 3, "usable")
        assert not any(a.killed for a in desk.get_many([first, hold, released]))
        assert desk.inbox_ids() == [released]


def test_a_kill_after_a_hold_reads_killed(backend: str, tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        first = _arrive(desk, tmp_path / "one", 1, "usable")
        hold = _arrive(desk, tmp_path / "two", 2, "withheld")
        kill = _arrive(desk, tmp_path / "three", 3, "canceled")
        rows = desk.rows([first, hold, kill])
        assert [row_label(r) for r in rows] == [KILLED_LABEL] * 3


def test_deleting_the_hold_notice_keeps_the_item_withheld(backend: str, tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        first = _arrive(desk, tmp_path / "one", 1, "usable")
        hold = _arrive(desk, tmp_path / "two", 2, "withheld")
        desk.delete([hold])
        article = desk.get(first)
        assert article is not None and article.killed and article.withheld


def test_show_list_and_export_say_withheld(tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        first = _arrive(desk, tmp_path / "one", 1, "usable")
        hold = _arrive(desk, tmp_path / "two", 2, "withheld")
    for aid in (first, hold):
        code, out, _ = main_in_process(["show", aid])
        assert code == 0
        assert f"status: {WITHHELD_LABEL}" in " ".join(out.split())
        assert KILLED_LABEL not in out
        code, out, _ = main_in_process(["show", aid, "--json"])
        wire = json.loads(out)["wire"]
        assert wire["killed"] is True and wire["withheld"] is True
    code, out, _ = main_in_process(["list", "--format", "tsv", "in:all"])
    labels = [line.split("\t")[-1] for line in out.splitlines()]
    assert labels == [WITHHELD_LABEL, WITHHELD_LABEL]
    target = tmp_path / "out.md"
    code, _, _ = main_in_process(
        ["export", "--include-killed", "--format", "md", "-o", str(target), "in:all"]
    )
    assert code == 0
    written = target.read_text(encoding="utf-8")
    assert written.count(f"**{WITHHELD_LABEL}**") == 2
    assert KILLED_LABEL not in written


def test_an_older_store_reads_its_withheld_items_as_withheld(tmp_path: Path) -> None:
    """The upgrade: a store where a hold was marked as a kill (1) marks it held."""
    with Desk(resolve()) as desk:
        first = _arrive(desk, tmp_path / "one", 1, "usable")
        _arrive(desk, tmp_path / "two", 2, "withheld")
        path = desk.store.path  # type: ignore[attr-defined]
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET killed = 1 WHERE item_id = ?", (URI,))
    conn.execute("UPDATE meta SET value = '15' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    upgraded = Store(path)
    try:
        article = upgraded.get(first)
        assert article is not None and article.killed and article.withheld
    finally:
        upgraded.close()
