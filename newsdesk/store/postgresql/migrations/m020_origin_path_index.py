"""Which article a file made is read by the file's path (as SQLite's step 19): an
index on `origins.origin` instead of a scan of every origin."""

STATEMENTS = ("CREATE INDEX IF NOT EXISTS origins_origin ON origins (origin)",)
