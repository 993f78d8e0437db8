"""When a feed last corrected an article in place (`articles.updated_at`, ISO UTC).

The inbox row says "updated" before the headline, the detail pane and `show`
say when: the editor sees that text they may have read or exported changed.
"""

import sqlite3


def apply(tx: sqlite3.Connection) -> None:
    columns = {str(row[1]) for row in tx.execute("PRAGMA table_info(articles)")}
    if "updated_at" not in columns:
        tx.execute("ALTER TABLE articles ADD COLUMN updated_at TEXT")
