"""Rules can be switched off without losing them (the same column as SQLite's step 10).

A disabled rule keeps its place and counts but is passed over on arrival and
by `rules apply` without names.
"""

STATEMENTS = ("ALTER TABLE rules ADD COLUMN IF NOT EXISTS enabled BOOLEAN NOT NULL DEFAULT TRUE",)
