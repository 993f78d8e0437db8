"""The index writer's postings sorted in pieces: same order, same index, same searches."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.search import pool
from newsdesk.search.pool import PiecewisePool, sorted_in_pieces
from tests.tui.conftest import sample_articles


def _postings(count: int, seed: int) -> list[tuple[str, bytes, int, float, bytes | None]]:
    rng = random.Random(seed)
    return [
        (
            rng.choice(["body", "title", "by"]),
            rng.choice(["harbour", "vote", "strike", "ferry", "ménage"]).encode()
            + bytes([rng.randrange(256)]),
            rng.randrange(2000),
            rng.choice([1.0, 2.0, 0.5]),
            rng.choice([None, b"", b"\x00\x01"]) if rng.random() < 0.1 else None,
        )
        for _ in range(count)
    ]


def test_sorted_in_pieces_is_sorted() -> None:
    for count in (0, 1, pool.PIECE, pool.PIECE + 1, 3 * pool.PIECE + 17):
        items = _postings(count, seed=count)
        assert list(sorted_in_pieces(items)) == sorted(items)


def test_a_pool_that_spills_to_runs_gives_the_same_order(tmp_path: Path) -> None:
    items = _postings(3000, seed=5)
    piecewise = PiecewisePool(FileStorage(str(tmp_path)), None, limitmb=1)
    piecewise.limit = 20_000  # bytes: spills a run every hundred-odd postings
    for item in items:
        piecewise.add(item)
    assert piecewise.runs  # the spilling path really ran
    assert list(piecewise.items()) == sorted(items)
    piecewise.cleanup()


def _searches(root: Path) -> dict[str, list[str]]:
    with Desk(Paths(root / "data", root / "config", root / "cache")) as desk:
        desk.add_extracted(sample_articles(40), "fixture")
        desk.sync_index()
        writer = desk.index._writer(lambda: False)
        assert writer is not None and isinstance(writer.pool, PiecewisePool)
        writer.cancel()
        return {
            query: desk.search(query).ids
            for query in ("harbour", "council vote", "by:Berg", "strike OR ferry", "-harbour")
        }


def test_the_index_answers_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _searches_with(tmp_path / "plain", monkeypatch, piece=10**9)
    pieces = _searches_with(tmp_path / "pieces", monkeypatch, piece=7)
    assert any(plain.values())
    assert pieces == plain


def _searches_with(root: Path, monkeypatch: pytest.MonkeyPatch, piece: int) -> dict[str, list[str]]:
    monkeypatch.setattr(pool, "PIECE", piece)
    return _searches(root)
