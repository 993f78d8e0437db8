"""SQLite tables for stories. The store calls `create_tables` in its migrations.

- `story`: one row per story, with its size (kept up to date, so the inbox
  reads sizes without counting).
- `story_member`: one row per grouped article: its story, publication time
  and fingerprint (see `signature.Signature`); `member_id` is a compact key
  for the band table.
- `story_band`: LSH band keys, clustered by (key, ts) (WITHOUT ROWID), so a
  candidate lookup is an index range read limited to the time window.
"""

from __future__ import annotations

import sqlite3

#: Bumped when the layout or the signature recipe changes (signatures then need recomputing).
SCHEMA_VERSION = 1
#: Stands for "publication time unknown" in `story_band.ts` (a key column cannot be NULL).
NO_TS = -1

_DDL = (
    """CREATE TABLE IF NOT EXISTS story (
        story_id TEXT PRIMARY KEY,
        size INTEGER NOT NULL DEFAULT 0,
        created_ts REAL
    )""",
    """CREATE TABLE IF NOT EXISTS story_member (
        member_id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        story_id TEXT NOT NULL,
        ts REAL,
        version INTEGER NOT NULL,
        shingles BLOB NOT NULL,
        names BLOB NOT NULL,
        name_counts BLOB NOT NULL,
        figures BLOB NOT NULL,
        title BLOB NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS story_member_story ON story_member(story_id)",
    """CREATE TABLE IF NOT EXISTS story_band (
        key INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        member_id INTEGER NOT NULL,
        PRIMARY KEY (key, ts, member_id)
    ) WITHOUT ROWID""",
)


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the story tables and indexes if missing. Never commits or begins.

    Statements run one by one (not executescript, which would commit the
    caller's open transaction).
    """
    for statement in _DDL:
        conn.execute(statement)
