"""Store leaves of a query tree as PostgreSQL conditions over `articles a`.

The same meaning as `store/sqlite/conditions.py`, in PostgreSQL's terms:
`%s` parameters (values never enter the SQL text), `= ANY(%s)` for lists and
real booleans for NOT, where a NULL (no date) counts as "not matching".
"""

from __future__ import annotations

from typing import Any

from psycopg import sql

from newsdesk.note_fold import SQL_FROM, SQL_TO, fold_note
from newsdesk.search.dates import arrived_sql
from newsdesk.search.query import (
    And,
    Arrived,
    Claimed,
    Everything,
    FeedName,
    Flag,
    IdPrefix,
    Language,
    Node,
    Not,
    Note,
    Or,
    Published,
    Slug,
    Subject,
    Tag,
    Urgency,
    WireFlag,
)
from newsdesk.store.postgresql.articles import like_escape, read_by_me
from newsdesk.store.sqlite.conditions import published_sql, tag_forms, wire_sql

Sql = tuple[sql.Composable, list[Any]]

_FLAGS: dict[str, str] = {
    "starred": "a.starred = 1",
    "unstarred": "a.starred = 0",
    "read": read_by_me(),
    "unread": f"NOT {read_by_me()}",
    "archived": "a.archived = 1",
    "exported": "a.exported = 1",
    "inbox": "a.archived = 0 AND a.superseded = 0",
    "hidden": "(a.archived = 1 OR a.superseded = 1)",
}


def _text(node: Node) -> tuple[str, list[Any]]:
    """The condition as SQL text with `%s` marks, and its parameters."""
    if isinstance(node, Flag):
        return _FLAGS[node.name], []
    if isinstance(node, Everything):
        return "TRUE", []
    if isinstance(node, Tag):
        forms = tag_forms(node.tag)
        if node.prefix:
            return (
                "a.id IN (SELECT t.article_id FROM tags t WHERE t.tag LIKE ANY(%s))",
                [[like_escape(f) + "%" for f in forms]],
            )
        return "a.id IN (SELECT t.article_id FROM tags t WHERE t.tag = ANY(%s))", [forms]
    if isinstance(node, Published):
        if node.span is None:
            return "a.published_ts IS NULL", []
        return published_sql(node.span, "%s")
    if isinstance(node, Arrived):
        return arrived_sql(node.span, "%s")
    if isinstance(node, Language):
        code = node.code.lower()
        return (
            "(lower(a.language) = %s OR lower(a.language) LIKE %s OR lower(a.language) LIKE %s)",
            [code, like_escape(code) + "-%", like_escape(code) + "\\_%"],
        )
    if isinstance(node, IdPrefix):
        return "a.id LIKE %s", [like_escape(node.prefix) + "%"]
    if isinstance(node, Note):
        if not node.text:
            return "COALESCE(a.note, '') <> ''", []
        # Case and accents folded on both sides by one table (`note_fold`), whatever
        # the database's locale.
        return "translate(a.note, %s, %s) LIKE %s", [
            SQL_FROM,
            SQL_TO,
            "%" + like_escape(fold_note(node.text)) + "%",
        ]
    if isinstance(node, Claimed):
        if node.mine:
            return (
                "a.id IN (SELECT c.article_id FROM claims c "
                "WHERE c.editor = current_setting('newsdesk.editor', true))",
                [],
            )
        if node.editor:
            return (
                "a.id IN (SELECT c.article_id FROM claims c WHERE lower(c.editor) = %s)",
                [node.editor.lower()],
            )
        return "a.id IN (SELECT c.article_id FROM claims c)", []
    if isinstance(node, FeedName):
        if node.prefix:
            test, value = "f.name LIKE %s", like_escape(node.name) + "%"
        else:
            test, value = "f.name = %s", node.name
        return (
            "a.id IN (SELECT fi.article_id FROM feed_items fi JOIN feeds f "
            f"ON f.id = fi.feed_id WHERE {test})",
            [value],
        )
    if isinstance(node, WireFlag | Urgency | Slug | Subject):
        # SQLite's text: the same columns, and `?` marks are its only question marks.
        text, params = wire_sql(node)
        return text.replace("?", "%s"), params
    if isinstance(node, And | Or):
        joiner = " AND " if isinstance(node, And) else " OR "
        texts: list[str] = []
        params = []
        for item in node.items:
            text, item_params = _text(item)
            texts.append(f"({text})")
            params.extend(item_params)
        return joiner.join(texts), params
    if isinstance(node, Not):
        text, params = _text(node.item)
        return f"NOT COALESCE(({text}), FALSE)", params
    raise TypeError(f"not a store condition: {node!r}")


def where(condition: Node | None) -> Sql:
    """The WHERE clause for a condition; None is every article.

    The text is built only from the fixed fragments above (LIKE's default
    escape character is the backslash in PostgreSQL too); every value is a
    parameter.
    """
    if condition is None:
        return sql.SQL("TRUE"), []
    text, params = _text(condition)
    return sql.SQL(text), params
