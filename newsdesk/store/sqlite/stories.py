"""The SQLite side of `protocol.StoryTables`: story memberships, fingerprints and LSH bands.

Nothing here commits or begins: every method runs inside the caller's
transaction (or on a plain connection in benchmarks and tests). The store's
migrations call `create_tables`.

Tables:
- `story`: one row per story, with its size (kept up to date, so the inbox
  reads sizes without counting).
- `story_member`: one row per grouped article: its story, publication time
  and fingerprint (see `signature.Signature`); `member_id` is a compact key
  for the band table.
- `story_band`: LSH band keys, clustered by (key, ts) (WITHOUT ROWID), so a
  candidate lookup is an index range read limited to the time window.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsdesk.store.decoded import DECODED
from newsdesk.store.story_tables import StoryCandidate

if TYPE_CHECKING:
    from newsdesk.stories.signature import Row, Signature

#: Bumped when the layout or the signature recipe changes (signatures then need recomputing).
#: 2: `lede` and `lede_figures` columns. Version-1 rows keep working: their
#: empty blobs make those features "missing" for them (see `score.score`).
#: 3: `lede_weights` (the TF-IDF feature); older rows work without it.
#: 4: `outlet` (one report per outlet in a story); older rows have none, so
#: the rule does not hold them apart until they are regrouped.
#: 5: no new column; band keys for the rarest lede words
#: (`signature.RARE_WORDS`), which older rows lack until regrouped.
#: Each member row records the version it was computed with; the store's
#: `meta` holds the version of the tables (`story_version`). When it changes,
#: `upgrade` brings the tables up to date in place, and the members of an
#: older recipe (`outdated`) are recomputed by `newsdesk stories --regroup`.
#: 6: a mostly capitalised headline names only what the text also names
#: (`names.title_cased`), so signatures of version 5 differ.
#: 7: signatures as in 6; stories an article bridges are merged (`grouping._merges`),
#: so regrouping joins stories an older store keeps split.
#: 8: typographic apostrophes read as straight ones (`text.nfkc`): a name or word typed
#: with one ("O’Dwyer") hashes as the other's, so signatures of version 7 differ.
SCHEMA_VERSION = 8
#: Stands for "publication time unknown" in `story_band.ts` (a key column cannot be NULL).
NO_TS = -1

_DDL = (
    """CREATE TABLE IF NOT EXISTS story (
        story_id TEXT PRIMARY KEY,
        size INTEGER NOT NULL DEFAULT 0,
        created_ts REAL
    )""",
    """CREATE TABLE IF NOT EXISTS story_member (
        member_id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        story_id TEXT NOT NULL,
        ts REAL,
        version INTEGER NOT NULL,
        shingles BLOB NOT NULL,
        names BLOB NOT NULL,
        name_counts BLOB NOT NULL,
        figures BLOB NOT NULL,
        title BLOB NOT NULL,
        lede BLOB NOT NULL DEFAULT x'',
        lede_figures BLOB NOT NULL DEFAULT x'',
        lede_weights BLOB NOT NULL DEFAULT x'',
        outlet BLOB NOT NULL DEFAULT x''
    )""",
    "CREATE INDEX IF NOT EXISTS story_member_story ON story_member(story_id)",
    """CREATE TABLE IF NOT EXISTS story_band (
        key INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        member_id INTEGER NOT NULL,
        PRIMARY KEY (key, ts, member_id)
    ) WITHOUT ROWID""",
)


# Columns added after the first release, with their definitions (ALTER TABLE ADD COLUMN).
_ADDED_COLUMNS = (
    ("story_member", "lede", "BLOB NOT NULL DEFAULT x''"),
    ("story_member", "lede_figures", "BLOB NOT NULL DEFAULT x''"),
    ("story_member", "lede_weights", "BLOB NOT NULL DEFAULT x''"),
    ("story_member", "outlet", "BLOB NOT NULL DEFAULT x''"),
)

# Tables of the first, pre-release layout (article ids in the band table).
_OLD_TABLES = ("story_signature",)
_TABLES = ("story_band", "story_member", "story")


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")}


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the story tables and indexes if missing. Never commits or begins.

    Statements run one by one (not executescript, which would commit the
    caller's open transaction). Story tables in an older layout are dropped
    and recreated: they hold derived data (fingerprints and memberships), and
    articles assigned again get their stories back. Columns added since
    (`_ADDED_COLUMNS`) are added in place, keeping existing stories.
    """
    stale = any(_columns(conn, t) for t in _OLD_TABLES) or (
        bool(_columns(conn, "story_member")) and "member_id" not in _columns(conn, "story_member")
    )
    if stale:
        for table in (*_OLD_TABLES, *_TABLES):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in _DDL:
        conn.execute(statement)
    for table, column, definition in _ADDED_COLUMNS:
        if column not in _columns(conn, table):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")


def needs_upgrade(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = 'story_version'").fetchone()
    return row is None or int(row[0]) != SCHEMA_VERSION


def upgrade(tx: sqlite3.Connection) -> None:
    """Bring the story tables to this version, keeping every story; record the version."""
    create_tables(tx)
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('story_version', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(SCHEMA_VERSION),),
    )


def outdated(conn: sqlite3.Connection) -> int:
    """How many members were grouped with an older recipe."""
    row = conn.execute(
        "SELECT COUNT(*) FROM story_member WHERE version < ?", (SCHEMA_VERSION,)
    ).fetchone()
    return int(row[0])


_CHUNK = 500  # stays well under SQLite's host-parameter limit
#: Stories read in one statement (`story_signatures`): three parameters each.
_STORIES_A_STATEMENT = 100
_SIG_COLUMNS = (
    "shingles, names, name_counts, figures, title, lede, lede_figures, lede_weights, outlet"
)


def _signature(row: Row) -> Signature:
    # Imported here: the signature brings numpy, and every store user (the app's start
    # included) imports this module while only grouping reads signatures.
    from newsdesk.stories.signature import stored

    return stored(row)


def band_ts(ts: float | None) -> int:
    return NO_TS if ts is None else int(ts)


# The statements' texts by their number of keys, built once: the same text object each
# time is found in the connection's statement cache without being built and hashed again
# (the candidates' statement is about 6 KB of text).
@functools.lru_cache(maxsize=256)
def _candidates_sql(dated: bool, keys: int, rare: int) -> str:
    """The candidates among the members of `keys` band keys (each read up to a bucket's
    limit, newest first) and `rare` rare-word keys already known to count (`_rare`)."""
    if dated:
        arm = (
            "SELECT * FROM (SELECT member_id FROM story_band WHERE key = ? "
            "AND ts BETWEEN ? AND ? ORDER BY ts DESC LIMIT ?) UNION ALL "
            "SELECT * FROM (SELECT member_id FROM story_band WHERE key = ? AND ts = ? LIMIT ?)"
        )
        # Held by at most rare_limit members: all of them, no LIMIT needed.
        rare_arm = (
            "SELECT member_id FROM story_band WHERE key = ? AND ts BETWEEN ? AND ? "
            "UNION ALL SELECT member_id FROM story_band WHERE key = ? AND ts = ?"
        )
    else:
        arm = (
            "SELECT * FROM (SELECT member_id FROM story_band WHERE key = ? "
            "ORDER BY ts DESC LIMIT ?)"
        )
        rare_arm = "SELECT member_id FROM story_band WHERE key = ?"
    return (
        f"SELECT m.story_id, m.ts, {_SIG_COLUMNS}, m.article_id, s.size, m.member_id FROM "
        "(SELECT member_id, COUNT(*) AS hits FROM ("
        + " UNION ALL ".join([arm] * keys + [rare_arm] * rare)
        + ") GROUP BY member_id ORDER BY hits DESC, member_id DESC LIMIT ?) c "
        "JOIN story_member m ON m.member_id = c.member_id "
        "LEFT JOIN story s ON s.story_id = m.story_id"
    )


@functools.lru_cache(maxsize=64)
def _rare_sql(dated: bool, keys: int) -> str:
    """How many members hold each of `keys` rare-word keys, counted up to a limit."""
    if dated:
        counted = (
            "SELECT 1 FROM story_band WHERE key = ? AND ts BETWEEN ? AND ? "
            "UNION ALL SELECT 1 FROM story_band WHERE key = ? AND ts = ?"
        )
    else:
        counted = "SELECT 1 FROM story_band WHERE key = ?"
    return "SELECT " + ", ".join([f"(SELECT COUNT(*) FROM ({counted} LIMIT ?))"] * keys)


@functools.lru_cache(maxsize=_CHUNK)
def _band_insert_sql(rows: int) -> str:
    return "INSERT OR IGNORE INTO story_band(key, ts, member_id) VALUES " + ", ".join(
        ["(?, ?, ?)"] * rows
    )


class SqliteStoryTables:
    """`StoryTables` on one SQLite connection (usually an open transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def story_of(self, article_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT story_id FROM story_member WHERE article_id = ?", (article_id,)
        ).fetchone()
        return str(row[0]) if row else None

    def members(self, story_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT article_id FROM story_member WHERE story_id = ? "
            "ORDER BY ts IS NULL, ts, article_id",
            (story_id,),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def sizes(self, article_ids: Sequence[str]) -> dict[str, int]:
        out = dict.fromkeys(article_ids, 1)
        ids = list(article_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for article_id, size in self.conn.execute(
                "SELECT m.article_id, s.size FROM story_member m "
                f"JOIN story s ON s.story_id = m.story_id WHERE m.article_id IN ({marks})",
                chunk,
            ):
                out[str(article_id)] = int(size)
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
        if not keys and not rare_keys:
            return []
        low, high = (
            (0, 0) if ts is None else (int(ts - window_seconds), int(ts + window_seconds) + 1)
        )
        rare = self._rare(rare_keys, ts, low, high, rare_limit)
        if not keys and not rare:
            return []
        params: list[float | int]
        if ts is None:
            params = [v for key in keys for v in (key, bucket_limit)]
            params += rare
        else:
            params = [
                v for key in keys for v in (key, low, high, bucket_limit, key, NO_TS, bucket_limit)
            ]
            params += [v for key in rare for v in (key, low, high, key, NO_TS)]
        params.append(limit)
        rows = self.conn.execute(
            _candidates_sql(ts is not None, len(keys), len(rare)), params
        ).fetchall()
        return [
            StoryCandidate(
                str(r[0]), DECODED.signature(r[13], r[2:11]), r[1], str(r[11]), int(r[12] or 0)
            )
            for r in rows
        ]

    def _rare(
        self, rare_keys: Sequence[int], ts: float | None, low: int, high: int, rare_limit: int
    ) -> list[int]:
        """The rare-word keys that count: those at most `rare_limit` members hold (within
        the window, or any date for `ts` None), each counted up to `rare_limit` + 1 rows.

        One statement for them all, before the candidates'. Each key's rows were read
        in the candidates' statement itself, numbered by a window function and dropped
        when too many: that cost a third of its instructions, mostly for keys dropped.
        Read in the caller's transaction, so the counts hold for the statement after.
        """
        if not rare_keys:
            return []
        read = rare_limit + 1
        params: list[float | int]
        if ts is None:
            params = [v for key in rare_keys for v in (key, read)]
        else:
            params = [v for key in rare_keys for v in (key, low, high, key, NO_TS, read)]
        counts = self.conn.execute(_rare_sql(ts is not None, len(rare_keys)), params).fetchone()
        return [key for key, n in zip(rare_keys, counts, strict=True) if n <= rare_limit]

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
        # In-process: nothing to overlap, so the answer is read at once (as of now).
        found = self.candidates(
            keys, ts, window_seconds, bucket_limit, limit, rare_keys, rare_limit
        )
        return lambda: found

    def story_signatures(
        self, story_ids: Sequence[str], limit: int
    ) -> list[tuple[str, Signature, float | None]]:
        out: list[tuple[str, Signature, float | None]] = []
        # One statement for several stories (each story's own query an arm, in order):
        # a statement a story cost its preparation and a round through the module each.
        for start in range(0, len(story_ids), _STORIES_A_STATEMENT):
            chunk = list(story_ids[start : start + _STORIES_A_STATEMENT])
            arm = (
                f"SELECT * FROM (SELECT ts, {_SIG_COLUMNS}, member_id, ? AS n, ts IS NULL AS undated "
                "FROM story_member WHERE story_id = ? "
                "ORDER BY ts IS NULL DESC, ts DESC, member_id DESC LIMIT ?)"
            )
            params: list[str | int] = []
            for number, story_id in enumerate(chunk):
                params += [number, story_id, limit]
            rows = self.conn.execute(
                " UNION ALL ".join([arm] * len(chunk))
                # The order of the statements a story: by story, then as each story's.
                + " ORDER BY n, undated DESC, ts DESC, member_id DESC",
                params,
            ).fetchall()
            out += [(chunk[r[11]], DECODED.signature(r[10], r[1:10]), r[0]) for r in rows]
        return out

    def add_member(
        self,
        article_id: str,
        story_id: str,
        signature: Signature,
        keys: Sequence[int],
        ts: float | None,
    ) -> None:
        row = signature.to_row()
        cur = self.conn.execute(
            f"INSERT INTO story_member(article_id, story_id, ts, version, {_SIG_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, story_id, ts, SCHEMA_VERSION, *row),
        )
        member_id = cur.lastrowid
        if member_id is not None:
            DECODED.keep(member_id, row, signature)  # checked against the bytes when read
        when = band_ts(ts)
        # One statement for the member's band rows (about 36): a row at a time cost a
        # step of the statement and a tuple of parameters each.
        distinct = list(set(keys))
        for start in range(0, len(distinct), _CHUNK):
            chunk = distinct[start : start + _CHUNK]
            params = [v for key in chunk for v in (key, when, member_id)]
            self.conn.execute(_band_insert_sql(len(chunk)), params)

    def forget_member(self, article_id: str) -> None:
        row = self.conn.execute(
            f"SELECT member_id, ts, {_SIG_COLUMNS} FROM story_member WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return
        member_id, ts = row[0], row[1]
        # Band keys are recomputed from the stored sets: they are not stored per member.
        keys = _signature(row[2:11]).band_keys()
        self.conn.executemany(
            "DELETE FROM story_band WHERE key = ? AND ts = ? AND member_id = ?",
            [(key, band_ts(ts), member_id) for key in set(keys)],
        )
        self.conn.execute("DELETE FROM story_member WHERE member_id = ?", (member_id,))

    def clear(self) -> None:
        for table in _TABLES:
            self.conn.execute(f"DELETE FROM {table}")

    def grow(self, story_id: str, created_ts: float | None) -> None:
        self.conn.execute(
            "INSERT INTO story(story_id, size, created_ts) VALUES (?, 1, ?) "
            "ON CONFLICT(story_id) DO UPDATE SET size = size + 1",
            (story_id, created_ts),
        )

    def shrink(self, story_id: str) -> None:
        self.conn.execute("UPDATE story SET size = size - 1 WHERE story_id = ?", (story_id,))
        self.conn.execute("DELETE FROM story WHERE story_id = ? AND size <= 0", (story_id,))

    def merge(self, absorbed: str, into: str) -> None:
        if absorbed == into:
            return
        found = self.conn.execute(
            "SELECT size, created_ts FROM story WHERE story_id = ?", (absorbed,)
        ).fetchone()
        if found is not None:
            size, created = int(found[0]), found[1]
            self.conn.execute(
                "UPDATE story SET size = size + ?, created_ts = CASE "
                "WHEN created_ts IS NULL THEN ? WHEN ? IS NULL THEN created_ts "
                "ELSE MIN(created_ts, ?) END WHERE story_id = ?",
                (size, created, created, created, into),
            )
        self.conn.execute("DELETE FROM story WHERE story_id = ?", (absorbed,))
        self.conn.execute(
            "UPDATE story_member SET story_id = ? WHERE story_id = ?", (into, absorbed)
        )
        # A bare connection (benchmarks, tests) has the story tables alone.
        if self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'"
        ).fetchone():
            self.conn.execute(
                "UPDATE articles SET story_id = ? WHERE story_id = ?", (into, absorbed)
            )
