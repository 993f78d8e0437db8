"""Test a lowered line for any of many substrings in one pass of the regex engine.

`any(t in lower for t in triggers)` scans the line once per trigger; a trie of the
triggers as one pattern scans it once, trying at each position only the triggers that
start with that character (the engine skips in C the characters no trigger starts with).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import repeat
from operator import contains


def trie(words: set[str]) -> str:
    """A pattern matching at a position iff one of `words` starts there."""
    if "" in words:
        return ""  # a trigger ends here: the longer ones it starts need not be tried
    groups: dict[str, set[str]] = {}
    for word in words:
        groups.setdefault(word[0], set()).add(word[1:])
    alternatives = [re.escape(char) + trie(rest) for char, rest in sorted(groups.items())]
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def any_in(triggers: Iterable[str]) -> Callable[[str], bool]:
    """A test equal to `any(t in text for t in triggers)` (case-sensitive: pass it the
    lowered line the triggers were written for)."""
    words = set(triggers)
    if not words or "" in words:
        always = "" in words
        return lambda text: always
    # A trigger that holds another is found whenever that one is: only the others are
    # tested (of the 159 triggers of `boilerplate`'s four lists together, 16 go).
    words = {word for word in words if not any(other in word for other in words - {word})}
    search = re.compile(trie(words)).search
    ordered = tuple(sorted(words))
    # On a long line the trie is tried at nearly every letter (most letters start some
    # trigger), while each `in` is a fast C scan: past about 1.6 characters a trigger
    # the `in` tests cost less (72 phrase triggers: 63-character lines 30k instructions
    # by the trie, 49k by `in`; 300-character lines 147k by the trie, 83k by `in`).
    longest_for_trie = len(ordered) * 5 // 3

    def test(text: str) -> bool:
        if len(text) > longest_for_trie:
            # `operator.contains` is called directly; `text.__contains__` goes through a
            # method wrapper that builds an argument tuple a trigger (a fifth of the cost).
            return any(map(contains, repeat(text), ordered))
        return search(text) is not None

    return test
