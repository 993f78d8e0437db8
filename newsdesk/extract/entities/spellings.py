"""One name written two ways is one entry.

"Ceres Robotics" and "Ceres Robotics Inc." are one organisation; "Zürich" and
"Zurich", "Abu Hañifah" and "Abu Hanifah" are one place or person whatever the
accents.
"""

from __future__ import annotations

import re
import unicodedata

from newsdesk.extract.entities.result import ORG, Mention

LEGAL_SUFFIX = re.compile(r",?\s+(?:Inc|Corp|Co|Ltd|LLC|LLP|PLC|Plc|plc|GmbH|AG|SA|NV)\.?$")


def folded(name: str) -> str:
    """`name` without accents, for comparing spellings (case stays: "US" is no "Us")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def merge_forms(mentions: list[Mention]) -> list[Mention]:
    """`mentions` with each name's forms made one.

    An organisation with and without its legal form takes the first form seen;
    names of one kind that differ only by accents take the spelling used
    most (the first seen on a tie).
    """
    first_form: dict[str, str] = {}
    for m in mentions:
        if m.kind == ORG:
            first_form.setdefault(LEGAL_SUFFIX.sub("", m.name), m.name)
    mentions = [
        Mention(m.start, m.end, first_form[LEGAL_SUFFIX.sub("", m.name)], m.kind)
        if m.kind == ORG
        else m
        for m in mentions
    ]
    uses: dict[str, int] = {}
    for m in mentions:
        uses[m.name] = uses.get(m.name, 0) + 1
    # dicts keep insertion order, so max() below prefers the first seen on a tie.
    spellings: dict[tuple[str, str], list[str]] = {}
    for m in mentions:
        forms = spellings.setdefault((m.kind, folded(m.name)), [])
        if m.name not in forms:
            forms.append(m.name)
    chosen = {
        name: max(forms, key=lambda n: uses[n])
        for forms in spellings.values()
        if len(forms) > 1
        for name in forms
    }
    if not chosen:
        return mentions
    return [Mention(m.start, m.end, chosen.get(m.name, m.name), m.kind) for m in mentions]
