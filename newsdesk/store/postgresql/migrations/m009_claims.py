"""Claims (issue 16: who has it): one row per claimed article, its editor and when.

The primary key is what makes two editors claiming at once safe: the second
insert waits for the first to commit, then finds the row and takes nothing.
"""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS claims (
        article_id TEXT PRIMARY KEY,
        editor TEXT NOT NULL,
        ts TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS claims_editor ON claims (editor)",
)
