"""JSON Lines (one article object a line) and JSON files holding a list of them."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

from newsdesk.ingest.assemble import bounded, extract_article, finish, impose
from newsdesk.ingest.drafts import Draft, Drafted, load_in_one_go
from newsdesk.ingest.fields import EXPLICIT_FIELDS, body_from_mapping, hints_from_mapping
from newsdesk.ingest.limits import MAX_ITEM_CHARS
from newsdesk.ingest.result import Rejected
from newsdesk.model import Extracted


def _whole_list(text: str) -> bool:
    """Whether the document is one JSON list (a ".json" export), not JSON Lines.

    A single-record document that fails to parse is reported as malformed
    JSON; several lines fall back to line-by-line reading, so one bad line
    (which may begin with "[") cannot sink the rest.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.count("\n", 0, len(text.rstrip())) == 0:
            raise Rejected(f"malformed JSON at line {exc.lineno}: {exc.msg}") from exc
        return False
    except RecursionError:
        return False
    return isinstance(data, list)


def _records(text: str, warnings: list[str]) -> Iterator[tuple[str, object]]:
    """(label, decoded value) per record; bad lines become warnings naming the line."""
    stripped = text.lstrip()
    if stripped.startswith("[") and _whole_list(stripped):
        data = json.loads(stripped)
        for index, value in enumerate(data, 1):
            yield f"item {index}", value
        return
    if stripped.startswith("{") and "\n" in stripped.rstrip():
        # One pretty-printed object (a single exported article), not JSON Lines.
        try:
            single = json.loads(stripped)
        except (ValueError, RecursionError):
            single = None
        if isinstance(single, Mapping):
            yield "object", single
            return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield f"line {number}", json.loads(line)
        except json.JSONDecodeError as exc:
            warnings.append(f"line {number}: malformed JSON ({exc.msg}); skipped")
        except RecursionError:
            warnings.append(f"line {number}: JSON nested too deeply; skipped")


def draft_jsonl(text: str) -> Drafted:
    """Each record's stated fields and body, and the problems met reading them, in order."""
    drafted = Drafted("jsonl")
    problems: list[str] = []
    for label, value in _records(text, problems):
        drafted.entries.extend(problems)  # lines skipped before this record
        problems.clear()
        if not isinstance(value, Mapping):
            drafted.entries.append(f"{label}: not an object ({type(value).__name__}); skipped")
            continue
        hints = hints_from_mapping(value, "jsonl")
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
    return finish(meta, "jsonl")


def load_jsonl(text: str, warnings: list[str]) -> list[Extracted]:
    return load_in_one_go(draft_jsonl(text), warnings)
