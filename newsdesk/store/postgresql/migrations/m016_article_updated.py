"""When a feed last corrected an article in place (as SQLite's m015)."""

STATEMENTS = ("ALTER TABLE articles ADD COLUMN IF NOT EXISTS updated_at TEXT",)
