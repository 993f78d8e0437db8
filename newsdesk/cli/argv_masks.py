"""The command line's words before argparse sees them: `-word` (a negated search word,
a tag to remove) masked so it is no option, and unmasked after parsing; and the parser
of one command, for its own usage in an error."""

from __future__ import annotations

import argparse
from pathlib import Path

_MASK = "\ue000"


def mask(arg: str, shorts: frozenset[str] = frozenset()) -> str:
    """`-word` (a negated search word or a tag to remove) is not an option, nor is `-x`
    when no command has that short option (a one-letter tag to remove was refused)."""
    if len(arg) < 2 or arg[0] != "-" or arg[1] == "-" or arg[1].isdigit():
        return arg  # an option, "--", or a negative number (`--timeout -3`: argparse's)
    if len(arg) > 2 or arg not in shorts:
        return _MASK + arg
    return arg


def short_options(parser: argparse.ArgumentParser) -> frozenset[str]:
    """Every one-letter option of the parser and its commands ("-h", "-o", "-f")."""
    found: set[str] = set()
    parsers = [parser]
    while parsers:
        current = parsers.pop()
        for action in current._actions:
            found.update(o for o in action.option_strings if len(o) == 2)
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
    return frozenset(found)


def unmask(arg: str) -> str:
    return arg[1:] if arg.startswith(_MASK) else arg


def unmask_value(value: object) -> object:
    if isinstance(value, str):
        return unmask(value)
    if isinstance(value, Path):
        text = str(value)
        return Path(unmask(text)) if text.startswith(_MASK) else value
    if isinstance(value, list):
        return [unmask_value(v) for v in value]
    return value


def command_parser(parser: argparse.ArgumentParser, command: str | None) -> argparse.ArgumentParser:
    """The sub-parser of `command` (the top-level parser without one)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            found: argparse.ArgumentParser = action.choices[command]
            return found
    return parser
