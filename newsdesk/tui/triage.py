"""Triage verbs as the app applies them, without Textual.

A toggle turns a mark on unless every target already has it; "read one,
read all" widens a read to every version of the story. A star or a tag given to
a wire version a newer one replaced goes to the current version (the store's
`TO_CURRENT_VERSION`), so a toggle decides from the versions it goes to: deciding
from all of a story's versions, `s` on a folded wire story starred its current
version and never unstarred it. These run in the UI thread for small batches and
in a worker for big ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

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


def goes_to(desk: Desk, ids: Sequence[str], field: Toggle | Literal["tag"]) -> list[str]:
    """The articles a star or tag on `ids` reaches: each replaced wire version as its
    current one (the store routes them so; newsdesk/store/routing.py says why). Read and
    archive stay on what was chosen."""
    if field in ("starred", "tag"):
        return desk.current_versions(ids)
    return list(ids)


class Toggled(NamedTuple):
    """A toggle's result, with what the chosen articles were before it: how many were
    already so, and how many were still stored (the notice says both)."""

    result: ActionResult
    already: int
    found: int


def toggle(desk: Desk, field: Toggle, ids: Sequence[str], *, read_all_versions: bool) -> Toggled:
    """Read the states of the articles the change goes to, then change them in one
    transaction (`ids` as `goes_to` gives them); with how many of them were already so
    (the notice says it: "Starred 1; 2 were already starred", not "Starred 1 of 3")."""
    rows = desk.rows(ids)
    on = not all(getattr(row, field) for row in rows)
    already = sum(1 for row in rows if getattr(row, field) == on)
    if field == "read" and on and read_all_versions:
        ids = desk.with_versions(ids, with_archived=False)
    if field == "starred":
        return Toggled(desk.star(ids, on), already, len(rows))
    if field == "read":
        return Toggled(desk.mark_read(ids, on), already, len(rows))
    return Toggled(desk.archive(ids, on), already, len(rows))


def articles(count: int) -> str:
    """ "1 article", "2 articles", "1,204 articles"."""
    return f"{count:,} article" if count == 1 else f"{count:,} articles"


def on_current_versions(changed: int, targets: int, chosen: int) -> str:
    """What a star or tag routed to current versions reached, in the editor's terms:
    "the current version (of 4 versions)" rather than a bare "1 of 4"."""
    whole = "the current version" if targets == 1 else f"the {targets:,} current versions"
    of = "(a newer version replaced this one)" if chosen == 1 else f"(of {chosen:,} versions)"
    if changed == targets:
        return f"{whole} {of}"
    return f"{changed:,} of {whole} {of}"


#: What an article a toggle left as it was already is, by the toggle's action.
ALREADY = {
    "star": "starred",
    "unstar": "not starred",
    "read": "read",
    "unread": "unread",
    "archive": "archived",
    "unarchive": "not archived",
}


def batch_notice(
    result: ActionResult,
    requested: int,
    *,
    to_current: bool = False,
    already: int | None = None,
    chosen: Sequence[str] | None = None,
    found: int | None = None,
) -> str:
    """ "Archived 3 of 4 (u to undo)"; a read widened to the stories' other versions
    says so rather than "Marked read 7 of 4"; a star that went to current versions
    (`to_current`; `result.requested` counts those) says so rather than "1 of 4".
    `already`: how many were so before ("Starred 1 (u to undo); 2 were already
    starred"), and the rest not found (deleted elsewhere). `chosen`: the ids asked
    for, so versions a read reached beyond them are not counted as chosen ones;
    `found`: how many of them were still stored."""
    verb = PAST.get(result.action, result.action.capitalize())
    changed = len(result.changed)
    if to_current:
        reached = on_current_versions(changed, result.requested, requested)
        return f"{verb} {reached}; u to undo"
    ours = changed if chosen is None else len(set(result.changed).intersection(chosen))
    if changed > ours or changed > requested:
        # Widened: how many chosen ones were already read says little next to the others.
        part = f"the {requested:,}" if ours >= requested else f"{ours:,} of the {requested:,}"
        return (
            f"{verb} {articles(changed)}: {part} chosen and their stories'"
            " other versions (u to undo)"
        )
    state = ALREADY.get(result.action)
    if already is None or state is None or not ours or ours >= requested:
        return f"{verb} {ours:,} of {requested:,} (u to undo)"
    said = [f"{verb} {ours:,} (u to undo)"]
    if already:
        said.append(f"{already:,} {'was' if already == 1 else 'were'} already {state}")
    gone = requested - found if found is not None else requested - ours - already
    if gone > 0:
        said.append(f"{gone:,} {'is' if gone == 1 else 'are'} no longer stored")
    return "; ".join(said)
