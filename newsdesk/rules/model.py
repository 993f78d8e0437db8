"""Rules: a name, a query and actions, and how they are written down (issue 18).

A rule acts on new articles as they arrive (`newsdesk.rules.arrival`), or on
the queue when applied by hand. Actions are `+tag`, `-tag`, `star`, `read`,
`archive` (the killfile) and `notify`; anything else is refused with a
one-line message, as a malformed query is.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsdesk.errors import DeskError

#: The actions that change an article's state, as the store's state fields name them.
STATE_ACTIONS: dict[str, str] = {"star": "starred", "read": "read", "archive": "archived"}
ACTIONS_HELP = "use +tag, -tag, star, read, archive or notify"
_NAME = re.compile(r"^[\w][\w.-]{0,63}$", re.UNICODE)


class RuleError(DeskError):
    """A rule that cannot be kept: a bad name, action or query (one line for the user)."""


class RuleNameTaken(RuleError):
    """A new rule (or a renamed one) under a name another rule has."""


@dataclass(frozen=True)
class Rule:
    """One rule as stored: its place in the order, and how often it matched."""

    name: str
    query: str
    actions: tuple[str, ...]
    position: int = 0
    matched_today: int = 0
    matched_total: int = 0
    #: Off: kept, but passed over on arrival and by `rules apply` without names.
    enabled: bool = True

    @classmethod
    def from_row(cls, row: Any, today: str) -> Rule:
        """A rule from a `rules` table row (either backend's row reads by column name);
        today's count holds only when it was counted today."""
        return cls(
            name=str(row["name"]),
            query=str(row["query"]),
            actions=tuple(json.loads(row["actions"])),
            position=int(row["position"]),
            matched_today=int(row["matched_today"]) if row["matched_day"] == today else 0,
            matched_total=int(row["matched_total"]),
            enabled=bool(row["enabled"]),
        )

    @property
    def add_tags(self) -> list[str]:
        return [a[1:] for a in self.actions if a.startswith("+")]

    @property
    def remove_tags(self) -> list[str]:
        return [a[1:] for a in self.actions if a.startswith("-")]

    @property
    def change(self) -> dict[str, bool]:
        """The state the rule sets (`{"starred": True}`...)."""
        return {STATE_ACTIONS[a]: True for a in self.actions if a in STATE_ACTIONS}

    @property
    def notifies(self) -> bool:
        return "notify" in self.actions

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "query": self.query,
            "actions": list(self.actions),
            "matched_today": self.matched_today,
            "matched_total": self.matched_total,
            "enabled": self.enabled,
        }


def check_name(name: str) -> str:
    cleaned = name.strip()
    if not _NAME.match(cleaned):
        raise RuleError(
            f"bad rule name {name!r}: use letters, digits, '-', '_' or '.' (at most 64)"
        )
    return cleaned


def parse_actions(words: Iterable[str]) -> tuple[str, ...]:
    """`+Korea Desk`-style words into actions, tags normalised; RuleError on anything else."""
    from newsdesk.desk import normalise_tag

    actions: list[str] = []
    for word in words:
        raw = word.strip()
        if raw[:1] in ("+", "-") and len(raw) > 1:
            tag = normalise_tag(raw[1:])
            if not tag:
                raise RuleError(f"the action {raw!r} names no tag; {ACTIONS_HELP}")
            actions.append(raw[0] + tag)
        elif raw.lower() in (*STATE_ACTIONS, "notify"):
            actions.append(raw.lower())
        else:
            raise RuleError(f"unknown action {raw!r}; {ACTIONS_HELP}")
    if not actions:
        raise RuleError(f"a rule needs at least one action; {ACTIONS_HELP}")
    return tuple(dict.fromkeys(actions))


# -- TOML, for sharing rules across a desk -------------------------------------------------


#: Bidirectional controls: kept out of the file as escapes, like control characters.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def _toml_string(text: str) -> str:
    """A TOML basic string; anything not printable (controls, C1, bidi) as a \\u escape,
    so the file is safe to print and to read back."""
    out = ['"']
    for ch in text:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch.isprintable() and ch not in _BIDI:
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def to_toml(rules: Sequence[Rule]) -> str:
    lines = ["# newsdesk rules: applied in this order to every new article", ""]
    for rule in rules:
        lines += [
            "[[rule]]",
            f"name = {_toml_string(rule.name)}",
            f"query = {_toml_string(rule.query)}",
            "actions = [" + ", ".join(_toml_string(a) for a in rule.actions) + "]",
            *([] if rule.enabled else ["enabled = false"]),
            "",
        ]
    return "\n".join(lines)


@dataclass(frozen=True)
class RuleEntry:
    """One `[[rule]]` of a rules file, checked but not yet kept."""

    name: str
    query: str
    actions: tuple[str, ...]
    enabled: bool = True


#: What a `[[rule]]` table may say; anything else is named as ignored.
RULE_KEYS = ("name", "query", "actions", "enabled")


def from_toml(text: str, warnings: list[str] | None = None) -> list[RuleEntry]:
    """Each `[[rule]]` of a rules file; RuleError naming what is wrong. What the file
    says that no rule reads (`colour = "red"`, a `[[rules]]` table) is appended to
    `warnings`, one line each, as config.toml's unknown settings are said."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"not a rules file: {exc}") from None
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise RuleError("not a rules file: expected [[rule]] tables")
    said = warnings if warnings is not None else []
    said += [f"{key!r} is not a [[rule]] table; ignored" for key in data if key != "rule"]
    out: list[RuleEntry] = []
    numbers: dict[str, int] = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise RuleError(f"rule {number}: expected a table")
        name, query, actions = entry.get("name"), entry.get("query"), entry.get("actions")
        if not isinstance(name, str) or not isinstance(query, str):
            raise RuleError(f"rule {number}: needs a name and a query (text)")
        if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
            raise RuleError(f"rule {number} ({name}): actions must be a list of text")
        enabled = entry.get("enabled", True)
        if not isinstance(enabled, bool):
            raise RuleError(f"rule {number} ({name}): enabled must be true or false")
        try:
            name = check_name(name)
        except RuleError as exc:
            raise RuleError(f"rule {number}: {exc}") from None  # the message quotes the name
        try:
            checked = parse_actions(actions)
        except RuleError as exc:
            # Which rule of the file, as the errors above say it.
            raise RuleError(f"rule {number} ({name}): {exc}") from None
        if name in numbers:
            # Both were read and the last kept, silently.
            raise RuleError(f"rule {number} ({name}): rule {numbers[name]} has that name too")
        numbers[name] = number
        said += [
            f"rule {number} ({name}): {key!r} is not a rule setting; ignored"
            for key in entry
            if key not in RULE_KEYS
        ]
        out.append(RuleEntry(name, query, checked, enabled))
    return out


@dataclass(frozen=True)
class Notified:
    """A headline a `notify` rule flagged."""

    rule: str
    article_id: str
    title: str


@dataclass
class RuleOutcome:
    """What the rules did to a batch of new articles."""

    #: Rule name -> the ids it matched (in the rules' order).
    matched: dict[str, list[str]] = field(default_factory=dict)
    notified: list[Notified] = field(default_factory=list)
    #: Rule name -> the ids it archived (a kill, or an article the editor acted on, is
    #: never archived by a rule).
    archived: dict[str, list[str]] = field(default_factory=dict)
    #: Rule name -> re-told articles the editor acted on, which it matched but did
    #: not archive or mark read (`arrival.editor_acted`).
    spared: dict[str, list[str]] = field(default_factory=dict)


def archived_said(archived: Mapping[str, Sequence[str]]) -> list[str]:
    """What the rules archived on arrival, in words ("archived 1 by rule kill"): a fetch's
    notice and a watched folder's say it alike."""
    return [f"archived {len(ids):,} by rule {name}" for name, ids in archived.items() if ids]


def today() -> str:
    """The local day match counts are kept for ("matched today")."""
    return date.today().isoformat()
