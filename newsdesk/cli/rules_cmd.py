"""`newsdesk rules`: list, add, replace, remove, apply, test, export and import the desk's rules."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.text import Text

from newsdesk.cli import output
from newsdesk.cli.commands import EXIT_ERROR, write_text_file
from newsdesk.desk import Desk
from newsdesk.errors import DeskError
from newsdesk.rules.model import RuleNameTaken
from newsdesk.rules.model import from_toml as rules_from_toml

EXIT_OK = 0

USAGE = (
    "newsdesk rules [list] | add NAME QUERY ACTION... | replace NAME QUERY ACTION... | "
    "remove NAME | apply [NAME...] | "
    "test QUERY | enable NAME | disable NAME | move NAME POSITION | export [-o FILE] | import FILE"
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "rules",
        help="rules on arrival: list, add NAME QUERY ACTION..., remove, apply, test, export, import",
        description=(
            "Rules act on every new article as it arrives, in order. Actions: +tag, -tag, "
            "star, read, archive, notify. Example: newsdesk rules add nairobi "
            "'place:nairobi' +africa-desk star"
        ),
    )
    p.add_argument(
        "action",
        nargs="?",
        choices=(
            "list",
            "add",
            "replace",
            "remove",
            "apply",
            "test",
            "enable",
            "disable",
            "move",
            "export",
            "import",
        ),
        default="list",
    )
    p.add_argument("rest", nargs="*")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--output", "-o", default=None, help="export: the file to write (default stdout)"
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="export: replace an existing file; import: replace rules of the same name that differ",
    )


def cmd_rules(desk: Desk, args: argparse.Namespace) -> int:
    action, rest = args.action, list(args.rest)
    if action == "list":
        return _list(desk, args.json)
    if action in ("add", "replace"):
        if len(rest) < 3:
            raise DeskError(f"rules {action} needs NAME QUERY ACTION...; {USAGE}")
        try:
            rule = desk.add_rule(rest[0], rest[1], rest[2:], replace=action == "replace")
        except RuleNameTaken as exc:
            raise RuleNameTaken(f"{exc}; 'newsdesk rules replace' replaces it") from None
        if args.json:
            output.print_json(rule.as_dict())
        else:
            output.notice(f"rule {rule.name}: {rule.query} -> {' '.join(rule.actions)}")
        return EXIT_OK
    if action == "remove":
        if len(rest) != 1:
            raise DeskError(f"rules remove needs one NAME; {USAGE}")
        if not desk.remove_rule(rest[0]):
            raise DeskError(f"no rule named {rest[0]!r}")
        output.notice(f"removed rule {rest[0]}")
        return EXIT_OK
    if action in ("enable", "disable"):
        if len(rest) != 1:
            raise DeskError(f"rules {action} needs one NAME; {USAGE}")
        rule = desk.enable_rule(rest[0], action == "enable")
        output.notice(f"rule {rule.name}: {'on' if rule.enabled else 'off'}")
        return EXIT_OK
    if action == "move":
        if len(rest) != 2 or not rest[1].isdigit() or int(rest[1]) < 1:
            raise DeskError(f"rules move needs NAME POSITION (1 runs first); {USAGE}")
        order = desk.move_rule(rest[0], int(rest[1]))
        output.notice("order: " + ", ".join(r.name for r in order))
        return EXIT_OK
    if action == "apply":
        results = desk.apply_rules(rest)
        if args.json:
            output.print_json([r.as_dict() for r in results])
        else:
            for result in results:
                output.notice(
                    f"{result.action}: matched {result.requested}, changed {len(result.changed)}"
                )
            if not results:
                output.notice("no rules")
        return EXIT_OK
    if action == "test":
        if len(rest) != 1:
            raise DeskError(f"rules test needs one QUERY (quote it); {USAGE}")
        found = desk.test_rule(rest[0])
        rows = desk.rows(found.ids)
        if args.json:
            output.print_json({"query": rest[0], "matches": [r.id for r in rows]})
        else:
            if rows:
                output.out.print(output.rows_table(rows, width=output.out.width))
            output.notice(f"{len(rows)} article(s) match now; nothing was changed")
        return EXIT_OK
    if action == "export":
        text = desk.export_rules()
        if args.output and args.output != "-":
            if not write_text_file(Path(args.output), text, args.force):
                return EXIT_ERROR
            output.notice(f"wrote {len(desk.rules())} rule(s) to {args.output}")
        else:
            print(text, end="")
        return EXIT_OK
    # import
    if len(rest) != 1:
        raise DeskError(f"rules import needs one FILE; {USAGE}")
    try:
        text = Path(rest[0]).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DeskError(f"cannot read {rest[0]}: {exc}") from None
    before = {rule.name: rule for rule in desk.rules()}
    if not args.force:
        # "A rule is never replaced by accident": the same rules again are fine, a rule
        # of that name that says something else is replaced only when asked.
        differing = [
            entry.name
            for entry in rules_from_toml(text)
            if (old := before.get(entry.name)) is not None
            and (old.query.strip(), tuple(old.actions), old.enabled)
            != (entry.query.strip(), tuple(entry.actions), entry.enabled)
        ]
        if differing:
            raise DeskError(
                f"{len(differing)} rule(s) of that name say something else: "
                f"{', '.join(differing)}; nothing was imported (add --force to replace them)"
            )
    added = desk.import_rules(text)
    replaced = [r.name for r in added if r.name in before]
    said = f" (replacing {len(replaced)} of that name: {', '.join(replaced)})" if replaced else ""
    output.notice(f"imported {len(added)} rule(s): {', '.join(r.name for r in added)}{said}")
    return EXIT_OK


def _list(desk: Desk, as_json: bool) -> int:
    rules = desk.rules()
    if as_json:
        output.print_json([r.as_dict() for r in rules])
        return EXIT_OK
    if not rules:
        output.notice("no rules; add one: newsdesk rules add NAME QUERY ACTION...")
        return EXIT_OK
    # The list is the command's output (stdout, so `rules list | grep x` works), as
    # every other list command's; only messages go to stderr.
    for rule in rules:
        line = (
            f"{rule.name}: {rule.query} -> {' '.join(rule.actions)}  "
            f"(today {rule.matched_today}, in all {rule.matched_total})"
            + ("" if rule.enabled else "  [off]")
        )
        output.out.print(Text(output.inert(line, one_line=True)))
    return EXIT_OK
