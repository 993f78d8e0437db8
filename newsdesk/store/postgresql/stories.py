"""The PostgreSQL side of `protocol.StoryTables`: memberships, fingerprints and LSH bands.

Same layout and meaning as `store/sqlite/stories.py` (tables created by this
backend's first migration step); nothing here commits or begins.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import psycopg

from newsdesk.store.sqlite.stories import NO_TS, SCHEMA_VERSION, band_ts
from newsdesk.store.story_tables import StoryCandidate
from newsdesk.stories.signature import Signature, stored

Conn = psycopg.Connection[dict[str, Any]]
SIGNATURE_COLUMNS = (
    "shingles",
    "names",
    "name_counts",
    "figures",
    "title",
    "lede",
    "lede_figures",
    "lede_weights",
    "outlet",
)
_SIG_COLUMNS = ", ".join(SIGNATURE_COLUMNS)
_SIG_VALUES = ", ".join(f"%(s_{column})s" for column in SIGNATURE_COLUMNS)
#: One more member in a story, the story created (size 1) when new; `rows` gives
#: (story id, 1, created ts).
_GROW = (
    "INSERT INTO story(story_id, size, created_ts) {rows} "
    "ON CONFLICT (story_id) DO UPDATE SET size = story.size + 1"
)


def membership(source: str, *, grow: bool) -> str:
    """CTEs that make the article `source` names (a CTE with an `id` column; no row:
    nothing is written) a member of story `%(story)s`: `m`, its member row, `b`, its
    band keys, and with `grow` `g`, one more in its story's size. Parameters:
    `membership_params`. One text for `add_member` and for the importer's insert of
    an article with its story (`articles.insert_later`)."""
    ctes = (
        f"m AS (INSERT INTO story_member(article_id, story_id, ts, version, {_SIG_COLUMNS}) "
        f"SELECT {source}.id, %(story)s, %(member_ts)s, %(version)s, {_SIG_VALUES} "
        f"FROM {source} RETURNING member_id), "
        # The member is new and its keys distinct: no row can conflict, so no
        # ON CONFLICT (its speculative insertion cost a sixth of the server's time).
        "b AS (INSERT INTO story_band(key, ts, member_id) "
        "SELECT k.key, %(band_ts)s, m.member_id FROM m, unnest(%(keys)s::bigint[]) AS k(key))"
    )
    if not grow:
        return ctes
    return (
        f"{ctes}, g AS ({_GROW.format(rows=f'SELECT %(story)s, 1, %(member_ts)s FROM {source}')})"
    )


def int_array(values: Sequence[int]) -> str:
    """A list of integers as the text of a PostgreSQL array (`{1,2,3}`), a parameter
    value read by `::bigint[]`: psycopg's list adaptation cost more of the importer's
    time than the server's parse of the text (about four arrays an article)."""
    return "{" + ",".join(str(int(value)) for value in values) + "}"


def membership_params(
    story_id: str, signature: Signature, keys: Sequence[int], ts: float | None
) -> dict[str, Any]:
    """The parameters of `membership`."""
    return {
        "story": story_id,
        "member_ts": ts,
        "version": SCHEMA_VERSION,
        "band_ts": band_ts(ts),
        "keys": int_array(sorted(set(keys))),
        **{
            f"s_{column}": value
            for column, value in zip(SIGNATURE_COLUMNS, signature.to_row(), strict=True)
        },
    }


def _candidates_query(arms: str) -> str:
    """The candidates among the members `arms` lists (a member once per key it shares)."""
    return (
        f"SELECT m.story_id, m.ts, m.article_id, {_SIG_COLUMNS}, s.size AS story_size FROM "
        f"(SELECT member_id, COUNT(*) AS hits FROM ({arms}) AS arms "
        "GROUP BY member_id ORDER BY hits DESC, member_id DESC LIMIT %(limit)s) c "
        # One primary-key probe a candidate (LIMIT keeps it a probe): a join was
        # planned as a scan of the whole table while it was small.
        f"CROSS JOIN LATERAL (SELECT story_id, ts, article_id, {_SIG_COLUMNS} "
        "FROM story_member WHERE member_id = c.member_id LIMIT 1) m "
        "LEFT JOIN story s ON s.story_id = m.story_id ORDER BY c.hits DESC, c.member_id DESC"
    )


def _rare_arm(rows: str) -> str:
    """The members holding each rare-word key, where at most `rare_limit` members hold it
    (at most one more row read to tell; all dropped when that many exist)."""
    return (
        "SELECT r.member_id FROM unnest(%(rare)s::bigint[]) AS k(key) CROSS JOIN LATERAL "
        "(SELECT member_id, COUNT(*) OVER () AS n FROM "
        f"(SELECT member_id FROM ({rows}) AS band_rows LIMIT %(rare_read)s) AS band_read) AS r "
        "WHERE r.n <= %(rare_limit)s"
    )


#: Each key's newest members in the time window, and its undated members (always in it).
_CANDIDATES_IN_WINDOW = _candidates_query(
    "SELECT b.member_id FROM unnest(%(keys)s::bigint[]) AS k(key) CROSS JOIN LATERAL "
    "(SELECT member_id FROM story_band WHERE key = k.key AND ts BETWEEN %(low)s AND %(high)s "
    "ORDER BY ts DESC LIMIT %(bucket)s) AS b "
    "UNION ALL "
    "SELECT b.member_id FROM unnest(%(keys)s::bigint[]) AS k(key) CROSS JOIN LATERAL "
    "(SELECT member_id FROM story_band WHERE key = k.key AND ts = %(undated)s "
    "LIMIT %(bucket)s) AS b "
    "UNION ALL "
    + _rare_arm(
        "SELECT member_id FROM story_band WHERE key = k.key AND ts BETWEEN %(low)s AND %(high)s "
        "UNION ALL SELECT member_id FROM story_band WHERE key = k.key AND ts = %(undated)s"
    )
)
#: An undated article looks at every date, newest first.
_CANDIDATES_ANY_TIME = _candidates_query(
    "SELECT b.member_id FROM unnest(%(keys)s::bigint[]) AS k(key) CROSS JOIN LATERAL "
    "(SELECT member_id FROM story_band WHERE key = k.key ORDER BY ts DESC "
    "LIMIT %(bucket)s) AS b "
    "UNION ALL " + _rare_arm("SELECT member_id FROM story_band WHERE key = k.key")
)


def _signature(row: dict[str, Any]) -> Signature:
    shingles, names, counts, figures, title, lede, figures2, weights, outlet = (
        bytes(row[c]) for c in SIGNATURE_COLUMNS
    )
    return stored((shingles, names, counts, figures, title, lede, figures2, weights, outlet))


def outdated(conn: Conn) -> int:
    """How many members were grouped with an older recipe."""
    row = conn.execute(
        "SELECT COUNT(*) AS n FROM story_member WHERE version < %s", (SCHEMA_VERSION,)
    ).fetchone()
    return int(row["n"]) if row else 0


class PostgresStoryTables:
    """`StoryTables` inside one PostgreSQL transaction."""

    def __init__(self, conn: Conn) -> None:
        self.conn = conn

    def story_of(self, article_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT story_id FROM story_member WHERE article_id = %s", (article_id,)
        ).fetchone()
        return str(row["story_id"]) if row else None

    def members(self, story_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT article_id FROM story_member WHERE story_id = %s "
            "ORDER BY ts IS NULL, ts, article_id",
            (story_id,),
        ).fetchall()
        return [str(r["article_id"]) for r in rows]

    def sizes(self, article_ids: Sequence[str]) -> dict[str, int]:
        out = dict.fromkeys(article_ids, 1)
        for row in self.conn.execute(
            "SELECT m.article_id, s.size FROM story_member m "
            "JOIN story s ON s.story_id = m.story_id WHERE m.article_id = ANY(%s)",
            (list(article_ids),),
        ):
            out[str(row["article_id"])] = int(row["size"])
        return out

    def candidates(
        self,
        keys: Sequence[int],
        ts: float | None,
        window_seconds: float,
        bucket_limit: int,
        limit: int,
        rare_keys: Sequence[int] = (),
        rare_limit: int = 0,
    ) -> list[StoryCandidate]:
        return self.candidates_later(
            keys, ts, window_seconds, bucket_limit, limit, rare_keys, rare_limit
        )()

    def candidates_later(
        self,
        keys: Sequence[int],
        ts: float | None,
        window_seconds: float,
        bucket_limit: int,
        limit: int,
        rare_keys: Sequence[int] = (),
        rare_limit: int = 0,
    ) -> Callable[[], list[StoryCandidate]]:
        if not keys and not rare_keys:
            return list
        # A fixed query text whatever the number of keys (prepared once, planned once):
        # each key's bucket is read by a LATERAL subquery over the array of keys, where
        # one UNION ALL arm a key made a new query (and a new plan) for every count.
        params: dict[str, Any] = {
            "keys": int_array(keys),
            "bucket": bucket_limit,
            "limit": limit,
            "rare": int_array(rare_keys),
            "rare_read": rare_limit + 1,
            "rare_limit": rare_limit,
        }
        if ts is None:
            query = _CANDIDATES_ANY_TIME
        else:
            query = _CANDIDATES_IN_WINDOW
            params.update(
                low=int(ts - window_seconds), high=int(ts + window_seconds) + 1, undated=NO_TS
            )
        # Sent now (the transaction runs in pipeline mode), read when asked for.
        # Binary: the fingerprints come back as bytes, not hex text to decode.
        cursor = self.conn.execute(query, params, binary=True)

        @functools.cache
        def answer() -> list[StoryCandidate]:
            return [
                StoryCandidate(
                    str(r["story_id"]),
                    _signature(r),
                    r["ts"],
                    str(r["article_id"]),
                    int(r["story_size"] or 0),
                )
                for r in cursor.fetchall()
            ]

        return answer

    def story_signatures(
        self, story_ids: Sequence[str], limit: int
    ) -> list[tuple[str, Signature, float | None]]:
        if not story_ids:
            return []  # no candidate story reached the threshold: no round trip
        # One query for all the stories, each story's newest `limit`; binary: the
        # fingerprints come back as bytes, not hex text to decode.
        # Each story's members read through its index (`story_id = ANY(..)` was planned
        # as a scan of the whole table while it was small).
        rows = self.conn.execute(
            f"SELECT k.story_id, m.ts, {', '.join('m.' + c for c in SIGNATURE_COLUMNS)} "
            "FROM unnest(%s::text[]) AS k(story_id) CROSS JOIN LATERAL "
            f"(SELECT ts, {_SIG_COLUMNS} FROM story_member WHERE story_id = k.story_id "
            "ORDER BY ts IS NULL DESC, ts DESC, member_id DESC LIMIT %s) AS m",
            (list(dict.fromkeys(story_ids)), limit),
            binary=True,
        ).fetchall()
        by_story: dict[str, list[tuple[str, Signature, float | None]]] = {}
        for r in rows:
            by_story.setdefault(str(r["story_id"]), []).append(
                (str(r["story_id"]), _signature(r), r["ts"])
            )
        return [found for story_id in story_ids for found in by_story.get(story_id, [])]

    def clear(self) -> None:
        for table in ("story_band", "story_member", "story"):
            self.conn.execute(f"DELETE FROM {table}")  # fixed names, nothing from outside

    def add_member(
        self,
        article_id: str,
        story_id: str,
        signature: Signature,
        keys: Sequence[int],
        ts: float | None,
    ) -> None:
        # One statement (one round trip): the member and its band keys.
        self.conn.execute(
            f"WITH src AS (SELECT %(article)s::text AS id), {membership('src', grow=False)} "
            "SELECT 1",
            {"article": article_id, **membership_params(story_id, signature, keys, ts)},
        )

    def forget_member(self, article_id: str) -> None:
        row = self.conn.execute(
            f"SELECT member_id, ts, {_SIG_COLUMNS} FROM story_member WHERE article_id = %s",
            (article_id,),
        ).fetchone()
        if row is None:
            return
        keys = _signature(row).band_keys()
        with self.conn.cursor() as cur:
            cur.executemany(
                "DELETE FROM story_band WHERE key = %s AND ts = %s AND member_id = %s",
                [(key, band_ts(row["ts"]), row["member_id"]) for key in set(keys)],
            )
        self.conn.execute("DELETE FROM story_member WHERE member_id = %s", (row["member_id"],))

    def grow(self, story_id: str, created_ts: float | None) -> None:
        self.conn.execute(
            _GROW.format(rows="VALUES (%(story)s, 1, %(member_ts)s)"),
            {"story": story_id, "member_ts": created_ts},
        )

    def shrink(self, story_id: str) -> None:
        self.conn.execute("UPDATE story SET size = size - 1 WHERE story_id = %s", (story_id,))
        self.conn.execute("DELETE FROM story WHERE story_id = %s AND size <= 0", (story_id,))

    def merge(self, absorbed: str, into: str) -> None:
        if absorbed == into:
            return
        params = {"absorbed": absorbed, "into": into}
        self.conn.execute(
            "UPDATE story s SET size = s.size + a.size, "
            "created_ts = CASE WHEN s.created_ts IS NULL THEN a.created_ts "
            "WHEN a.created_ts IS NULL THEN s.created_ts "
            "ELSE LEAST(s.created_ts, a.created_ts) END "
            "FROM story a WHERE s.story_id = %(into)s AND a.story_id = %(absorbed)s",
            params,
        )
        self.conn.execute("DELETE FROM story WHERE story_id = %(absorbed)s", params)
        self.conn.execute(
            "UPDATE story_member SET story_id = %(into)s WHERE story_id = %(absorbed)s", params
        )
        self.conn.execute(
            "UPDATE articles SET story_id = %(into)s WHERE story_id = %(absorbed)s", params
        )
