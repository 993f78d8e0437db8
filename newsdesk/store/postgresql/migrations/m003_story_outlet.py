"""Story members keep their outlet (story recipe 4: one report per outlet); older rows have none."""

STATEMENTS = ("ALTER TABLE story_member ADD COLUMN IF NOT EXISTS outlet BYTEA NOT NULL DEFAULT ''",)
