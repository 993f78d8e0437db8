"""The literal openings of a pattern matched at a line's start, to skip lines it cannot match.

`literal_prefixes(pattern)` reads the parsed pattern from its start and collects the lowered
literal runs every match must open with: `(?:written\\s+)?(?:by|von)\\b` gives "written",
"by" and "von". A line whose lowered start holds none of them cannot match (its answer is
`pattern.match(line) is None`); a trie of the prefixes (`triggers.trie`) tests it in one go.

Lowering stands for IGNORECASE on a line only when no character of it matches a letter
under IGNORECASE yet lowers to something else: "İ", "ı" and "ſ" (`gated.py` says why);
a caller lets such a line through.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]

#: Characters IGNORECASE matches to a prefix's letter that `str.lower` maps elsewhere.
_UNSAFE = re.compile("[\u0130\u0131\u017f]")

#: A prefix longer than this is cut: a longer one rules out hardly more lines.
_LONGEST = 8
#: More openings than this and the pattern's start is taken as unknown.
_MOST = 400

#: (prefix, complete): `complete` when the match may go on with the next item's literals.
_Openings = list[tuple[str, bool]]


def literal_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lowered literals one of which opens every match of `pattern` at a string's start
    (`pattern.match`); None when some match may open with anything (a class, a wildcard)."""
    openings = _sequence(list(sre_parser.parse(pattern.pattern, pattern.flags)))
    if openings is None or any(not prefix for prefix, _ in openings):
        return None
    prefixes = {prefix for prefix, _ in openings}
    # A prefix another starts with stands for both.
    return frozenset(p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes))


def _sequence(items: list[tuple[object, object]]) -> _Openings | None:
    openings: _Openings = [("", True)]
    for op, value in items:
        if not any(complete for _, complete in openings):
            break
        step = _item(op, value)
        if step is None:
            # Unknown from here on: what is collected so far still opens every match.
            step = [("", False)]
        grown: _Openings = []
        for prefix, complete in openings:
            if not complete:
                grown.append((prefix, False))
                continue
            for more, goes_on in step:
                joined = prefix + more
                grown.append((joined[:_LONGEST], goes_on and len(joined) < _LONGEST))
        openings = list(dict.fromkeys(grown))
        if len(openings) > _MOST:
            return None
    return openings


def _item(op: object, value: object) -> _Openings | None:
    """The openings of one parsed item, or None when it may open with any character."""
    if op is sre_constants.AT:
        return [("", True)]  # "^", "\b": zero-width
    if op is sre_constants.LITERAL:
        return [(chr(value).lower(), True)]  # type: ignore[arg-type]
    if op is sre_constants.IN:
        members = list(value)  # type: ignore[call-overload]
        if all(kind is sre_constants.LITERAL for kind, _ in members):
            return [(chr(char).lower(), True) for _, char in members]
        return None
    if op is sre_constants.SUBPATTERN:
        return _sequence(list(value[-1]))  # type: ignore[index]
    if op is sre_constants.BRANCH:
        arms = [_sequence(list(arm)) for arm in value[1]]  # type: ignore[index]
        if any(arm is None for arm in arms):
            return None
        return [opening for arm in arms for opening in arm]  # type: ignore[union-attr]
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low: int = value[0]  # type: ignore[index]
        inner = _sequence(list(value[2]))  # type: ignore[index]
        if inner is None:
            return None if low else [("", False)]
        # Once taken, the item may repeat: what follows it is not known.
        taken = [(prefix, False) for prefix, _ in inner]
        return taken if low else [("", True), *taken]
    return None


def unsafe_to_lower(text: str) -> bool:
    """True when lowering `text` may not stand for IGNORECASE on it ("İ", "ı", "ſ")."""
    return _UNSAFE.search(text) is not None
