"""When a server asked not to be asked again (`feeds.retry_until_ts`, 429/503 Retry-After).

`fetch --all` and the app's `R` hold back only a feed whose server said when to come
back and that time has not come; a plain 503 is a failure like any other (backed off by
the schedule, fetched when asked). Before this column the hold was read from the status
alone, so every 503 held its feed. A feed whose last error quotes a wait keeps it.
"""

import sqlite3


def apply(tx: sqlite3.Connection) -> None:
    columns = {str(row[1]) for row in tx.execute("PRAGMA table_info(feeds)")}
    if "retry_until_ts" not in columns:
        tx.execute("ALTER TABLE feeds ADD COLUMN retry_until_ts REAL NOT NULL DEFAULT 0")
    tx.execute(
        "UPDATE feeds SET retry_until_ts = next_due_ts WHERE last_status IN (429, 503) "
        "AND last_error LIKE '%asks to wait%'"
    )
