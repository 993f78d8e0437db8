"""The action log records who did each change (issue 16: editors); older rows have ''."""

import sqlite3

STATEMENTS = ("CREATE INDEX IF NOT EXISTS actions_article ON actions (article_id, batch)",)


def apply(tx: sqlite3.Connection) -> None:
    # SQLite has no ADD COLUMN IF NOT EXISTS; a step may run again over its own result.
    columns = {str(row[1]) for row in tx.execute("PRAGMA table_info(actions)")}
    if "editor" not in columns:
        tx.execute("ALTER TABLE actions ADD COLUMN editor TEXT NOT NULL DEFAULT ''")
    tx.execute("CREATE INDEX IF NOT EXISTS actions_editor ON actions (editor, batch)")
