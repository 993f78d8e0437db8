"""SQLite tables for stories. The store calls `create_tables` in its migrations."""

from __future__ import annotations

import sqlite3

#: Bumped when the layout or the signature recipe changes (signatures then need recomputing).
SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS story (
    story_id TEXT PRIMARY KEY,
    size INTEGER NOT NULL DEFAULT 0,
    created_ts REAL
);
CREATE TABLE IF NOT EXISTS story_member (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_member_story ON story_member(story_id);
CREATE TABLE IF NOT EXISTS story_signature (
    article_id TEXT PRIMARY KEY,
    ts REAL,
    version INTEGER NOT NULL,
    shingles BLOB NOT NULL,
    names BLOB NOT NULL,
    name_counts BLOB NOT NULL,
    figures BLOB NOT NULL,
    title BLOB NOT NULL,
    terms BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS story_band (
    key INTEGER NOT NULL,
    ts REAL,
    article_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_band_key ON story_band(key, ts);
CREATE INDEX IF NOT EXISTS story_band_article ON story_band(article_id);
"""


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the story tables and indexes if missing. Never commits or begins.

    Plain CREATE statements one by one (not executescript, which would commit
    the caller's open transaction).
    """
    for statement in _DDL.split(";"):
        if statement.strip():
            conn.execute(statement)
