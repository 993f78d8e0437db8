"""Editors on the shared desk: who did each change, and read state per editor.

`actions.editor` is who made the batch ('' in rows written before). Read or
unread belongs to each editor (`reads`: one row per article an editor has
read); `articles.read` is left as it was and no longer read by this backend.
"""

STATEMENTS = (
    "ALTER TABLE actions ADD COLUMN IF NOT EXISTS editor TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX IF NOT EXISTS actions_editor ON actions (editor, batch)",
    "CREATE INDEX IF NOT EXISTS actions_article ON actions (article_id, batch)",
    """CREATE TABLE IF NOT EXISTS reads (
        article_id TEXT NOT NULL,
        editor TEXT NOT NULL,
        PRIMARY KEY (article_id, editor)
    )""",
)
