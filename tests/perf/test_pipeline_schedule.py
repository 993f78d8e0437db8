"""When the import pipeline sends work to its workers (`pipeline._parallel`).

The workers here are threads and the tasks fakes that record what was sent and when:
what is tested is the order of the sends, not extraction.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from newsdesk import pipeline
from newsdesk.ingest.result import LoadResult
from newsdesk.pipeline import Prepared

#: Items of each fake feed: `PARTS` parts of `SPLIT_TASK_ITEMS` each.
PARTS = 3


class _Recorder:
    """The sends, the yields and the fake workers' hooks of one run."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []
        self.logged = threading.Condition()
        #: Hooks by event: called in the worker thread before the task returns.
        self.before: dict[tuple[str, str], Callable[[], object]] = {}

    def log(self, kind: str, name: str) -> None:
        with self.logged:
            self.events.append((kind, name))
            self.logged.notify_all()

    def wait_for(self, kind: str, name: str) -> None:
        with self.logged:
            assert self.logged.wait_for(lambda: (kind, name) in self.events, timeout=5)

    def index(self, kind: str, name: str) -> int:
        return self.events.index((kind, name))


def _fake_pool(recorder: _Recorder) -> type[ThreadPoolExecutor]:
    class Pool(ThreadPoolExecutor):
        def __init__(self, max_workers: int, **_: Any) -> None:
            super().__init__(max_workers=max_workers)

        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
            if fn is pipeline.prepare_many:
                recorder.log("send", args[0][0].name)
            else:
                recorder.log("send part", args[1][0].name)
            return super().submit(fn, *args, **kwargs)

    return Pool


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Recorder]:
    recorder = _Recorder()

    def prepare_many(paths: list[Path]) -> list[Prepared]:
        name = paths[0].name
        if hook := recorder.before.get(("draft", name)):
            hook()
        recorder.log("drafted", name)
        drafts = [
            SimpleNamespace(name=f"{name}#{k}") for k in range(PARTS * pipeline.SPLIT_TASK_ITEMS)
        ]
        drafted = SimpleNamespace(format="feed", drafts=drafts)
        return [Prepared(LoadResult(path=paths[0], items=[], drafted=drafted))]  # type: ignore[arg-type]

    def finish_part(format: str, drafts: list[Any]) -> list[Any]:
        if hook := recorder.before.get(("part", drafts[0].name)):
            hook()
        recorder.log("part", drafts[0].name)
        return []

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", _fake_pool(recorder))
    monkeypatch.setattr(pipeline, "_context", lambda: None)
    # No fork server, and one said to be running already: nothing drafted here.
    monkeypatch.setattr(pipeline, "_started_context", lambda: (None, False), raising=False)
    monkeypatch.setattr(pipeline, "prepare_many", prepare_many)
    monkeypatch.setattr(pipeline, "finish_part", finish_part)
    monkeypatch.setattr(pipeline, "_combine", lambda prepared, parts: prepared)
    monkeypatch.setattr(pipeline, "CHUNK_FILES", 1)  # a task a file, as for big feeds
    yield recorder


def _run(recorder: _Recorder, names: list[str]) -> None:
    files = [Path(name) for name in names]
    for prepared in pipeline._parallel(files, 2, None):
        recorder.log("yield", prepared.result.path.name)


def test_files_are_sent_while_the_oldest_is_awaited(
    recorder: _Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A window of two tasks: a.rss and b.rss go out first, c.rss once fewer than two of
    # their parts are left. Here that is while a.rss's last part still runs: c.rss must
    # go out then, not after a.rss was handed over (and stored, which can take a second
    # while the workers have nothing to do).
    monkeypatch.setattr(pipeline, "WINDOW_PER_WORKER", 1)

    def after_both_sent() -> None:  # the window full before either is drafted
        recorder.wait_for("send", "b.rss")
        time.sleep(0.2)

    recorder.before[("draft", "a.rss")] = after_both_sent
    recorder.before[("draft", "b.rss")] = after_both_sent
    b_done = threading.Event()
    last_of_a = f"a.rss#{(PARTS - 1) * pipeline.SPLIT_TASK_ITEMS}"
    last_of_b = f"b.rss#{(PARTS - 1) * pipeline.SPLIT_TASK_ITEMS}"
    recorder.before[("part", last_of_a)] = lambda: b_done.wait(5)
    recorder.before[("part", last_of_b)] = b_done.set
    _run(recorder, ["a.rss", "b.rss", "c.rss"])
    assert recorder.index("send", "c.rss") < recorder.index("yield", "a.rss")
    assert [name for kind, name in recorder.events if kind == "yield"] == [
        "a.rss",
        "b.rss",
        "c.rss",
    ]


def test_parts_go_out_in_file_order(recorder: _Recorder) -> None:
    # b.rss is drafted while a.rss still is, and the workers have other files to draft
    # meanwhile: b.rss's parts wait for a.rss's, so a.rss is complete (and stored)
    # first, not both at about the same time.
    names = ["a.rss", "b.rss", "c.rss", "d.rss", "e.rss", "f.rss"]
    a_may_end = threading.Event()
    recorder.before[("draft", "a.rss")] = lambda: a_may_end.wait(5)
    recorder.before[("draft", "b.rss")] = lambda: recorder.wait_for("send", "f.rss")

    def let_a_end() -> None:
        time.sleep(0.1)  # b.rss done and looked at first
        a_may_end.set()

    recorder.before[("draft", "c.rss")] = let_a_end
    recorder.before[("draft", "d.rss")] = lambda: recorder.wait_for("drafted", "a.rss")
    _run(recorder, names)
    parts = [name.split("#")[0] for kind, name in recorder.events if kind == "send part"]
    assert parts[: 2 * PARTS] == ["a.rss"] * PARTS + ["b.rss"] * PARTS
    assert [name for kind, name in recorder.events if kind == "yield"] == names


def _drafted_here(
    recorder: _Recorder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> list[Path]:
    """Files a.rss, b.rss, c.rss in `tmp_path`, big enough to split, and a fork server
    said to start now: `draft_only` (in this process) logged as "drafted here"."""

    def draft_only(path: Path) -> LoadResult:
        recorder.log("drafted here", path.name)
        drafts = [
            SimpleNamespace(name=f"{path.name}#{k}")
            for k in range(PARTS * pipeline.SPLIT_TASK_ITEMS)
        ]
        drafted = SimpleNamespace(format="feed", drafts=drafts)
        return LoadResult(path=path, items=[], drafted=drafted)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_started_context", lambda: (None, True), raising=False)
    monkeypatch.setattr(pipeline, "draft_only", draft_only, raising=False)
    monkeypatch.setattr(pipeline, "SPLIT_MIN_BYTES", 10)
    files = []
    for name in ("a.rss", "b.rss", "c.rss"):
        files.append(tmp_path / name)
        files[-1].write_text("<rss>" + " " * 20 + "</rss>", encoding="utf-8")
    return files


def test_the_first_feed_is_drafted_here_while_the_fork_server_starts(
    recorder: _Recorder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The server loads the workers' modules for about half a second, this process waited
    # meanwhile: it reads the first feed's items itself, and their parts are the
    # workers' first tasks, before any other file is sent.
    files = _drafted_here(recorder, monkeypatch, tmp_path)
    for prepared in pipeline._parallel(files, 2, None):
        recorder.log("yield", prepared.result.path.name)
    sends = [(kind, name.split("#")[0]) for kind, name in recorder.events if "send" in kind]
    assert ("send", "a.rss") not in sends  # not drafted again by a worker
    assert recorder.events[0] == ("drafted here", "a.rss")
    assert sends[:PARTS] == [("send part", "a.rss")] * PARTS
    assert ("send", "b.rss") in sends and ("send", "c.rss") in sends
    assert [name for kind, name in recorder.events if kind == "yield"] == [
        "a.rss",
        "b.rss",
        "c.rss",
    ]
    # Not when the server ran already (the workers start at once), nor for a first file
    # that is not a big feed.
    recorder.events.clear()
    small = [tmp_path / "page.txt", *files]
    small[0].write_text("A page\n\nIts text " * 10, encoding="utf-8")
    for prepared in pipeline._parallel(small, 2, None):  # a page first: a worker's
        recorder.log("yield", prepared.result.path.name)
    assert not [e for e in recorder.events if e[0] == "drafted here"]
    recorder.events.clear()
    monkeypatch.setattr(pipeline, "_started_context", lambda: (None, False))
    for prepared in pipeline._parallel(files, 2, None):  # the server was running
        recorder.log("yield", prepared.result.path.name)
    assert not [e for e in recorder.events if e[0] == "drafted here"]
    assert recorder.events[0] == ("send", "a.rss")


def test_a_feed_drafted_here_gives_what_a_worker_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Real workers and a fork server started by this import: the first feed is drafted in
    # this process, its parts extracted by the workers, the result the same as loading
    # every file in one process.
    from tests.test_pipeline import _outcome, _write_jsonl, _write_pages, _write_rss

    monkeypatch.setattr(pipeline, "SPLIT_TASK_ITEMS", 16)
    monkeypatch.setattr(pipeline, "SPLIT_MIN_BYTES", 1000)
    monkeypatch.setattr(pipeline, "CHUNK_BYTES", 1000)  # a big file alone in its task
    files = [
        _write_rss(tmp_path / "a.rss", pipeline.SPLIT_MIN_ITEMS + 10),
        _write_jsonl(tmp_path / "b.jsonl", pipeline.SPLIT_MIN_ITEMS + 40),
        *_write_pages(tmp_path, 3),
    ]
    sequential = [_outcome(p) for p in pipeline._sequential(files, None)]
    here: list[str] = []
    real_draft_only = pipeline.draft_only

    def counting(path: Path) -> LoadResult | None:
        here.append(path.name)
        return real_draft_only(path)

    monkeypatch.setattr(pipeline, "draft_only", counting)
    pipeline.stop_fork_server()  # this import starts it
    try:
        parallel = [_outcome(p) for p in pipeline._parallel(files, 2, None)]
    finally:
        pipeline.stop_fork_server()
    assert here == ["a.rss"]
    assert parallel == sequential


def test_draft_only_reads_a_big_feed_and_extracts_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.ingest import loader
    from tests.test_pipeline import _write_jsonl, _write_pages, _write_rss

    feed = _write_rss(tmp_path / "a.rss", pipeline.SPLIT_MIN_ITEMS + 10)
    lines = _write_jsonl(tmp_path / "b.jsonl", pipeline.SPLIT_MIN_ITEMS + 40)
    page = _write_pages(tmp_path, 1)[0]
    expected = [loader.load_draft(feed), loader.load_draft(lines)]

    def no_extraction(*_: object) -> list[object]:
        raise AssertionError("extracted")

    monkeypatch.setattr(loader, "IMPORTERS", dict.fromkeys(loader.IMPORTERS, no_extraction))
    assert [loader.draft_only(feed), loader.draft_only(lines)] == expected
    assert loader.draft_only(page) is None  # one article: left to a worker, unread here
    assert loader.draft_only(tmp_path / "missing.rss") is None


def test_python_still_keeps_the_fork_servers_pid_where_the_pipeline_reads_it() -> None:
    """`_started_context` tells a fork server started now by a private attribute: if
    Python renames it, the first feed is no longer drafted while the server warms up,
    and nothing else would say so."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    assert server is not None and hasattr(server, "_forkserver_pid")
