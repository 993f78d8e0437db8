"""Which article a file made, read back by the file's path (as SQLite's `origins`)."""

from __future__ import annotations

from collections.abc import Sequence

from newsdesk.store.postgresql.articles import Conn
from newsdesk.store.sqlite.origins import latest_single


def made_from(conn: Conn, origins: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Each origin's article and when it came from there (its latest arrival's one)."""
    rows = conn.execute(
        "SELECT origin, article_id, seen_at FROM origins WHERE origin = ANY(%s)",
        (list(dict.fromkeys(origins)),),
    ).fetchall()
    return latest_single((str(r["origin"]), str(r["article_id"]), str(r["seen_at"])) for r in rows)
