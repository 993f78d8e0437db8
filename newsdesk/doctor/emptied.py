"""A store emptied under its index: a zero-byte database file, or one with no articles,
while the search index (or, with no index, the import log) says articles were there.

Opening such a store set up an empty desk and wiped the index as "ahead of the
database" (doctor called it healthy): the index is the evidence of what was lost,
so doctor and the commands refuse instead, and say what the editor can do.
Nothing here writes; the file is read read-only, the index without its store.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from newsdesk.paths import Paths
from newsdesk.sanitize import display


def emptied_store(paths: Paths) -> str | None:
    """What says the store at `paths.database` was emptied under its index, or None."""
    db = paths.database
    try:
        size = db.stat().st_size
    except OSError:
        return None  # no database: a new desk (a missing file is not this check's)
    if size == 0:
        articles, rev = 0, 0
    else:
        found = _articles_and_rev(db)
        if found is None:
            return None  # unreadable: the integrity check says that, not this one
        articles, rev = found
    if articles:
        return None
    indexed_rev = _indexed_rev(paths.index_dir)
    if indexed_rev is None:
        imported = _imported(paths.data_dir)
        if imported and rev == 0:
            return f"the import log records {imported:,} articles imported"
        return None
    # An index built at the store's revision or a later one still holding documents: the
    # store was replaced, or its rows deleted outside newsdesk (a delete here moves the
    # revision past the index's until the index catches up).
    documents = _documents(paths.index_dir)
    if indexed_rev >= rev and documents:
        return f"the search index holds {documents:,} articles"
    return None


def emptied_message(paths: Paths, evidence: str) -> str:
    """The problem in the editor's words: what happened and what they can do."""
    db = paths.database
    what = "is empty (zero bytes)" if _size(db) == 0 else "holds no articles"
    return (
        f"the database {display(str(db), name=True)} {what}, but {evidence}: it was emptied "
        "or replaced outside newsdesk"
        + (". The search index was left as it is" if "index" in evidence else "")
        + ". Restore the database from a backup if you have one; to start again with an "
        "empty desk, run `newsdesk reindex`"
    )


def _size(db: Path) -> int:
    try:
        return db.stat().st_size
    except OSError:
        return -1


def _articles_and_rev(db: Path) -> tuple[int, int] | None:
    try:
        conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True, timeout=15)
    except sqlite3.Error:
        return None
    try:
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master")}
        if "articles" not in tables:
            return 0, 0  # a file with no schema yet: as empty as a zero-byte one
        # Whether any is there, not how many: the app asks this at every start.
        articles = int(conn.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()[0])
        rev = 0
        if "meta" in tables:
            row = conn.execute("SELECT value FROM meta WHERE key = 'rev'").fetchone()
            rev = int(row[0]) if row else 0
        return articles, rev
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()


def _indexed_rev(index_dir: Path) -> int | None:
    from newsdesk.search.index import VERSION_FILE

    try:
        data = json.loads((index_dir / VERSION_FILE).read_text(encoding="utf-8"))
        return int(data["indexed_rev"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _documents(index_dir: Path) -> int:
    """Documents in the index (0 when it cannot be read: then it proves nothing)."""
    from whoosh import index as whoosh_index

    from newsdesk.search.index import DAMAGE_ERRORS, INDEX_NAME

    try:
        ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME, readonly=True)
    except (*DAMAGE_ERRORS, OSError):  # type: ignore[misc]
        return 0
    try:
        return int(ix.doc_count())
    except (*DAMAGE_ERRORS, OSError):  # type: ignore[misc]
        return 0
    finally:
        with contextlib.suppress(Exception):
            ix.close()


def _imported(data_dir: Path) -> int:
    from newsdesk.import_log import recent

    return sum(record.imported for record in recent(data_dir))
