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
#: 2: `lede` and `lede_figures` columns. Version-1 rows keep working: their
#: empty blobs make those features "missing" for them (see `score.score`).
SCHEMA_VERSION = 2
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
        title BLOB NOT NULL,
        lede BLOB NOT NULL DEFAULT x'',
        lede_figures BLOB NOT NULL DEFAULT x''
    )""",
    "CREATE INDEX IF NOT EXISTS story_member_story ON story_member(story_id)",
    """CREATE TABLE IF NOT EXISTS story_band (
        key INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        member_id INTEGER NOT NULL,
        PRIMARY KEY (key, ts, member_id)
    ) WITHOUT ROWID""",
)


# Columns added after the first release, with their definitions (ALTER TABLE ADD COLUMN).
_ADDED_COLUMNS = (
    ("story_member", "lede", "BLOB NOT NULL DEFAULT x''"),
    ("story_member", "lede_figures", "BLOB NOT NULL DEFAULT x''"),
)

# Tables of the first, pre-release layout (article ids in the band table).
_OLD_TABLES = ("story_signature",)
_TABLES = ("story_band", "story_member", "story")


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")}


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the story tables and indexes if missing. Never commits or begins.

    Statements run one by one (not executescript, which would commit the
    caller's open transaction). Story tables in an older layout are dropped
    and recreated: they hold derived data (fingerprints and memberships), and
    articles assigned again get their stories back. Columns added since
    (`_ADDED_COLUMNS`) are added in place, keeping existing stories.
    """
    stale = any(_columns(conn, t) for t in _OLD_TABLES) or (
        bool(_columns(conn, "story_member")) and "member_id" not in _columns(conn, "story_member")
    )
    if stale:
        for table in (*_OLD_TABLES, *_TABLES):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in _DDL:
        conn.execute(statement)
    for table, column, definition in _ADDED_COLUMNS:
        if column not in _columns(conn, table):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
