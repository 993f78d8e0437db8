"""Which article a file made is read by the file's path (`made_from`, asked by a watch
for every batch it did not import itself): an index on `origins.origin` instead of a
scan of every origin (the primary key leads with the article, not the path)."""

STATEMENTS = ("CREATE INDEX IF NOT EXISTS origins_origin ON origins (origin)",)
