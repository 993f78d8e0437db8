"""The SQLite story tables' cheaper statements answer as the statements they replaced.

`candidates` counts rare-word keys in a statement of their own (they were numbered by a
window function inside the candidates' statement), `story_signatures` reads several
stories in one statement, `add_member` writes its band rows in one: each is checked here
against the earlier SQL, kept below as the reference, on a store of random band rows
(shared keys, full buckets, rare keys at and past their limit, undated members).
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence

import pytest

from newsdesk.model import Extracted
from newsdesk.store.sqlite import stories as sqlite_stories
from newsdesk.store.sqlite.stories import NO_TS, SqliteStoryTables, band_ts, create_tables
from newsdesk.stories.signature import Signature, compute

HOUR = 3600.0
T0 = 1_780_000_000.0
SIGS = [
    compute(Extracted(title=f"Ferry {n} to Varnholm suspended", body=f"Engine fire number {n}."))
    for n in range(4)
]


def _reference_candidates(
    conn: sqlite3.Connection,
    keys: Sequence[int],
    ts: float | None,
    window_seconds: float,
    bucket_limit: int,
    limit: int,
    rare_keys: Sequence[int],
    rare_limit: int,
) -> list[tuple[str, str, float | None, int]]:
    """The candidates as the statement before this change found them (one statement, the
    rare keys' rows numbered by COUNT(*) OVER ())."""
    if not keys and not rare_keys:
        return []
    arms: list[str] = []
    params: list[float | int] = []
    low, high = (0, 0) if ts is None else (int(ts - window_seconds), int(ts + window_seconds) + 1)
    for key in keys:
        if ts is None:
            arms.append(
                "SELECT * FROM (SELECT member_id FROM story_band WHERE key = ? "
                "ORDER BY ts DESC LIMIT ?)"
            )
            params += [key, bucket_limit]
            continue
        arms.append(
            "SELECT * FROM (SELECT member_id FROM story_band WHERE key = ? "
            "AND ts BETWEEN ? AND ? ORDER BY ts DESC LIMIT ?)"
        )
        arms.append(
            "SELECT * FROM (SELECT member_id FROM story_band WHERE key = ? AND ts = ? LIMIT ?)"
        )
        params += [key, low, high, bucket_limit, key, NO_TS, bucket_limit]
    for key in rare_keys:
        if ts is None:
            inner = "SELECT member_id FROM story_band WHERE key = ?"
            params += [key]
        else:
            inner = (
                "SELECT member_id FROM story_band WHERE key = ? AND ts BETWEEN ? AND ? "
                "UNION ALL SELECT member_id FROM story_band WHERE key = ? AND ts = ?"
            )
            params += [key, low, high, key, NO_TS]
        arms.append(
            "SELECT member_id FROM (SELECT member_id, COUNT(*) OVER () AS n FROM "
            f"(SELECT member_id FROM ({inner}) LIMIT ?)) WHERE n <= ?"
        )
        params += [rare_limit + 1, rare_limit]
    rows = conn.execute(
        "SELECT m.article_id, m.story_id, m.ts, s.size FROM "
        "(SELECT member_id, COUNT(*) AS hits FROM ("
        + " UNION ALL ".join(arms)
        + ") GROUP BY member_id ORDER BY hits DESC, member_id DESC LIMIT ?) c "
        "JOIN story_member m ON m.member_id = c.member_id "
        "LEFT JOIN story s ON s.story_id = m.story_id",
        [*params, limit],
    ).fetchall()
    return [(str(r[0]), str(r[1]), r[2], int(r[3] or 0)) for r in rows]


def _reference_signatures(
    conn: sqlite3.Connection, story_ids: Sequence[str], limit: int
) -> list[tuple[str, bytes, float | None]]:
    """`story_signatures` as one statement a story gave it: (story, shingles, ts)."""
    out: list[tuple[str, bytes, float | None]] = []
    for story_id in story_ids:
        rows = conn.execute(
            "SELECT ts, shingles FROM story_member WHERE story_id = ? "
            "ORDER BY ts IS NULL DESC, ts DESC, member_id DESC LIMIT ?",
            (story_id, limit),
        ).fetchall()
        out += [(story_id, bytes(r[1]), r[0]) for r in rows]
    return out


@pytest.fixture
def dense() -> tuple[sqlite3.Connection, SqliteStoryTables, random.Random]:
    """400 members over 10 days (a tenth undated) in 60 stories, keys from a pool of 40:
    buckets from a few rows to dozens, so limits of 2 to 12 bite and miss."""
    rng = random.Random(19)
    conn = sqlite3.connect(":memory:")
    create_tables(conn)
    tables = SqliteStoryTables(conn)
    for n in range(400):
        ts = None if rng.random() < 0.1 else T0 + rng.uniform(0, 240) * HOUR
        story = f"s-{rng.randrange(60)}"
        keys = [int(rng.paretovariate(0.8)) % 40 for _ in range(rng.randint(1, 8))]
        tables.add_member(f"a{n}", story, SIGS[n % len(SIGS)], keys, ts)
        tables.grow(story, ts)
    return conn, tables, rng


def test_candidates_match_the_single_statement(
    dense: tuple[sqlite3.Connection, SqliteStoryTables, random.Random],
) -> None:
    conn, tables, rng = dense
    rare_seen = set()
    for _ in range(300):
        keys = [rng.randrange(45) for _ in range(rng.randint(0, 6))]
        rare = [rng.randrange(45) for _ in range(rng.randint(0, 4))]
        ts = None if rng.random() < 0.2 else T0 + rng.uniform(-24, 264) * HOUR
        window = rng.choice([6, 24, 96]) * HOUR
        bucket, limit, rare_limit = rng.randint(1, 12), rng.randint(1, 20), rng.randint(0, 12)
        want = _reference_candidates(conn, keys, ts, window, bucket, limit, rare, rare_limit)
        got = tables.candidates(keys, ts, window, bucket, limit, rare, rare_limit)
        assert [(c.article_id, c.story_id, c.ts, c.story_size) for c in got] == want
        rare_seen |= set(tables._rare(rare, ts, *_bounds(ts, window), rare_limit))
    assert rare_seen  # some rare keys counted, so the arms without a LIMIT were read


def _bounds(ts: float | None, window: float) -> tuple[int, int]:
    return (0, 0) if ts is None else (int(ts - window), int(ts + window) + 1)


def test_a_rare_key_counts_up_to_its_limit_and_not_past_it() -> None:
    conn = sqlite3.connect(":memory:")
    create_tables(conn)
    tables = SqliteStoryTables(conn)
    # Key 7: two members in the window and one undated; key 8: four in the window.
    for n, (key, ts) in enumerate([(7, T0), (7, T0 + HOUR), (7, None), *[(8, T0)] * 4]):
        tables.add_member(f"a{n}", f"s{n}", SIGS[0], [key], ts)
    found = tables._rare([7, 8, 9], T0, *_bounds(T0, 2 * HOUR), 3)
    assert found == [7, 9]  # 8 is held by four: past the limit; 9 by none
    assert tables._rare([7], T0, *_bounds(T0, 2 * HOUR), 2) == []
    assert tables._rare([8], None, 0, 0, 4) == [8]
    got = tables.candidates([], T0, 2 * HOUR, 10, 10, [7, 8], 3)
    assert sorted(c.article_id for c in got) == ["a0", "a1", "a2"]


def test_story_signatures_match_a_statement_a_story(
    dense: tuple[sqlite3.Connection, SqliteStoryTables, random.Random],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    conn, tables, rng = dense
    # Small statements, so that several stories' rows come from more than one.
    monkeypatch.setattr(sqlite_stories, "_STORIES_A_STATEMENT", 3)
    for _ in range(40):
        stories = [f"s-{rng.randrange(64)}" for _ in range(rng.randint(0, 8))]  # some unknown
        limit = rng.randint(1, 12)
        got = tables.story_signatures(stories, limit)
        want = _reference_signatures(conn, stories, limit)
        assert [(s, sig.shingles.tobytes(), ts) for s, sig, ts in got] == want


def test_add_member_writes_each_distinct_key_once(monkeypatch: pytest.MonkeyPatch) -> None:
    conn = sqlite3.connect(":memory:")
    create_tables(conn)
    tables = SqliteStoryTables(conn)
    monkeypatch.setattr(sqlite_stories, "_CHUNK", 4)  # several statements for one member
    keys = [5, 1, 5, 9, 2**62, -3, 1, 11, 12, 13]
    tables.add_member("a1", "s-a1", SIGS[1], keys, T0 + 0.5)
    tables.add_member("a2", "s-a1", SIGS[1], [5], None)
    rows = conn.execute("SELECT key, ts, member_id FROM story_band ORDER BY member_id, key")
    assert rows.fetchall() == [
        *[(key, band_ts(T0 + 0.5), 1) for key in sorted(set(keys))],
        (5, NO_TS, 2),
    ]
    signature: Signature = tables.story_signatures(["s-a1"], 5)[1][1]
    assert signature.to_row() == SIGS[1].to_row()
