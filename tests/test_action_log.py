"""A bounded action log (issue 17 item 10): undo and history read only open batches,
old batches are pruned by `[history] keep_days`, a prune after a write is short.

Speed is for `benchmarks/bench_undo.py`; here the work undo does is counted in
SQLite's virtual-machine steps, which do not depend on the machine's load.
The store cases run on SQLite and on a shared desk (skipped, saying why,
without `NEWSDESK_TEST_PG`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsdesk import action_log
from newsdesk.cli.main import main
from newsdesk.config import EDITOR_ENV, load_settings
from newsdesk.desk import Desk
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV
from newsdesk.store.sqlite.actions import cut
from tests.pg_support import pg_schema

STATE = {"read": False, "starred": False, "archived": False, "exported": False, "note": None}


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(
    request: pytest.FixtureRequest, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    monkeypatch.setenv(EDITOR_ENV, "ana")
    if request.param == "sqlite":
        monkeypatch.setenv(STORE_ENV, "")
        yield "sqlite"
        return
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        yield "postgresql"


def _articles(desk: Desk, folder: Path, n: int = 3) -> list[str]:
    for i in range(n):
        (folder / f"a{i}.md").write_text(
            f"# Ferry timetable {i}\n\nThe harbour board moved sailing {i} to the evening.\n",
            encoding="utf-8",
        )
    desk.import_paths([folder / f"a{i}.md" for i in range(n)])
    return sorted(desk.inbox_ids())


def _ago(days: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).replace(microsecond=0).isoformat()


def _write_log(desk: Desk, rows: list[tuple[int, str, str, str, int, str]]) -> None:
    """(batch, ts, kind, article id, undone, editor) rows, written behind the desk's back."""
    before, after = json.dumps({**STATE, "tags": []}), json.dumps({**STATE, "tags": ["old"]})
    conn = desk.store.conn  # type: ignore[attr-defined]
    mark = "?" if isinstance(conn, sqlite3.Connection) else "%s"
    sql = (
        "INSERT INTO actions (batch, ts, kind, article_id, before, after, undone, editor) "
        f"VALUES ({', '.join([mark] * 8)})"
    )
    values = [(b, ts, k, aid, before, after, u, ed) for b, ts, k, aid, u, ed in rows]
    if isinstance(conn, sqlite3.Connection):
        with conn:
            conn.executemany(sql, values)
    else:
        with conn.transaction(), conn.cursor() as cur:
            cur.executemany(sql, values)
            # Batch numbers come from a sequence there: the next one is above these.
            cur.execute("SELECT setval('action_batches', (SELECT MAX(batch) FROM actions))")


def _top_batch(desk: Desk) -> int:
    row = desk.store.conn.execute("SELECT MAX(batch) FROM actions").fetchone()  # type: ignore[attr-defined]
    return int(next(iter(row.values())) if isinstance(row, dict) else row[0])


def _rows(desk: Desk) -> int:
    row = desk.store.conn.execute("SELECT COUNT(*) AS n FROM actions").fetchone()  # type: ignore[attr-defined]
    return int(row["n"] if isinstance(row, dict) else row[0])


def test_undo_finds_the_open_batch_under_many_undone_ones(backend: str, tmp_path: Path) -> None:
    with Desk() as desk:
        ids = _articles(desk, tmp_path)
        desk.tag([ids[0]], add=["mine"])  # ana's open batch, at the bottom
        top = _top_batch(desk)
        # Above it: 3,000 batches undone, by ana and by others, and others' open ones.
        rows = []
        for b in range(top + 1, top + 3001):
            editor = ("ana", "bo", "")[b % 3]
            rows.append((b, _ago(0), "tag", ids[b % 3], 1, editor))
        rows.append((top + 3001, _ago(0), "tag", ids[1], 0, "bo"))
        _write_log(desk, rows)
        record = desk.undo()
        assert record is not None and record.action == "undo tag"
        assert record.changed == [ids[0]]
        assert desk.get(ids[0]).state.tags == []  # type: ignore[union-attr]
        assert [(r.kind, r.editor) for r in desk.history(5)] == [("tag", "bo"), ("import", "ana")]
        assert [r.kind for r in desk.history(5, editor="ana")] == ["import"]
        assert [r.kind for r in desk.history(5, editor="bo")] == ["tag"]
        # The import is ana's next open batch: it goes next, then nothing is left.
        assert desk.undo().action == "undo import"  # type: ignore[union-attr]
        assert desk.undo() is None


def _steps(conn: sqlite3.Connection, work: object) -> int:
    """SQLite virtual-machine steps (in thousands) spent while `work()` runs."""
    count = [0]

    def tick() -> int:
        count[0] += 1
        return 0

    conn.set_progress_handler(tick, 1000)
    try:
        work()  # type: ignore[operator]
    finally:
        conn.set_progress_handler(None, 0)
    return count[0]


def test_undo_and_history_work_does_not_grow_with_undone_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Measured in steps, not seconds: 20,000 of ana's undone rows on top of her open
    batch used to be read (and sorted) by every undo and history."""
    monkeypatch.setenv(EDITOR_ENV, "ana")
    with Desk() as desk:
        ids = _articles(desk, tmp_path)
        desk.tag([ids[0]], add=["mine"])
        top = _top_batch(desk)
        _write_log(
            desk,
            [(top + 1 + i // 10, _ago(0), "tag", ids[i % 3], 1, "ana") for i in range(20_000)],
        )
        conn = desk.store.conn  # type: ignore[attr-defined]
        history_steps = _steps(conn, lambda: desk.history(20))
        undo_steps = _steps(conn, desk.undo)
        assert desk.get(ids[0]).state.tags == []  # type: ignore[union-attr]
    # Reading 20,000 rows costs hundreds of thousands of steps; a seek costs a few.
    assert history_steps < 20, history_steps
    assert undo_steps < 20, undo_steps


def test_prune_drops_only_batches_older_than_the_window(backend: str, tmp_path: Path) -> None:
    with Desk() as desk:
        ids = _articles(desk, tmp_path)
        top = _top_batch(desk)
        conn = desk.store.conn  # type: ignore[attr-defined]
        mark = "?" if isinstance(conn, sqlite3.Connection) else "%s"
        with conn if isinstance(conn, sqlite3.Connection) else conn.transaction():
            conn.execute(f"UPDATE actions SET ts = {mark}", (_ago(90),))  # an old import
        _write_log(
            desk,
            [
                (top + 1, _ago(40), "tag", ids[0], 0, "ana"),
                (top + 1, _ago(40), "tag", ids[1], 0, "ana"),
                (top + 2, _ago(31), "tag", ids[2], 1, "bo"),
                (top + 3, _ago(29), "tag", ids[0], 0, "bo"),
                (top + 4, _ago(2), "tag", ids[1], 0, "ana"),
            ],
        )
        before = _rows(desk)
        assert desk.prune_log(30) == 3 + 3  # the import's three rows and batches +1, +2
        assert _rows(desk) == before - 6
        assert [r.batch for r in desk.history(10)] == [top + 4, top + 3]
        # The tag batch +4 added is there to take back (an undo that changes nothing says
        # so: it counts no article).
        with conn if isinstance(conn, sqlite3.Connection) else conn.transaction():
            conn.execute(f"INSERT INTO tags (article_id, tag) VALUES ({mark}, 'old')", (ids[1],))
        assert desk.undo().changed == [ids[1]]  # type: ignore[union-attr]
        assert desk.undo() is None  # batch +1 was ana's but is gone
        assert desk.prune_log(30) == 0


def test_a_prune_after_a_write_removes_a_bounded_amount(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(action_log, "PRUNE_ROWS", 25)
    with Desk() as desk:
        ids = _articles(desk, tmp_path)
        top = _top_batch(desk)
        conn = desk.store.conn  # type: ignore[attr-defined]
        mark = "?" if isinstance(conn, sqlite3.Connection) else "%s"
        with conn if isinstance(conn, sqlite3.Connection) else conn.transaction():
            conn.execute(f"DELETE FROM actions WHERE batch <= {mark}", (top,))
        # 100 old batches of 2 rows, then one recent batch.
        _write_log(
            desk,
            [(top + 1 + i // 2, _ago(60), "tag", ids[i % 3], 0, "bo") for i in range(200)]
            + [(top + 101, _ago(1), "tag", ids[0], 0, "bo")],
        )
    with Desk() as desk:  # a new process, as a CLI command is
        desk.star([ids[2]])  # its first write prunes: whole batches, about 25 rows
        left = _rows(desk)
        assert left == 201 + 1 - 24, left  # 12 batches; the 13th was walked in part
        desk.star([ids[1]])  # not due again yet
        assert _rows(desk) == left + 1
        assert desk.prune_log() == 200 - 24  # the rest of the old ones, at once
        assert [r.batch for r in desk.history(10, editor="bo")] == [top + 101]


def test_cut_keeps_whole_batches() -> None:
    old, new = _ago(40), _ago(1)
    cutoff = _ago(30)
    # The first recent batch is kept, everything below it goes.
    assert cut([(1, old), (1, old), (2, old), (5, new)], cutoff, whole=False) == 5
    # A walk stopped inside batch 3: batch 3 waits for the next prune.
    assert cut([(1, old), (2, old), (3, old)], cutoff, whole=False) == 3
    # The walk reached the end of the log: all of it goes.
    assert cut([(1, old), (2, old), (3, old)], cutoff, whole=True) == 4
    # One batch bigger than the limit still goes, or it would block every later prune.
    assert cut([(7, old), (7, old)], cutoff, whole=False) == 8
    assert cut([], cutoff, whole=True) == 0


@pytest.mark.parametrize(
    ("text", "days", "error"),
    [
        ("", 30, False),
        ("[history]\nkeep_days = 14\n", 14, False),
        ("[history]\nkeep_days = 3\n", 30, True),  # less than a week's work
        ("[history]\nkeep_days = '14'\n", 30, True),
        ("[history]\nkeep_days = true\n", 30, True),
        ("[history]\nkeep_days = 99999999\n", 30, True),
        ("history = 5\n", 30, True),
    ],
)
def test_keep_days_setting(text: str, days: int, error: bool) -> None:
    paths = resolve()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(text, encoding="utf-8")
    settings = load_settings(paths)
    assert settings.history_keep_days == days
    assert any("keep_days" in e or "[history]" in e for e in settings.errors) is error


def test_cli_history_prune(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STORE_ENV, "")
    paths = resolve()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text("[history]\nkeep_days = 10\n", encoding="utf-8")
    with Desk() as desk:
        ids = _articles(desk, tmp_path)
        top = _top_batch(desk)
        _write_log(desk, [(top + 1, _ago(5), "tag", ids[0], 0, "ana")])
        conn = desk.store.conn  # type: ignore[attr-defined]
        with conn:
            conn.execute("UPDATE actions SET ts = ? WHERE batch <= ?", (_ago(11), top))
    assert main(["history", "--prune", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"pruned_rows": 3, "keep_days": 10}
    assert main(["history", "--prune"]) == 0
    assert "pruned 0 row(s) of the action log older than 10 days" in capsys.readouterr().err
    # Out of range, the default is kept, and the command says why (it said nothing).
    paths.config_file.write_text("[history]\nkeep_days = 3\n", encoding="utf-8")
    assert main(["history", "--prune"]) == 0
    said = capsys.readouterr().err
    assert "keep_days" in said and "older than 30 days" in said
