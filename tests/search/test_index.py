"""The index is derived: built, caught up, reopened, and rebuilt when it cannot be trusted."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.search import index as index_mod
from newsdesk.search import writer_thread
from newsdesk.search.engine import SearchEngine
from newsdesk.search.index import (
    MSG_AHEAD,
    MSG_DAMAGED,
    MSG_FIRST,
    MSG_MISSING,
    MSG_STALE,
    VERSION_FILE,
    SearchIndex,
)
from newsdesk.search.schema import SCHEMA_VERSION
from newsdesk.store import Store

from .conftest import ARTICLES, NOW, Newsroom, insert


def many(n: int, word: str = "zephyr") -> dict[str, Extracted]:
    return {
        f"{word}{i}": Extracted(title=f"{word} report number {i}", body=f"{word} body text {i}")
        for i in range(n)
    }


def version(root: Path) -> dict[str, int]:
    data = json.loads((root / "index" / VERSION_FILE).read_text())
    assert isinstance(data, dict)
    return data


def test_build_catch_up_and_status(newsroom: Newsroom) -> None:
    status = newsroom.index.status()
    assert status.pending == 0
    assert status.total_docs == len(ARTICLES)
    assert status.indexed_rev == status.store_rev == newsroom.store.max_rev()
    assert version(newsroom.root) == {
        "schema_version": SCHEMA_VERSION,
        "indexed_rev": newsroom.store.max_rev(),
    }
    # Nothing new: catching up again indexes nothing.
    assert newsroom.index.catch_up() == 0


def test_catch_up_in_batches_with_progress(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_mod, "BATCH", 4)
    insert(newsroom.store, many(10))
    seen: list[tuple[int, int]] = []
    assert newsroom.index.catch_up(lambda done, total: seen.append((done, total))) == 10
    assert seen == [(4, 10), (8, 10), (10, 10)]
    assert len(newsroom.engine.search("zephyr", now=NOW).ids) == 10


def test_catch_up_stops_between_batches(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_mod, "BATCH", 3)
    insert(newsroom.store, many(9))
    stop = threading.Event()
    done = newsroom.index.catch_up(lambda d, t: stop.set(), should_stop=stop.is_set)
    assert done == 3
    assert newsroom.index.status().pending == 6
    assert newsroom.index.catch_up() == 6


def test_catch_up_stops_inside_a_batch_and_keeps_what_it_did(newsroom: Newsroom) -> None:
    insert(newsroom.store, many(9))
    checks = iter(range(100))
    # Checked once before the batch, then before each document after the first:
    # the third check (before the third document) stops it.
    assert newsroom.index.catch_up(should_stop=lambda: next(checks) >= 2) == 2
    assert newsroom.index.status().pending == 7
    assert len(newsroom.engine.search("zephyr", now=NOW).ids) == 2
    assert newsroom.index.catch_up() == 7
    assert len(newsroom.engine.search("zephyr", now=NOW).ids) == 9


def test_reopen_keeps_the_index(newsroom: Newsroom) -> None:
    newsroom.index.stop()
    again = SearchIndex(newsroom.root / "index", newsroom.store)
    assert again.open() is None
    assert again.catch_up() == 0
    engine = SearchEngine(newsroom.store, again)
    assert newsroom.names(engine.search("korea", now=NOW).ids)[0] == "summit"


def test_new_index_on_an_empty_store_says_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite")
    index = SearchIndex(tmp_path / "index", store)
    assert index.open() is None
    assert index.catch_up() == 0
    assert SearchEngine(store, index).search("anything").ids == []


def test_missing_index_is_built_with_a_message(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite")
    insert(store, ARTICLES)
    (tmp_path / "index").mkdir()  # an index was here; its files are gone
    index = SearchIndex(tmp_path / "index", store)
    assert index.open() == MSG_MISSING
    assert index.status().message == MSG_MISSING
    assert index.catch_up() == len(ARTICLES)


def test_a_first_index_is_not_called_missing(tmp_path: Path) -> None:
    # A new desk's first import stores its articles, then opens the index: there was
    # never one to miss.
    store = Store(tmp_path / "db.sqlite")
    insert(store, ARTICLES)
    index = SearchIndex(tmp_path / "index", store)
    assert index.open() == MSG_FIRST
    assert index.catch_up() == len(ARTICLES)


def reopen(room: Newsroom) -> tuple[SearchIndex, str | None]:
    room.index.stop()
    index = SearchIndex(room.root / "index", room.store)
    return index, index.open()


def assert_rebuilds(room: Newsroom, index: SearchIndex) -> None:
    assert index.catch_up() == len(ARTICLES)
    engine = SearchEngine(room.store, index)
    assert room.names(engine.search('"north korea"', now=NOW).ids) == ["summit"]


def test_stale_schema_version_is_rebuilt(newsroom: Newsroom) -> None:
    path = newsroom.root / "index" / VERSION_FILE
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION - 1, "indexed_rev": 5}))
    index, message = reopen(newsroom)
    assert message == MSG_STALE
    assert_rebuilds(newsroom, index)


def test_missing_version_file_is_stale(newsroom: Newsroom) -> None:
    (newsroom.root / "index" / VERSION_FILE).unlink()
    index, message = reopen(newsroom)
    assert message == MSG_STALE
    assert_rebuilds(newsroom, index)


def test_garbled_version_file_is_stale(newsroom: Newsroom) -> None:
    (newsroom.root / "index" / VERSION_FILE).write_text("{not json")
    index, message = reopen(newsroom)
    assert message == MSG_STALE
    assert_rebuilds(newsroom, index)


def test_index_ahead_of_the_store_is_rebuilt(newsroom: Newsroom) -> None:
    path = newsroom.root / "index" / VERSION_FILE
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION, "indexed_rev": 10_000}))
    index, message = reopen(newsroom)
    assert message == MSG_AHEAD
    assert_rebuilds(newsroom, index)


@pytest.mark.parametrize(
    "damage", ["garble_toc", "delete_segments", "truncate_segments", "unknown_class"]
)
def test_damaged_index_is_rebuilt_with_a_message(newsroom: Newsroom, damage: str) -> None:
    newsroom.index.stop()
    index_dir = newsroom.root / "index"
    for path in index_dir.iterdir():
        if damage == "garble_toc" and path.name.endswith(".toc"):
            path.write_bytes(b"\x00garbage" * 10)
        elif damage == "unknown_class" and path.name.endswith(".toc"):
            # A schema naming a module this version lacks (an index a newer one wrote).
            toc = path.read_bytes()
            assert b"newsdesk.search.fast_positions" in toc
            path.write_bytes(toc.replace(b"fast_positions", b"fast_positionz"))
        elif (
            damage == "delete_segments"
            and path.suffix not in (".toc", ".json")
            and "LOCK" not in path.name
        ):
            path.unlink()
        elif (
            damage == "truncate_segments"
            and path.suffix not in (".toc", ".json")
            and "LOCK" not in path.name
        ):
            path.write_bytes(path.read_bytes()[:7])
    index = SearchIndex(index_dir, newsroom.store)
    message = index.open()
    engine = SearchEngine(newsroom.store, index)
    if message is None:
        # Damage only found when reading postings: the search reports it, never raises.
        result = engine.search('"north korea"', now=NOW)
        assert result.notice is not None and "damaged" in result.notice
        assert index.status().message == MSG_DAMAGED
    else:
        assert message == MSG_DAMAGED
    assert_rebuilds(newsroom, index)


def test_rebuild_reindexes_everything(newsroom: Newsroom) -> None:
    seen: list[tuple[int, int]] = []
    assert newsroom.index.rebuild(lambda d, t: seen.append((d, t))) == len(ARTICLES)
    assert seen[-1] == (len(ARTICLES), len(ARTICLES))
    assert newsroom.found("korea") == {"summit", "markets"}
    assert newsroom.index.status().total_docs == len(ARTICLES)


def test_updated_article_replaces_its_document(newsroom: Newsroom) -> None:
    summit = newsroom.ids["summit"]
    with newsroom.store.transaction() as tx:
        # A content change bumps the revision the way a re-extraction would.
        tx.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'rev'")
        tx.execute(
            "UPDATE articles SET title = 'Summit renamed zebra', "
            "rev = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'rev') WHERE id = ?",
            (summit,),
        )
    assert newsroom.index.catch_up() == 1
    assert newsroom.found("zebra") == {"summit"}
    assert newsroom.index.status().total_docs == len(ARTICLES)


def test_two_indexes_on_one_directory_share_it_without_lock_errors(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes (here two instances, each with its own Whoosh lock handle)."""
    monkeypatch.setattr(index_mod, "BATCH", 5)
    other_store = Store(newsroom.root / "newsdesk.sqlite")
    other = SearchIndex(newsroom.root / "index", other_store)
    assert other.open() is None
    insert(newsroom.store, many(40))
    errors: list[BaseException] = []

    def run(index: SearchIndex) -> None:
        try:
            index.catch_up()
        except BaseException as exc:  # the test reports any error, LockError included
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(ix,)) for ix in (newsroom.index, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert newsroom.index.status().pending == 0
    assert newsroom.index.status().total_docs == len(ARTICLES) + 40
    assert len(SearchEngine(other_store, other).search("zephyr", now=NOW).ids) == 40
    other.stop()
    other_store.close()


def test_writer_waits_for_a_lock_held_elsewhere(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_mod, "LOCK_TIMEOUT", 0.05)
    monkeypatch.setattr(index_mod, "LOCK_PATIENCE", 0.2)
    insert(newsroom.store, many(3))
    from whoosh import index as whoosh_index

    held = whoosh_index.open_dir(str(newsroom.root / "index"), indexname="MAIN").writer()
    try:
        assert newsroom.index.catch_up() == 0
        assert "another newsdesk process" in (newsroom.index.status().message or "")
    finally:
        held.cancel()
    assert newsroom.index.catch_up() == 3
    assert (
        newsroom.index.status().message != "another newsdesk process is updating the search index"
    )


def test_background_writer_catches_up_on_notify(newsroom: Newsroom) -> None:
    newsroom.index.start_background()
    assert newsroom.index.wait_idle(timeout=30)
    insert(newsroom.store, many(3, word="lighthouse"))
    newsroom.index.notify()
    assert newsroom.index.wait_idle(timeout=30)
    assert len(newsroom.engine.search("lighthouse", now=NOW).ids) == 3
    newsroom.index.stop()
    assert newsroom.index.wait_idle(timeout=1)


def test_background_writer_gives_way_while_the_user_is_at_the_keys(newsroom: Newsroom) -> None:
    newsroom.index.start_background()
    assert newsroom.index.wait_idle(timeout=30)
    insert(newsroom.store, many(3, word="foghorn"))
    newsroom.index.hold(60)  # keys keep coming
    newsroom.index.notify()
    assert not newsroom.index.wait_idle(timeout=0.3)  # held before its first document
    assert newsroom.index.status().pending == 3
    newsroom.index.hold(0)  # a later, shorter hold never shortens the running one
    assert newsroom.index._background._hold_until > time.monotonic() + 30
    newsroom.index._background._hold_until = 0.0  # the keys stop
    assert newsroom.index.wait_idle(timeout=30)
    assert len(newsroom.engine.search("foghorn", now=NOW).ids) == 3
    # A catch-up in the caller's own thread (the CLI) is never held.
    insert(newsroom.store, many(2, word="buoy"))
    newsroom.index.hold(60)
    newsroom.index.stop()
    assert newsroom.index.catch_up() == 2


def test_background_writer_survives_a_failing_batch(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    insert(newsroom.store, many(2, word="beacon"))
    real = newsroom.store.changed_since
    failures = [OSError("disk full")]

    def flaky(rev: int, limit: int) -> list[object]:
        if failures:
            raise failures.pop()
        return real(rev, limit)  # type: ignore[return-value]

    monkeypatch.setattr(newsroom.store, "changed_since", flaky)
    monkeypatch.setattr(writer_thread, "RETRY_SECONDS", 0.05)
    newsroom.index.start_background()
    assert newsroom.index.wait_idle(timeout=30)
    newsroom.index.notify()
    assert newsroom.index.wait_idle(timeout=30)
    assert len(newsroom.engine.search("beacon", now=NOW).ids) == 2


def test_searches_on_many_threads_while_the_writer_indexes(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_mod, "BATCH", 7)
    insert(newsroom.store, many(60, word="quasar"))
    newsroom.index.start_background()
    errors: list[BaseException] = []
    seen: list[int] = []

    def searcher() -> None:
        try:
            for query in ("quasar", "quas*", "korea OR quasar", "quasar is:unread", ""):
                result = newsroom.engine.search(query, now=NOW)
                assert len(result.ids) == len(set(result.ids))
                assert all(result.ids)
                if query == "quasar":
                    seen.append(len(result.ids))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=searcher) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert newsroom.index.wait_idle(timeout=60)
    assert len(newsroom.engine.search("quasar", now=NOW).ids) == 60
    assert all(0 <= n <= 60 for n in seen)


def test_a_file_where_the_index_belongs_is_moved_aside(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite")
    insert(store, ARTICLES)
    (tmp_path / "index").write_text("not an index")
    index = SearchIndex(tmp_path / "index", store)
    assert index.open() == MSG_DAMAGED
    assert (tmp_path / "index.not-an-index").read_text() == "not an index"
    assert index.catch_up() == len(ARTICLES)
