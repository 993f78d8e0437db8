"""Undo and history read only batches not yet undone (issue 17: a bounded action log), on PostgreSQL.

Partial indexes over those rows alone, so finding an editor's newest open
batch or the newest open batches costs the same with 400,000 rows in the log
as with 400, however many undone rows lie on top.
"""

STATEMENTS = (
    "CREATE INDEX IF NOT EXISTS actions_open ON actions (editor, batch) WHERE undone = 0",
    "CREATE INDEX IF NOT EXISTS actions_open_batch ON actions (batch) WHERE undone = 0",
)
