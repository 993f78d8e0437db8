"""Live changes (issue 16 item 4): one editor's commit wakes the others, and their
local search index catches up from the store's change feed, one article at a time.

On PostgreSQL the wake-up is the server's NOTIFY (the tests make the fallback
poll too slow to matter, so only an announcement can end the wait early); on
SQLite the file's counter is polled. Each editor's index lives in a folder of
its desk's own, named without the password.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from newsdesk.store import STORE_ENV
from newsdesk.store.postgresql import listen
from newsdesk.store.postgresql.connections import index_name
from tests.pg_support import pg_schema

#: Far longer than any announcement takes: a wait that ends before it was woken.
LONG = 30.0


def _article(n: int, word: str = "harbour") -> Extracted:
    return Extracted(
        title=f"Report {n} on the {word}",
        body=f"Dock workers spoke about the {word} number {n}.",
        source="Marrowby Gazette",
        published=f"2026-03-{1 + n % 27:02d}T09:00:00+00:00",
        url=f"https://example.org/live/{word}/{n}",
    )


def _paths(root: Path) -> Paths:
    return Paths(data_dir=root / "data", config_dir=root / "config", cache_dir=root / "cache")


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_env(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The backend's name, with NEWSDESK_STORE set for the shared one."""
    monkeypatch.setattr(listen, "FALLBACK_POLL_S", LONG)
    if request.param == "sqlite":
        monkeypatch.setenv(STORE_ENV, "")
        yield "sqlite"
        return
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        yield "postgresql"


def _editor(root: Path, name: str, monkeypatch: pytest.MonkeyPatch, **kw: bool) -> Desk:
    monkeypatch.setenv("NEWSDESK_EDITOR", name)
    return Desk(_paths(root), **kw)


def test_a_commit_wakes_another_editors_wait(
    desk_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On SQLite both editors share one data directory (one file), on PostgreSQL one server.
    ana = _editor(tmp_path / "shared", "ana", monkeypatch)
    bo = _editor(
        tmp_path / "shared" if desk_env == "sqlite" else tmp_path / "bo", "bo", monkeypatch
    )
    try:
        ids = ana.add_extracted([_article(1)], "fixture")
        seen: list[int] = []
        ready = threading.Event()
        woken: list[bool] = []

        def waiting() -> None:
            since = bo.data_version()
            ready.set()
            seen.append(since)
            started = time.monotonic()
            seen.append(bo.wait_for_change(since, LONG))
            woken.append(time.monotonic() - started < LONG / 2)

        waiter = threading.Thread(target=waiting)
        waiter.start()
        assert ready.wait(LONG)
        ana.star(ids)
        waiter.join(LONG)
        assert not waiter.is_alive()
        assert woken == [True], "the star never woke the other editor: only the time-out did"
        assert seen[1] != seen[0]
        assert bo.rows(ids)[0].starred
    finally:
        ana.close()
        bo.close()


def test_nothing_committed_wakes_no_one(
    desk_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = _editor(tmp_path / "shared", "ana", monkeypatch)
    try:
        ana.add_extracted([_article(1)], "fixture")
        since = ana.data_version()
        # A write that fails inside its transaction rolls back: no announcement, no change.
        with pytest.raises(RuntimeError), ana.store.transaction():
            raise RuntimeError("changed my mind")
        assert ana.wait_for_change(since, 0.3) == since
    finally:
        ana.close()


def test_a_desk_skips_its_own_commits_and_hears_the_others(
    desk_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = _editor(tmp_path / "shared", "ana", monkeypatch)
    bo = _editor(
        tmp_path / "shared" if desk_env == "sqlite" else tmp_path / "bo", "bo", monkeypatch
    )
    try:
        ids = ana.add_extracted([_article(1), _article(2)], "fixture")
        follower = ana.follow_changes()
        follower.start()
        # The app writes on its own thread, the watch waits on another (on SQLite a
        # connection never sees its own commits as changes).
        writer = threading.Thread(target=ana.star, args=(ids[:1],))
        writer.start()
        writer.join(LONG)
        # Woken by its own commit (the announcement, or the file's counter), it sleeps on.
        assert follower.wait(LONG) is False
        assert follower.skipped == 1
        bo.star(ids[1:])
        assert follower.wait(LONG) is True
        assert ana.rows(ids[1:])[0].starred
    finally:
        ana.close()
        bo.close()


def test_a_write_that_changes_nothing_wakes_no_one(
    desk_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = _editor(tmp_path / "shared", "ana", monkeypatch)
    bo = _editor(
        tmp_path / "shared" if desk_env == "sqlite" else tmp_path / "bo", "bo", monkeypatch
    )
    try:
        ids = ana.add_extracted([_article(1)], "fixture")
        ana.star(ids)
        since = bo.data_version()
        counter = bo.store.change_count()
        assert ana.star(ids).changed == []  # already starred
        assert ana.tag(ids, remove=["absent"]).changed == []
        assert ana.delete(["0" * 16]).changed == []
        assert ana.release(ids).done == []  # never claimed
        assert bo.wait_for_change(since, 0.3) == since
        assert bo.store.change_count() == counter
    finally:
        ana.close()
        bo.close()


def test_the_poll_finds_a_change_when_no_announcement_can_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        monkeypatch.setattr(listen, "FALLBACK_POLL_S", 0.05)
        # As if the listening connection could not be made (it broke, the server is busy).
        monkeypatch.setattr(listen.ChangeListener, "_listening", lambda self: None)
        ana = _editor(tmp_path / "ana", "ana", monkeypatch)
        bo = _editor(tmp_path / "bo", "bo", monkeypatch)
        try:
            since = bo.data_version()
            ana.add_extracted([_article(2)], "fixture")
            assert bo.wait_for_change(since, LONG) != since
        finally:
            ana.close()
            bo.close()


def test_the_other_editors_index_catches_up_one_article_without_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        monkeypatch.setattr(listen, "FALLBACK_POLL_S", LONG)
        ana = _editor(tmp_path / "ana", "ana", monkeypatch)
        bo = _editor(tmp_path / "bo", "bo", monkeypatch, background_index=True)
        try:
            ana.add_extracted([_article(n) for n in range(30)], "fixture")
            bo.index_status()  # opens bo's index: it catches up in its own thread
            assert bo.index.wait_idle(LONG)
            assert len(bo.search("harbour", limit=None).ids) == 30
            indexed: list[int] = []
            real = bo.index.catch_up

            def counted(*args: object, **kwargs: object) -> int:
                done = real(*args, **kwargs)  # type: ignore[arg-type]
                indexed.append(done)
                return done

            monkeypatch.setattr(bo.index, "catch_up", counted)
            monkeypatch.setattr(bo.index, "rebuild", lambda *a: pytest.fail("rebuilt"))
            since = bo.data_version()
            new = ana.add_extracted([_article(99, "lighthouse")], "fixture")
            assert bo.wait_for_change(since, LONG) != since
            assert bo.index.wait_idle(LONG)
            assert bo.search("lighthouse").ids == new
            assert sum(indexed) == 1  # the one new article, nothing else
        finally:
            ana.close()
            bo.close()


def test_each_shared_desk_has_its_own_index_named_without_the_password(tmp_path: Path) -> None:
    one = index_name("postgresql://ana:s3cret-pw@db.example.test:6543/desk")
    other_password = index_name("postgresql://ana:changed@db.example.test:6543/desk")
    other_schema = index_name(
        "postgresql://ana:s3cret-pw@db.example.test:6543/desk?options=-csearch_path%3Dnight"
    )
    other_user = index_name("postgresql://bo:s3cret-pw@db.example.test:6543/desk")
    assert "s3cret" not in one and "/" not in one and one.startswith("pg-db.example.test-6543")
    assert one == other_password  # the same desk: a new password keeps its index
    assert len({one, other_schema, other_user}) == 3
    paths = _paths(tmp_path)
    assert paths.index_dir_for("") == paths.index_dir
    assert paths.index_dir_for(one) == paths.data_dir / "indexes" / one


def test_a_desk_on_a_server_indexes_beside_the_files_index_not_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, "")
        with Desk(_paths(tmp_path)) as local:
            local.add_extracted([_article(1, "sqlite")], "fixture")
            local.sync_index()
            assert local.index_dir == local.paths.index_dir
        monkeypatch.setenv(STORE_ENV, url)
        with Desk(_paths(tmp_path)) as shared:
            shared.add_extracted([_article(2, "server")], "fixture")
            shared.sync_index()
            assert shared.index_dir != shared.paths.index_dir
            assert shared.search("sqlite").ids == []  # never the file's articles
            assert len(shared.search("server").ids) == 1


def test_the_rules_screens_counting_wakes_no_one(
    desk_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules screen reads its rules and counts each query's matches whenever the
    store changes: were that a write, every open rules screen would wake the others."""
    ana = _editor(tmp_path / "shared", "ana", monkeypatch)
    bo = _editor(
        tmp_path / "shared" if desk_env == "sqlite" else tmp_path / "bo", "bo", monkeypatch
    )
    try:
        ana.add_extracted([_article(1), _article(2, "ferry")], "fixture")
        ana.add_rule("harbour", "harbour", ["star"])
        ana.add_rule("ferries", "ferry -is:starred", ["+boats"])
        since = bo.data_version()
        counter = bo.store.change_count()
        for _ in range(2):
            rules = ana.rules()
            counts = [ana.count_matches(rule.query) for rule in rules]
            ana.check_rule("new", "harbour OR ferry", ["star"])  # the form's check
            if counts != [1, 1]:  # the index had not caught up yet: the second round has
                ana.sync_index()
        assert counts == [1, 1]
        assert bo.wait_for_change(since, 0.3) == since
        assert bo.store.change_count() == counter
    finally:
        ana.close()
        bo.close()


def test_rules_on_arrival_wake_the_others_once_with_their_counts(
    desk_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import the rules act on is two commits (its articles, then the rules' changes
    with their match counts), not three: each commit wakes every other editor."""
    ana = _editor(tmp_path / "shared", "ana", monkeypatch)
    try:
        ana.add_rule("harbour", "harbour", ["star"])
        counter = ana.store.change_count()
        ids = ana.add_extracted([_article(1)], "fixture")
        assert ana.store.change_count() == counter + 2
        assert ana.rows(ids)[0].starred
        assert [rule.matched_total for rule in ana.rules()] == [1]
        counter = ana.store.change_count()
        ana.add_extracted([_article(2, "ferry")], "fixture")  # no rule matches it
        assert ana.store.change_count() == counter + 1
    finally:
        ana.close()


def test_a_file_wait_ends_when_told_to_stop(tmp_path: Path) -> None:
    """Closing the app sets the watch's stop event: a waiter on a file store returns
    then, without waiting out its timeout (the app would hold its exit that long)."""
    from newsdesk.store import open_store

    store = open_store(tmp_path / "db.sqlite3")
    stop = threading.Event()
    returned: list[int] = []
    since = store.data_version()
    waiter = threading.Thread(
        target=lambda: returned.append(store.wait_for_change(since, LONG, stop))
    )
    waiter.start()
    stop.set()
    waiter.join(LONG / 2)
    assert not waiter.is_alive() and returned == [since]
    store.close()
