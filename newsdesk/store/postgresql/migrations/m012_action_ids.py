"""Action ids (issue 16 item 5): each write transaction records a fresh id in its own commit.

When the connection breaks while a change is being committed, the writer
cannot tell from its side whether the server committed it. It reconnects and
looks its id up here: found, the change is done (and is not made again); not
found, nothing changed. Ids are only needed for those moments, so rows older
than an hour are dropped as writes go.
"""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS applied_actions (
        action_id TEXT PRIMARY KEY,
        ts DOUBLE PRECISION NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS applied_actions_ts ON applied_actions (ts)",
)
