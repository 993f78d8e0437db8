"""Undated articles sort after every dated one under newest-first (issue 13 item 8).

Their `sort_ts` was their arrival time, so a file without a date went to the
top of the inbox and of every newest-first search. It becomes the arrival
pushed below every date (`isodates.sort_key`), and each such row takes a new
revision so the search index, which sorts by its own copy, catches up.
"""

import sqlite3

from newsdesk.isodates import UNDATED_SORT_OFFSET

STATEMENTS = ()


def apply(tx: sqlite3.Connection) -> None:
    tx.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('rev', '0')")
    top = int(tx.execute("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'rev'").fetchone()[0])
    rows = tx.execute(
        "SELECT id FROM articles WHERE published_ts IS NULL AND sort_ts > 0 ORDER BY rev"
    ).fetchall()
    tx.executemany(
        "UPDATE articles SET sort_ts = sort_ts - ?, rev = ? WHERE id = ?",
        [(UNDATED_SORT_OFFSET, top + n, row[0]) for n, row in enumerate(rows, start=1)],
    )
    tx.execute("UPDATE meta SET value = ? WHERE key = 'rev'", (str(top + len(rows)),))
