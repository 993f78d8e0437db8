"""Which feed told an article, and what a removed article was called (SQLite's step 13).

`articles.told_by` is the subscription whose telling the article holds: only
that feed re-telling the same GUID (or link) is a correction. A tombstone keeps
the removed article's GUID, link and feed, so a deleted item stays deleted when
its feed tells it again in other words. `feeds.auto_name`: named after its address,
so it takes its own title at its first items.
"""

STATEMENTS = (
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS told_by BIGINT",
    "UPDATE articles SET told_by = (SELECT MIN(feed_id) FROM feed_items fi "
    "WHERE fi.article_id = articles.id) WHERE told_by IS NULL",
    "ALTER TABLE removed_articles ADD COLUMN IF NOT EXISTS guid TEXT",
    "ALTER TABLE removed_articles ADD COLUMN IF NOT EXISTS url TEXT",
    "ALTER TABLE removed_articles ADD COLUMN IF NOT EXISTS told_by BIGINT",
    "CREATE INDEX IF NOT EXISTS removed_articles_guid ON removed_articles (guid)",
    "CREATE INDEX IF NOT EXISTS removed_articles_url ON removed_articles (url)",
    "ALTER TABLE feeds ADD COLUMN IF NOT EXISTS auto_name INTEGER NOT NULL DEFAULT 0",
)
