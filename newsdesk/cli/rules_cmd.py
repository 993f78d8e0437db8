"""`newsdesk rules`: list, add, replace, remove, apply, test, export and import the desk's rules."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from rich.text import Text

from newsdesk.cli import output
from newsdesk.cli.commands import EXIT_ERROR, write_text_file
from newsdesk.cli.path_args import EMPTY_INPUT, output_path
from newsdesk.config import not_text
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


#: Each action: what its operands are, and its help (`rules ACTION --help`).
ACTIONS: dict[str, tuple[str, str]] = {
    "list": ("-", "every rule, in the order they run"),
    "add": ("NAME QUERY ACTION", "add a rule: NAME QUERY ACTION..."),
    "replace": ("NAME QUERY ACTION", "replace the rule NAME: NAME QUERY ACTION..."),
    "remove": ("NAME", "remove the rule NAME"),
    "apply": ("NAME", "run the rules (the named ones, else every one on) over the queue now"),
    "test": ("QUERY", "what QUERY matches now; nothing is changed"),
    "enable": ("NAME", "switch the rule NAME on"),
    "disable": ("NAME", "switch the rule NAME off"),
    "move": ("NAME POSITION", "move the rule NAME to POSITION (1 runs first)"),
    "export": ("-", "write the rules as TOML (-o FILE, else stdout)"),
    "import": ("FILE", "add the rules of a TOML FILE"),
}
FORCE_HELP = "export: replace an existing file; import: replace rules of the same name that differ"
OUTPUT_HELP = "export: the file to write (default stdout)"


class _Intermixed(argparse.ArgumentParser):
    """An action's parser that reads its options between its operands too: argparse
    fills a list of operands once, so `add NAME --json QUERY ACTION` left QUERY over."""

    _inside = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._inside:  # the intermixed parse runs the plain one twice
            return super().parse_known_args(args, namespace)
        self._inside = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._inside = False


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
    p.add_argument("--json", action="store_true")
    p.add_argument("--output", "-o", default=None, type=output_path, help=OUTPUT_HELP)
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    # Each action its own parser, as `saved` has: one list of operands for all of them
    # ended at the first option (`rules import --force FILE` refused FILE).
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Intermixed)
    # After add_subparsers: its own default (None) would win over one set before it.
    p.set_defaults(action="list", rest=[])
    for name, (operands, helptext) in ACTIONS.items():
        a = actions.add_parser(name, help=helptext, description=helptext)
        if operands == "-":
            a.set_defaults(rest=[])
        else:
            a.add_argument("rest", nargs="*", metavar=operands)
        # SUPPRESS: an action's own default would undo an option given before the action.
        a.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
        if name == "export":
            a.add_argument(
                "--output", "-o", default=argparse.SUPPRESS, type=output_path, help=OUTPUT_HELP
            )
        if name in ("export", "import"):
            a.add_argument(
                "--force", action="store_true", default=argparse.SUPPRESS, help=FORCE_HELP
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
        if len(rest) != 2:
            raise DeskError(f"rules move needs NAME POSITION (1 runs first); {USAGE}")
        position = _position(rest[1])
        order = desk.move_rule(rest[0], position)
        if position > len(order):
            # The Desk puts it last; said, as a typo (99 for 9) would otherwise pass unseen.
            output.notice(
                f"there are {len(order)} rule(s): {rest[0]} now runs last (position {len(order)})"
            )
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
    if rest[0] == "":
        raise DeskError(EMPTY_INPUT)  # Path("") read the shell's folder
    try:
        text = Path(rest[0]).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DeskError(
            f"cannot read {rest[0]}: it is {not_text(exc)}, not a rules file"
            " (`newsdesk rules export` writes one)"
        ) from None
    except OSError as exc:
        raise DeskError(f"cannot read {rest[0]}: {exc}") from None
    before = {rule.name: rule for rule in desk.rules()}
    warnings: list[str] = []
    entries = rules_from_toml(text, warnings)
    for warning in warnings:
        output.notice(f"{rest[0]}: {warning}")
    if not entries:
        output.notice(f"{rest[0]} has no [[rule]] tables: nothing was imported")
        return EXIT_OK
    if not args.force:
        # "A rule is never replaced by accident": the same rules again are fine, a rule
        # of that name that says something else is replaced only when asked.
        differing = [
            entry.name
            for entry in entries
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


def _position(text: str) -> int:
    """A rule's place in the order: a whole number, 1 or more (1 runs first)."""
    try:
        position = int(text)
    except ValueError:
        raise DeskError(
            f"rules move: the position is a whole number (1 runs first), not {text!r}"
        ) from None
    if position < 1:
        raise DeskError(f"rules move: position must be 1 or more (1 runs first), not {position}")
    return position


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
