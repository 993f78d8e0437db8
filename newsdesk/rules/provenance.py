"""What rules did to one article, in words: "tagged korea-desk and starred by rule korea".

Read from the action log (each row a rule wrote is named "rule NAME" and keeps
the marks before and after), and said only while it still holds: a star a rule
set and the editor took off, or a tag removed since, is not claimed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newsdesk.model import ArticleState

RULE_KIND = "rule "

#: Flag -> (words when the rule set it, the state field).
_FLAGS = (("starred", "starred"), ("read", "marked read"), ("archived", "archived"))


def rule_effects(
    changes: Sequence[tuple[str, Mapping[str, Any], Mapping[str, Any]]], state: ArticleState
) -> list[str]:
    """One line per rule that still shows on the article, oldest rule first.

    `changes` are (kind, before, after) rows of the article's log, newest first.
    """
    done: dict[str, list[str]] = {}
    claimed: set[str] = set()  # each mark is said once, for the newest rule that set it
    for kind, before, after in changes:
        if not kind.startswith(RULE_KIND):
            continue
        name = kind[len(RULE_KIND) :]
        words: list[str] = []
        added = sorted(set(after.get("tags", ())) - set(before.get("tags", ())))
        kept = [t for t in added if t in state.tags and f"+{t}" not in claimed]
        if kept:
            words.append("tagged " + ", ".join(kept))
            claimed.update(f"+{t}" for t in kept)
        removed = sorted(set(before.get("tags", ())) - set(after.get("tags", ())))
        gone = [t for t in removed if t not in state.tags and f"-{t}" not in claimed]
        if gone:
            words.append("untagged " + ", ".join(gone))
            claimed.update(f"-{t}" for t in gone)
        for field, said in _FLAGS:
            if (
                after.get(field)
                and not before.get(field)
                and getattr(state, field)
                and field not in claimed
            ):
                words.append(said)
                claimed.add(field)
        if words:
            done.setdefault(name, [])[:0] = words
    lines = []
    for name, words in reversed(done.items()):
        said = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
        lines.append(f"{said} by rule {name}")
    return lines
