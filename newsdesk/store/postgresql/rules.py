"""Rules in PostgreSQL: the same meaning as `store/sqlite/rules.py`."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from newsdesk.isodates import utc_now_iso
from newsdesk.rules.model import Rule
from newsdesk.store.postgresql.articles import Conn
from newsdesk.store.postgresql.connections import changed_rows
from newsdesk.store.rule_sql import UPSERT_SET


def rules(conn: Conn, today: str) -> list[Rule]:
    return [
        Rule.from_row(row, today)
        for row in conn.execute("SELECT * FROM rules ORDER BY position, name").fetchall()
    ]


def save_rule(tx: Conn, name: str, query: str, actions: Sequence[str]) -> None:
    tx.execute("LOCK TABLE rules IN SHARE ROW EXCLUSIVE MODE")
    tx.execute(
        """INSERT INTO rules (name, query, actions, position, created_at)
           VALUES (%s, %s, %s, (SELECT COALESCE(MAX(position), 0) + 1 FROM rules), %s)
           ON CONFLICT (name) """
        + UPSERT_SET,
        (name, query, json.dumps(list(actions)), utc_now_iso()),
    )


def remove_rule(tx: Conn, name: str) -> bool:
    return changed_rows(tx, "DELETE FROM rules WHERE name = %s", (name,)) > 0


def count_matches(tx: Conn, counts: Mapping[str, int], today: str) -> None:
    for name, n in counts.items():
        if n:
            tx.execute(
                """UPDATE rules SET matched_total = matched_total + %s,
                       matched_today = CASE WHEN matched_day = %s THEN matched_today + %s
                                            ELSE %s END,
                       matched_day = %s
                   WHERE name = %s""",
                (n, today, n, n, today, name),
            )


def edit_rule(tx: Conn, name: str, new_name: str, query: str, actions: Sequence[str]) -> bool:
    changed = changed_rows(
        tx,
        "UPDATE rules SET name = %s, query = %s, actions = %s WHERE name = %s",
        (new_name, query, json.dumps(list(actions)), name),
    )
    return changed > 0


def enable_rule(tx: Conn, name: str, enabled: bool) -> bool:
    return changed_rows(tx, "UPDATE rules SET enabled = %s WHERE name = %s", (enabled, name)) > 0


def order_rules(tx: Conn, names: Sequence[str]) -> None:
    """The named rules first, in that order; the others after them, in their old order."""
    tx.execute("LOCK TABLE rules IN SHARE ROW EXCLUSIVE MODE")
    rows = tx.execute("SELECT name FROM rules ORDER BY position, name").fetchall()
    known = [str(r["name"]) for r in rows]
    wanted = [n for n in dict.fromkeys(names) if n in known]
    order = wanted + [n for n in known if n not in wanted]
    for i, n in enumerate(order, 1):
        tx.execute("UPDATE rules SET position = %s WHERE name = %s", (i, n))


def rule_changes(
    conn: Conn, article_id: str, limit: int
) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(kind, before, after) of the rules' rows of one article's log not undone, newest first."""
    rows = conn.execute(
        """SELECT kind, before, after FROM actions
           WHERE article_id = %s AND undone = 0 AND left(kind, 5) = 'rule '
           ORDER BY batch DESC, id DESC LIMIT %s""",
        (article_id, limit),
    ).fetchall()
    return [(str(r["kind"]), json.loads(r["before"]), json.loads(r["after"])) for r in rows]
