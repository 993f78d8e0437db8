"""Rules can be switched off without losing them (issue 18: the rules screen's enable).

A disabled rule keeps its place and counts but is passed over on arrival and
by `rules apply` without names.
"""

STATEMENTS = ("ALTER TABLE rules ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1",)
