"""JSON Lines (one article object a line) and JSON files holding a list of them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice

from newsdesk.ingest.assemble import bounded, extract_article, finish, impose
from newsdesk.ingest.drafts import Draft, Drafted, load_in_one_go
from newsdesk.ingest.fields import (
    EXPLICIT_FIELDS,
    body_from_mapping,
    field_problems,
    hints_from_mapping,
    keep_stated_empties,
)
from newsdesk.ingest.limits import MAX_FILE_RECORDS, MAX_ITEM_CHARS
from newsdesk.ingest.result import Rejected
from newsdesk.model import Extracted

_SPACE = re.compile(r"[ \t\n\r]*")


def _skip_space(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _list_items(text: str, limit: int, lines_before: int) -> tuple[list[object], int] | None:
    """The first `limit` values of a document that is one JSON list, and how many it
    holds; None when it is not one (then it is read line by line).

    Read one value at a time, and values past `limit` are dropped as soon as they
    are read: `json.loads` of a 32 MB list held every record at once.
    """
    decoder = json.JSONDecoder()
    kept: list[object] = []
    count = 0
    at = _skip_space(text, 1)
    try:
        if text.startswith("]", at):
            at += 1
        else:
            while True:
                value, at = decoder.raw_decode(text, at)
                count += 1
                if count <= limit:
                    kept.append(value)
                at = _skip_space(text, at)
                if text.startswith(",", at):
                    at = _skip_space(text, at + 1)
                    continue
                if text.startswith("]", at):
                    at += 1
                    break
                raise json.JSONDecodeError("expected ',' or ']'", text, at)
    except RecursionError as exc:
        if "\n" not in text.rstrip():
            raise Rejected("malformed JSON at line 1: nested too deeply") from exc
        return None
    except json.JSONDecodeError as exc:
        if _line_by_line(text):
            return None
        # A list spread over lines is one document: its lines read alone are no records.
        raise Rejected(malformed(exc, lines_before)) from exc
    if text[at:].strip():
        if _line_by_line(text):
            return None
        raise Rejected(malformed(json.JSONDecodeError("Extra data", text, at), lines_before))
    return kept, count


#: Lines from the top among which one JSON Lines record read alone says the file is JSON Lines.
_FIRST_LINES = 5


def _line_by_line(text: str) -> bool:
    """Whether a document that does not parse whole is JSON Lines, a record a line and one
    of them broken, rather than one list or object spread over lines and broken somewhere.

    It is when its first line is a value by itself, or when an object opens it and one of
    the first few lines is a record by itself or line 2 opens one: a pretty-printed
    object's line 2 is one of its members. A file whose first line is the bad one was
    refused whole, its good records with it.
    """
    first, _, rest = text.partition("\n")
    if not rest or rest.isspace():
        return False
    if _alone(first):
        return True
    if not text.startswith("{") or first.strip() == "{":
        return False  # a list's items are no records, nor a lone "{"'s lines
    lines = [line for _, line in islice(_lines(rest), _FIRST_LINES) if line.strip()]
    return bool(lines) and (lines[0].startswith("{") or any(_alone(line, dict) for line in lines))


def _alone(line: str, kind: type = object) -> bool:
    """Whether a line holds a JSON value (of `kind`) by itself."""
    try:
        return isinstance(json.loads(line), kind)
    except (ValueError, RecursionError):
        return False


def malformed(exc: json.JSONDecodeError, lines_before: int = 0) -> str:
    """Where JSON broke and why, as a reason the user can find in the file."""
    return f"malformed JSON at line {exc.lineno + lines_before} column {exc.colno}: {exc.msg}"


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(number, line) of each line, without a list of them all (JSON Lines ends
    lines with \\n only: U+2028 may stand inside a JSON string)."""
    start, number = 0, 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        number += 1
        yield number, text[start:end].removesuffix("\r")
        start = end + 1


def _records(text: str, warnings: list[str]) -> Iterator[tuple[str, object]]:
    """(label, decoded value) per record, at most MAX_FILE_RECORDS; bad lines become
    warnings naming the line, and a longer file says what was left out."""
    stripped = text.lstrip()
    skipped = text[: len(text) - len(stripped)].count("\n")
    if stripped.startswith("["):
        listed = _list_items(stripped, MAX_FILE_RECORDS, skipped)
        if listed is not None:
            values, count = listed
            if count > MAX_FILE_RECORDS:
                warnings.append(_capped(count, "items"))
            for index, value in enumerate(values, 1):
                yield f"item {index}", value
            return
    if stripped.startswith("{") and "\n" in stripped.rstrip():
        # One pretty-printed object (a single exported article), not JSON Lines.
        try:
            single = json.loads(stripped)
        except json.JSONDecodeError as exc:
            if not _line_by_line(stripped):
                raise Rejected(malformed(exc, skipped)) from exc
            single = None
        except RecursionError:
            single = None
        if isinstance(single, Mapping):
            yield "object", single
            return
    records = 0
    lines = _lines(text)
    for number, line in lines:
        if not line.strip():
            continue
        if records == MAX_FILE_RECORDS:
            rest = 1 + sum(1 for _, more in lines if more.strip())
            warnings.append(_capped(records + rest, "lines"))
            return
        records += 1
        try:
            yield f"line {number}", json.loads(line)
        except json.JSONDecodeError as exc:
            warnings.append(
                f"line {number}: malformed JSON ({exc.msg} at column {exc.colno}); skipped"
            )
        except RecursionError:
            warnings.append(f"line {number}: JSON nested too deeply; skipped")


def _capped(count: int, what: str) -> str:
    return (
        f"file has {count:,} {what}; only the first {MAX_FILE_RECORDS:,} are read "
        "(split it to import the rest)"
    )


def draft_jsonl(text: str) -> Drafted:
    """Each record's stated fields and body, and the problems met reading them, in order."""
    problems: list[str] = []
    return draft_mappings(_records(text, problems), problems)


def draft_mappings(records: Iterable[tuple[str, object]], problems: list[str]) -> Drafted:
    """Drafts from (label, record) pairs of any tabular format (JSON, CSV); `problems` is
    where the reader of `records` puts what it skipped, each said before the next record."""
    drafted = Drafted("jsonl")
    for label, value in records:
        drafted.entries.extend(problems)  # lines skipped before this record
        problems.clear()
        if not isinstance(value, Mapping):
            drafted.entries.append(f"{label}: not an object ({type(value).__name__}); skipped")
            continue
        hints = hints_from_mapping(value, "jsonl")
        drafted.entries.extend(f"{label}: {said}" for said in field_problems(value, hints))
        body = bounded(body_from_mapping(value), MAX_ITEM_CHARS, problems, f"{label}: body")
        drafted.entries.extend(problems)
        problems.clear()
        if not hints.title and not body.strip():
            drafted.entries.append(f"{label}: no title and no text; skipped")
            continue
        drafted.entries.append(Draft(label, hints, body))
    drafted.entries.extend(problems)
    return drafted


def finish_record(draft: Draft, problems: list[str]) -> Extracted:
    """One record extracted; what it states explicitly wins over extraction."""
    meta = extract_article(draft.body, draft.hints, problems, draft.label, text_is_article=True)
    impose(meta, draft.hints, EXPLICIT_FIELDS)
    keep_stated_empties(meta, draft.hints)
    return finish(meta, "jsonl")


def load_jsonl(text: str, warnings: list[str]) -> list[Extracted]:
    return load_in_one_go(draft_jsonl(text), warnings)
