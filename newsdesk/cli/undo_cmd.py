"""`newsdesk undo`: take back the newest step, and say what of it stayed."""

from __future__ import annotations

import argparse

from rich.text import Text

from newsdesk.cli import output
from newsdesk.cli.commands import EXIT_ERROR, EXIT_OK, _print_action
from newsdesk.desk import Desk
from newsdesk.desk.results import (
    left_by_others,
    not_taken_back,
    nothing_taken_back,
    taken_back_in_deleted,
)


def cmd_undo(desk: Desk, args: argparse.Namespace) -> int:
    # What stayed is said ("1 changed of 1" of two) from the step the undo took: read
    # before it, another change could come between and make the step another.
    result = desk.undo()
    if result is None:
        # As an action that changes nothing: exit 1, so a script can tell (it exited 0
        # and printed `null`).
        if args.json:
            output.print_json({"action": None, "changed": [], "requested": 0})
        output.error("nothing to undo")
        return EXIT_ERROR
    step = result.step
    if not result.changed and not args.json:
        # The step is taken back all the same: what it changed, other editors have changed
        # since, and their changes stay (it said "no article matched" and failed).
        said = (
            taken_back_in_deleted(result.action, len(result.in_deleted))
            if result.in_deleted
            else nothing_taken_back(result.action)
        )
        output.out.print(Text(said))
        return EXIT_OK
    if step and args.json:  # what stayed, for a script too
        output.print_json(
            {**result.as_dict(), "not_taken_back": not_taken_back(step.articles, result)}
        )
        return EXIT_OK if result.requested else EXIT_ERROR
    if step and (left := left_by_others(result.action, step.articles, result)):
        output.notice(left)
    return _print_action(result, args.json)
