"""Which feed told an article, and what a removed article was called.

`articles.told_by` is the subscription whose telling the article holds: only
that feed re-telling the same GUID (or, for an item without one, the same
link) is a correction; another feed listing the GUID is another telling and
never overwrites it. Articles fetched before this step take the first feed
linked to them. A tombstone (`removed_articles`) keeps the removed article's
GUID, link and feed, so an item the editor deleted stays deleted when its
feed tells it again in other words (a new text is a new id). `feeds.auto_name`:
the feed was named after its address (no name given), so it takes its own title
at its first items; feeds subscribed before keep their names.
"""

import sqlite3


def apply(tx: sqlite3.Connection) -> None:
    articles = {str(row[1]) for row in tx.execute("PRAGMA table_info(articles)")}
    if "told_by" not in articles:
        tx.execute("ALTER TABLE articles ADD COLUMN told_by INTEGER")
    tx.execute(
        "UPDATE articles SET told_by = (SELECT MIN(feed_id) FROM feed_items fi "
        "WHERE fi.article_id = articles.id) WHERE told_by IS NULL"
    )
    removed = {str(row[1]) for row in tx.execute("PRAGMA table_info(removed_articles)")}
    for column, kind in (("guid", "TEXT"), ("url", "TEXT"), ("told_by", "INTEGER")):
        if column not in removed:
            tx.execute(f"ALTER TABLE removed_articles ADD COLUMN {column} {kind}")
    tx.execute("CREATE INDEX IF NOT EXISTS removed_articles_guid ON removed_articles (guid)")
    tx.execute("CREATE INDEX IF NOT EXISTS removed_articles_url ON removed_articles (url)")
    feeds = {str(row[1]) for row in tx.execute("PRAGMA table_info(feeds)")}
    if "auto_name" not in feeds:
        tx.execute("ALTER TABLE feeds ADD COLUMN auto_name INTEGER NOT NULL DEFAULT 0")
