"""An import into a desk another writer holds past one busy timeout waits its turn; a
file fails only after several (two imports into one desk: files "failed" because the
other had the desk when their batch began)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from newsdesk import import_batch
from newsdesk.desk import Desk
from newsdesk.store.sqlite import connections


def _page(folder: Path) -> Path:
    page = folder / "quay.txt"
    page.write_text(
        "Quay crane back in service\n\nBy Per Holm\n\nThe port's biggest crane lifted its "
        "first container in a month on Monday after new cables were fitted.\n",
        encoding="utf-8",
    )
    return page


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connections, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(connections, "WAIT_NOTICE_MS", 20)


def _held(
    database: Path, seconds: float, held: threading.Event, until: threading.Event | None = None
) -> None:
    """Another process's writer: the write lock until `until` is set (if given), then
    `seconds` more."""
    other = sqlite3.connect(database, timeout=5, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        held.set()
        if until is not None:
            assert until.wait(30)
        threading.Event().wait(seconds)
        other.execute("COMMIT")
    finally:
        other.close()


def test_an_import_waits_out_a_writer_longer_than_one_busy_timeout(
    short_busy_timeout: None, tmp_path: Path
) -> None:
    with Desk() as desk:
        database = desk.paths.database
        held, waiting = threading.Event(), threading.Event()
        desk.on_wait = waiting.set  # the import's batch has begun to wait for the lock
        # Held one and a half busy timeouts past that: the first BEGIN times out.
        holder = threading.Thread(target=_held, args=(database, 0.3, held, waiting))
        holder.start()
        assert held.wait(5)
        summary = desk.import_paths([_page(tmp_path)])
        holder.join(10)
        assert waiting.is_set()
        assert [f.error for f in summary.files] == [None]
        assert summary.imported == 1


def test_a_file_fails_once_every_try_timed_out(short_busy_timeout: None, tmp_path: Path) -> None:
    with Desk() as desk:
        database = desk.paths.database
        held = threading.Event()
        seconds = 0.2 * import_batch.BUSY_TRIES + 1.0
        holder = threading.Thread(target=_held, args=(database, seconds, held))
        holder.start()
        assert held.wait(5)
        summary = desk.import_paths([_page(tmp_path)])
        holder.join(10)
        (outcome,) = summary.files
        assert outcome.error is not None and "busy" in outcome.error
        assert summary.imported == 0
