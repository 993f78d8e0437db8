"""Story members keep the TF-IDF weights of their lede (story recipe 3); older rows work without."""

STATEMENTS = (
    "ALTER TABLE story_member ADD COLUMN IF NOT EXISTS lede_weights BYTEA NOT NULL DEFAULT ''",
)
