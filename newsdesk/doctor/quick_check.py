"""A quick look at the store before a command opens it: SQLite's `quick_check`.

A damaged file half-worked: `list` refused it while `search`, `show` and `history`
read it and `star` wrote into it, as each happened to miss the bad pages. Every
command but doctor now looks first (the check reads every page: about 0.3 s for a
600 MB file) and refuses as the first one did; what it finds is remembered next to
the file (`connections.mark_damaged`) until doctor has checked it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from newsdesk.store.sqlite.connections import damaged_message, mark_damaged, marked_damage

#: Beside the database: the file's state when a check (or a command of ours) last left
#: it whole. A command on an unchanged file skips the check (0.3 s at 600 MB).
STAMP_SUFFIX = ".checked"


def _state(db: Path) -> str | None:
    """The database's and its WAL's size and change time, or None when unreadable."""
    parts = []
    for path in (db, db.with_name(db.name + "-wal")):
        try:
            st = path.stat()
        except FileNotFoundError:
            parts.append("-")
            continue
        except OSError:
            return None
        parts.append(f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}")
    return " ".join(parts)


def _stamp(db: Path) -> Path:
    return db.with_name(db.name + STAMP_SUFFIX)


def mark_whole(db: Path) -> None:
    """The file as it is now was checked, or written by a command of ours after a check:
    the next command need not read every page again (never raises)."""
    state = _state(db)
    if state is None or marked_damage(db) is not None:
        return
    # A read-only folder keeps no stamp: the next command checks again, nothing worse.
    with contextlib.suppress(OSError):
        _stamp(db).write_text(state, encoding="utf-8")


def _unchanged_since_whole(db: Path) -> bool:
    try:
        return _stamp(db).read_text(encoding="utf-8") == _state(db)
    except OSError:
        return False


def damage_found(db: Path) -> str | None:
    """The message to refuse the store at `db` with, or None when it looks whole (or
    cannot be looked at here: opening it then says why). A file unchanged since it was
    last found whole is not read again."""
    marked = marked_damage(db)
    if marked is not None:
        return marked
    if _unchanged_since_whole(db):
        return None
    try:
        if db.stat().st_size == 0:
            return None
    except OSError:
        return None
    found = run_check(db)
    if found is None:
        return None
    if found == ["ok"]:
        mark_whole(db)
        return None
    # Its report runs over lines ("*** in database main ***", then one line a problem).
    lines = [line.strip() for row in found for line in row.splitlines()]
    problems = [line for line in lines if line and not line.startswith("***")]
    message = damaged_message(db, "; ".join(problems[:3]) or "it fails SQLite's check")
    mark_damaged(db, message)
    return message


def run_check(db: Path) -> list[str] | None:
    """SQLite's quick_check of `db`, read-only: its report (["ok"] when whole), or None
    when the file could not be looked at (busy, locked, unreadable: opening it says why)."""
    try:
        conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True, timeout=15)
    except sqlite3.Error:
        return None
    try:
        return [str(r[0]) for r in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        text = str(exc)
        if "malformed" not in text and "not a database" not in text:
            return None
        return [text]
    finally:
        conn.close()
