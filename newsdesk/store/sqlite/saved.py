"""Saved searches: a name and a query, listed by name."""

from __future__ import annotations

import sqlite3

from newsdesk.isodates import utc_now_iso


def saved_searches(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return [
        (r[0], r[1]) for r in conn.execute("SELECT name, query FROM saved_searches ORDER BY name")
    ]


def save_search(tx: sqlite3.Connection, name: str, query: str) -> None:
    tx.execute(
        "INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET query = excluded.query",
        (name, query, utc_now_iso()),
    )


def delete_search(tx: sqlite3.Connection, name: str) -> bool:
    return tx.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount > 0
