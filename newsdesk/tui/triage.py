"""Triage verbs as the app applies them, without Textual.

A toggle turns a mark on unless every target already has it; "read one,
read all" widens a read to every version of the story. These run in the UI
thread for small batches and in a worker for big ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from newsdesk.desk import ActionResult, Desk

Toggle = Literal["starred", "read", "archived"]

#: Past tense of each action, for the notice after a batch.
PAST = {
    "star": "Starred",
    "unstar": "Unstarred",
    "read": "Marked read",
    "unread": "Marked unread",
    "archive": "Archived",
    "unarchive": "Unarchived",
    "tag": "Tagged",
}


def toggle(
    desk: Desk, field: Toggle, ids: Sequence[str], *, read_all_versions: bool
) -> ActionResult:
    """Read the targets' states, then change them in one transaction."""
    rows = desk.rows(ids)
    on = not all(getattr(row, field) for row in rows)
    if field == "read" and on and read_all_versions:
        ids = desk.with_versions(ids)
    if field == "starred":
        return desk.star(ids, on)
    if field == "read":
        return desk.mark_read(ids, on)
    return desk.archive(ids, on)


def articles(count: int) -> str:
    """ "1 article", "2 articles", "1,204 articles"."""
    return f"{count:,} article" if count == 1 else f"{count:,} articles"


def batch_notice(result: ActionResult, requested: int) -> str:
    """ "Archived 3 of 4 (u to undo)"; a read widened to the stories' other versions
    says so rather than "Marked read 7 of 4"."""
    verb = PAST.get(result.action, result.action.capitalize())
    changed = len(result.changed)
    if changed > requested:
        return (
            f"{verb} {articles(changed)}: the {requested:,} chosen and their stories'"
            " other versions (u to undo)"
        )
    return f"{verb} {changed:,} of {requested:,} (u to undo)"
