"""Which article a file made, read back by the file's path (an article's origins).

A folder watched by two editors on one desk: the watch that did not import a file
finds the article it made here (`StoreBackend.made_from`), so a correction saved
over the file revises that article in both watches, not a second one beside it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from newsdesk.store.sqlite.articles import chunks


def made_from(conn: sqlite3.Connection, origins: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Each origin's article and when it came from there, when its latest arrival was one
    article (a file of several items is left out: no one of them is the file's)."""
    rows: list[tuple[str, str, str]] = []
    for chunk in chunks(list(dict.fromkeys(origins))):
        marks = ",".join("?" * len(chunk))
        rows.extend(
            (str(r[0]), str(r[1]), str(r[2]))
            for r in conn.execute(
                f"SELECT origin, article_id, seen_at FROM origins WHERE origin IN ({marks})",
                chunk,
            )
        )
    return latest_single(rows)


def latest_single(rows: Iterable[tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
    """(origin, article, seen at) rows to each origin's one article of its latest
    arrival, with that time; an origin whose latest arrival made several has none."""
    latest: dict[str, tuple[str, list[str]]] = {}
    for origin, article_id, seen_at in rows:
        seen, ids = latest.get(origin, ("", []))
        if seen_at > seen:
            latest[origin] = (seen_at, [article_id])
        elif seen_at == seen:
            ids.append(article_id)
    return {o: (ids[0], seen) for o, (seen, ids) in latest.items() if len(ids) == 1}
