"""A shared desk whose server goes away (issue 16 item 5).

- A commit whose answer is lost (the line broke just after the server
  committed) is found by its action id over a new connection: reported done,
  made once, one step for undo.
- A commit that never landed is reported as not saved, and nothing changed.
- While the server cannot say, the writer waits a while and then says the
  outcome is unknown, in one line, never a traceback.
- A server stopped and started again under an open desk (a private cluster
  in a temp dir, so no one else's server is disturbed): reads and writes fail
  in one line meanwhile, and the same desk works again once it is back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from newsdesk.desk import Desk
from newsdesk.errors import StoreError, StoreUnreachableError
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from newsdesk.store import STORE_ENV
from newsdesk.store.postgresql import connections
from tests.pg_cluster import PrivateCluster, private_cluster_or_skip
from tests.pg_support import pg_schema


def _article(n: int) -> Extracted:
    return Extracted(
        title=f"Ferry report {n}",
        body=f"The night ferry sailed again, report {n}.",
        source="Marrowby Gazette",
        published="2026-03-14T09:00:00+00:00",
        url=f"https://example.org/ferry/{n}",
    )


def _paths(root: Path) -> Paths:
    return Paths(data_dir=root / "data", config_dir=root / "config", cache_dir=root / "cache")


@pytest.fixture
def shared_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        monkeypatch.setenv("NEWSDESK_EDITOR", "ana")
        desk = Desk(_paths(tmp_path))
        try:
            yield desk
        finally:
            desk.close()


def _break_the_next_commit(monkeypatch: pytest.MonkeyPatch, *, committed: bool) -> list[int]:
    """The next outer commit loses its answer: the line breaks just after the server
    committed (`committed`) or just before. Returns a list that counts the breaks."""
    real_exit = psycopg.Transaction.__exit__
    broken: list[int] = []

    def exit_then_break(self: psycopg.Transaction, exc_type: Any, exc: Any, tb: Any) -> bool:
        if broken or exc_type is not None or self.savepoint_name:
            return real_exit(self, exc_type, exc, tb)
        broken.append(1)
        gone = psycopg.OperationalError("server closed the connection unexpectedly")
        if committed:
            real_exit(self, None, None, None)
        else:
            real_exit(self, type(gone), gone, None)  # rolled back, as the server does
        self.connection.close()
        raise gone

    monkeypatch.setattr(psycopg.Transaction, "__exit__", exit_then_break)
    return broken


def test_a_commit_whose_answer_was_lost_counts_once(
    shared_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = shared_desk.add_extracted([_article(1)], "fixture")
    before = len(shared_desk.history(50))
    broken = _break_the_next_commit(monkeypatch, committed=True)
    result = shared_desk.star(ids)
    assert broken == [1]
    assert result.changed == ids
    assert shared_desk.rows(ids)[0].starred
    assert len(shared_desk.history(50)) == before + 1  # one step, not two
    shared_desk.undo()
    assert not shared_desk.rows(ids)[0].starred
    assert len(shared_desk.history(50)) == before  # the import's step is still there


def test_a_commit_that_never_landed_is_not_saved_and_says_so(
    shared_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = shared_desk.add_extracted([_article(2)], "fixture")
    before = len(shared_desk.history(50))
    _break_the_next_commit(monkeypatch, committed=False)
    with pytest.raises(StoreUnreachableError) as caught:
        shared_desk.star(ids)
    message = str(caught.value)
    assert "not saved" in message and "\n" not in message
    assert not shared_desk.rows(ids)[0].starred
    assert len(shared_desk.history(50)) == before


def test_a_write_whose_session_the_server_ended_says_nothing_changed(
    shared_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server ended the session in the middle of a write (`pg_terminate_backend`): it
    said "cannot reach the shared desk ... check that the server is running", while the
    server was up and nothing had changed."""
    ids = shared_desk.add_extracted([_article(4)], "fixture")
    real_execute = psycopg.Connection.execute
    ended: list[int] = []

    def execute(self: psycopg.Connection[Any], query: Any, *args: Any, **kwargs: Any) -> Any:
        if query is connections.ANNOUNCE and not ended:
            ended.append(1)
            self.close()
            raise psycopg.OperationalError("terminating connection due to administrator command")
        return real_execute(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Connection, "execute", execute)
    with pytest.raises(StoreUnreachableError) as caught:
        shared_desk.star(ids)
    message = str(caught.value)
    assert ended == [1]
    assert "the change was not saved (nothing changed)" in message
    assert "check that the server is running" not in message and "\n" not in message
    monkeypatch.setattr(psycopg.Connection, "execute", real_execute)
    assert not shared_desk.rows(ids)[0].starred


def test_an_outcome_nobody_can_tell_is_said_to_be_unknown(
    shared_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = shared_desk.add_extracted([_article(3)], "fixture")
    _break_the_next_commit(monkeypatch, committed=True)
    monkeypatch.setattr(connections, "OUTCOME_WAIT_S", 0.3)
    db = shared_desk.store._db  # type: ignore[attr-defined]
    real_url = db.url
    # The server stays away: every new connection goes to a port nothing listens on.
    monkeypatch.setattr(db, "url", "postgresql://ana:s3cret-pw@127.0.0.1:1/desk")
    with pytest.raises(StoreError) as caught:
        shared_desk.star(ids)
    message = str(caught.value)
    assert "not known" in message and "s3cret" not in message and "\n" not in message
    monkeypatch.setattr(db, "url", real_url)
    assert shared_desk.rows(ids)[0].starred  # it had landed, and is shown as it is


@pytest.fixture(scope="module")
def private_cluster() -> Iterator[PrivateCluster]:
    with private_cluster_or_skip() as cluster:
        yield cluster


def test_a_desk_outlives_a_server_restart(
    private_cluster: PrivateCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STORE_ENV, private_cluster.url)
    monkeypatch.setenv("NEWSDESK_EDITOR", "ana")
    with Desk(_paths(tmp_path)) as desk:
        ids = desk.add_extracted([_article(n) for n in range(3)], "fixture")
        since = desk.data_version()
        private_cluster.stop()
        for attempt in (lambda: desk.star(ids[:1]), lambda: desk.rows(ids), desk.data_version):
            with pytest.raises(StoreUnreachableError) as caught:
                attempt()
            assert "\n" not in str(caught.value)
            assert private_cluster.url.split("@")[1] in str(caught.value)
        private_cluster.start()
        private_cluster.wait_ready()
        # The same desk, no new one: it reconnects by itself.
        desk.star(ids[:1])
        assert [r.starred for r in desk.rows(ids)] == [True, False, False]
        assert desk.wait_for_change(since, 5.0) != since
        assert len([r for r in desk.history(10) if r.kind == "star"]) == 1
