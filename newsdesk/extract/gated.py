"""A long alternation searched one alternative at a time, only where its words are.

`re` finds no literal prefix in a pattern whose alternatives start with `\\b` or `^`
(nor any under IGNORECASE), so `search` tries every alternative at every word of the
line. `GatedSearch` splits such a pattern at its top-level `|`, takes from each
alternative a literal run every match of it contains (its key), and on a line tries
only the alternatives whose key is in the lowered line: one pass of a trie of the keys,
then a few small searches. The answer is `pattern.search(line) is not None` exactly.

Lowering stands for IGNORECASE on a line only when no character of it matches a key's
letter under IGNORECASE yet lowers to something else: "İ", "ı" and "ſ" (matched as "i",
"i" and "s"). Such a line is searched with the whole pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import NamedTuple

from newsdesk.extract.triggers import trie

#: Characters IGNORECASE matches to a key's letter that `str.lower` maps elsewhere.
_UNSAFE = re.compile("[\u0130\u0131\u017f]")


def split_alternatives(pattern: str, *, verbose: bool) -> list[str]:
    """`pattern` cut at its top-level `|` (outside groups, classes, escapes, comments)."""
    pieces: list[str] = []
    depth = 0
    start = 0
    index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # A "]" (or "^]") right after the "[" is a member, not the end.
            if pattern.startswith("^", index + 1):
                index += 1
            if pattern.startswith("]", index + 1):
                index += 1
        elif verbose and char == "#":
            end = pattern.find("\n", index)
            index = len(pattern) if end < 0 else end
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(pattern[start:index])
            start = index + 1
        index += 1
    pieces.append(pattern[start:])
    return pieces


def keys_of(alternative: str, flags: int) -> list[str]:
    """Lowered literals of which every match of `alternative` contains one (none: no
    such literal found, the alternative is always tried)."""
    return sorted({key.lower() for key in _keys(sre_parser.parse(alternative, flags))})


def _keys(items: list[tuple[object, object]]) -> list[str]:
    # The longest run of literals at this level; else, a branch at this level each of whose
    # arms has keys ("(?:says|sagt|dit)"); else a run of two.
    best: list[str] = []
    run: list[str] = []
    branches: list[str] = []
    for op, value in items:
        if op is sre_constants.LITERAL:
            run.append(chr(value))  # type: ignore[arg-type]
            continue
        if op is sre_constants.AT:
            continue  # zero-width ("\b"): the literals either side are adjacent
        if op is sre_constants.BRANCH and not branches:
            arms = [_keys(list(arm)) for arm in value[1]]  # type: ignore[index]
            if all(arms) and min(len(key) for arm in arms for key in arm) >= 3:
                branches = [key for arm in arms for key in arm]
        best = max(best, run, key=len)
        run = []
    best = max(best, run, key=len)
    if len(best) >= 4 or (len(best) >= 2 and not branches):
        return ["".join(best)]
    return branches


class _Tables(NamedTuple):
    always: list[re.Pattern[str]]  # alternatives with no key, tried one by one
    by_key: dict[str, re.Pattern[str]]  # a key's alternatives, as one pattern
    find_key: Callable[[str, int], re.Match[str] | None] | None  # the trie of the keys


class GatedSearch:
    """`pattern.search(line) is not None`, trying only the alternatives whose key is in
    the line (`pattern`'s flags given as `flags`, VERBOSE or not)."""

    def __init__(self, pattern: str, flags: int) -> None:
        if not flags & re.IGNORECASE:
            raise ValueError("keys are matched on the lowered line: IGNORECASE patterns only")
        self.whole = re.compile(pattern, flags)
        # Built on first use: a process that never reads a page compiles none of it.
        self._tables: _Tables | None = None

    def keys(self) -> list[str]:
        """The keys, in order."""
        return sorted((self._tables or self._build()).by_key)

    def _build(self) -> _Tables:
        flags = self.whole.flags
        pieces = split_alternatives(self.whole.pattern, verbose=bool(flags & re.VERBOSE))
        keys = [keys_of(piece, flags) for piece in pieces]
        every = {key for some in keys for key in some}
        by_key: dict[str, list[str]] = {}
        always: list[str] = []
        for some, piece in zip(keys, pieces, strict=True):
            for key in some:
                # A key that another key starts with stands for both: the trie finds the
                # shortest key at a position, so no key may be a prefix of another.
                key = min((k for k in every if key.startswith(k)), key=len)
                if piece not in by_key.get(key, []):
                    by_key.setdefault(key, []).append(piece)
            if not some:
                always.append(piece)
        self._tables = _Tables(
            # One by one: an anchored alternative ("^...") is tried at the start only.
            [re.compile(piece, flags) for piece in always],
            {key: re.compile("|".join(group), flags) for key, group in by_key.items()},
            re.compile(trie(set(by_key))).search if by_key else None,
        )
        return self._tables

    def __call__(self, line: str, lower: str) -> bool:
        """`line` and `line.lower()`."""
        if not line.isascii() and _UNSAFE.search(line):
            return self.whole.search(line) is not None
        always, by_key, find_key = self._tables or self._build()
        for pattern in always:
            if pattern.search(line):
                return True
        if find_key is None:
            return False
        tried: set[str] = set()
        found = find_key(lower, 0)
        while found is not None:
            key = found.group()
            if key not in tried:
                tried.add(key)
                if by_key[key].search(line):
                    return True
            # Keys may overlap ("sign in" in "design input"): look again one further on.
            found = find_key(lower, found.start() + 1)
        return False
