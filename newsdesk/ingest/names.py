"""Author strings from page metadata and feeds -> person names only.

Metadata often names an organisation ("Associated Press", "Reuters"), a
profile URL, an e-mail address or a role ("Analysis by X, Editor-at-large")
where a person belongs; the extractor's byline parser decides what is a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsdesk.extract.byline import parse_by_text

_URL = re.compile(r"^\s*(?:https?:)?//|^\s*www\.", re.I)
_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\((?P<name>.+)\)\s*$")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_LEADING_BY = re.compile(r"^.{0,40}?\bby\s+", re.I)


def person_names(values: Iterable[str], limit: int = 20) -> list[str]:
    """The person names among author strings, in order, without duplicates."""
    names: list[str] = []
    for raw in values:
        # Bounded first: the e-mail patterns below backtrack on long unbroken strings.
        value = str(raw or "").strip()[:300]
        if not value or _URL.match(value):
            continue
        match = _EMAIL_NAME.match(value)
        value = match.group("name") if match else _EMAIL.sub("", value)
        value = _LEADING_BY.sub("", value)
        for name in parse_by_text(value).authors:
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        if len(names) >= limit:
            break
    return names
