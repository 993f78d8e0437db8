"""Action ids: the table the shared desk (PostgreSQL step 12) records each write's id in.

The SQLite file never loses a commit's answer (no connection to break between
the commit and its acknowledgement), so nothing writes here; the table keeps
the two backends' steps and tables alike, so `store migrate` copies either way.
"""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS applied_actions (
        action_id TEXT PRIMARY KEY,
        ts REAL NOT NULL
    )""",
)
