"""One spelling per outlet.

Copies of one outlet's pages name it in several ways: "POLITICO" in one page's
markup and "Politico" in another's footer, "BBC News" on the site and "BBC" in a
text copy. The desk keeps the spelling it already holds most often for what is
the same outlet by `outlet_key`: letters and digits, case folded, without a
leading "The" or a trailing generic word ("News", "Online", a ".com"). Search
still finds the other spellings by `source:` (the remaining word is shared).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_WORD = re.compile(r"[^\W_]+")
#: Words that do not tell two outlets apart at the end of a name ("BBC News" is "BBC").
_GENERIC_TAIL = frozenset({"news", "online", "com", "co", "uk", "net", "org", "live"})


def outlet_key(name: str) -> str:
    words = [w.casefold() for w in _WORD.findall(name)]
    core = words[1:] if len(words) > 1 and words[0] == "the" else words
    while len(core) > 1 and core[-1] in _GENERIC_TAIL:
        core = core[:-1]
    key = "".join(core)
    # A name of generic words alone ("News Online") keeps them all.
    return key if len(key) >= 2 else "".join(words)


class OutletSpellings:
    """The desk's spelling of each outlet, seeded from what the store holds."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self._spelling: dict[str, str] = {}
        best: dict[str, int] = {}
        for name, count in counts.items():
            key = outlet_key(name)
            if key and count > best.get(key, 0):
                best[key], self._spelling[key] = count, name

    def spell(self, name: str) -> str:
        """The desk's spelling of `name`'s outlet; a new outlet keeps its own."""
        key = outlet_key(name)
        if not key:
            return name
        return self._spelling.setdefault(key, name)


#: Small words an outlet's initials leave out ("Wall Street Journal": WSJ, not TWSJ).
_NOT_IN_INITIALS = frozenset({"the", "of", "and", "for", "de", "la", "le", "der", "die", "das"})


def outlet_initials(name: str) -> str:
    """The initials an outlet of two to five capitalised words is known by ("Meridian Press
    Agency": MPA, "The New York Times": NYT), or "" when the name is no such name."""
    words = [w for w in _WORD.findall(name) if w.casefold() not in _NOT_IN_INITIALS]
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)
