"""Which session wrote each step of the action log.

A session is one open Desk (the app, one CLI command, a `newsdesk watch`).
The app's `u` takes back its own steps (and those from before it opened), not
an import another shell or a watch made while it ran; steps logged before
this column count as from before (empty).
"""

import sqlite3


def apply(tx: sqlite3.Connection) -> None:
    columns = {str(row[1]) for row in tx.execute("PRAGMA table_info(actions)")}
    if "session" not in columns:
        tx.execute("ALTER TABLE actions ADD COLUMN session TEXT NOT NULL DEFAULT ''")
