"""Check: every article's details (`meta` JSON) can be read.

SQLite's integrity check passes a row whose JSON another tool broke
(`meta = '{not json'`); such a row used to fail `show` and every export that
held it. The store now shows it from its columns; doctor repairs it: the row's
original text goes to a quarantine file beside the database (nothing is lost),
and `meta` is rebuilt from what the row's own columns say.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from newsdesk.atomic import atomic_write_text
from newsdesk.store.sqlite.articles import meta_from_columns, read_meta

if TYPE_CHECKING:
    from newsdesk.doctor.runner import Doctor


def check_rows(doctor: Doctor, writable: bool) -> None:
    db = doctor.paths.database
    if not db.exists() or db.stat().st_size == 0:
        return
    conn = sqlite3.connect(db, timeout=15)
    conn.row_factory = sqlite3.Row
    try:
        bad = [
            row
            for row in conn.execute(
                "SELECT id, title, source, published, url, language, word_count, meta FROM articles"
            )
            if read_meta(row) is None
        ]
        if not bad:
            doctor.report.add("rows", "ok", "every article's details can be read")
            return
        ids = [str(row["id"]) for row in bad]
        if not (doctor.repair and writable):
            why = doctor.unwritable if not writable else "repair was not asked for"
            doctor.report.add(
                "rows",
                "problem",
                f"{len(bad)} articles have unreadable details ({', '.join(ids[:5])}); "
                f"they are shown from their columns; not repaired: {why}",
                articles=ids,
            )
            return
        stamp = doctor.now().strftime("%Y%m%d-%H%M%S")
        quarantine = db.with_name(f"{db.name}.quarantine-{stamp}.jsonl")
        lines = [json.dumps({"id": row["id"], "meta": row["meta"]}) for row in bad]
        atomic_write_text(quarantine, "\n".join(lines) + "\n")
        with conn:
            for row in bad:
                conn.execute(
                    "UPDATE articles SET meta = ? WHERE id = ?",
                    (json.dumps(meta_from_columns(row)), row["id"]),
                )
        doctor.report.add(
            "rows",
            "repaired",
            f"{len(bad)} articles had unreadable details ({', '.join(ids[:5])}); rebuilt "
            f"from their columns, the original text kept in {quarantine}",
            articles=ids,
            quarantine=str(quarantine),
        )
    except sqlite3.Error as exc:
        if not writable:
            # SQLite cannot open its shared-memory file on a full disk: no sign of damage.
            doctor.report.add(
                "rows", "skipped", f"the article rows were not checked: {doctor.unwritable} ({exc})"
            )
        else:
            doctor.report.add("rows", "problem", f"the article rows could not be read: {exc}")
    finally:
        conn.close()
