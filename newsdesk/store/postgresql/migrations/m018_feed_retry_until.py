"""When a server asked not to be asked again (as SQLite's m017)."""

STATEMENTS = (
    "ALTER TABLE feeds ADD COLUMN IF NOT EXISTS retry_until_ts DOUBLE PRECISION NOT NULL DEFAULT 0",
    "UPDATE feeds SET retry_until_ts = next_due_ts WHERE last_status IN (429, 503) "
    "AND last_error LIKE '%asks to wait%'",
)
