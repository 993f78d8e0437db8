"""A damaged database is refused by every command but doctor, the same way: `list`
refused it while `search`, `show` and `history` read it and `star` wrote into it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.errors import DeskError
from newsdesk.store import STORE_ENV
from tests.test_cli import run
from tests.test_migrate_damaged import damaged_desk


@pytest.fixture
def damaged(isolated_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(STORE_ENV, "")
    folder = tmp_path / "files"
    folder.mkdir()
    # An index of its own page: what misses it (search, show, star) worked on the old code.
    return damaged_desk(folder, "articles_sort")


def _state(db: Path) -> str:
    """The database and its WAL as bytes: a write shows in one or the other."""
    parts = [db, db.with_name(db.name + "-wal")]
    # (An empty WAL is what opening the file to look at it leaves.)
    return "".join(
        hashlib.sha256(p.read_bytes()).hexdigest() for p in parts if p.exists() and p.stat().st_size
    )


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["search", "rotterdam"],
        ["history"],
        ["saved", "list"],
        ["star", "rotterdam"],
        ["tag", "rotterdam", "+x"],
        ["archive", "--all", "--yes"],
        ["undo"],
    ],
)
def test_every_command_refuses_a_damaged_database_alike(damaged: Path, args: list[str]) -> None:
    before = _state(damaged)
    proc = run(args, {}, check=False)
    assert proc.returncode == 1
    assert "is damaged" in proc.stderr and "newsdesk doctor" in proc.stderr
    assert proc.stdout == ""
    assert _state(damaged) == before


def test_show_refuses_it_too(damaged: Path) -> None:
    # Refused before the id is looked up: any id gets the same answer.
    proc = run(["show", "0123456789abcdef"], {}, check=False)
    assert proc.returncode == 1 and "is damaged" in proc.stderr


def damage_mark(db: Path) -> Path:
    return db.with_name(db.name + ".needs-doctor")


def test_once_found_the_app_refuses_it_too_until_doctor_repairs_it(damaged: Path) -> None:
    run(["list"], {}, check=False)
    assert damage_mark(damaged).exists()
    with pytest.raises(DeskError, match="is damaged"), Desk() as desk:
        desk.count()
    doctor = run(["doctor"], {}, check=False)
    assert "damaged" in doctor.stdout
    assert not damage_mark(damaged).exists()
    assert run(["list", "in:all"], {}).returncode == 0


def test_paths_and_help_still_answer(damaged: Path) -> None:
    assert "database" in run(["paths"], {}).stdout
    assert run(["--help"], {}).returncode == 0
