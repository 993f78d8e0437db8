"""Parallel loading gives the same results, in the same order, as loading one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import pipeline


def _write_pages(folder: Path, count: int) -> list[Path]:
    files = []
    for i in range(count):
        path = folder / f"page-{i:02d}.txt"
        path.write_text(
            f"Council approves budget number {i}\n\nBy Ana Velasco\n\n"
            f"The council approved spending plan {i} on Tuesday after a long debate.\n",
            encoding="utf-8",
        )
        files.append(path)
    (folder / "page-99.txt").write_bytes(b"")
    files.append(folder / "page-99.txt")
    return files


def test_small_files_go_to_workers_in_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _write_pages(tmp_path, 20)
    big = tmp_path / "big.txt"
    big.write_text("word " * 2000, encoding="utf-8")
    monkeypatch.setattr(pipeline, "CHUNK_FILES", 8)
    monkeypatch.setattr(pipeline, "CHUNK_BYTES", 5000)
    chunks = pipeline._chunks([*files[:10], big, *files[10:]])
    assert [p for chunk in chunks for p in chunk] == [*files[:10], big, *files[10:]]
    assert [len(c) for c in chunks] == [8, 2, 1, 8, 3]  # the big file alone, order kept


def test_parallel_matches_sequential(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_FILES", 4)  # several chunks, one partly filled
    files = _write_pages(tmp_path, 6)
    sequential = [
        (p.result.path, p.result.error, [i.title for i in p.result.items], len(p.signatures))
        for p in pipeline._sequential(files, None)
    ]
    monkeypatch.setenv("NEWSDESK_IMPORT_WORKERS", "2")
    parallel = [
        (p.result.path, p.result.error, [i.title for i in p.result.items], len(p.signatures))
        for p in pipeline._parallel(files, 2, None)
    ]
    assert parallel == sequential
    assert parallel[-1][1] is not None  # the empty file is reported, in its place
    assert parallel[0][2] == ["Council approves budget number 0"]
    assert parallel[0][3] == 1  # the story signature comes back computed


def test_stop_request_is_honoured(tmp_path: Path) -> None:
    files = _write_pages(tmp_path, 5)
    seen: list[pipeline.Prepared] = []
    for result in pipeline.load_in_order(files, should_stop=lambda: len(seen) >= 2):
        seen.append(result)
    assert len(seen) == 2


def test_small_imports_stay_in_process(tmp_path: Path) -> None:
    files = _write_pages(tmp_path, 3)
    assert not pipeline._worth_parallel(files)
