"""Check: a shared desk on PostgreSQL (`NEWSDESK_STORE`, `--store` or `[store] url`).

Four findings: the server answers (`server`), the schema's version is one this
newsdesk understands (`schema`), every table is there (`tables`), and every
article's details can be read (`rows`). Nothing is changed on the server: a
shared desk is everyone's, and a row another tool broke is shown from its
columns anyway; doctor names it for whoever looks after the server.

The URL is only ever shown without its password (`safe_url`), and the
server's own messages pass through the same scrubbing as the store's errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.rows import dict_row

from newsdesk.store.postgresql.connections import CONNECT_TIMEOUT_S, safe_url, translate
from newsdesk.store.postgresql.migrations import SCHEMA_VERSION, read_version
from newsdesk.store.sqlite.articles import read_meta

if TYPE_CHECKING:
    from newsdesk.doctor.runner import Doctor

#: Every table the schema's steps create (tests/test_doctor_pg.py checks the list).
TABLES = (
    "actions",
    "applied_actions",
    "articles",
    "claims",
    "feed_items",
    "feeds",
    "meta",
    "origins",
    "reads",
    "removed_articles",
    "rules",
    "saved_searches",
    "story",
    "story_band",
    "story_member",
    "tags",
)

#: How many unreadable article ids the message names (all are in the details).
NAMED = 5


def check_shared_desk(doctor: Doctor, url: str) -> bool:
    """Check the shared desk at `url`; True when it answers with this newsdesk's
    schema, every table present (its local index may be checked)."""
    where = safe_url(url)
    try:
        conn = psycopg.connect(
            url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, row_factory=dict_row
        )
    except psycopg.Error as exc:
        doctor.report.add("server", "problem", str(translate(exc, url)), url=where)
        return False
    try:
        with conn:
            return _check(doctor, conn, where)
    except psycopg.Error as exc:
        doctor.report.add("server", "problem", str(translate(exc, url)), url=where)
        return False


def _check(doctor: Doctor, conn: psycopg.Connection[dict[str, Any]], where: str) -> bool:
    row = conn.execute("SELECT current_setting('server_version') AS v").fetchone()
    server = str(row["v"]) if row else "?"
    doctor.report.add(
        "server", "ok", f"the shared desk at {where} answers (PostgreSQL {server})", url=where
    )
    version = read_version(conn)
    if version == 0:
        doctor.report.add(
            "schema", "ok", "no newsdesk schema yet; it is created on first use", schema_version=0
        )
        return False
    if version > SCHEMA_VERSION:
        doctor.report.add(
            "schema",
            "problem",
            f"the shared desk was written by a newer newsdesk (schema {version}; this "
            f"version understands {SCHEMA_VERSION}). Upgrade newsdesk; nothing was touched",
            schema_version=version,
            supported=SCHEMA_VERSION,
        )
        return False
    behind = "" if version == SCHEMA_VERSION else f"; it is upgraded to {SCHEMA_VERSION} on use"
    doctor.report.add("schema", "ok", f"schema version {version}{behind}", schema_version=version)
    current = version == SCHEMA_VERSION
    if not current:
        doctor.report.add(
            "index",
            "skipped",
            "the local index was not checked: it is, once the desk's schema is upgraded",
        )
    rows = conn.execute(
        "SELECT t AS name FROM unnest(%s::text[]) AS t WHERE to_regclass(t) IS NULL",
        (list(TABLES),),
    ).fetchall()
    missing = [str(r["name"]) for r in rows]
    if missing:
        doctor.report.add(
            "tables",
            "problem",
            f"{len(missing)} of the desk's tables are missing: {', '.join(missing)}",
            missing=missing,
        )
        return False
    count = conn.execute("SELECT COUNT(*) AS n FROM articles").fetchone()
    articles = int(count["n"]) if count else 0
    doctor.report.add(
        "tables", "ok", f"all {len(TABLES)} tables present ({articles} articles)", articles=articles
    )
    bad = [
        str(r["id"])
        for r in conn.execute("SELECT id, meta FROM articles ORDER BY id")
        if read_meta(r) is None
    ]
    if bad:
        doctor.report.add(
            "rows",
            "problem",
            f"{len(bad)} articles have unreadable details ({', '.join(bad[:NAMED])}); "
            "they are shown from their columns; a shared desk is not repaired by doctor",
            articles=bad,
        )
    else:
        doctor.report.add("rows", "ok", "every article's details can be read")
    return current
