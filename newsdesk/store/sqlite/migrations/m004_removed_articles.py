"""Removed articles leave a tombstone: their id and the revision of the removal.

The search index catches up by revision (`changed_since`); a removed article
has no row left to be seen, so its tombstone tells the index to drop its
document (`removed_since`). Bringing the article back (undo) lifts it.
"""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS removed_articles (
        article_id TEXT PRIMARY KEY,
        rev INTEGER NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS removed_articles_rev ON removed_articles (rev)",
)
