"""JSON and CSV exports, both straight from export records (for scripts and spreadsheets)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from newsdesk.export.record import RECORD_FIELDS
from newsdesk.wire import WIRE_FIELDS

__all__ = [
    "CSV_COLUMNS",
    "FORMULA_START",
    "LIST_SEPARATOR",
    "csv_cell",
    "render_csv",
    "render_json",
]

#: Joins list fields (authors, tags, people ...) inside one CSV cell.
LIST_SEPARATOR = "; "

#: CSV columns: every record field, then the wire fields (empty for web pages).
CSV_COLUMNS: tuple[str, ...] = RECORD_FIELDS + tuple(f"wire_{key}" for key in WIRE_FIELDS)

# A cell starting with one of these is run as a formula by spreadsheet programs
# (CSV injection); article text is untrusted, so such cells get a leading quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_json(records: list[dict[str, Any]]) -> str:
    """A JSON array of records, UTF-8 text kept readable, newline-terminated."""
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _flatten(key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if key == "quotes":
        return LIST_SEPARATOR.join(
            f"{q['text']} — {q['speaker']}" if q.get("speaker") else q["text"] for q in value
        )
    if key == "links":
        return LIST_SEPARATOR.join(link["url"] or link["title"] for link in value)
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def csv_cell(key: str, value: Any) -> str:
    """One record value as CSV cell text (lists joined, formulas defused)."""
    text = _flatten(key, value)
    # A cell that really starts with "'=" gets its quote doubled: the importer (and a
    # spreadsheet) takes one quote off a defused cell.
    defused = text.startswith("'") and text[1:].startswith(FORMULA_START)
    if isinstance(value, str | list) and (text.startswith(FORMULA_START) or defused):
        return "'" + text
    return text


def render_csv(records: list[dict[str, Any]]) -> str:
    """A header row of CSV_COLUMNS, then one row per record (RFC 4180, CRLF)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        wire = record.get("wire") or {}
        cells = [csv_cell(key, record.get(key)) for key in RECORD_FIELDS]
        cells += [csv_cell(key, wire.get(key)) for key in WIRE_FIELDS]
        writer.writerow(cells)
    return out.getvalue()
