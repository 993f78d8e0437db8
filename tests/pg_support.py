"""A throw-away PostgreSQL schema per test, for the tests that run on both backends.

`NEWSDESK_TEST_PG` names a server a test may create schemas in (`.ci/run`
starts one and exports it). Without it, or when the server cannot be
reached, the PostgreSQL cases skip saying why; every schema is dropped after
its test, so parallel workers (`-n auto`) never see each other's data.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

TEST_PG_ENV = "NEWSDESK_TEST_PG"


def server_url() -> str:
    """The test server's URL, or skip the test with the reason."""
    url = os.environ.get(TEST_PG_ENV, "")
    if not url:
        pytest.skip(f"no PostgreSQL for tests: {TEST_PG_ENV} is not set (.ci/run sets it)")
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3, autocommit=True) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # any failure to reach it means: skip, saying why
        pytest.skip(f"PostgreSQL at {TEST_PG_ENV} is not reachable: {str(exc).splitlines()[0]}")
    return url


@contextmanager
def pg_schema() -> Iterator[str]:
    """A URL whose connections work in a fresh schema, dropped afterwards."""
    import psycopg
    from psycopg import sql

    url = server_url()
    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
    try:
        joiner = "&" if "?" in url else "?"
        yield f"{url}{joiner}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))
