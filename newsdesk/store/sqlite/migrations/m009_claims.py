"""Claims (issue 16: who has it): one row per claimed article, its editor and when."""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS claims (
        article_id TEXT PRIMARY KEY,
        editor TEXT NOT NULL,
        ts TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS claims_editor ON claims (editor)",
)
