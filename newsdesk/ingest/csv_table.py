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
import re
from collections.abc import Iterator, Mapping

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
#: What separates tags in one cell: the export's "; ", and commas.
_TAG_SEPARATORS = re.compile(r"[;,]")
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


def _record(row: Mapping[str | None, str | list[str] | None]) -> dict[str, object]:
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
        if key == "tags":
            # A tags cell typed by hand ("a,b;c") lists them as any list is written.
            tags = [part.strip() for part in _TAG_SEPARATORS.split(value)]
            record[key] = [tag for tag in tags if tag] or None
        elif key in _LIST_COLUMNS:
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


class _Lines:
    """The table's physical lines handed to `csv.reader` one at a time, counted: a row
    is known by the lines it was read from, and reading starts again after a line."""

    def __init__(self, text: str) -> None:
        self.lines = io.StringIO(text, newline="").readlines()
        #: Lines handed out so far (the next row starts at this index).
        self.at = 0

    def reader(self, start: int, delimiter: str) -> Iterator[list[str]]:
        self.at = start  # now, not at the first read: the next row starts here

        def source() -> Iterator[str]:
            while self.at < len(self.lines):
                self.at += 1
                yield self.lines[self.at - 1]

        return csv.reader(source(), delimiter=delimiter)


def _looks_like_rows(lines: list[str], delimiter: str, width: int) -> bool:
    """Whether lines a quoted cell swallowed are rows of the table themselves (most of
    them read as `width` cells, and no blank line between them) rather than paragraphs
    of one long cell."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]  # blank lines that end the file
    shown = [line for line in lines if line.strip()]
    if not shown or len(shown) < len(lines):
        return False
    whole = sum(1 for row in csv.reader(shown, delimiter=delimiter) if len(row) == width)
    return whole * 2 >= len(shown)


def _unclosed(spans: list[str], delimiter: str) -> bool:
    """Whether a row read from several lines holds a quote that never closes: an odd
    number of them, or a quoted cell closed by the next stray quote and run on into
    what follows it (strict reading refuses that; a cell of paragraphs reads whole)."""
    if "".join(spans).count('"') % 2:
        return True
    try:
        for _ in csv.reader(spans, delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return True
    return False


def _as_it_stands(line: str, delimiter: str) -> list[str]:
    """A line whose quote never closes read with its quotes as plain characters, the
    stray one at a cell's start dropped."""
    (row,) = csv.reader([line.rstrip("\n")], delimiter=delimiter, quoting=csv.QUOTE_NONE)
    return [cell[1:] if cell.startswith('"') and cell.count('"') % 2 else cell for cell in row]


def _rows(text: str, problems: list[str]) -> Iterator[tuple[str, object]]:
    delimiter = _separator(text)
    source = _Lines(text)
    reader = source.reader(0, delimiter)
    fieldnames = next(reader, [])
    names = [(name or "").strip() for name in fieldnames]
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
    while True:
        first = source.at
        try:
            row = next(reader, None)
        except csv.Error as exc:
            problems.append(f"line {source.at}: malformed CSV ({exc}); the rest left out")
            return
        if row is None:
            return
        spans = source.lines[first : source.at]
        if len(spans) > 1 and _unclosed(spans, delimiter):
            # A quote that never closes swallowed every row after it into one cell
            # ("imported 1", an article with no text): its line is read as it stands
            # and the table read again from the next line.
            if _looks_like_rows(spans[1:], delimiter, len(fieldnames)):
                problems.append(
                    f"line {first + 1}: a quote that never closes; the line is read "
                    "with its quotes as they stand"
                )
                row = _as_it_stands(spans[0], delimiter)
                reader = source.reader(first + 1, delimiter)
            else:
                problems.append(
                    f"line {first + 1}: a quote that never closes; its cell runs to the "
                    "end of the file"
                )
        if not any(cell.strip() for cell in row):
            continue
        count += 1
        if count > MAX_FILE_RECORDS:
            rest = 1 + sum(1 for _ in reader)
            problems.append(
                f"file has {count - 1 + rest:,} rows; only the first "
                f"{MAX_FILE_RECORDS:,} are read (split it to import the rest)"
            )
            return
        record: dict[str | None, str | list[str] | None] = dict(
            zip(fieldnames, row[: len(fieldnames)], strict=False)
        )
        for missing in fieldnames[len(row) :]:
            record.setdefault(missing, None)
        yield f"row {source.at}", _record(record)


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
