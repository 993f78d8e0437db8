"""Rules on arrival (issue 18; the same table as SQLite's step 8).

A name, a query and actions, run in `position` order.

`matched_total` counts every article a rule matched on arrival; `matched_today`
those of the local day `matched_day` (it restarts when the day changes).
"""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS rules (
        name TEXT PRIMARY KEY,
        query TEXT NOT NULL,
        actions TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        matched_total INTEGER NOT NULL DEFAULT 0,
        matched_day TEXT NOT NULL DEFAULT '',
        matched_today INTEGER NOT NULL DEFAULT 0
    )""",
)
