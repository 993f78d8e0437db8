"""Rules can be switched off without losing them (issue 18: the rules screen's enable).

A disabled rule keeps its place and counts but is passed over on arrival and
by `rules apply` without names. SQLite has no ADD COLUMN IF NOT EXISTS, so the
column is added only when missing (a store stamped older than it is may have it).
"""

import sqlite3


def apply(tx: sqlite3.Connection) -> None:
    columns = {str(row[1]) for row in tx.execute("PRAGMA table_info(rules)")}
    if "enabled" not in columns:
        tx.execute("ALTER TABLE rules ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1")
