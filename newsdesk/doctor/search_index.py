"""Check: the search index opens, reads back whole and holds every article; rebuilt if not.

The index is derived data: when it is missing, damaged or behind, it is
rebuilt or caught up from the store.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.store import Store, StoreBackend, StoreError

if TYPE_CHECKING:
    from newsdesk.doctor.runner import Doctor

#: Index terms whose postings are read back per field (a full read of a big index is slow).
INDEX_TERM_SAMPLE = 2_000


def check_index(doctor: Doctor, writable: bool) -> None:
    if not doctor.paths.database.exists():
        return
    if not writable:
        doctor.report.add("index", "skipped", f"the index was not checked: {doctor.unwritable}")
        return
    try:
        store = Store(doctor.paths.database)
    except StoreError as exc:
        doctor.report.add("index", "problem", f"the index was not checked: {exc}")
        return
    try:
        check_index_of(doctor, store, doctor.paths.index_dir)
    finally:
        store.close()


def check_shared_index(doctor: Doctor, url: str, writable: bool) -> None:
    """A shared desk's local index (a folder of its own in the data directory),
    checked and repaired as the file's, from the desk's articles on the server."""
    from newsdesk.store import open_store

    if not writable:
        doctor.report.add(
            "index", "skipped", "the local index was not checked: the data directory is read-only"
        )
        return
    try:
        store = open_store(doctor.paths.database, url=url)
    except StoreError as exc:
        doctor.report.add("index", "problem", f"the local index was not checked: {exc}")
        return
    try:
        check_index_of(doctor, store, doctor.paths.index_dir_for(store.index_name))
    finally:
        store.close()


def check_index_of(doctor: Doctor, store: StoreBackend, index_dir: Path) -> None:
    """The index at `index_dir` opens, reads back whole and holds every article of
    `store`: rebuilt, or caught up, when not."""
    from newsdesk.search.index import DAMAGE_ERRORS, SearchIndex

    try:
        index = SearchIndex(index_dir, store)
        try:
            message = index.open()
            status = index.status()
            behind = status.pending
            damage = None if message else read_whole_index(index)
            if damage is not None or index.damaged:
                index.rebuild()
                count = store.count()
                doctor.report.add(
                    "index",
                    "repaired",
                    f"the search index was damaged ({damage or 'unreadable'}); rebuilt it "
                    f"from the store ({count} articles)",
                )
                return
            caught_up = index.catch_up()
            status = index.status()
            if status.total_docs != status.store_docs:
                index.rebuild()
                doctor.report.add(
                    "index",
                    "repaired",
                    f"the search index held {status.total_docs} documents for "
                    f"{status.store_docs} articles; rebuilt it from the store",
                )
                return
            if message and doctor.database_salvaged:
                # Dropped on purpose with the old database: not "another version".
                message = "the search index was rebuilt for the repaired database"
            if message or caught_up:
                doctor.report.add(
                    "index",
                    "repaired",
                    (
                        message + "; done"
                        if message
                        else f"the search index was {behind} articles behind; caught up"
                    )
                    + f" ({status.total_docs} documents)",
                    documents=status.total_docs,
                )
                return
            doctor.report.add(
                "index",
                "ok",
                f"the search index is current ({status.total_docs} documents)",
                documents=status.total_docs,
            )
        finally:
            index.stop()
    except (*DAMAGE_ERRORS, sqlite3.Error, StoreError) as exc:  # type: ignore[misc]
        doctor.report.add(
            "index",
            "problem",
            f"the search index could not be repaired ({exc!r}); run `newsdesk reindex`",
        )


def read_whole_index(index: Any) -> str | None:
    """Read stored fields and a sample of every field's postings; the error, or None."""
    from newsdesk.search.index import DAMAGE_ERRORS, is_read_damage

    try:
        with index.reading() as (searcher, _docmap):
            reader = searcher.reader()
            for _ in reader.all_stored_fields():
                pass
            for name in reader.indexed_field_names():
                step = 1
                for count, term in enumerate(reader.lexicon(name)):
                    if count >= INDEX_TERM_SAMPLE * step:
                        step *= 2  # Sample ever more sparsely on a large lexicon.
                    if count % step == 0:
                        reader.postings(name, term).all_ids()
    except DAMAGE_ERRORS as exc:
        return repr(exc)
    except Exception as exc:  # whoosh has no single error type for a damaged file
        if not is_read_damage(exc):
            raise
        return repr(exc)
    return None
