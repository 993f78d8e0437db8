"""Wire advisories are no news: their words are no entities, a headline they name no quote.

An agency's kill, withhold or elimination notice ("KILL. Editors: the story
headlined "Estonia ruling coalition loses majority" is withdrawn.") is read by
the same extractors as any copy, which took "KILL" for an organisation and the
named headline for an unattributed quote; the version diff then listed "KILL"
as an organisation the new version has. This module takes them out again, from
any wire item: the advisory words (`wire.ADVISORY_WORDS`) as entities, a
headline a notice names ("the story headlined ...", "slugged ...") as a quote,
and in a notice itself every quote no one is said to have said (it only names
copy: "read "300 people" instead of "3,000 people"").
"""

from __future__ import annotations

import re

from newsdesk.model import Extracted
from newsdesk.wire import ADVISORY_OPENERS, ADVISORY_WORDS, DO_NOT_USE

#: Before a quoted headline: "the story headlined", "slugged", "titled", "headline:".
_NAMES_COPY = re.compile(
    r"(?:headlined|headline|titled|entitled|slugged)\s*[:,]?\s*[\"'“‘«„]?\s*$",
    re.IGNORECASE,
)
#: How far before a quote its introduction is looked for.
_LOOK_BACK = 40
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def is_advisory_word(name: str) -> bool:
    """Every word of the name is a wire advisory word ("KILL", "MANDATORY KILL")."""
    words = _WORD.findall(name)
    return bool(words) and all(w.casefold() in ADVISORY_WORDS for w in words)


def is_notice(meta: Extracted) -> bool:
    """The item is a notice to editors, not copy: killed or withheld, or its headline or
    text opens with a notice's word ("KILL - ...", "ELIMINATION. Editors: ...")."""
    if meta.status in DO_NOT_USE:
        return True
    for text in (meta.title, meta.body):
        first = _WORD.search(text[:40] or "")
        if (
            first is not None
            and first.start() <= 2
            and first.group().casefold() in ADVISORY_OPENERS
        ):
            return True
    return False


def drop_advisory_findings(meta: Extracted) -> None:
    """Take the advisory words out of the entities and the named headlines (all the
    unattributed quotes, in a notice) out of the quotes, in place."""
    dropped = {
        name
        for names in (meta.people, meta.organizations, meta.places)
        for name in names
        if is_advisory_word(name)
    }
    if dropped:
        meta.people = [n for n in meta.people if n not in dropped]
        meta.organizations = [n for n in meta.organizations if n not in dropped]
        meta.places = [n for n in meta.places if n not in dropped]
        meta.mention_counts = {k: v for k, v in meta.mention_counts.items() if k not in dropped}
    notice = is_notice(meta)
    meta.quotes = [
        q
        for q in meta.quotes
        if not (notice and not q.speaker) and not _names_copy(meta.body, q.text)
    ]


def _names_copy(body: str, quoted: str) -> bool:
    """The quote follows "headlined", "slugged"...: a headline named, not words said."""
    start = body.find(quoted)
    while start >= 0:
        if _NAMES_COPY.search(body[max(0, start - _LOOK_BACK) : start]):
            return True
        start = body.find(quoted, start + 1)
    return False
