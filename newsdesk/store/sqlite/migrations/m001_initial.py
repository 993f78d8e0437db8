"""The first layout: articles with their state columns, origins, tags, the action log, saved searches."""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        source TEXT,
        published TEXT,
        published_ts REAL,
        sort_ts REAL NOT NULL,
        url TEXT,
        guid TEXT,
        language TEXT,
        word_count INTEGER NOT NULL DEFAULT 0,
        body TEXT NOT NULL,
        raw TEXT,
        meta TEXT NOT NULL,
        origin TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        rev INTEGER NOT NULL,
        story_id TEXT,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        exported INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX IF NOT EXISTS articles_sort ON articles (sort_ts DESC)",
    "CREATE INDEX IF NOT EXISTS articles_rev ON articles (rev)",
    "CREATE INDEX IF NOT EXISTS articles_url ON articles (url)",
    "CREATE INDEX IF NOT EXISTS articles_guid ON articles (guid)",
    "CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id)",
    """CREATE TABLE IF NOT EXISTS origins (
        article_id TEXT NOT NULL,
        origin TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (article_id, origin)
    )""",
    """CREATE TABLE IF NOT EXISTS tags (
        article_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
    )""",
    "CREATE INDEX IF NOT EXISTS tags_tag ON tags (tag)",
    """CREATE TABLE IF NOT EXISTS actions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        batch INTEGER NOT NULL,
        ts TEXT NOT NULL,
        kind TEXT NOT NULL,
        article_id TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX IF NOT EXISTS actions_batch ON actions (batch)",
    """CREATE TABLE IF NOT EXISTS saved_searches (
        name TEXT PRIMARY KEY,
        query TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
)
