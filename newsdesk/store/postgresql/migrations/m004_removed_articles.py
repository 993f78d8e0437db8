"""Removed articles leave a tombstone for the index (as SQLite's step 4, `removed_articles`)."""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS removed_articles (
        article_id TEXT PRIMARY KEY,
        rev BIGINT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS removed_articles_rev ON removed_articles (rev)",
)
