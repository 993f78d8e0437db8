"""CSV tables of articles: one article a row, as newsdesk's own CSV export writes them.

The header names the columns (the export's, or any of the keys JSON Lines
records take: title/headline, body/text, authors, published ...); each row
becomes the same mapping a JSON record would be and goes through the same
drafting. A table with neither a title nor a text column is not articles (a
spreadsheet of contacts, figures) and is refused, rather than read as one
page of text whose headline is the header row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from newsdesk.export.json_csv import FORMULA_START, LIST_SEPARATOR
from newsdesk.ingest.drafts import Drafted, load_in_one_go
from newsdesk.ingest.fields import BODY_KEYS, TITLE_KEYS
from newsdesk.ingest.jsonl import draft_mappings
from newsdesk.ingest.limits import MAX_FILE_BYTES, MAX_FILE_RECORDS
from newsdesk.ingest.result import Rejected
from newsdesk.model import Extracted

#: Columns holding lists, joined by the export's separator.
_LIST_COLUMNS = frozenset({"authors", "tags", "people", "organizations", "places"})
#: Flattened by the export beyond reading back ("text — speaker", a link's URL alone):
#: extraction finds them in the body again.
_LOSSY_COLUMNS = frozenset({"quotes", "links"})
_WIRE_PREFIX = "wire_"
_WIRE_NUMBERS = frozenset({"urgency", "version"})


def _cell(text: str) -> str:
    # The export puts a quote before a cell a spreadsheet would run as a formula, and
    # before one that starts with a quote and a formula sign itself.
    rest = text[1:]
    if text.startswith("'") and (
        rest.startswith(FORMULA_START)
        or (rest.startswith("'") and rest[1:].startswith(FORMULA_START))
    ):
        return rest
    return text


def _wire_value(key: str, text: str) -> object:
    if key in _WIRE_NUMBERS:
        return int(text) if text.isdigit() else None
    if key in ("killed", "withheld"):
        return text.lower() == "true"
    if key == "subjects":
        return [part for part in text.split(LIST_SEPARATOR) if part]
    return text


def _record(row: dict[str, str]) -> dict[str, object]:
    record: dict[str, object] = {}
    wire: dict[str, object] = {}
    for raw_key, raw_value in row.items():
        key = (raw_key or "").strip().lower()
        value = _cell(raw_value or "") if isinstance(raw_value, str) else ""
        if not key or key in _LOSSY_COLUMNS:
            continue
        if key.startswith(_WIRE_PREFIX):
            if value:
                wire[key.removeprefix(_WIRE_PREFIX)] = _wire_value(
                    key.removeprefix(_WIRE_PREFIX), value
                )
            continue
        if key in _LIST_COLUMNS:
            record[key] = [part for part in value.split(LIST_SEPARATOR) if part] or None
        else:
            # An empty cell is a field left blank, as JSON's null.
            record[key] = value or None
    if wire:
        record["wire"] = wire
    return record


#: Separators a spreadsheet may save with: Excel in most of Europe writes semicolons.
_SEPARATORS = (",", ";", "\t", "|")


def _separator(text: str) -> str:
    """The separator the header line uses most (a comma when it holds none)."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _read_columns() -> frozenset[str]:
    from newsdesk.export.json_csv import CSV_COLUMNS
    from newsdesk.ingest.fields import (
        AUTHOR_KEYS,
        DATE_KEYS,
        DEK_KEYS,
        SOURCE_KEYS,
        TAG_KEYS,
        URL_KEYS,
    )

    return frozenset(
        {*CSV_COLUMNS, *TITLE_KEYS, *BODY_KEYS, *AUTHOR_KEYS, *DATE_KEYS, *DEK_KEYS}
        | {*SOURCE_KEYS, *TAG_KEYS, *URL_KEYS, "guid", "html", "lang", "orgs"}
    )


def _rows(text: str, problems: list[str]) -> Iterator[tuple[str, object]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_separator(text))
    names = [(name or "").strip() for name in reader.fieldnames or ()]
    header = {name.lower() for name in names}
    if not header & {*TITLE_KEYS, *BODY_KEYS}:
        raise Rejected(
            "a CSV table without a title or body column: not articles "
            "(newsdesk reads CSV with the columns its own export writes)"
        )
    known = _read_columns()
    unread = [name for name in names if name.lower() not in known]
    if unread:
        # "Story Text" is not "body": said, rather than an article without its text.
        shown = ", ".join(repr(name) if name else "(no name)" for name in unread[:8])
        problems.append(f"columns not read (their cells are left out): {shown}")
    count = 0
    try:
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            count += 1
            if count > MAX_FILE_RECORDS:
                rest = 1 + sum(1 for _ in reader)
                problems.append(
                    f"file has {count - 1 + rest:,} rows; only the first "
                    f"{MAX_FILE_RECORDS:,} are read (split it to import the rest)"
                )
                return
            yield f"row {reader.line_num}", _record(row)
    except csv.Error as exc:
        problems.append(f"line {reader.line_num}: malformed CSV ({exc}); the rest left out")


def draft_csv(text: str) -> Drafted:
    """Each row's stated fields and body, and the problems met reading them, in order."""
    # A cell may hold a whole article: the csv module's default cap is 128 KB a field.
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)
    problems: list[str] = []
    drafted = draft_mappings(_rows(text, problems), problems)
    if not drafted.drafts:
        reason = next((e for e in drafted.entries if isinstance(e, str)), "no rows")
        raise Rejected(f"no articles in this CSV table ({reason})")
    return drafted


def load_csv(text: str, warnings: list[str]) -> list[Extracted]:
    return load_in_one_go(draft_csv(text), warnings)
