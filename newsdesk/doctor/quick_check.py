"""A quick look at the store before a command opens it: SQLite's `quick_check`.

A damaged file half-worked: `list` refused it while `search`, `show` and `history`
read it and `star` wrote into it, as each happened to miss the bad pages. Every
command but doctor now looks first (the check reads every page: about 0.3 s for a
600 MB file) and refuses as the first one did; what it finds is remembered next to
the file (`connections.mark_damaged`) until doctor has checked it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsdesk.store.sqlite.connections import damaged_message, mark_damaged, marked_damage


def damage_found(db: Path) -> str | None:
    """The message to refuse the store at `db` with, or None when it looks whole (or
    cannot be looked at here: opening it then says why)."""
    marked = marked_damage(db)
    if marked is not None:
        return marked
    try:
        if db.stat().st_size == 0:
            return None
    except OSError:
        return None
    try:
        conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True, timeout=15)
    except sqlite3.Error:
        return None
    try:
        found = [str(r[0]) for r in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        text = str(exc)
        if "malformed" not in text and "not a database" not in text:
            return None  # busy, locked, unreadable: not damage, and opening says it
        found = [text]
    finally:
        conn.close()
    if found == ["ok"]:
        return None
    # Its report runs over lines ("*** in database main ***", then one line a problem).
    lines = [line.strip() for row in found for line in row.splitlines()]
    problems = [line for line in lines if line and not line.startswith("***")]
    message = damaged_message(db, "; ".join(problems[:3]) or "it fails SQLite's check")
    mark_damaged(db, message)
    return message
