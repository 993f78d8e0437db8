"""`newsdesk feeds ...` (subscriptions, OPML) and `newsdesk fetch` (get new items now)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

from rich.table import Table
from rich.text import Text

from newsdesk.cli import output
from newsdesk.cli.commands import EXIT_ERROR, EXIT_OK, EXIT_USAGE, sync_index, write_text_file
from newsdesk.counting import counted
from newsdesk.desk import Desk
from newsdesk.feeds.schedule import parse_every, show_every
from newsdesk.feeds.service import FeedOutcome
from newsdesk.feeds.subscription import Subscription
from newsdesk.sanitize import clean_line


def _when(iso: str | None) -> str:
    if not iso:
        return "never"
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


#: How a feed's status is shown, in the table and in the narrow list alike.
_STATUS_STYLE = {"failing": "red", "paused": "yellow"}


def _list(desk: Desk, args: argparse.Namespace) -> int:
    subs = desk.feeds()
    if args.json:
        output.print_json([s.as_dict() for s in subs])
        return EXIT_OK
    if not subs:
        output.notice("no feeds yet: `newsdesk feeds add URL` or `newsdesk feeds import FILE.opml`")
        return EXIT_OK
    widest = max(len(s.name) for s in subs) + max(
        max(len(s.shown_url), len(s.last_error or "")) for s in subs
    )
    if output.out.width < widest + TABLE_FIELDS_WIDTH:
        _list_narrow(subs)
        return EXIT_OK
    table = Table(box=None, pad_edge=False)
    for column in ("name", "status", "every", "items", "unread", "last fetched", "last success"):
        table.add_column(column, no_wrap=True)
    table.add_column("url / last error", overflow="fold")
    for s in subs:
        status_style = _STATUS_STYLE.get(s.status, "")
        detail = Text(clean_line(s.shown_url))
        if s.last_error:
            detail.append("\n" + clean_line(s.last_error), style="red")
        table.add_row(
            Text(s.name, style="bold"),
            Text(s.status, style=status_style),
            show_every(s.every_s),
            str(s.items),
            str(s.unread),
            _when(s.last_fetched),
            _when(s.last_success),
            detail,
        )
    output.out.print(table)
    return EXIT_OK


#: The table's columns other than name and URL, with the gaps between them. Where the
#: widest name and URL do not fit beside them, the URLs would fold (at 80 columns a
#: character a line): one feed takes two or three lines instead (its fields, then its
#: URL, then its last error).
TABLE_FIELDS_WIDTH = 78


def _list_narrow(subs: list[Subscription]) -> None:
    for s in subs:
        status_style = _STATUS_STYLE.get(s.status, "")
        output.out.print(
            Text.assemble(
                (s.name, "bold"),
                "  ",
                (s.status, status_style),
                f"  every {show_every(s.every_s)}  {counted(s.items, 'item')}, {s.unread:,} unread",
            )
        )
        output.out.print(Text("    " + clean_line(s.shown_url)), overflow="fold")
        fetched = f"fetched {_when(s.last_fetched)}, last success {_when(s.last_success)}"
        output.out.print(Text("    " + fetched, style="dim"))
        if s.last_error:
            output.out.print(Text("    " + clean_line(s.last_error), style="red"), overflow="fold")


def _describe(sub: Subscription) -> str:
    extra = ", full text" if sub.full_text else ""
    tags = f", tags {', '.join(sub.tags)}" if sub.tags else ""
    return f"{sub.name}: {sub.shown_url} (every {show_every(sub.every_s)}{extra}{tags})"


def _say_name_made(given: str | None, name: str) -> None:
    """Say so when the name a feed is called by is not the --name given as typed."""
    if given is not None and given != name:
        output.notice(
            f"named {name}, not {given!r}: feed names are lower case, words joined by "
            f"dashes (feed:{name} finds its articles)"
        )


def _set(desk: Desk, args: argparse.Namespace) -> int:
    if args.no_tags and args.tag:
        output.error("give --tag or --no-tags, not both")
        return EXIT_USAGE
    tags = [] if args.no_tags else args.tag
    if args.name is None and args.every is None and args.full_text is None and tags is None:
        output.error("say what to change: --name, --every, --full-text/--no-full-text, --tag")
        return EXIT_USAGE
    every = parse_every(args.every) if args.every is not None else None
    done = desk.change_feed(
        args.feed, name=args.name, every_s=every, full_text=args.full_text, tags=tags
    )
    if args.json:
        output.print_json(
            done.feed.as_dict() | {"renamed_from": done.renamed_from, "still_old": done.still_old}
        )
        return EXIT_OK
    output.out.print(Text.assemble(("changed ", "bold"), _describe(done.feed)))
    if done.renamed_from:
        # One line: the name it had, the name it is called by and why it differs from
        # the one typed (two notes said "feed:NAME finds its articles" twice).
        typed = args.name if args.name is not None and args.name != done.feed.name else None
        why = f" (not {typed!r}: feed names are lower case, words joined by dashes)"
        output.notice(
            f"renamed from {done.renamed_from}{why if typed else ''}: "
            f"feed:{done.feed.name} finds its articles"
        )
    else:
        _say_name_made(args.name, done.feed.name)
    for what in done.still_old:
        output.notice(
            f"{what} still says feed:{done.renamed_from}, a name no feed has now: edit it"
        )
    return EXIT_OK


def cmd_feeds(desk: Desk, args: argparse.Namespace) -> int:
    action = args.feeds_action or "list"
    if action == "list":
        if not hasattr(args, "json"):
            args.json = False
        return _list(desk, args)
    if action == "add":
        every = parse_every(args.every) if args.every else None
        sub = desk.add_feed(
            args.url, name=args.name, every_s=every, full_text=args.full_text, tags=args.tag
        )
        if args.json:
            output.print_json(sub.as_dict())
        else:
            # The name it is called by (`feed:a`), as made of --name ("A" is "a").
            output.out.print(Text.assemble(("subscribed as ", "bold"), _describe(sub)))
            _say_name_made(args.name, sub.name)
        return EXIT_OK
    if action == "remove":
        done = desk.remove_feed(args.feed)
        sub = done.feed
        output.out.print(
            Text.assemble(("removed ", "bold"), f"{sub.name} ({sub.shown_url}); its articles stay")
        )
        for what in done.still_old:
            output.notice(f"{what} still says feed:{sub.name}, a name no feed has now: edit it")
        return EXIT_OK
    if action == "set":
        return _set(desk, args)
    if action in ("pause", "resume"):
        sub = desk.pause_feed(args.feed, action == "pause")
        output.out.print(Text.assemble((f"{action}d ", "bold"), sub.name))
        return EXIT_OK
    if action == "import":
        report = desk.import_opml(Path(args.file))
        if args.json:
            output.print_json(report.as_dict())
        else:
            output.out.print(
                Text.assemble(
                    ("subscribed ", "bold"),
                    str(len(report.added)),
                    ("  skipped ", "bold"),
                    str(len(report.skipped)),
                )
            )
            for url, reason in report.skipped:
                output.out.print(Text.assemble(("  - ", "yellow"), clean_line(url), ": ", reason))
            for url, note in report.notes:
                output.out.print(Text.assemble(("  ~ ", "yellow"), clean_line(url), ": ", note))
        return EXIT_OK if report.added or not report.skipped else EXIT_ERROR
    if action == "export":
        text = desk.export_opml()
        if args.output in (None, "-"):
            sys.stdout.write(text)
        else:
            if not write_text_file(Path(args.output), text, args.force):
                return EXIT_ERROR
            output.notice(f"wrote {counted(len(desk.feeds()), 'feed')} to {args.output}")
        return EXIT_OK
    output.error(f"unknown feeds action {action!r}")
    return EXIT_USAGE


def _line(outcome: FeedOutcome) -> Text:
    if outcome.status == "failed":
        line = Text.assemble(
            ("✗ ", "red"), (outcome.name, "bold"), ": failed: ", clean_line(outcome.reason or "")
        )
    elif outcome.status == "new":
        told = f", {outcome.updated} updated" if outcome.updated else ""
        kept = outcome.duplicates - outcome.updated - outcome.deleted
        stored = f", {kept} already stored" if kept else ""
        line = Text.assemble(
            ("+ ", "green"),
            (outcome.name, "bold"),
            f": {outcome.new} new{told}{stored}{_deleted(outcome, ', ')}"
            f"{_kept_longer(outcome, ', ')}",
        )
    else:
        # An item the editor deleted is not stored: said apart ("5 items already
        # stored" counted it among 4 that were).
        there = outcome.duplicates - outcome.deleted
        said = [f"{counted(there, 'item')} already stored"] if there else []
        said += [_deleted(outcome, "")] if outcome.deleted else []
        dupes = f" ({'; '.join(said)}{_kept_longer(outcome, '; ')})" if said else ""
        if outcome.cut_short:
            # Failed, not "unchanged": the rest of the feed was never read (its warning
            # below says where it stopped).
            line = Text.assemble(("✗ ", "red"), (outcome.name, "bold"), f": cut short{dupes}")
        else:
            line = Text.assemble(("= ", "dim"), (outcome.name, "bold"), f": unchanged{dupes}")
    if outcome.message:
        # It may quote a URL the server sent (a redirect's Location).
        line.append(f"\n  {clean_line(outcome.message)}", style="yellow")
    for warning in outcome.warnings[:5]:
        line.append(f"\n  ! {clean_line(warning)}", style="yellow")
    return line


def _deleted(outcome: FeedOutcome, joint: str) -> str:
    """ ", 1 you deleted left out": items the feed still lists that the editor deleted."""
    if not outcome.deleted:
        return ""
    return f"{joint}{outcome.deleted} you deleted left out"


def _kept_longer(outcome: FeedOutcome, joint: str) -> str:
    """ ", 1 told again shorter: its stored text kept": a teaser or a cut telling refused
    (else an article that kept its text seemed not to be looked at)."""
    if not outcome.kept_longer:
        return ""
    told = counted(outcome.kept_longer, "item")
    their = "its" if outcome.kept_longer == 1 else "their"
    return f"{joint}{told} told again shorter: {their} stored text kept"


#: The longest --timeout taken (seconds): an hour is already no timeout for a feed.
MAX_TIMEOUT_S = 3600


def cmd_fetch(desk: Desk, args: argparse.Namespace) -> int:
    from newsdesk.feeds.http import Limits

    limits = Limits()
    if args.timeout is not None:
        # "inf" and "nan" parse as floats: one overflowed the clock, the other failed
        # every feed (and backed it off).
        if not (0 < args.timeout <= MAX_TIMEOUT_S):
            output.error(f"--timeout must be a number of seconds from above 0 to {MAX_TIMEOUT_S}")
            return EXIT_USAGE
        # The whole request, as the help says; the waits within it are never longer.
        limits.total_timeout = args.timeout
        limits.connect_timeout = min(limits.connect_timeout, args.timeout)
        limits.read_timeout = min(limits.read_timeout, args.timeout)

    def on_progress(outcome: FeedOutcome, done: int, total: int) -> None:
        if not args.json:
            # Each line is printed once its feed is stored: what is reported is kept.
            output.out.print(_line(outcome))
            sys.stdout.flush()

    started = time.monotonic()
    summary = desk.fetch(args.names, every=args.all, limits=limits, progress=on_progress)
    if summary.new and not args.no_index:
        try:
            sync_index(desk)
        except OSError as exc:
            output.notice(f"the search index was not updated ({exc.strerror or exc})")
    notified = desk.take_notifications()
    if args.json:
        output.print_json({**summary.as_dict(), "notified": output.notified_dicts(notified)})
    elif not summary.feeds:
        feeds = desk.feeds()
        if feeds and summary.paused == len(feeds):
            output.notice("every feed is paused: `newsdesk feeds resume NAME` resumes one")
        elif feeds and args.all:
            # --all leaves out only paused feeds and those a server asked to wait.
            why = ", ".join(_passed_over(summary.skipped, summary.paused, every=True))
            output.notice(f"nothing to fetch: {why}")
        elif feeds:
            output.notice("no feed is due; `newsdesk fetch --all` fetches them anyway")
        else:
            output.notice("no feeds yet: `newsdesk feeds add URL` or `newsdesk feeds import FILE`")
    else:
        output.print_notified(notified)
        data = summary.as_dict()
        output.out.print(
            Text.assemble(
                ("new ", "bold"),
                str(summary.new),
                ("  updated ", "bold"),
                str(summary.updated),
                ("  unchanged ", "bold"),
                str(data["unchanged"]),
                ("  failed ", "bold"),
                (str(len(summary.failed)), "red" if summary.failed else ""),
                f"  ({counted(len(summary.feeds), 'feed')} in {time.monotonic() - started:.1f} s",
                _left_out(summary.skipped, summary.paused, every=args.all),
            )
        )
        if ruled := summary.rules_said():
            # As `import` and `watch` say it: else a killfiled arrival seemed to vanish.
            shows = " (is:archived shows them)" if summary.archived_on_arrival else ""
            output.notice(f"rules on arrival: {ruled}{shows}")
    return EXIT_ERROR if summary.feeds and len(summary.failed) == len(summary.feeds) else EXIT_OK


def _left_out(skipped: int, paused: int, *, every: bool) -> str:
    """ ", 1 not due, 4 paused)": how the summary line ends."""
    return "".join(f", {part}" for part in _passed_over(skipped, paused, every=every)) + ")"


def _passed_over(skipped: int, paused: int, *, every: bool) -> list[str]:
    """The feeds a fetch passed over, by why (`--all` passes over only paused feeds and
    those a server asked to wait: 429/503 Retry-After)."""
    parts = []
    waiting = skipped - paused
    if waiting:
        parts.append(
            f"{waiting} held back (the server asked to wait)" if every else f"{waiting} not due"
        )
    if paused:
        parts.append(f"{paused} paused")
    return parts
