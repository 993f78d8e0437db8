"""A kill outlives its notice: deleting the kill version leaves every other version of
the item killed; undoing the import that brought the kill releases them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.desk.exporting import exportable
from newsdesk.errors import DeskError
from newsdesk.export import ExportOptions
from newsdesk.paths import resolve

GUID = "urn:xpa.example:20261207:TRAM-FARES"


def _item(version: int, status: str, body: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{GUID}" version="{version}"
    standard="NewsML-G2" standardversion="2.33">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <versionCreated>2026-12-07T0{version}:00:00Z</versionCreated>
    <pubStatus qcode="stat:{status}"/>
  </itemMeta>
  <contentMeta>
    <headline>Tram fares in Lindholm rise by a fifth, version {version}</headline>
  </contentMeta>
  <contentSet><inlineData contenttype="text/plain">{body}</inlineData></contentSet>
</newsItem>
"""


def _write(folder: Path, version: int, status: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"tram-{version}.xml"
    path.write_text(_item(version, status, body), encoding="utf-8")
    return folder


def _import_story_and_kill(desk: Desk, tmp_path: Path) -> str:
    desk.import_paths([_write(tmp_path / "one", 1, "usable", "Fares rise in March.")])
    desk.import_paths([_write(tmp_path / "two", 2, "usable", "Fares rise in March, council says.")])
    kill = desk.import_paths([_write(tmp_path / "three", 3, "canceled", "Withdrawn. Do not use.")])
    assert len(kill.imported_ids) == 1
    return kill.imported_ids[0]


def _all_ids(desk: Desk) -> list[str]:
    return desk.store.ordered_ids()  # every stored version, superseded ones too


def test_deleting_the_kill_notice_keeps_every_version_killed(backend: str, tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        kill_id = _import_story_and_kill(desk, tmp_path)
        ids = _all_ids(desk)
        assert len(ids) == 3 and all(a.killed for a in desk.get_many(ids))

        desk.delete([kill_id])
        left = desk.get_many(_all_ids(desk))
        assert sorted(a.meta.version or 0 for a in left) == [1, 2]
        assert all(a.killed for a in left)
        assert [a.meta.version for a in desk.get_many(desk.inbox_ids())] == [2]
        desk.sync_index()
        assert len(desk.search("is:killed").ids) == 1  # the current version, v2
        with pytest.raises(DeskError, match="left out 2 killed"):
            exportable(desk.store, [a.id for a in left], ExportOptions())

        # Undo of the delete: the notice is back, everything still killed.
        desk.undo()
        back = desk.get_many(_all_ids(desk))
        assert len(back) == 3 and all(a.killed for a in back)


def test_undoing_the_import_of_the_kill_releases_the_versions(backend: str, tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        _import_story_and_kill(desk, tmp_path)
        desk.undo()
        left = desk.get_many(_all_ids(desk))
        assert sorted(a.meta.version or 0 for a in left) == [1, 2]
        assert not any(a.killed for a in left)


def test_a_version_after_a_deleted_kill_is_killed_too(backend: str, tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        kill_id = _import_story_and_kill(desk, tmp_path)
        desk.delete([kill_id])
        desk.import_paths([_write(tmp_path / "four", 4, "usable", "Fares rise in April.")])
        versions = desk.get_many(_all_ids(desk))
        assert sorted(a.meta.version or 0 for a in versions) == [1, 2, 4]
        assert all(a.killed for a in versions)
        # The kill notice imported again after its delete is current and killed.
        desk.import_paths([tmp_path / "three"])
        assert all(a.killed for a in desk.get_many(_all_ids(desk)))


def test_undoing_a_second_kill_keeps_the_deleted_first_one(backend: str, tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        kill_id = _import_story_and_kill(desk, tmp_path)
        desk.delete([kill_id])
        desk.import_paths([_write(tmp_path / "four", 4, "canceled", "Withdrawn again.")])
        desk.undo()  # the second kill's import: the first, deleted, still holds
        left = desk.get_many(_all_ids(desk))
        assert sorted(a.meta.version or 0 for a in left) == [1, 2]
        assert all(a.killed for a in left)
        desk.undo()  # the delete: the first kill is back
        assert len(desk.get_many(_all_ids(desk))) == 3
        desk.undo()  # the first kill's import: released
        left = desk.get_many(_all_ids(desk))
        assert sorted(a.meta.version or 0 for a in left) == [1, 2]
        assert not any(a.killed for a in left)
