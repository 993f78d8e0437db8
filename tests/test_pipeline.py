"""Parallel loading gives the same results, in the same order, as loading one by one."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsdesk import pipeline
from newsdesk.ingest import load_file
from newsdesk.ingest.drafts import finish
from newsdesk.ingest.loader import complete, load_draft


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


def _write_jsonl(path: Path, count: int) -> Path:
    """Records with the odd bad line, a non-object and an empty record among them."""
    lines = []
    for i in range(count):
        if i % 17 == 5:
            lines.append('{"title": "cut short')  # malformed: a warning, skipped
        elif i % 23 == 7:
            lines.append('["not", "an", "object"]')
        elif i % 29 == 3:
            lines.append('{"title": "", "body": "  "}')
        else:
            record = {
                "title": f"Harbour authority reports cargo figure {i}",
                "authors": ["Mara Quint"],
                "published": f"2026-11-{1 + i % 28:02d}T08:00:00Z",
                "body": f"Port of Velmora handled {i} thousand containers in the week, "
                f"the Velmora Harbour Authority said on Monday.\n\nDock manager Ilse Brandt "
                f'said: "We expect the figure to rise by spring." Item {i}.',
            }
            lines.append(json.dumps(record))
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _write_rss(path: Path, count: int) -> Path:
    items = "".join(
        f"<item><title>Valley rail line reopens, stage {i}</title>"
        f"<link>https://example.org/rail/{i}</link><guid>rail-{i}</guid>"
        f"<pubDate>Tue, 03 Nov 2026 0{i % 10}:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;Trains returned to the Orsk valley line, stage {i}, "
        f"after repairs by Northline Rail.&lt;/p&gt;</description></item>"
        if i % 31 != 4
        else "<item><title></title><description></description></item>"
        for i in range(count)
    )
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Orsk Courier</title>'
        f"<link>https://example.org/</link><language>en-gb</language>{items}</channel></rss>",
        encoding="utf-8",
    )
    return path


def _outcome(prepared: pipeline.Prepared) -> tuple[object, ...]:
    result = prepared.result
    return (
        result.path,
        result.error,
        result.warnings,
        result.format,
        [dataclasses.asdict(item) for item in result.items],
        [s is not None for s in prepared.signatures],
        prepared.keys,
        result.drafted,
    )


def test_drafted_file_completes_as_loaded_in_one_go(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "batch.jsonl", 90)
    whole = load_file(path)
    drafted = load_draft(path)
    assert drafted.drafted is not None and not drafted.items
    drafts = drafted.drafted.drafts
    parts = [finish("jsonl", drafts[i : i + 25]) for i in range(0, len(drafts), 25)]
    done = complete(drafted, [f for part in parts for f in part])
    assert (done.error, done.warnings, done.items) == (whole.error, whole.warnings, whole.items)
    assert whole.warnings and len(whole.items) > 60  # the bad lines are reported, in order
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "", "body": ""}\n[1]\n', encoding="utf-8")
    drafted_bad = load_draft(bad)
    assert drafted_bad.drafted is not None
    assert complete(drafted_bad, []).error == load_file(bad).error is not None


def test_big_files_are_split_across_workers_with_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = [
        _write_jsonl(tmp_path / "a.jsonl", pipeline.SPLIT_MIN_ITEMS + 40),
        _write_rss(tmp_path / "b.rss", pipeline.SPLIT_MIN_ITEMS + 10),
    ]
    small = _write_jsonl(tmp_path / "c.jsonl", 10)  # too few items to split
    files = [*_write_pages(tmp_path, 3), *big, small]
    sequential = [_outcome(p) for p in pipeline._sequential(files, None)]
    monkeypatch.setattr(pipeline, "SPLIT_TASK_ITEMS", 16)
    split: list[int] = []
    real_split = pipeline._split

    def counting(pool: object, task: pipeline._Task) -> None:
        real_split(pool, task)  # type: ignore[arg-type]
        split.extend(len(parts) for parts in task.parts.values())

    monkeypatch.setattr(pipeline, "_split", counting)
    parallel = [_outcome(p) for p in pipeline._parallel(files, 2, None)]
    assert parallel == sequential
    expected = []
    for path in big:
        drafted = load_draft(path).drafted
        assert drafted is not None
        expected.append(-(-len(drafted.drafts) // 16))  # 16 items a task, the last one short
    assert sorted(split) == sorted(expected) and min(split) > 1
    assert [o[1] for o in sequential[-3:]] == [None, None, None]
    # Each signature comes with its band keys, computed in the worker as grouping would.
    for prepared in pipeline._parallel(files, 2, None):
        assert len(prepared.keys) == len(prepared.signatures) == len(prepared.result.items)
        for signature, keys in zip(prepared.signatures, prepared.keys, strict=True):
            assert signature is not None and keys is not None
            assert keys == (signature.lsh_keys(), signature.rare_word_keys())


def test_one_big_feed_alone_is_worth_workers(tmp_path: Path) -> None:
    feed = _write_rss(tmp_path / "wire.rss", 2000)
    assert feed.stat().st_size >= pipeline.SPLIT_MIN_BYTES
    assert pipeline._worth_parallel([feed])
    page = tmp_path / "long.txt"
    page.write_text("word " * 100_000, encoding="utf-8")  # as big, but one article
    assert not pipeline._worth_parallel([page])


def _worker_gc_state() -> tuple[tuple[int, ...], int]:
    import gc

    return gc.get_threshold(), gc.get_freeze_count()


def test_workers_collect_garbage_less_often() -> None:
    """An import worker keeps what it loaded at start out of the collector's scans."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=pipeline._start_worker,
        initargs=(os.getpid(),),
    ) as pool:
        thresholds, frozen = pool.submit(_worker_gc_state).result()
    assert thresholds == pipeline.WORKER_GC_THRESHOLDS
    assert frozen > 0


def _worker_facts() -> tuple[bool, int]:
    import os
    import sys

    return "newsdesk.ingest.warm" in sys.modules, os.getpid()


def test_workers_start_with_the_tables_loaded() -> None:
    """Workers come from the fork server, which loaded the extraction tables once."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server on this platform")
    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=pipeline._context(),
        initializer=pipeline._start_worker,
        initargs=(os.getpid(),),
    ) as pool:
        warm, pid = pool.submit(_worker_facts).result()
    assert warm
    assert pid != os.getpid()


_ORPHAN_SCRIPT = """
import os, sys
from concurrent.futures import ProcessPoolExecutor
from newsdesk import pipeline
from tests.test_pipeline import _worker_facts
pool = ProcessPoolExecutor(max_workers=1, mp_context=pipeline._context(),
                           initializer=pipeline._start_worker, initargs=(os.getpid(),))
print(pool.submit(_worker_facts).result()[1], flush=True)
sys.stdin.read()
"""


def test_workers_end_with_the_importing_process(tmp_path: Path) -> None:
    """Killing the importing process (no clean-up) ends its forked workers too."""
    import os
    import signal
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", _ORPHAN_SCRIPT],
        cwd=root,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        worker = int(proc.stdout.readline())
        assert pipeline._alive(worker)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 60
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.05)  # the worker looks for the importing process twice a second
    if _running(worker):
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived the importing process")


def _running(pid: int) -> bool:
    """Alive and not a zombie (an exited worker may wait to be reaped by init)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return pipeline._alive(pid)
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_an_import_worker_leaves_ctrl_c_to_the_importing_process() -> None:
    # Ctrl-C reaches the terminal's whole process group; a worker's own KeyboardInterrupt
    # printed a traceback over the import's two lines (the importing process stops it).
    import subprocess
    import sys

    probe = (
        "import os, signal\n"
        "from newsdesk import pipeline\n"
        "pipeline._start_worker(os.getppid())\n"
        "print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "True"
