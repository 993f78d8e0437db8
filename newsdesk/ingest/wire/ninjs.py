"""ninjs (IPTC's news in JSON) 1.x, 2.x and 3.x: one object, a list of them, or one per line.

1.x names things singly (`headline`, `body_text`/`body_html`, `byline`,
`subject`, `description_text`, `$standard`); 2.x uses lists (`headlines`,
`bodies`, `by`, `subjects`, `descriptions`, `standard`); 3.x is 2.x with
camel-case keys, so keys are read without regard to case. Both carry `uri`
(the GUID), `version`, `versioncreated`, `embargoed`, `pubstatus` (usable,
withheld, canceled), `urgency`, `slugline`, `located` and `ednote` (the agency's
note to editors); a `signal` (correction, update) some providers add is read too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from newsdesk.ingest.html_text import html_fragment_to_text
from newsdesk.ingest.limits import MAX_ITEM_CHARS
from newsdesk.ingest.markup import looks_like_html
from newsdesk.ingest.result import Rejected
from newsdesk.ingest.wire.item import (
    agency_note,
    build_item,
    byline_names,
    derive_status,
    parse_version,
)
from newsdesk.isodates import normalise_date
from newsdesk.model import Extracted
from newsdesk.wire import read_embargo, valid_urgency

SUPPORTED_MAJORS = (1, 2, 3)
MAX_WARNINGS = 50
#: Keys only ninjs uses; with `uri`, any of them marks an object as ninjs.
MARKERS = frozenset(
    {
        "headline",
        "headlines",
        "bodies",
        "body_text",
        "body_html",
        "body_xhtml",
        "versioncreated",
        "pubstatus",
        "urgency",
        "embargoed",
        "slugline",
        "located",
        "byline",
        "$standard",
    }
)
_SUMMARY_ROLES = frozenset({"", "summary", "abstract", "teaser", "lead", "main"})


def _folded(value: object) -> dict[str, Any]:
    """A JSON object with lower-case keys (ninjs 3.x writes them in camel case)."""
    if not isinstance(value, Mapping):
        return {}
    return {str(k).lower(): v for k, v in value.items()}


def _standard(record: Mapping[str, Any]) -> dict[str, Any]:
    return _folded(record.get("standard") or record.get("$standard"))


def is_ninjs(value: object) -> bool:
    """An object with a `uri` and a key only ninjs uses, or one declaring the ninjs standard."""
    record = _folded(value)
    if str(_standard(record).get("name", "")).strip().lower() == "ninjs":
        return True
    return isinstance(record.get("uri"), str) and any(key in record for key in MARKERS)


def _first_value(text: str) -> object:
    """The first JSON value of a document: the whole document, or its first line."""
    stripped = text.lstrip()
    try:
        value = json.loads(stripped)
    except (ValueError, RecursionError):
        try:
            value = json.loads(stripped.split("\n", 1)[0])
        except (ValueError, RecursionError):
            return None
    if isinstance(value, list):
        return value[0] if value else None
    return value


def looks_like_ninjs(text: str) -> bool:
    """Whether JSON content is ninjs (the sniffer asks before sending JSON to JSON Lines)."""
    return is_ninjs(_first_value(text))


def _records(text: str, warnings: list[str]) -> Iterator[tuple[str, object]]:
    stripped = text.lstrip()
    try:
        whole = json.loads(stripped)
    except RecursionError:
        raise Rejected("malformed ninjs: JSON nested too deeply") from None
    except ValueError:
        whole = None
    if isinstance(whole, list):
        for number, value in enumerate(whole, 1):
            yield f"item {number}", value
        return
    if isinstance(whole, Mapping):
        yield "", whole
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield f"line {number}", json.loads(line)
        except (ValueError, RecursionError) as exc:
            warnings.append(f"line {number}: malformed JSON ({exc}); skipped")


def load_ninjs(text: str, warnings: list[str]) -> list[Extracted]:
    items: list[Extracted] = []
    problems: list[str] = []
    seen = 0
    for label, value in _records(text, problems):
        seen += 1
        prefix = f"{label}: " if label else ""
        try:
            hints, body = read_record(value, problems, prefix)
        except Rejected as exc:
            if not label:
                raise
            problems.append(f"{prefix}{exc.reason}; skipped")
            continue
        items.append(build_item(hints, body, "ninjs", problems, label))
    warnings.extend(problems[:MAX_WARNINGS])
    if len(problems) > MAX_WARNINGS:
        warnings.append(f"... and {len(problems) - MAX_WARNINGS} more problems")
    if not items:
        reason = problems[0] if problems else "no items"
        raise Rejected(f"no usable ninjs item ({reason})" if seen else "malformed ninjs: no JSON")
    return items


def read_record(value: object, warnings: list[str], prefix: str) -> tuple[Extracted, str]:
    """The hints and body text of one ninjs object; `Rejected` when it is not a usable item."""
    if not isinstance(value, Mapping):
        raise Rejected(f"not a ninjs object ({type(value).__name__})")
    record = _folded(value)
    _check_standard(record)
    uri = record.get("uri")
    if not isinstance(uri, str) or not uri.strip():
        raise Rejected("ninjs item has no uri")
    hints = Extracted(format="ninjs", item_id=uri.strip())
    version = record.get("version")
    hints.version = parse_version(
        version if isinstance(version, str | int) else None, warnings, prefix
    )
    hints.status = derive_status(_text(record.get("pubstatus")), _signals(record), hints.version)
    hints.agency_note = agency_note(_note_texts(record.get("ednote")))
    raw_urgency = record.get("urgency")
    hints.urgency = valid_urgency(raw_urgency)
    if raw_urgency is not None and hints.urgency is None:
        warnings.append(f"{prefix}urgency {str(raw_urgency)[:20]!r} is not 1 to 9; ignored")
    hints.title = _headline(record)
    if not hints.title:
        raise Rejected("ninjs item has no headline")
    hints.embargo_until = read_embargo(_text(record.get("embargoed")), warnings, prefix)
    hints.published = normalise_date(
        _text(record.get("versioncreated"))
        or _text(record.get("firstcreated"))
        or _text(record.get("contentcreated"))
        or None
    )
    hints.slugline = _text(record.get("slugline")) or None
    hints.dateline = _text(record.get("located")) or None
    byline = record.get("by") if "by" in record else record.get("byline")
    hints.authors = byline_names(_byline_texts(byline))
    hints.dek = _description(record)
    hints.subjects = _names(record.get("subjects") or record.get("subject"))
    language = _text(record.get("language"))
    hints.language = language.split("-")[0].lower() or None
    sources = _names(record.get("infosources") or record.get("infosource"))
    hints.source = sources[0] if sources else _text(record.get("copyrightholder")) or None
    body = _body(record)[:MAX_ITEM_CHARS]
    return hints, body


def _signals(record: Mapping[str, Any]) -> set[str]:
    """ "correction", "update" from a `signal`/`signals` some providers add (a code, a
    list of codes or of objects with one: "sig:correction")."""
    value = record.get("signals", record.get("signal"))
    values = value if isinstance(value, list) else [value]
    codes = set()
    for entry in values[:20]:
        code = (
            _text(entry) or _text(_folded(entry).get("code")) or _text(_folded(entry).get("qcode"))
        )
        if code:
            codes.add(code.rsplit(":", 1)[-1].rsplit("/", 1)[-1].lower())
    return codes


def _note_texts(value: object) -> list[str]:
    """`ednote`: a string in the standard; a list of strings or of objects with a `value`
    from some providers."""
    values = value if isinstance(value, list) else [value]
    return [_text(v) or _text(_folded(v).get("value")) for v in values[:20]]


def _check_standard(record: Mapping[str, Any]) -> None:
    standard = _standard(record)
    name = _text(standard.get("name"))
    if name and name.lower() != "ninjs":
        raise Rejected(f"not ninjs: the object declares the standard {name[:40]!r}")
    stated = _text(standard.get("version"))
    if not stated:
        return
    major = stated.split(".", 1)[0]
    if not major.isdigit() or int(major) not in SUPPORTED_MAJORS:
        raise Rejected(f"unsupported ninjs version {stated[:20]!r} (newsdesk reads 1.x to 3.x)")


def _byline_texts(value: object) -> list[str]:
    """`by` is a string in the standard; some providers send a list of names or objects."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [_text(v) or _text(_folded(v).get("name")) for v in value[:50]]
    return []


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _headline(record: Mapping[str, Any]) -> str:
    headlines = record.get("headlines")
    if isinstance(headlines, list):
        entries = [_folded(h) for h in headlines]
        for entry in entries:
            if _text(entry.get("role")).lower() in ("", "main"):
                return _text(entry.get("value"))
        for entry in entries:
            if _text(entry.get("value")):
                return _text(entry.get("value"))
    return _text(record.get("headline"))


def _description(record: Mapping[str, Any]) -> str | None:
    descriptions = record.get("descriptions")
    if isinstance(descriptions, list):
        for entry in (_folded(d) for d in descriptions):
            if _text(entry.get("role")).lower() in _SUMMARY_ROLES and entry.get("value"):
                return _plain(str(entry["value"]), _text(entry.get("contenttype")))
    for key in ("description_text", "description_html", "description_usage"):
        if _text(record.get(key)):
            return _plain(str(record[key]), "html" if key.endswith("html") else "")
    return None


def _plain(value: str, contenttype: str) -> str:
    if "html" in contenttype.lower() or looks_like_html(value):
        return html_fragment_to_text(value)
    return value.strip()


def _body(record: Mapping[str, Any]) -> str:
    """The richest body: marked-up text keeps its paragraphs, so it comes first."""
    candidates: list[tuple[str, str]] = []
    bodies = record.get("bodies")
    if isinstance(bodies, list):
        for entry in (_folded(b) for b in bodies):
            if isinstance(entry.get("value"), str):
                kind = f"{_text(entry.get('contenttype'))} {_text(entry.get('role'))}"
                candidates.append((kind, entry["value"]))
    for key, value in record.items():
        if key.startswith("body_") and isinstance(value, str):
            candidates.append((key, value))
    if not candidates:
        return ""
    marked = [c for c in candidates if "html" in c[0].lower() or "rich" in c[0].lower()]
    kind, value = (marked or candidates)[0]
    return _plain(value, "html" if marked else kind)


def _names(value: object) -> list[str]:
    """Names from a list of concept objects (`name`, else `literal`, `code` or `uri`)."""
    if not isinstance(value, list):
        return []
    names: list[str] = []
    for entry in (_folded(v) for v in value[:200]):
        name = (
            _text(entry.get("name"))
            or _text(entry.get("literal"))
            or _text(entry.get("code"))
            or _text(entry.get("uri"))
        )
        if name:
            names.append(name)
    return names
