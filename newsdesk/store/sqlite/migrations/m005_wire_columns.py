"""Wire fields as columns (issue 15 items 3-5), so the store answers them.

`urgency:<=3`, `is:urgent`, `slug:`, `subject:`, `is:embargoed`,
`is:killed`, `is:corrected` and the urgency sort are store conditions, always
current like the other state. `superseded` keeps an item's earlier versions
out of the inbox (they stay stored and reachable); `killed` marks every
version of an item some version of which was killed or withheld. Existing
wire copy is filled in from each article's stored metadata and its versions
settled the same way an import settles them.
"""

from __future__ import annotations

import json
import sqlite3

from newsdesk.model import Extracted
from newsdesk.wire import wire_columns

#: Column -> its SQL type. Added only where missing (SQLite has no ADD COLUMN IF
#: NOT EXISTS), so a store stamped with an older version upgrades again cleanly.
COLUMNS = {
    "item_id": "TEXT",
    "wire_version": "INTEGER",
    "urgency": "INTEGER",
    "embargo_ts": "REAL",
    "wire_status": "TEXT",
    "slugline": "TEXT",
    "subjects": "TEXT",
    "killed": "INTEGER NOT NULL DEFAULT 0",
    "superseded": "INTEGER NOT NULL DEFAULT 0",
}
INDEXES = (
    "CREATE INDEX IF NOT EXISTS articles_item ON articles (item_id) WHERE item_id IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS articles_urgency ON articles (urgency) WHERE urgency IS NOT NULL",
    # The few superseded versions, for the inbox's "everything else" mask.
    "CREATE INDEX IF NOT EXISTS articles_superseded ON articles (id) WHERE superseded = 1",
)


def apply(tx: sqlite3.Connection) -> None:
    from newsdesk.store.sqlite.wire import settle_versions, write_wire_columns

    present = {str(r[1]) for r in tx.execute("PRAGMA table_info(articles)")}
    for name, kind in COLUMNS.items():
        if name not in present:
            tx.execute(f"ALTER TABLE articles ADD COLUMN {name} {kind}")
    for statement in INDEXES:
        tx.execute(statement)
    found = tx.execute(
        "SELECT id, meta FROM articles WHERE json_extract(meta, '$.item_id') IS NOT NULL "
        "OR json_extract(meta, '$.urgency') IS NOT NULL "
        "OR json_extract(meta, '$.status') IS NOT NULL"
    ).fetchall()
    items: set[str] = set()
    for row in found:
        meta = Extracted.from_dict({**json.loads(row[1]), "body": ""})
        write_wire_columns(tx, str(row[0]), wire_columns(meta))
        if meta.item_id:
            items.add(meta.item_id)
    for item_id in sorted(items):
        settle_versions(tx, item_id)
