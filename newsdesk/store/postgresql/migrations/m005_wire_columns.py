"""Wire fields as columns (issue 15 items 3-5): the same as SQLite's step 5.

Existing wire copy is filled in from each article's stored metadata and its
versions settled the same way an import settles them.
"""

from __future__ import annotations

import json
from typing import Any

from newsdesk.model import Extracted
from newsdesk.wire import wire_columns

STATEMENTS = (
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS item_id TEXT",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS wire_version INTEGER",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS urgency INTEGER",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS embargo_ts DOUBLE PRECISION",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS wire_status TEXT",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS slugline TEXT",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS subjects TEXT",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS killed INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS superseded INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX IF NOT EXISTS articles_item ON articles (item_id) WHERE item_id IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS articles_urgency ON articles (urgency) WHERE urgency IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS articles_superseded ON articles (id) WHERE superseded = 1",
)


def apply(tx: Any) -> None:
    from newsdesk.store.postgresql.wire import settle_versions, write_wire_columns

    found = tx.execute(
        "SELECT id, meta FROM articles WHERE (meta::jsonb ->> 'item_id') IS NOT NULL "
        "OR (meta::jsonb ->> 'urgency') IS NOT NULL OR (meta::jsonb ->> 'status') IS NOT NULL"
    ).fetchall()
    items: set[str] = set()
    for row in found:
        meta = Extracted.from_dict({**json.loads(row["meta"]), "body": ""})
        write_wire_columns(tx, str(row["id"]), wire_columns(meta))
        if meta.item_id:
            items.add(meta.item_id)
    for item_id in sorted(items):
        settle_versions(tx, item_id)
