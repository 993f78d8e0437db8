"""Undoing one batch of the action log without undoing anybody else's work.

A batch holds each article's marks before and after. On a desk several
editors share, other changes may have come since: undo takes back only what
this batch changed and what still reads as this batch left it, field by
field and tag by tag. With nobody else writing, that is the whole "before".
"""

from __future__ import annotations

from typing import Any

from newsdesk.store.protocol import STATE_FIELDS

#: Every mark a batch records: the flags, the note, the tags.
_FIELDS = (*STATE_FIELDS, "note")


def undone(before: dict[str, Any], after: dict[str, Any], now: dict[str, Any]) -> dict[str, Any]:
    """The marks `now` with this batch's own change (`before` -> `after`) taken back."""
    result = dict(now)
    for name in _FIELDS:
        if (
            name in before
            and before.get(name) != after.get(name)
            and now.get(name) == after.get(name)
        ):
            result[name] = before[name]
    added = set(after.get("tags", ())) - set(before.get("tags", ()))
    removed = set(before.get("tags", ())) - set(after.get("tags", ()))
    result["tags"] = sorted((set(now.get("tags", ())) - added) | removed)
    return result
