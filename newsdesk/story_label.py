"""Which member names a story: the headline a story row, `newsdesk stories` and the
stories' JSON show for the whole story.

A story used to be shown under its newest member's headline, so a row could
read "Opinion: ..." or "CORRECTION: ..." for an event reported straight by
three outlets. The story's label is now its most representative member: the
earliest straight report, that is, the earliest member whose headline carries
no label of a kind of piece (opinion, analysis, editorial, column, correction,
update, live blog, video, podcast, photos, or an agency's flag: flash, bulletin,
urgent, kill, withheld, elimination, advisory) and that is neither superseded by a
later version of wire copy nor killed. When every current member carries a label,
the earliest of them (a version a later one replaced names the story only when every
member was replaced or killed). Undated members come after dated ones; ties go to the
smaller article id, so the store's rows and the desk's stories agree.

Plain functions of headlines and dates: both stores and the desk call them. A module of
its own, not in `newsdesk.stories`: the first screen reads rows without loading that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

#: An outlet's correction or update of its own report, as its headline opens ("CORRECTION:",
#: "UPDATE 2-", "Berichtigung:"), in six languages; `stories.signature` reads it too.
CORRECTION_LABELS = (
    r"correction|corrected|corrects|clarification|update[sd]?(?:\s+\d+)?"
    r"|correcci[oó]n|rectificaci[oó]n|rectificatif|correctif|berichtigung|korrektur"
    r"|richtigstellung|correzione|rettifica|corre[cç][aã]o"
)
#: Kinds of piece a headline may be labelled with, before it ("Opinion: ...",
#: "LIVE - ...", "CORRECTED-UPDATE 2-...") or after it ("... | Opinion", "... - video").
_KINDS = (
    r"opinion|op-?ed|analysis|commentary|editorial|column|viewpoint|perspective|"
    + CORRECTION_LABELS
    + r"|live(?:\s+(?:updates?|blog|coverage))?|watch(?:\s+live)?|video|podcast|listen"
    r"|photos?|gallery|in pictures|explainer|fact[\s-]?check"
    # An agency's flags before a take or a notice ("FLASH: ...", "KILL - ...").
    r"|flash|bulletin|urgent|kill|withhold|withheld|withdrawn|elimination|advisory"
    r"|embargoed|refile|recasts?|writethru"
)
LABELLED_HEADLINE = re.compile(
    rf"^\W*(?:{_KINDS})\b\s*[:|\-–—]|[:|\-–—]\s*(?:{_KINDS})\W*$", re.IGNORECASE
)


def labelled(title: str | None) -> bool:
    """The headline says what kind of piece it is (opinion, correction, live, video...)."""
    return bool(title) and LABELLED_HEADLINE.search(title or "") is not None


class Candidate(NamedTuple):
    """What the choice reads of one member."""

    title: str | None
    #: Publication time (None: unknown).
    ts: float | None
    #: A later version of the same wire copy, or a killed item.
    replaced: bool = False
    #: The article's id: the last tie-break, so every caller picks the same member.
    key: str = ""


def representative(members: Sequence[Candidate]) -> int:
    """Index of the member whose headline names the story (module docstring); 0 for none."""
    if not members:
        return 0

    def rank(index: int) -> tuple[bool, bool, bool, bool, float, str, int]:
        m = members[index]
        return (
            not (m.title or "").strip(),
            # A version a later one replaced never names the story over a current member,
            # even a labelled one: "CORRECTED-" v4 kept v1's stale headline as the label.
            m.replaced,
            labelled(m.title),
            m.ts is None,
            m.ts if m.ts is not None else 0.0,
            m.key,
            index,
        )

    return min(range(len(members)), key=rank)
