"""What the app says about the other people on a shared desk, without Textual.

Who has an article ("taken by ana at 09:41", in the detail pane and in the
notice when a claim is refused), whether `c` claims or lets go, and who did
what to it ("starred by ana 09:41, tagged desk by bo 10:02"). Times are shown
in the app clock's zone: the store keeps them in UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newsdesk.isodates import parse_iso
from newsdesk.model import ArticleRow
from newsdesk.sanitize import clean_line
from newsdesk.store.protocol import ActionRecord, Claim
from newsdesk.tui.triage import articles


def clock_time(ts: str, now: datetime) -> str:
    """ "09:41" on the day of `now`, else "12 Mar 09:41" (or the stored text when unreadable)."""
    when = parse_iso(ts)
    if when is None:
        return clean_line(ts)
    if now.tzinfo is not None:
        when = when.astimezone(now.tzinfo)
    if when.date() == now.date():
        return when.strftime("%H:%M")
    if when.year == now.year:
        return when.strftime("%d %b %H:%M")
    return when.strftime("%Y-%m-%d %H:%M")


def taken_by(claim: Claim, now: datetime) -> str:
    """ "taken by ana at 09:41"."""
    return f"taken by {clean_line(claim.editor)} at {clock_time(claim.ts, now)}"


def wants_claim(rows: Sequence[ArticleRow], editor: str) -> bool:
    """`c` claims, unless every target is already this editor's: then it lets go."""
    return not rows or not all(row.claimed_by == editor for row in rows)


def _holders(held: Sequence[Claim], now: datetime) -> str:
    """ "ana at 09:41, bo at 09:50": each editor once, at their first claim."""
    first: dict[str, Claim] = {}
    for claim in sorted(held, key=lambda c: c.ts):
        first.setdefault(claim.editor, claim)
    return ", ".join(f"{clean_line(c.editor)} at {clock_time(c.ts, now)}" for c in first.values())


def refused_notice(held: Sequence[Claim], now: datetime) -> str:
    """Why a claim took nothing: "Taken by bo at 09:41 (2 articles); nothing was claimed."."""
    count = f" ({articles(len(held))})" if len(held) > 1 else ""
    return f"Taken by {_holders(held, now)}{count}; nothing was claimed."


def claimed_notice(done: int) -> str:
    return f"Claimed {articles(done)} (u to undo)."


def released_notice(done: int, held: Sequence[Claim], now: datetime) -> str:
    """ "Released 2 articles (u to undo); 1 stays with ana at 09:41."."""
    text = f"Released {articles(done)} (u to undo)" if done else "Nothing of yours to release"
    if held:
        stays = "stays" if len(held) == 1 else "stay"
        text += f"; {len(held):,} {stays} with {_holders(held, now)}"
    return text + "."


#: How the "Who" line words each step of the log (read marks are each editor's own: left out).
_PAST = {
    "star": "starred",
    "unstar": "unstarred",
    "archive": "archived",
    "unarchive": "unarchived",
    "note": "noted",
    "exported": "exported",
    "import": "imported",
    "release": "released",
}
#: Steps that undo each other: only the newest of the pair says how the article stands.
_PAIR = {"unstar": "star", "unarchive": "archive"}


def who_did(log: Sequence[ActionRecord], now: datetime, me: str) -> str:
    """ "starred by ana 09:41, tagged desk by bo 10:02" from an article's log (newest
    first): the newest step of each kind, each tag once. Empty when nobody but `me`
    had a hand in it (a desk of one names nobody; '' is a log from before editors)."""
    parts: list[str] = []
    hands: set[str] = set()
    seen: set[str] = set()
    seen_tags: set[str] = set()

    def add(words: str, record: ActionRecord) -> None:
        who = clean_line(record.editor) or "someone"
        parts.append(f"{words} by {who} {clock_time(record.ts, now)}")
        hands.add(record.editor)

    for record in log:
        if record.kind == "tag":
            added = [t for t in record.tags_added if t not in seen_tags]
            removed = [t for t in record.tags_removed if t not in seen_tags]
            seen_tags.update(record.tags_added, record.tags_removed)
            if added:
                add("tagged " + " ".join(clean_line(t) for t in added), record)
            if removed:
                add("untagged " + " ".join(clean_line(t) for t in removed), record)
            continue
        key = _PAIR.get(record.kind, record.kind)
        if record.kind not in _PAST or key in seen:
            continue
        seen.add(key)
        add(_PAST[record.kind], record)
    return ", ".join(parts) if hands - {me, ""} else ""
