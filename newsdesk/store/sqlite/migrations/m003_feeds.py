"""Feed subscriptions and which articles each feed brought (issue 14).

A subscription keeps its fetch state (validators for conditional GET, the
last error, the failure count behind the backoff, when it is due next), so a
fetch that dies half-way leaves each subscription either before or after its
own transaction. `feed_items` links an article to every feed that carried it,
duplicates included: `feed:NAME` finds them all.
"""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS feeds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        tags TEXT NOT NULL DEFAULT '',
        every_s INTEGER NOT NULL,
        full_text INTEGER NOT NULL DEFAULT 0,
        paused INTEGER NOT NULL DEFAULT 0,
        etag TEXT,
        last_modified TEXT,
        last_fetched TEXT,
        last_success TEXT,
        last_error TEXT,
        last_status INTEGER,
        failures INTEGER NOT NULL DEFAULT 0,
        next_due_ts REAL NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS feed_items (
        feed_id INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (feed_id, article_id)
    )""",
    "CREATE INDEX IF NOT EXISTS feed_items_article ON feed_items (article_id)",
)
