"""Undated articles sort at their arrival time again (`isodates.sort_key`).

Step 6 pushed them below every dated article under newest first; what just arrived
without a date (a file dropped into a watched folder, a feed item with no pubDate)
then listed at the bottom, behind months-old copy, where the editor never looks.
Each such row takes its arrival back as its sort key and a new revision, so the
search index, which sorts by its own copy, catches up.
"""

import sqlite3

from newsdesk.isodates import UNDATED_SORT_OFFSET


def apply(tx: sqlite3.Connection) -> None:
    tx.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('rev', '0')")
    top = int(tx.execute("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'rev'").fetchone()[0])
    rows = tx.execute(
        "SELECT id FROM articles WHERE published_ts IS NULL AND sort_ts < 0 ORDER BY rev"
    ).fetchall()
    tx.executemany(
        "UPDATE articles SET sort_ts = sort_ts + ?, rev = ? WHERE id = ?",
        [(UNDATED_SORT_OFFSET, top + n, row[0]) for n, row in enumerate(rows, start=1)],
    )
    tx.execute("UPDATE meta SET value = ? WHERE key = 'rev'", (str(top + len(rows)),))
