"""Rules in SQLite: name, query, actions in order, and how often each matched."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from newsdesk.isodates import utc_now_iso
from newsdesk.rules.model import Rule
from newsdesk.store.rule_sql import UPSERT_SET


def rules(conn: sqlite3.Connection, today: str) -> list[Rule]:
    return [
        Rule.from_row(row, today)
        for row in conn.execute("SELECT * FROM rules ORDER BY position, name")
    ]


def save_rule(tx: sqlite3.Connection, name: str, query: str, actions: Sequence[str]) -> None:
    tx.execute(
        """INSERT INTO rules (name, query, actions, position, created_at)
           VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM rules), ?)
           ON CONFLICT(name) """
        + UPSERT_SET,
        (name, query, json.dumps(list(actions)), utc_now_iso()),
    )


def remove_rule(tx: sqlite3.Connection, name: str) -> bool:
    return tx.execute("DELETE FROM rules WHERE name = ?", (name,)).rowcount > 0


def count_matches(tx: sqlite3.Connection, counts: Mapping[str, int], today: str) -> None:
    tx.executemany(
        """UPDATE rules SET matched_total = matched_total + ?,
               matched_today = CASE WHEN matched_day = ? THEN matched_today + ? ELSE ? END,
               matched_day = ?
           WHERE name = ?""",
        [(n, today, n, n, today, name) for name, n in counts.items() if n],
    )


def edit_rule(
    tx: sqlite3.Connection, name: str, new_name: str, query: str, actions: Sequence[str]
) -> bool:
    return (
        tx.execute(
            "UPDATE rules SET name = ?, query = ?, actions = ? WHERE name = ?",
            (new_name, query, json.dumps(list(actions)), name),
        ).rowcount
        > 0
    )


def enable_rule(tx: sqlite3.Connection, name: str, enabled: bool) -> bool:
    return (
        tx.execute("UPDATE rules SET enabled = ? WHERE name = ?", (int(enabled), name)).rowcount > 0
    )


def order_rules(tx: sqlite3.Connection, names: Sequence[str]) -> None:
    """The named rules first, in that order; the others after them, in their old order."""
    known = [str(r[0]) for r in tx.execute("SELECT name FROM rules ORDER BY position, name")]
    wanted = [n for n in dict.fromkeys(names) if n in known]
    order = wanted + [n for n in known if n not in wanted]
    tx.executemany(
        "UPDATE rules SET position = ? WHERE name = ?",
        [(i, n) for i, n in enumerate(order, 1)],
    )


def rule_changes(
    conn: sqlite3.Connection, article_id: str, limit: int
) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(kind, before, after) of the rules' rows of one article's log not undone, newest first."""
    rows = conn.execute(
        """SELECT kind, before, after FROM actions
           WHERE article_id = ? AND undone = 0 AND substr(kind, 1, 5) = 'rule '
           ORDER BY batch DESC, id DESC LIMIT ?""",
        (article_id, limit),
    )
    return [(str(r["kind"]), json.loads(r["before"]), json.loads(r["after"])) for r in rows]
