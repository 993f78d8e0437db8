"""Grouping with stored signatures decoded late (`signature.StoredSignature`) decides as
with every row decoded at once by `Signature.from_row`, the way the stores read them
before: same stories, dates and merges on a dense synthetic queue."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from newsdesk.isodates import iso_to_ts
from newsdesk.store.decoded import DECODED
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.store.story_tables import Placement
from newsdesk.stories.grouping import StoryGrouper
from newsdesk.stories.signature import Signature, StoredSignature, compute

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from synthetic import articles

#: The synthetic queue's 60 days squeezed into eight: most candidates within the score
#: window, some past it, as on a dense store.
SQUEEZE = 7.5


def _queue() -> list[tuple[str, Signature, float | None]]:
    out: list[tuple[str, Signature, float | None]] = []
    for n, meta in enumerate(articles(360, words=160)):
        ts = iso_to_ts(meta.published)
        out.append((f"a{n}", compute(meta), None if n % 40 == 0 else ts and ts / SQUEEZE))
    return out


def _group(path: Path, queue: list[tuple[str, Signature, float | None]]) -> list[Placement]:
    DECODED.clear()  # the process's cache: another run's rows share these member ids
    conn = sqlite3.connect(path)
    create_tables(conn)
    grouper = StoryGrouper(SqliteStoryTables(conn))
    placed = []
    for aid, sig, ts in queue:
        placement = grouper.decide(aid, sig, ts)
        grouper.record(aid, placement)
        placed.append(placement)
    conn.close()
    return placed


def test_late_decoding_decides_as_decoding_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    queue = _queue()
    late = _group(tmp_path / "late.sqlite3", queue)
    with monkeypatch.context() as patched:
        # The rows decoded at once, views built on first read: the stores' earlier way.
        patched.setattr(DECODED, "signature", lambda member_id, row: Signature.from_row(row))
        eager = _group(tmp_path / "eager.sqlite3", queue)
    assert [(p.story, p.ts, p.merges) for p in late] == [(p.story, p.ts, p.merges) for p in eager]
    joined = sum(p.story != f"s-{aid}" for p, (aid, _, _) in zip(late, queue, strict=True))
    assert joined > 20  # the queue is dense enough to join stories, not only start them
    assert any(p.merges for p in late) or joined > 60


def test_the_store_hands_out_late_signatures(tmp_path: Path) -> None:
    queue = _queue()[:40]
    DECODED.clear()
    conn = sqlite3.connect(tmp_path / "s.sqlite3")
    create_tables(conn)
    tables = SqliteStoryTables(conn)
    grouper = StoryGrouper(tables)
    for aid, sig, ts in queue:
        grouper.record(aid, grouper.decide(aid, sig, ts))
    DECODED.clear()
    _, sig, ts = queue[-1]
    found = tables.candidates(sig.band_keys(), ts, 168 * 3600.0, 200, 32)
    assert found and all(isinstance(c.signature, StoredSignature) for c in found)
    read = tables.story_signatures([c.story_id for c in found], 48)
    assert read and all(isinstance(s, StoredSignature) for _, s, _ in read)
