"""Many connections opening one new desk at the same moment all get in (real threads,
real files): the switch to WAL waits for the others instead of failing."""

from __future__ import annotations

import threading
from pathlib import Path

from newsdesk.store.sqlite.connections import Connections


def _open_and_write(path: Path, failures: list[str], start: threading.Barrier) -> None:
    start.wait()
    connections = Connections(path)
    try:
        conn = connections.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("CREATE TABLE IF NOT EXISTS seen (n INTEGER)")
        conn.execute("INSERT INTO seen VALUES (1)")
        conn.execute("COMMIT")
    except Exception as exc:
        failures.append(repr(exc))
    finally:
        connections.close()


def test_six_openers_of_a_new_file_all_succeed(tmp_path: Path) -> None:
    failures: list[str] = []
    rounds = 60
    for n in range(rounds):
        path = tmp_path / f"desk{n}.sqlite3"
        start = threading.Barrier(6)
        threads = [
            threading.Thread(target=_open_and_write, args=(path, failures, start)) for _ in range(6)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert not any(thread.is_alive() for thread in threads)
    assert failures == []
    assert all(
        Connections(tmp_path / f"desk{n}.sqlite3")
        .conn.execute("SELECT COUNT(*) FROM seen")
        .fetchone()[0]
        == 6
        for n in range(rounds)
    )
