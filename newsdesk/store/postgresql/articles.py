"""Articles in PostgreSQL: insert (merging exact duplicates), read whole or as inbox rows, revisions.

Every content change takes the next value of one revision counter (`meta.rev`,
updated in place so concurrent importers take it one after the other and
revisions become visible in order): the index catches up by asking for the
rows above the revision it saw last.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from typing import Any

import psycopg
from psycopg import sql

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
from newsdesk.store.postgresql.stories import membership, membership_params
from newsdesk.store.protocol import InsertOutcome, StoryVersion
from newsdesk.store.sqlite.articles import RAW_LIMIT, readable_meta, told
from newsdesk.store.story_tables import Placement
from newsdesk.wire import HOLD_MARK, is_wire, wire_columns

Conn = psycopg.Connection[dict[str, Any]]


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- revisions ---------------------------------------------------------------------


def next_rev(tx: Conn) -> int:
    row = tx.execute(
        "UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'rev' RETURNING value"
    ).fetchone()
    assert row is not None  # the first step inserts it
    return int(row["value"])


def max_rev(conn: Conn) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'rev'").fetchone()
    return int(row["value"]) if row else 0


def data_version(conn: Conn) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'changes'").fetchone()
    return int(row["value"]) if row else 0


def changed_since(conn: Conn, rev: int, limit: int) -> list[dict[str, Any]]:
    return conn.execute(
        "SELECT * FROM articles WHERE rev > %s ORDER BY rev LIMIT %s", (rev, limit)
    ).fetchall()


def pending_count(conn: Conn, rev: int) -> int:
    """See `store/sqlite/articles.pending_count`: articles written and removed past `rev`."""
    return _scalar(
        conn,
        "SELECT (SELECT COUNT(*) FROM articles WHERE rev > %s) "
        "+ (SELECT COUNT(*) FROM removed_articles WHERE rev > %s) AS n",
        (rev, rev),
    )


def _scalar(conn: Conn, query: str, params: Sequence[Any] = ()) -> int:
    row = conn.execute(query, params).fetchone()
    return int(next(iter(row.values()))) if row else 0


# -- import ------------------------------------------------------------------------


def add_origin(tx: Conn, article_id: str, origin: str) -> None:
    tx.execute(
        "INSERT INTO origins (article_id, origin, seen_at) VALUES (%s, %s, %s) "
        "ON CONFLICT DO NOTHING",
        (article_id, origin, utc_now_iso()),
    )


#: An article in one statement, one round trip: the duplicate already stored (by id,
#: then GUID, then URL: one index probe each; one `id = .. OR guid = .. OR url = ..`
#: scanned the whole table while it held fewer than about a thousand rows) gets one
#: more origin; else the next revision, the new row with
#: its wire columns, its tags and its origin. Answers (id, created). Every value is a
#: parameter; only column names (fixed here and in `wire_columns`) are composed, as
#: identifiers.
_INSERT = """WITH dup AS (
    SELECT id FROM (
        (SELECT id, 0 AS rank FROM articles WHERE id = %(id)s)
        UNION ALL (SELECT id, 1 FROM articles WHERE guid = %(guid)s LIMIT 1)
        UNION ALL (SELECT id, 2 FROM articles WHERE url = %(url)s
                   ORDER BY (guid IS NOT DISTINCT FROM %(guid)s) DESC, rev DESC LIMIT 1)
    ) AS found ORDER BY rank LIMIT 1
), r AS (
    UPDATE meta SET value = (value::bigint + 1)::text
    WHERE key = 'rev' AND NOT EXISTS (SELECT 1 FROM dup) RETURNING value
), a AS (
    INSERT INTO articles ({columns}, rev) SELECT {values}, r.value::bigint FROM r
    ON CONFLICT (id) DO NOTHING RETURNING id
), t AS (
    INSERT INTO tags (article_id, tag)
    SELECT a.id, x.tag FROM a, unnest(%(tags)s::text[]) AS x(tag) ON CONFLICT DO NOTHING
), o AS (
    INSERT INTO origins (article_id, origin, seen_at)
    SELECT x.id, %(origin)s, %(now)s FROM (SELECT id FROM a UNION ALL SELECT id FROM dup) AS x
    ON CONFLICT DO NOTHING
)
SELECT id, FALSE AS created FROM dup UNION ALL SELECT id, TRUE AS created FROM a"""


def insert(
    tx: Conn,
    article_id: str,
    meta: Extracted,
    origin: str,
    raw: str | None,
    story_id: str | None = None,
    *,
    match_guid: bool = True,
    match_url: bool = True,
) -> InsertOutcome:
    query, params = _insert_statement(
        article_id, meta, origin, raw, story_id, None, match_guid, match_url
    )
    return _outcome(article_id, tx.execute(query, params).fetchone())


def by_guid(tx: Conn, guids: Sequence[str]) -> dict[str, list[Told]]:
    wanted = list(dict.fromkeys(g for g in guids if g))
    if not wanted:
        return {}
    found: dict[str, list[Told]] = {}
    for row in tx.execute(
        "SELECT guid, id, title, body, told_by, url FROM articles WHERE guid = ANY(%s) "
        "ORDER BY rev",
        (wanted,),
    ).fetchall():
        found.setdefault(str(row["guid"]), []).append(told(row))
    return found


def stored_texts(
    tx: Conn, article_ids: Sequence[str], *, corrected_only: bool = False
) -> dict[str, tuple[str, str]]:
    """The (headline, body) of the stored articles among `article_ids` (SQLite's)."""
    wanted = list(dict.fromkeys(article_ids))
    if not wanted:
        return {}
    corrected = " AND updated_at IS NOT NULL" if corrected_only else ""
    rows = tx.execute(
        f"SELECT id, title, body FROM articles WHERE id = ANY(%s){corrected}", (wanted,)
    ).fetchall()
    return {str(r["id"]): (r["title"] or "", r["body"] or "") for r in rows}


def update_content(tx: Conn, article_id: str, meta: Extracted, raw: str | None) -> None:
    values = list(content_values(meta))
    values[CONTENT_COLUMNS.index("body")] = _text(meta.body)
    assigned = ", ".join(f"{column} = %s" for column in CONTENT_COLUMNS)
    tx.execute(  # no `raw`: the raw copy stays
        "WITH r AS (UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'rev' "
        f"RETURNING value) UPDATE articles SET {assigned}, raw = COALESCE(%s, raw), "
        "rev = (SELECT value::bigint FROM r), updated_at = %s WHERE id = %s",
        (*values, raw and _text(raw[:RAW_LIMIT]), utc_now_iso(), article_id),
    )


def insert_later(
    tx: Conn,
    article_id: str,
    meta: Extracted,
    origin: str,
    raw: str | None,
    placed: Placement,
    *,
    match_guid: bool = True,
    match_url: bool = True,
) -> Callable[[], InsertOutcome]:
    query, params = _insert_statement(
        article_id, meta, origin, raw, placed.story, placed, match_guid, match_url
    )
    # Sent now (pipeline mode); nothing waits for the answer until it is asked for.
    cursor = tx.execute(query, params)
    # Asked for as often as the caller likes; read from the server once.
    return functools.cache(lambda: _outcome(article_id, cursor.fetchone()))


def _outcome(article_id: str, row: dict[str, Any] | None) -> InsertOutcome:
    if row is None:
        # Another editor stored the same article between this statement's look for a
        # duplicate and its insert, and committed it: a duplicate, not an error (the
        # primary key raised "duplicate key value" and failed the file or the fetch).
        return InsertOutcome(article_id, created=False, reason="duplicate")
    if not row["created"]:
        return InsertOutcome(str(row["id"]), created=False, reason="duplicate")
    return InsertOutcome(article_id, created=True)


@functools.cache
def _insert_query(columns: tuple[str, ...], placed: bool) -> bytes:
    """The insert statement for these columns (with its story when `placed`): composed
    once, since composing it cost about a tenth of the importer's time per article."""
    text = _INSERT
    if placed:  # a new article also joins its story, in the same statement
        head, tail = text.rsplit("\n)\n", 1)
        text = f"{head}\n), {membership('a', grow=True)}\n{tail}"
    # As bytes: a composed statement is rendered again at every execution. Names are
    # fixed ASCII identifiers, so no connection's encoding is needed to render them.
    return (
        sql.SQL(text)
        .format(
            columns=sql.SQL(", ").join(sql.Identifier(n) for n in columns),
            values=sql.SQL(", ").join(sql.Placeholder(f"v_{n}") for n in columns),
        )
        .as_bytes(None)
    )


def _insert_statement(
    article_id: str,
    meta: Extracted,
    origin: str,
    raw: str | None,
    story_id: str | None,
    placed: Placement | None,
    match_guid: bool = True,
    match_url: bool = True,
) -> tuple[bytes, dict[str, Any]]:
    now = utc_now_iso()
    published_ts = iso_to_ts(meta.published)
    sort_ts = sort_key(published_ts, time.time())
    values: dict[str, Any] = {
        "id": article_id,
        "title": meta.title,
        "source": meta.source,
        "published": meta.published,
        "published_ts": published_ts,
        "sort_ts": sort_ts,
        "url": meta.url,
        "guid": meta.guid,
        "language": meta.language,
        "word_count": meta.word_count,
        "body": _text(meta.body),
        "raw": _text((raw or "")[:RAW_LIMIT]),
        "meta": meta_column(meta),
        "origin": origin,
        "imported_at": now,
        "starred": int(bool(meta.starred)),
        "note": meta.note or "",
        "story_id": story_id,
    }
    if is_wire(meta):
        values.update(wire_columns(meta))
    params = {f"v_{n}": v for n, v in values.items()}
    if placed is not None:
        params.update(membership_params(placed.story, placed.signature, placed.keys, placed.ts))
    query = _insert_query(tuple(values), placed is not None)
    # An empty GUID or URL matches nothing (NULL never equals).
    params.update(
        id=article_id,
        guid=(meta.guid or None) if match_guid else None,
        url=(meta.url or None) if match_url else None,
        tags=list(dict.fromkeys(tag for tag in meta.tags if tag)),
        origin=origin,
        now=now,
    )
    return query, params


def _text(value: str) -> str:
    # PostgreSQL text cannot hold NUL characters; SQLite kept them.
    return value.replace("\x00", "")


# -- reading -----------------------------------------------------------------------


def read_by_me(alias: str = "a") -> str:
    """SQL true when this connection's editor has read the article `alias` (read is per editor)."""
    return (
        f"EXISTS (SELECT 1 FROM reads r WHERE r.article_id = {alias}.id "
        "AND r.editor = current_setting('newsdesk.editor', true))"
    )


def count(conn: Conn) -> int:
    return _scalar(conn, "SELECT COUNT(*) AS n FROM articles")


def counts(conn: Conn) -> dict[str, int]:
    row = conn.execute(
        f"""SELECT COUNT(*) AS total,
                  COUNT(*) FILTER (WHERE archived = 0 AND superseded = 0) AS inbox,
                  COUNT(*) FILTER (WHERE NOT {read_by_me()} AND archived = 0 AND superseded = 0)
                      AS unread,
                  COUNT(*) FILTER (WHERE starred = 1 AND archived = 0 AND superseded = 0) AS starred,
                  COUNT(*) FILTER (WHERE archived = 1) AS archived
           FROM articles a"""
    ).fetchone()
    assert row is not None
    return {k: int(row[k]) for k in ("total", "inbox", "unread", "starred", "archived")}


def exists(conn: Conn, article_id: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM articles WHERE id = %s", (article_id,)).fetchone() is not None
    )


def outlet_counts(conn: Conn) -> dict[str, int]:
    rows = conn.execute(
        "SELECT source, COUNT(*) AS n FROM articles WHERE source IS NOT NULL AND source <> '' "
        "GROUP BY source"
    ).fetchall()
    return {str(r["source"]): int(r["n"]) for r in rows}


def removed(conn: Conn, article_ids: Sequence[str]) -> set[str]:
    if not article_ids:
        return set()
    rows = conn.execute(
        "SELECT article_id FROM removed_articles r WHERE article_id = ANY(%s) "
        # Deleted by an editor, not taken out by the undo of its import (SQLite's).
        "AND EXISTS (SELECT 1 FROM actions a WHERE a.article_id = r.article_id AND a.kind = 'delete' AND a.undone = 0)",
        (list(article_ids),),
    ).fetchall()
    return {str(r["article_id"]) for r in rows}


def existing(conn: Conn, article_ids: Sequence[str]) -> set[str]:
    if not article_ids:
        return set()
    # One index probe an id (LIMIT keeps the subquery a probe): `id = ANY(..)` was
    # planned as a scan of the whole table while it was small.
    rows = conn.execute(
        "SELECT f.id FROM unnest(%s::text[]) AS k(id) "
        "CROSS JOIN LATERAL (SELECT id FROM articles WHERE id = k.id LIMIT 1) AS f",
        (list(article_ids),),
    ).fetchall()
    return {str(r["id"]) for r in rows}


def resolve_prefix(conn: Conn, prefix: str) -> list[str]:
    rows = conn.execute(
        "SELECT id FROM articles WHERE id LIKE %s ESCAPE '\\' ORDER BY id LIMIT 3",
        (like_escape(prefix) + "%",),
    ).fetchall()
    return [str(r["id"]) for r in rows]


def tags_for(conn: Conn, ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {i: [] for i in ids}
    for row in conn.execute(
        "SELECT article_id, tag FROM tags WHERE article_id = ANY(%s) ORDER BY tag", (list(ids),)
    ):
        out[row["article_id"]].append(row["tag"])
    return out


def all_tags(conn: Conn) -> list[tuple[str, int]]:
    rows = conn.execute(
        "SELECT tag, COUNT(*) AS n FROM tags GROUP BY tag ORDER BY COUNT(*) DESC, tag"
    ).fetchall()
    return [(str(r["tag"]), int(r["n"])) for r in rows]


def get(conn: Conn, article_id: str) -> Article | None:
    found = get_many(conn, [article_id])
    return found[0] if found else None


def raw_copy(conn: Conn, article_id: str) -> str | None:  # as SQLite's
    row = conn.execute("SELECT raw FROM articles WHERE id = %s", (article_id,)).fetchone()
    return None if row is None else str(row["raw"] or "")


def get_many(conn: Conn, ids: Sequence[str]) -> list[Article]:
    ids = list(ids)
    tags = tags_for(conn, ids)
    origins: dict[str, list[str]] = {i: [] for i in ids}
    for row in conn.execute(
        "SELECT article_id, origin FROM origins WHERE article_id = ANY(%s) ORDER BY seen_at, origin",
        (ids,),
    ):
        origins[row["article_id"]].append(str(row["origin"]))
    found: dict[str, Article] = {}
    for row in conn.execute(
        f"""SELECT a.*, {read_by_me()} AS read_by_me,
                  (SELECT COUNT(*) FROM articles b WHERE b.story_id = a.story_id) AS story_size
           FROM articles a WHERE a.id = ANY(%s)""",
        (ids,),
    ):
        found[row["id"]] = _article(row, tags[row["id"]], origins[row["id"]])
    return [found[i] for i in ids if i in found]


def _article(row: dict[str, Any], tags: list[str], origins: list[str]) -> Article:
    data = readable_meta(row)  # as SQLite's: a damaged row is shown from its columns
    data["body"] = row["body"]
    return Article(
        id=row["id"],
        meta=Extracted.from_dict(data),
        state=ArticleState(
            read=bool(row["read_by_me"]),
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
        story_size=int(row["story_size"] or 1) if row["story_id"] else 1,
        killed=bool(row["killed"]),
        withheld=row["killed"] == HOLD_MARK,
        superseded=bool(row["superseded"]),
        updated_at=row["updated_at"],
    )


def rows(conn: Conn, ids: Sequence[str]) -> list[ArticleRow]:
    ids = list(ids)
    tags = tags_for(conn, ids)
    fetched = list(
        conn.execute(
            f"""SELECT a.id, a.title, a.source, a.published, {read_by_me()} AS read, a.starred,
                      a.archived,
                      a.exported, a.story_id, a.urgency, a.wire_status, a.killed,
                      a.superseded, a.embargo_ts, a.updated_at,
                      (SELECT c.editor FROM claims c WHERE c.article_id = a.id) AS claimed_by
               FROM articles a WHERE a.id = ANY(%s)""",
            (ids,),
        )
    )
    return rows_in_order(
        ids,
        fetched,
        tags,
        lambda stories: _story_counts(conn, stories),
        lambda stories: _story_titles(conn, stories),
    )


def _story_counts(conn: Conn, story_ids: Sequence[str]) -> dict[str, tuple[int, int, int]]:
    """Per story: (members, unread by this editor in the inbox, starred), one pass over
    each story's members, not one per row (see the SQLite store's)."""
    if not story_ids:
        return {}
    return {
        str(row["story_id"]): (int(row["n"]), int(row["unread"] or 0), int(row["starred"] or 0))
        for row in conn.execute(
            f"""SELECT b.story_id, COUNT(*) AS n,
                      COUNT(*) FILTER (WHERE b.archived = 0 AND b.superseded = 0
                                       AND NOT {read_by_me("b")}) AS unread,
                      COUNT(*) FILTER (WHERE b.starred = 1) AS starred
               FROM articles b WHERE b.story_id = ANY(%s) GROUP BY b.story_id""",
            (list(story_ids),),
        )
    }


def _story_titles(conn: Conn, story_ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
    """Per story of two or more, the headline naming it and its outlet (`article_sql.story_titles`)."""
    if not story_ids:
        return {}
    return story_titles(
        (
            r["id"],
            r["story_id"],
            r["title"],
            r["source"],
            r["published_ts"],
            r["superseded"],
            r["killed"],
        )
        for r in conn.execute(
            """SELECT id, story_id, title, source, published_ts, superseded, killed FROM articles
               WHERE story_id = ANY(%s)""",
            (list(story_ids),),
        )
    )


def inbox_head(conn: Conn, limit: int) -> list[str]:
    found = conn.execute(
        "SELECT id FROM articles WHERE archived = 0 AND superseded = 0 "
        "ORDER BY sort_ts DESC, id LIMIT %s",
        (limit,),
    )
    return [str(r["id"]) for r in found]


def _where(query: str, where: sql.Composable) -> sql.Composed:
    return sql.SQL(query).format(where=where)


def ordered_ids(conn: Conn, where: sql.Composable, params: Sequence[Any]) -> list[str]:
    query = _where("SELECT a.id FROM articles a WHERE {where} ORDER BY a.sort_ts DESC, a.id", where)
    return [str(r["id"]) for r in conn.execute(query, params)]


def id_set(conn: Conn, where: sql.Composable, params: Sequence[Any]) -> set[str]:
    query = _where("SELECT a.id FROM articles a WHERE {where}", where)
    return {str(r["id"]) for r in conn.execute(query, params)}


def matching(
    conn: Conn, ids: Sequence[str], where: sql.Composable, params: Sequence[Any]
) -> set[str]:
    query = _where("SELECT a.id FROM articles a WHERE a.id = ANY(%s) AND ({where})", where)
    return {str(r["id"]) for r in conn.execute(query, [list(ids), *params])}


def count_where(conn: Conn, where: sql.Composable, params: Sequence[Any]) -> int:
    query = _where("SELECT COUNT(*) AS n FROM articles a WHERE {where}", where)
    row = conn.execute(query, params).fetchone()
    return int(row["n"]) if row else 0


# -- stories -----------------------------------------------------------------------


def set_story(tx: Conn, article_id: str, story_id: str | None) -> None:
    tx.execute("UPDATE articles SET story_id = %s WHERE id = %s", (story_id, article_id))


def story_members(conn: Conn, story_id: str) -> list[str]:
    return ordered_ids(conn, sql.SQL("a.story_id = %s"), (story_id,))


def story_ids(conn: Conn, ids: Sequence[str] | None) -> list[str]:
    if ids is None:
        rows_ = conn.execute(
            "SELECT story_id FROM articles WHERE story_id IS NOT NULL "
            "GROUP BY story_id HAVING COUNT(*) > 1 ORDER BY story_id"
        ).fetchall()
        return [str(r["story_id"]) for r in rows_]
    found: dict[str, None] = {}
    by_id = {
        str(r["id"]): str(r["story_id"])
        for r in conn.execute(
            "SELECT id, story_id FROM articles WHERE id = ANY(%s) AND story_id IS NOT NULL",
            (list(ids),),
        )
    }
    for article_id in ids:
        if article_id in by_id:
            found[by_id[article_id]] = None
    return list(found)


def with_versions(conn: Conn, ids: Sequence[str]) -> list[str]:
    out = dict.fromkeys(ids)
    found = conn.execute(
        "SELECT id FROM articles WHERE story_id IN ("
        "SELECT story_id FROM articles WHERE id = ANY(%s) AND story_id IS NOT NULL) "
        "ORDER BY sort_ts DESC, id",
        (list(out),),
    )
    out.update(dict.fromkeys(str(r["id"]) for r in found))
    return list(out)


def story_versions(conn: Conn, ids: Sequence[str]) -> list[StoryVersion]:
    found = conn.execute(
        "SELECT id, story_id, archived, starred, superseded, item_id FROM articles "
        "WHERE story_id IN (SELECT story_id FROM articles "
        "WHERE id = ANY(%s) AND story_id IS NOT NULL)",
        (list(dict.fromkeys(ids)),),
    )
    return [story_version(r) for r in found]


def story_map(conn: Conn) -> dict[str, str]:
    found = conn.execute(
        "SELECT id, story_id FROM articles WHERE story_id IN ("
        "SELECT story_id FROM articles WHERE story_id IS NOT NULL "
        "GROUP BY story_id HAVING COUNT(*) > 1)"
    )
    return {str(r["id"]): str(r["story_id"]) for r in found}
