"""A database that fails as it is opened is said damaged, and marked, as the commands say it.

The app, started first on a damaged file, said "cannot open the database ...: file is
not a database. Run `newsdesk doctor` to check and repair it." and left no mark, so
the next command found the damage again in its own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.errors import DamagedStoreError
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV
from newsdesk.store.sqlite.connections import damage_mark


def test_a_file_that_is_no_database_is_said_damaged_and_marked(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STORE_ENV, "")
    db = resolve().database
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"not a database at all, only words " * 200)
    with pytest.raises(DamagedStoreError, match="is damaged") as raised, Desk(resolve()) as desk:
        desk.count()
    assert "newsdesk doctor" in str(raised.value)
    assert damage_mark(db).exists()
