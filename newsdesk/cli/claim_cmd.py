"""`newsdesk claim ID_OR_QUERY...` and `newsdesk release ...`: who has which article.

A claim covers a story's versions and is all or nothing: when another editor
has one of the articles, nothing is claimed and the command names who (exit 1).
A release that lets go of nothing (articles nobody claimed, or another
editor's) says so and exits 1; claiming what is already yours exits 0.
"""

from __future__ import annotations

import argparse

from rich.text import Text

from newsdesk.cli import output
from newsdesk.desk import Desk

EXIT_OK = 0
EXIT_TAKEN = 1


def _when(ts: str) -> str:
    return ts[:16].replace("T", " ")


def _report(verb: str, desk: Desk, args: argparse.Namespace, release: bool) -> int:
    from newsdesk.cli.commands import EXIT_ERROR, EXIT_USAGE, confirmed_targets

    found = confirmed_targets(desk, list(args.targets), args, "release" if release else "claim")
    if found is None:
        return EXIT_USAGE
    ids = found
    if not ids:
        # As every other action: an id that is no article's or a query that finds none
        # is status 1, so a script can tell it from a claim made.
        if args.json:
            output.print_json({"action": verb, "editor": desk.editor, "done": [], "held": []})
        else:
            output.error("no article matched; nothing was changed")
        return EXIT_ERROR
    outcome = desk.release(ids) if release else desk.claim(ids)
    if args.json:
        output.print_json(
            {
                "action": verb,
                "editor": desk.editor,
                "done": outcome.done,
                "held": [
                    {"id": c.article_id, "editor": c.editor, "ts": c.ts} for c in outcome.held
                ],
            }
        )
    else:
        for held in outcome.held:
            output.notice(
                f"{held.article_id} is taken by {held.editor} at {_when(held.ts)}"
                + ("" if release else "; nothing was claimed")
            )
        if outcome.done:
            output.out.print(Text(f"{verb} {len(outcome.done)} article(s) as {desk.editor}"))
        elif not outcome.held:
            # Said, not "claimed 0": the editor's claim stands either way.
            output.notice(
                f"nothing of {desk.editor}'s to release: not claimed by {desk.editor}"
                if release
                else f"already claimed by {desk.editor}; nothing new to claim"
            )
    if release:
        # A release that let go of nothing (nobody's, or another editor's) is status 1,
        # so a script can tell it from a release made.
        return EXIT_OK if outcome.done else EXIT_TAKEN
    return EXIT_TAKEN if outcome.held else EXIT_OK


def cmd_claim(desk: Desk, args: argparse.Namespace) -> int:
    return _report("claimed", desk, args, release=False)


def cmd_release(desk: Desk, args: argparse.Namespace) -> int:
    return _report("released", desk, args, release=True)
