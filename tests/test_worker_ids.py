"""Article ids are computed in the import workers (`pipeline.Prepared.ids`): the importing
process stores with them, and stores the same as when it computes them itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk import model, pipeline
from newsdesk.desk import storing
from newsdesk.desk.storing import ArticleStorer
from newsdesk.store import open_store


def _jsonl(path: Path, count: int) -> Path:
    lines = [
        json.dumps(
            {
                "title": f"Harbour crane {i} back in service",
                "published": f"2026-11-03T0{i % 10}:00:00Z",
                "source": "Port Gazette",
                "body": f"The harbour crane number {i} lifted its first containers on "
                "Tuesday after repairs, the port said.",
            }
        )
        for i in range(count)
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _stored(path: Path, prepared: pipeline.Prepared) -> list[str]:
    store = open_store(path)
    try:
        with store.transaction() as tx:
            created, _ = ArticleStorer(store).store_file(tx, prepared)
        return created
    finally:
        store.close()


def test_the_workers_ids_are_the_articles_ids_and_stored_without_hashing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared = pipeline.prepare(_jsonl(tmp_path / "items.jsonl", 5))
    assert prepared.ids == [model.article_id(item) for item in prepared.result.items]
    without = pipeline.Prepared(prepared.result, prepared.signatures, prepared.keys)
    expected = _stored(tmp_path / "a.sqlite3", without)
    assert sorted(expected) == sorted(prepared.ids)

    def refuse(meta: model.Extracted) -> str:
        raise AssertionError("article id computed in the importing process")

    monkeypatch.setattr(storing, "article_id", refuse)
    assert _stored(tmp_path / "b.sqlite3", prepared) == expected


def test_a_split_files_parts_carry_their_ids() -> None:
    """A big file's items are extracted in parts (`finish_part`) and put together in the
    importing process (`_combine`): each item keeps the id its worker computed."""
    item = model.Extracted(title="Crane back", body="The crane lifted containers again.")
    signed = pipeline._signed(item)
    assert signed[2] == model.article_id(item)
    assert pipeline._unsigned(item) == (None, None, model.article_id(item))
