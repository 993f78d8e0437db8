"""Undoing one batch of the action log without undoing anybody else's work.

A batch holds each article's marks before and after. On a desk several
editors share, other changes may have come since: undo takes back only what
this batch changed and what still reads as this batch left it, field by
field and tag by tag. With nobody else writing, that is the whole "before".
"""

from __future__ import annotations

import json
from typing import Any

from newsdesk.store.protocol import STATE_FIELDS

#: Every mark a batch records: the flags, the note, the tags.
_FIELDS = (*STATE_FIELDS, "note")


def undone(
    before: dict[str, Any],
    after: dict[str, Any],
    now: dict[str, Any],
    since: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The marks `now` with this batch's own change (`before` -> `after`) taken back,
    except the marks other editors changed since (`since`, from `changed_marks`): a
    value that reads as this batch left it may be theirs (unstarred, then starred again)."""
    result = dict(now)
    for name in _FIELDS:
        if (
            name in before
            and name not in since
            and before.get(name) != after.get(name)
            and now.get(name) == after.get(name)
        ):
            result[name] = before[name]
    theirs = {mark[4:] for mark in since if mark.startswith("tag:")}
    added = set(after.get("tags", ())) - set(before.get("tags", ())) - theirs
    removed = set(before.get("tags", ())) - set(after.get("tags", ())) - theirs
    result["tags"] = sorted((set(now.get("tags", ())) - added) | removed)
    return result


def changed_marks(rows: list[tuple[str, str]], *, shared_read: bool = True) -> frozenset[str]:
    """The marks later log rows changed (their `before`, `after` as stored): field names,
    and "tag:NAME" for each tag put on or taken off. `shared_read` False: the read flag is
    each editor's own (a shared desk), so another editor's reading changes nothing here."""
    found: set[str] = set()
    for raw_before, raw_after in rows:
        try:
            old, new = json.loads(raw_before), json.loads(raw_after)
        except (TypeError, ValueError):
            continue
        if not isinstance(old, dict) or not isinstance(new, dict):
            continue
        found.update(
            name
            for name in _FIELDS
            if name in old and old.get(name) != new.get(name) and (shared_read or name != "read")
        )
        had, has = set(old.get("tags") or ()), set(new.get("tags") or ())
        found.update(f"tag:{tag}" for tag in had ^ has)
    return frozenset(found)


def tag_change(before: str, after: str) -> tuple[list[str], list[str]]:
    """The tags one log row's step added and took off, from its stored `before` and
    `after` (none for an import, a delete or a claim, whose rows hold no tags)."""
    old, new = json.loads(before), json.loads(after)
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [], []
    had, has = set(old.get("tags") or ()), set(new.get("tags") or ())
    return sorted(has - had), sorted(had - has)
