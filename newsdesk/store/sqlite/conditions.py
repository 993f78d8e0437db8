"""Store leaves of a query tree as SQLite conditions over `articles a`.

State (flags, tags), dates and language come from SQLite because they change
all the time or are columns already: a bulk tag of 5,000 articles shows in the
next search without touching the index.
"""

from __future__ import annotations

from typing import Any

from newsdesk.note_fold import fold_note
from newsdesk.search.dates import WIDEST_OFFSET, Span, arrived_sql
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
from newsdesk.wire import SUBJECT_SEP, URGENT_MAX

Sql = tuple[str, list[Any]]

FLAG_SQL: dict[str, str] = {
    "starred": "a.starred = 1",
    "unstarred": "a.starred = 0",
    "read": "a.read = 1",
    "unread": "a.read = 0",
    "archived": "a.archived = 1",
    "exported": "a.exported = 1",
    "inbox": "a.archived = 0 AND a.superseded = 0",
    # Outside the inbox: archived, or an earlier version of wire copy. As two indexed
    # reads: SQLite scanned the whole table for the OR (60 ms at 100,000 articles, on
    # every search of the inbox; 0.04 ms this way).
    "hidden": (
        "a.id IN (SELECT id FROM articles WHERE archived = 1 "
        "UNION ALL SELECT id FROM articles WHERE superseded = 1)"
    ),
}

WIRE_SQL: dict[str, str] = {
    "urgent": f"a.urgency BETWEEN 1 AND {URGENT_MAX}",
    "killed": "a.killed != 0",
    "corrected": "a.wire_status = 'corrected'",
    # An agency's update or correction, or an article its feed corrected in place
    # (the inbox labels both "updated"; `updated_at` is set only by that correction).
    "updated": "(a.wire_status IN ('updated', 'corrected') OR a.updated_at IS NOT NULL)",
}


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def tag_forms(tag: str) -> list[str]:
    """The spellings a tag may be stored under: as typed and as the desk normalises it."""
    folded = "-".join(tag.strip().lstrip("+").casefold().replace(",", " ").split())
    return list(dict.fromkeys(f for f in (tag.strip(), folded) if f))


def to_sql(node: Node) -> Sql:
    """A condition for the store-only subtree `node` (raises TypeError on a text leaf)."""
    if isinstance(node, Flag):
        return FLAG_SQL[node.name], []
    if isinstance(node, Everything):
        return "1", []
    if isinstance(node, Tag):
        if node.prefix:
            forms = tag_forms(node.tag)
            clause = " OR ".join("t.tag LIKE ? ESCAPE '\\'" for _ in forms)
            return (
                f"a.id IN (SELECT t.article_id FROM tags t WHERE {clause})",
                [_like_escape(f) + "%" for f in forms],
            )
        forms = tag_forms(node.tag)
        marks = ",".join("?" * len(forms))
        return f"a.id IN (SELECT t.article_id FROM tags t WHERE t.tag IN ({marks}))", forms
    if isinstance(node, Published):
        if node.span is None:
            return "a.published_ts IS NULL", []
        return published_sql(node.span, "?")
    if isinstance(node, Arrived):
        return arrived_sql(node.span, "?")
    if isinstance(node, Language):
        code = node.code.lower()
        return (
            "(lower(a.language) = ? OR lower(a.language) LIKE ? ESCAPE '\\' "
            "OR lower(a.language) LIKE ? ESCAPE '\\')",
            [code, _like_escape(code) + "-%", _like_escape(code) + "\\_%"],
        )
    if isinstance(node, IdPrefix):
        return "a.id LIKE ? ESCAPE '\\'", [_like_escape(node.prefix) + "%"]
    if isinstance(node, Note):
        if not node.text:
            return "COALESCE(a.note, '') != ''", []
        # Case and accents folded on both sides (`note_fold`): LIKE folds ASCII only.
        return "newsdesk_fold(a.note) LIKE ? ESCAPE '\\'", [
            "%" + _like_escape(fold_note(node.text)) + "%"
        ]
    if isinstance(node, Claimed):
        if node.mine:
            return (
                "a.id IN (SELECT c.article_id FROM claims c WHERE c.editor = newsdesk_editor())",
                [],
            )
        if node.editor:
            return (
                "a.id IN (SELECT c.article_id FROM claims c WHERE lower(c.editor) = ?)",
                [node.editor.lower()],
            )
        return "a.id IN (SELECT c.article_id FROM claims c)", []
    if isinstance(node, FeedName):
        if node.prefix:
            test, value = "f.name LIKE ? ESCAPE '\\'", _like_escape(node.name) + "%"
        else:
            test, value = "f.name = ?", node.name
        return (
            "a.id IN (SELECT fi.article_id FROM feed_items fi JOIN feeds f "
            f"ON f.id = fi.feed_id WHERE {test})",
            [value],
        )
    if isinstance(node, WireFlag | Urgency | Slug | Subject):
        return wire_sql(node)
    if isinstance(node, And | Or):
        joiner = " AND " if isinstance(node, And) else " OR "
        parts = []
        params = []
        for item in node.items:
            sql, item_params = to_sql(item)
            parts.append(f"({sql})")
            params.extend(item_params)
        return joiner.join(parts), params
    if isinstance(node, Not):
        sql, params = to_sql(node.item)
        # COALESCE: a NULL (no date) must count as "not matching", so NOT keeps it.
        return f"NOT COALESCE(({sql}), 0)", params
    raise TypeError(f"not a store condition: {node!r}")


def published_sql(span: Span, mark: str = "?") -> Sql:
    """`published:` over both columns (`mark` is the driver's placeholder): a date
    written alone is compared as the day it names in the query's zone (`Span.holds`),
    a moment by its time. The outer bounds, wider by the widest zone offset, keep
    the `published_ts` index in use."""
    if span.start is None and span.end is None:
        return "a.published_ts IS NOT NULL", []
    outer: list[str] = []
    days: list[str] = []
    moments: list[str] = []
    params: list[Any] = []
    day_params: list[Any] = []
    moment_params: list[Any] = []
    if span.start is not None:
        outer.append(f"a.published_ts >= {mark}")
        params.append(span.start - WIDEST_OFFSET)
        days.append(f"a.published >= {mark}")
        day_params.append(span.first_day)
        moments.append(f"a.published_ts >= {mark}")
        moment_params.append(span.start)
    if span.end is not None:
        outer.append(f"a.published_ts < {mark}")
        params.append(span.end + WIDEST_OFFSET)
        days.append(f"a.published < {mark}")
        day_params.append(span.end_day)
        moments.append(f"a.published_ts < {mark}")
        moment_params.append(span.end)
    condition = (
        f"{' AND '.join(outer)} AND CASE WHEN length(a.published) = 10 "
        f"THEN {' AND '.join(days)} ELSE {' AND '.join(moments)} END"
    )
    return condition, params + day_params + moment_params


def wire_sql(node: WireFlag | Urgency | Slug | Subject) -> Sql:
    """Wire copy conditions over the wire columns (`migrations/m005_wire_columns.py`)."""
    if isinstance(node, WireFlag):
        if node.name == "embargoed":
            return "a.embargo_ts > ?", [node.at]
        return WIRE_SQL[node.name], []
    if isinstance(node, Urgency):
        return "a.urgency BETWEEN ? AND ?", [node.low, node.high]
    if isinstance(node, Subject):
        pattern = SUBJECT_SEP + _like_escape(node.text) + ("" if node.prefix else SUBJECT_SEP)
        return "a.subjects LIKE ? ESCAPE '\\'", ["%" + pattern + "%"]
    text = _like_escape(node.text)
    if node.prefix:
        return "a.slugline LIKE ? ESCAPE '\\'", [text + "%"]
    # The whole slugline, or one of its hyphenated parts.
    return (
        "(a.slugline = ? OR a.slugline LIKE ? ESCAPE '\\' OR a.slugline LIKE ? ESCAPE '\\' "
        "OR a.slugline LIKE ? ESCAPE '\\')",
        [node.text, text + "-%", "%-" + text, "%-" + text + "-%"],
    )


def where(condition: Node | None) -> Sql:
    """The WHERE clause for a condition; None is every article."""
    return ("1", []) if condition is None else to_sql(condition)
