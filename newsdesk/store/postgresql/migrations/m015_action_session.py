"""Which session wrote each step of the action log (as SQLite's m014).

The connection says its session (`newsdesk.session`, set at connect), so every
insert into the log takes it without naming it.
"""

STATEMENTS = (
    "ALTER TABLE actions ADD COLUMN IF NOT EXISTS session TEXT NOT NULL "
    "DEFAULT COALESCE(current_setting('newsdesk.session', true), '')",
)
