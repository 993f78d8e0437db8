"""Articles in SQLite: insert (merging exact duplicates), read whole or as inbox rows, revisions.

Every content change takes the next value of one revision counter (`meta.rev`),
so the index catches up by asking for the rows above the revision it saw last.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from newsdesk.isodates import iso_to_ts, sort_key, utc_now_iso
from newsdesk.model import Article, ArticleRow, ArticleState, Extracted
from newsdesk.store.article_sql import (
    CONTENT_COLUMNS,
    content_values,
    meta_column,
    rows_in_order,
    story_titles,
    story_version,
)
from newsdesk.store.feed_tellings import Told
from newsdesk.store.protocol import InsertOutcome, StoryVersion
from newsdesk.store.story_tables import Placement
from newsdesk.wire import HOLD_MARK, is_wire, wire_columns

log = logging.getLogger(__name__)

# Raw page text kept per article; the body is kept whole.
RAW_LIMIT = 2_000_000
#: Ids per statement: under SQLite's bound-variable limit.
CHUNK = 900


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[list[str]]:
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- revisions ---------------------------------------------------------------------


def next_rev(tx: sqlite3.Connection) -> int:
    # One statement, not an update and a read: one article's insert takes one.
    row = tx.execute(
        "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'rev' RETURNING value"
    ).fetchall()[0]
    return int(row[0])


def max_rev(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'rev'").fetchone()
    return int(row["value"]) if row else 0


def change_count(conn: sqlite3.Connection) -> int:
    """The change counter (`connections.COUNT_CHANGE`): 0 until the first counted write."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'changes'").fetchone()
    return int(row["value"]) if row else 0


def changed_since(conn: sqlite3.Connection, rev: int, limit: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT * FROM articles WHERE rev > ? ORDER BY rev LIMIT ?", (rev, limit)
    ).fetchall()
    return [dict(row) for row in rows]


def pending_count(conn: sqlite3.Connection, rev: int) -> int:
    """Changes past `rev` the index has yet to take: articles written, and articles removed
    (a search meanwhile still finds a removed one: the app asks again once none is left)."""
    row = conn.execute(
        "SELECT (SELECT COUNT(*) FROM articles WHERE rev > ?) "
        "+ (SELECT COUNT(*) FROM removed_articles WHERE rev > ?)",
        (rev, rev),
    ).fetchone()
    return int(row[0])


# -- import ------------------------------------------------------------------------


def find_duplicate(
    tx: sqlite3.Connection,
    article_id: str,
    meta: Extracted,
    match_guid: bool = True,
    match_url: bool = True,
) -> str | None:
    """An existing article that is the same one: same id, else same GUID (unless not
    `match_guid`), else same URL (unless not `match_url`)."""
    # One statement for the three look-ups (each the first row its own query gave): every
    # new article asks all three. An empty GUID or URL names nothing (NULL matches none).
    # Several articles may share a URL (a daily briefing under one link): the one of the
    # same GUID, else the newest, as the PostgreSQL store picks.
    row = tx.execute(
        "SELECT (SELECT id FROM articles WHERE id = ?), "
        "(SELECT id FROM articles WHERE guid = ?), (SELECT id FROM articles WHERE url = ? "
        "ORDER BY guid IS ? DESC, rev DESC LIMIT 1)",
        (
            article_id,
            (meta.guid or None) if match_guid else None,
            (meta.url or None) if match_url else None,
            meta.guid or None,
        ),
    ).fetchone()
    found = next((value for value in row if value is not None), None)
    return None if found is None else str(found)


def stored_texts(
    tx: sqlite3.Connection, article_ids: Sequence[str], *, corrected_only: bool = False
) -> dict[str, tuple[str, str]]:
    """The (headline, body) of the stored articles among `article_ids`; with
    `corrected_only`, only those corrected in place (`updated_at` set)."""
    found: dict[str, tuple[str, str]] = {}
    corrected = " AND updated_at IS NOT NULL" if corrected_only else ""
    for chunk in chunks(list(dict.fromkeys(article_ids))):
        marks = ",".join("?" * len(chunk))
        for row in tx.execute(
            f"SELECT id, title, body FROM articles WHERE id IN ({marks}){corrected}", chunk
        ):
            found[str(row["id"])] = (row["title"] or "", row["body"] or "")
    return found


def add_origin(tx: sqlite3.Connection, article_id: str, origin: str) -> None:
    tx.execute(
        "INSERT OR IGNORE INTO origins (article_id, origin, seen_at) VALUES (?, ?, ?)",
        (article_id, origin, utc_now_iso()),
    )


def by_guid(tx: sqlite3.Connection, guids: Sequence[str]) -> dict[str, list[Told]]:
    found: dict[str, list[Told]] = {}
    wanted = list(dict.fromkeys(g for g in guids if g))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in tx.execute(
            f"SELECT guid, id, title, body, told_by, url FROM articles WHERE guid IN ({marks}) "
            "ORDER BY rev",
            chunk,
        ):
            found.setdefault(str(row["guid"]), []).append(told(row))
    return found


def told(row: Any) -> Told:
    """A row's (id, title, body, told_by, url) as a `Told`."""
    feed = row["told_by"]
    return Told(
        str(row["id"]),
        row["title"] or "",
        row["body"] or "",
        None if feed is None else int(feed),
        row["url"] or "",
    )


def update_content(
    tx: sqlite3.Connection, article_id: str, meta: Extracted, raw: str | None
) -> None:
    assigned = ", ".join(f"{column} = ?" for column in (*CONTENT_COLUMNS, "rev", "updated_at"))
    tx.execute(  # no `raw`: the raw copy stays
        f"UPDATE articles SET {assigned}, raw = COALESCE(?, raw) WHERE id = ?",
        (*content_values(meta), next_rev(tx), utc_now_iso(), raw and raw[:RAW_LIMIT], article_id),
    )


def insert_later(
    tx: sqlite3.Connection,
    article_id: str,
    meta: Extracted,
    origin: str,
    raw: str | None,
    placed: Placement,
    *,
    match_guid: bool = True,
    match_url: bool = True,
) -> Callable[[], InsertOutcome]:
    # In-process: written at once; the answer is only handed over later.
    from newsdesk.store.sqlite.stories import SqliteStoryTables

    outcome = insert(
        tx,
        article_id,
        meta,
        origin,
        raw,
        placed.story,
        match_guid=match_guid,
        match_url=match_url,
    )
    if outcome.created:
        tables = SqliteStoryTables(tx)
        tables.add_member(article_id, placed.story, placed.signature, placed.keys, placed.ts)
        tables.grow(placed.story, placed.ts)
    return lambda: outcome


def insert(
    tx: sqlite3.Connection,
    article_id: str,
    meta: Extracted,
    origin: str,
    raw: str | None,
    story_id: str | None = None,
    *,
    match_guid: bool = True,
    match_url: bool = True,
) -> InsertOutcome:
    now = utc_now_iso()
    existing = find_duplicate(tx, article_id, meta, match_guid, match_url)
    if existing is not None:
        add_origin(tx, existing, origin)
        return InsertOutcome(existing, created=False, reason="duplicate")
    published_ts = iso_to_ts(meta.published)
    sort_ts = sort_key(published_ts, time.time())
    rev = next_rev(tx)
    tx.execute(
        """INSERT INTO articles (id, title, source, published, published_ts, sort_ts, url,
               guid, language, word_count, body, raw, meta, origin, imported_at, rev,
               starred, note, story_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            article_id,
            meta.title,
            meta.source,
            meta.published,
            published_ts,
            sort_ts,
            meta.url,
            meta.guid,
            meta.language,
            meta.word_count,
            meta.body,
            (raw or "")[:RAW_LIMIT],
            meta_column(meta),
            origin,
            now,
            rev,
            int(bool(meta.starred)),
            meta.note or "",
            story_id,
        ),
    )
    if is_wire(meta):
        from newsdesk.store.sqlite.wire import write_wire_columns

        write_wire_columns(tx, article_id, wire_columns(meta))
    tags = [(article_id, tag) for tag in meta.tags if tag]
    if tags:  # most items have none: no statement then
        tx.executemany("INSERT OR IGNORE INTO tags (article_id, tag) VALUES (?, ?)", tags)
    tx.execute(
        "INSERT OR IGNORE INTO origins (article_id, origin, seen_at) VALUES (?, ?, ?)",
        (article_id, origin, now),
    )
    return InsertOutcome(article_id, created=True)


# -- reading -----------------------------------------------------------------------


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    row = conn.execute(
        """SELECT COUNT(*) AS total,
                  COALESCE(SUM(archived = 0 AND superseded = 0), 0) AS inbox,
                  COALESCE(SUM(read = 0 AND archived = 0 AND superseded = 0), 0) AS unread,
                  COALESCE(SUM(starred = 1 AND archived = 0 AND superseded = 0), 0) AS starred,
                  COALESCE(SUM(archived), 0) AS archived
           FROM articles"""
    ).fetchone()
    return {k: int(row[k]) for k in ("total", "inbox", "unread", "starred", "archived")}


def exists(conn: sqlite3.Connection, article_id: str) -> bool:
    found = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return found is not None


def outlet_counts(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute(
        "SELECT source, COUNT(*) AS n FROM articles WHERE source IS NOT NULL AND source <> '' "
        "GROUP BY source"
    ).fetchall()
    return {str(r["source"]): int(r["n"]) for r in rows}


def existing(conn: sqlite3.Connection, article_ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(article_ids):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk).fetchall()
        found.update(str(r[0]) for r in rows)
    return found


def removed(conn: sqlite3.Connection, article_ids: Sequence[str]) -> set[str]:
    """Those of `article_ids` an editor deleted (and did not bring back)."""
    found: set[str] = set()
    for chunk in chunks(article_ids):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT article_id FROM removed_articles r WHERE article_id IN ({marks}) "
            # Deleted by an editor (a delete step not undone), not taken out by the undo of
            # its import: that one may come back with its feed.
            "AND EXISTS (SELECT 1 FROM actions a WHERE a.article_id = r.article_id AND a.kind = 'delete' AND a.undone = 0)",
            chunk,
        ).fetchall()
        found.update(str(r[0]) for r in rows)
    return found


def resolve_prefix(conn: sqlite3.Connection, prefix: str) -> list[str]:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(
        "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 3", (escaped + "%",)
    ).fetchall()
    return [str(r["id"]) for r in rows]


def tags_for(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {i: [] for i in ids}
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT article_id, tag FROM tags WHERE article_id IN ({marks}) ORDER BY tag",
            chunk,
        ):
            out[row["article_id"]].append(row["tag"])
    return out


def all_tags(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    return [
        (r[0], int(r[1]))
        for r in conn.execute(
            "SELECT tag, COUNT(*) FROM tags GROUP BY tag ORDER BY COUNT(*) DESC, tag"
        )
    ]


def get(conn: sqlite3.Connection, article_id: str) -> Article | None:
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else _article(conn, row)


def raw_copy(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The stored page text of an article ("" when none was kept; None: no such article)."""
    row = conn.execute("SELECT raw FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else str(row[0] or "")


def get_many(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Article]:
    found: dict[str, Article] = {}
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", chunk):
            found[row["id"]] = _article(conn, row)
    return [found[i] for i in ids if i in found]


def meta_from_columns(row: sqlite3.Row | Mapping[str, Any]) -> dict[str, Any]:
    """What an article's own columns say, for a row whose `meta` JSON is unreadable
    (a row of either backend)."""
    return {
        "title": row["title"],
        "source": row["source"],
        "published": row["published"],
        "url": row["url"],
        "language": row["language"],
        "word_count": row["word_count"],
    }


def read_meta(row: sqlite3.Row | Mapping[str, Any]) -> dict[str, Any] | None:
    """The row's `meta` JSON as a dict, or None when it cannot be read."""
    try:
        data = json.loads(row["meta"])
    except (TypeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def readable_meta(row: sqlite3.Row | Mapping[str, Any]) -> dict[str, Any]:
    """The row's `meta`, or (damaged by another tool) what its columns say, with a
    warning: never an error that takes a whole list or export down (doctor repairs
    the row on SQLite)."""
    data = read_meta(row)
    if data is None:
        log.warning("article %s: its details are unreadable; shown from its columns", row["id"])
        data = meta_from_columns(row)
    return data


def _article(conn: sqlite3.Connection, row: sqlite3.Row) -> Article:
    data = readable_meta(row)
    data["body"] = row["body"]
    meta = Extracted.from_dict(data)
    tags = tags_for(conn, [row["id"]])[row["id"]]
    origins = [
        str(r["origin"])
        for r in conn.execute(
            "SELECT origin FROM origins WHERE article_id = ? ORDER BY seen_at", (row["id"],)
        )
    ]
    story_size = 1
    if row["story_id"]:
        story_size = int(
            conn.execute(
                "SELECT COUNT(*) FROM articles WHERE story_id = ?", (row["story_id"],)
            ).fetchone()[0]
        )
    return Article(
        id=row["id"],
        meta=meta,
        state=ArticleState(
            read=bool(row["read"]),
            starred=bool(row["starred"]),
            archived=bool(row["archived"]),
            exported=bool(row["exported"]),
            tags=tags,
            note=row["note"],
        ),
        origin=row["origin"],
        imported_at=row["imported_at"],
        origins=origins,
        story_id=row["story_id"],
        story_size=story_size,
        killed=bool(row["killed"]),
        withheld=row["killed"] == HOLD_MARK,
        superseded=bool(row["superseded"]),
        updated_at=row["updated_at"],
    )


def _story_counts(
    conn: sqlite3.Connection, story_ids: Sequence[str]
) -> dict[str, tuple[int, int, int]]:
    """Per story: (members, unread in the inbox, starred), one pass over each story's
    members, not one per row: a row per member of a 5,000-article story asked for its
    story's counts 5,000 times."""
    counts: dict[str, tuple[int, int, int]] = {}
    for chunk in chunks(list(story_ids)):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"""SELECT story_id, COUNT(*),
                       SUM(read = 0 AND archived = 0 AND superseded = 0), SUM(starred = 1)
                FROM articles WHERE story_id IN ({marks}) GROUP BY story_id""",
            chunk,
        ):
            counts[str(row[0])] = (int(row[1]), int(row[2] or 0), int(row[3] or 0))
    return counts


def _story_titles(
    conn: sqlite3.Connection, story_ids: Sequence[str]
) -> dict[str, tuple[str, str | None]]:
    """Per story of two or more, the headline naming it and its outlet (`article_sql.story_titles`)."""
    found: list[tuple[object, ...]] = []
    for chunk in chunks(list(story_ids)):
        marks = ",".join("?" * len(chunk))
        found += conn.execute(
            f"""SELECT id, story_id, title, source, published_ts, superseded, killed FROM articles
                WHERE story_id IN ({marks})""",
            chunk,
        ).fetchall()
    return story_titles(found)


def rows(conn: sqlite3.Connection, ids: Sequence[str]) -> list[ArticleRow]:
    tags = tags_for(conn, ids)
    fetched: list[sqlite3.Row] = []
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        fetched.extend(
            conn.execute(
                f"""SELECT a.id, a.title, a.source, a.published, a.read, a.starred, a.archived,
                           a.exported, a.story_id, a.urgency, a.wire_status, a.killed,
                           a.superseded, a.embargo_ts, a.updated_at,
                           (SELECT c.editor FROM claims c WHERE c.article_id = a.id)
                               AS claimed_by
                    FROM articles a WHERE a.id IN ({marks})""",
                chunk,
            )
        )
    return rows_in_order(
        ids,
        fetched,
        tags,
        lambda stories: _story_counts(conn, stories),
        lambda stories: _story_titles(conn, stories),
    )


def inbox_head(conn: sqlite3.Connection, limit: int) -> list[str]:
    """Read along the inbox index, so a screenful comes at once on any size of store."""
    found = conn.execute(
        "SELECT id FROM articles WHERE archived = 0 AND superseded = 0 "
        "ORDER BY sort_ts DESC, id LIMIT ?",
        (limit,),
    )
    return [str(r[0]) for r in found]


def ordered_ids(conn: sqlite3.Connection, where: str, params: Sequence[Any]) -> list[str]:
    sql = f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.sort_ts DESC, a.id"
    return [r[0] for r in conn.execute(sql, tuple(params))]


def id_set(conn: sqlite3.Connection, where: str, params: Sequence[Any]) -> set[str]:
    return {r[0] for r in conn.execute(f"SELECT a.id FROM articles a WHERE {where}", tuple(params))}


def matching(
    conn: sqlite3.Connection, ids: Sequence[str], where: str, params: Sequence[Any]
) -> set[str]:
    sql = (
        f"SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) AND ({where})"
    )
    return {r[0] for r in conn.execute(sql, (json.dumps(list(ids)), *params))}


def count_where(conn: sqlite3.Connection, where: str, params: Sequence[Any]) -> int:
    sql = f"SELECT COUNT(*) FROM articles a WHERE {where}"
    return int(conn.execute(sql, tuple(params)).fetchone()[0])


# -- stories -----------------------------------------------------------------------


def set_story(tx: sqlite3.Connection, article_id: str, story_id: str | None) -> None:
    tx.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))


def story_members(conn: sqlite3.Connection, story_id: str) -> list[str]:
    return ordered_ids(conn, "a.story_id = ?", (story_id,))


def story_ids(conn: sqlite3.Connection, ids: Sequence[str] | None) -> list[str]:
    if ids is None:
        return [
            r[0]
            for r in conn.execute(
                "SELECT story_id FROM articles WHERE story_id IS NOT NULL "
                "GROUP BY story_id HAVING COUNT(*) > 1"
            )
        ]
    found: dict[str, None] = {}
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL",
            chunk,
        ):
            found[row[0]] = None
    return list(found)


def with_versions(conn: sqlite3.Connection, ids: Sequence[str]) -> list[str]:
    out = dict.fromkeys(ids)
    for chunk in chunks(list(out), 500):
        marks = ",".join("?" * len(chunk))
        found = conn.execute(
            "SELECT id FROM articles WHERE story_id IN ("
            f"SELECT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL)",
            chunk,
        )
        out.update(dict.fromkeys(str(r[0]) for r in found))
    return list(out)


def story_versions(conn: sqlite3.Connection, ids: Sequence[str]) -> list[StoryVersion]:
    found = conn.execute(
        "SELECT id, story_id, archived, starred, superseded, item_id FROM articles "
        "WHERE story_id IN (SELECT story_id FROM articles "
        "WHERE id IN (SELECT value FROM json_each(?)) AND story_id IS NOT NULL)",
        (json.dumps(list(dict.fromkeys(ids))),),
    )
    return [story_version(r) for r in found]


def story_map(conn: sqlite3.Connection) -> dict[str, str]:
    found = conn.execute(
        "SELECT id, story_id FROM articles WHERE story_id IN ("
        "SELECT story_id FROM articles WHERE story_id IS NOT NULL "
        "GROUP BY story_id HAVING COUNT(*) > 1)"
    )
    return {str(r[0]): str(r[1]) for r in found}
