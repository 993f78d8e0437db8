"""What only the PostgreSQL backend has: choosing it, and errors that never show the password."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.errors import StoreError
from newsdesk.store import STORE_ENV, open_store
from newsdesk.store.postgresql import safe_url
from tests.pg_support import pg_schema


def test_safe_url_drops_the_password_and_keeps_the_rest() -> None:
    shown = safe_url("postgresql://ed:s3cret-pw@db.example.test:6543/desk?sslmode=require")
    assert shown == "postgresql://ed@db.example.test:6543/desk"
    assert "s3cret" not in shown


def test_safe_url_names_the_schema_that_tells_two_desks_apart() -> None:
    """Two desks in two schemas of one database were shown as the same address."""
    one = safe_url("postgresql://ed:pw@db.example.test:6543/desk?options=-csearch_path%3Dnight")
    two = safe_url("postgresql://ed:pw@db.example.test:6543/desk?options=-csearch_path%3Dday")
    assert one == "postgresql://ed@db.example.test:6543/desk?options=-csearch_path%3Dnight"
    assert one != two and "pw" not in one


def test_server_down_is_one_line_naming_the_url_without_password(tmp_path: Path) -> None:
    # Port 1 on this machine: nothing listens there, the refusal is immediate.
    url = "postgresql://ed:s3cret-pw@127.0.0.1:1/desk"
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path / "db.sqlite3", url=url)
    message = str(caught.value)
    assert "postgresql://ed@127.0.0.1:1/desk" in message
    assert "s3cret" not in message and "\n" not in message


def test_a_refused_password_is_not_said_to_be_a_server_down() -> None:
    """A wrong password said "check that the server is running and the address is
    right": the server had answered, so the hint sent the editor the wrong way."""
    from psycopg import OperationalError

    from newsdesk.store.postgresql.connections import translate

    url = "postgresql://ed:s3cret-pw@127.0.0.1:5432/desk"
    answered = (
        'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
        'FATAL:  password authentication failed for user "ed"'
    )
    message = str(translate(OperationalError(answered), url))
    assert "refused the user name or password" in message
    assert "check that the server is running" not in message and "s3cret" not in message
    missing = 'connection failed: FATAL:  database "desk" does not exist'
    assert "no such database" in str(translate(OperationalError(missing), url))
    unsent = "connection failed: fe_sendauth: no password supplied"
    assert "~/.pgpass or PGPASSWORD" in str(translate(OperationalError(unsent), url))
    down = 'connection failed: connection to server at "127.0.0.1", port 1 failed: refused'
    assert "check that the server is running" in str(translate(OperationalError(down), url))


def test_store_env_must_be_a_postgresql_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STORE_ENV, "mysql://nobody@somewhere/x")
    with pytest.raises(StoreError, match="postgresql://"):
        open_store(tmp_path / "db.sqlite3")


def test_desk_on_a_shared_store_imports_searches_and_undoes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        story = tmp_path / "harbour.md"
        story.write_text(
            "# Harbour cranes idle for a second day\n\n"
            "Dock workers in Marrowby kept the cranes still on Tuesday.\n",
            encoding="utf-8",
        )
        desk = Desk()
        try:
            assert type(desk.store).__name__ == "PostgresStore"
            desk.import_paths([story])
            desk.sync_index()  # as the CLI does before searching
            ids = desk.search("marrowby").ids
            assert len(ids) == 1
            desk.star(ids)
            # A second editor's desk on the same server sees the star at once.
            second = Desk()
            try:
                second.sync_index()
                assert second.search("is:starred").ids == ids
            finally:
                second.close()
            assert desk.undo() is not None
            assert desk.search("is:starred").ids == []
        finally:
            desk.close()


def test_store_option_and_config_pick_the_shared_desk_without_showing_the_password(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsdesk.cli.main import main

    # Recorded first, so the value `--store` puts in the environment is undone after the test.
    monkeypatch.setenv(STORE_ENV, "")
    down = "postgresql://ed:s3cret-pw@127.0.0.1:1/desk"
    assert main(["--store", down, "paths"]) == 0
    assert main(["--store", down, "list"]) != 0
    shown = capsys.readouterr()
    assert "postgresql://ed@127.0.0.1:1/desk" in shown.out + shown.err
    assert "s3cret" not in shown.out + shown.err
    # The folders a shared desk uses: its own index, no database file here.
    assert main(["--store", down, "paths", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert Path(listed["index_dir"]).parent == isolated_dirs / "data" / "indexes"
    assert not listed["database"].endswith(".sqlite3")
    assert "s3cret" not in json.dumps(listed)
    # The same address from config.toml's [store] url.
    monkeypatch.delenv(STORE_ENV)
    config = isolated_dirs / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(f'[store]\nurl = "{down}"\n', encoding="utf-8")
    assert main(["list"]) != 0
    err = capsys.readouterr().err
    assert "cannot reach the shared desk at postgresql://ed@127.0.0.1:1/desk" in err
    assert "s3cret" not in err and err.count("\n") == 1


def test_long_article_text_is_stored_lz4_compressed_when_the_server_has_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The schema asks for lz4 on the long text columns (a cheaper insert than pglz),
    and a long body compressed so comes back whole."""
    import psycopg

    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        story = tmp_path / "long.md"
        paragraphs = [
            f"Paragraph {n} of the long harbour report, about cranes." for n in range(400)
        ]
        story.write_text("# A long harbour report\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
        desk = Desk()
        try:
            (aid,) = desk.import_paths([story]).imported_ids
            article = desk.get(aid)
            assert article is not None and "Paragraph 399 of the long" in article.meta.body
        finally:
            desk.close()
        with psycopg.connect(url) as conn:
            has_lz4 = conn.execute(
                "SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                "WHERE name = 'default_toast_compression'"
            ).fetchone()
            methods: dict[str, str] = dict(
                conn.execute(
                    "SELECT attname, attcompression FROM pg_attribute "
                    "WHERE attrelid = 'articles'::regclass AND attname IN ('body', 'raw', 'meta')"
                ).fetchall()
            )
            stored = conn.execute(
                "SELECT pg_column_compression(body) FROM articles WHERE id = %s", (aid,)
            ).fetchone()
        want = "l" if has_lz4 and has_lz4[0] else ""
        assert methods == {"body": want, "raw": want, "meta": want}
        assert stored is not None and stored[0] == ("lz4" if want else "pglz")


def test_two_editors_storing_one_article_at_once_store_it_once(tmp_path: Path) -> None:
    # Both looked for a duplicate before either had committed; the second insert then
    # failed on the primary key ("duplicate key value violates unique constraint"),
    # failing that editor's file, or their whole fetch.
    import threading

    from newsdesk.model import Extracted, article_id

    meta = Extracted(title="Harbour cranes idle", body="Dock workers kept the cranes still.")
    aid = article_id(meta)
    with pg_schema() as url:
        ana = open_store(tmp_path / "a.sqlite3", url=url)
        bo = open_store(tmp_path / "b.sqlite3", url=url)
        outcomes: dict[str, object] = {}
        try:
            with ana.transaction() as tx:
                outcomes["ana"] = ana.insert(tx, aid, meta, "ana/harbour.md", None)

                def bo_stores() -> None:
                    try:
                        with bo.transaction() as tx2:
                            outcomes["bo"] = bo.insert(tx2, aid, meta, "bo/harbour.md", None)
                    except Exception as exc:  # the failure is what the test looks for
                        outcomes["bo"] = exc

                # Bo's insert waits for Ana's transaction, which commits after it started.
                other = threading.Thread(target=bo_stores)
                other.start()
                other.join(timeout=0.5)
                assert other.is_alive()
            other.join(timeout=30)
            assert not other.is_alive()
            first, second = outcomes["ana"], outcomes["bo"]
            assert getattr(first, "created", None) is True, first
            assert getattr(second, "created", None) is False, second
            assert getattr(second, "reason", None) == "duplicate"
            assert ana.count() == 1
        finally:
            ana.close()
            bo.close()
