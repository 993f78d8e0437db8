"""Argument parsing and dispatch for `newsdesk`.

Every command goes through the Desk, the same service the TUI uses. Errors a
user can cause end in a one-line message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import NoReturn

from newsdesk import __version__
from newsdesk.cli import output
from newsdesk.cli.argv_masks import (
    command_parser,
    mask,
    short_options,
    unmask,
    unmask_value,
)
from newsdesk.cli.commands import EXIT_ERROR, EXIT_OK, EXIT_USAGE, HANDLERS
from newsdesk.cli.path_args import input_path, output_path
from newsdesk.config import STORE_ENV, store_url
from newsdesk.desk import BIG_ACTION, SORTS, Desk
from newsdesk.errors import DeskError, QuerySyntaxError
from newsdesk.library_logs import quiet_library_logs
from newsdesk.paths import resolve
from newsdesk.sanitize import display

#: A process ended by SIGPIPE (128 + 13), what a shell reports for `git log | head`.
EXIT_SIGPIPE = 141


#: A password in what the user typed: in a URL ("://user:secret@") or a conninfo.
_PASSWORD = re.compile(r"(://[^/\s:@]*:)[^@\s]*@|(\bpassword\s*=\s*)\S+", re.IGNORECASE)


def hide_passwords(text: str) -> str:
    """`text` with every password in it shown as ***."""
    return _PASSWORD.sub(lambda m: f"{m[1]}***@" if m[1] else f"{m[2]}***", text)


class _Parser(argparse.ArgumentParser):
    """argparse, whose usage errors never print a password: an option it did not expect
    (`--store postgresql://ana:secret@...` after the command) was echoed whole."""

    def error(self, message: str) -> NoReturn:
        super().error(hide_passwords(message))


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = _Parser(
        prog="newsdesk",
        description="Triage a news queue in the terminal. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    parser.add_argument(
        "--data-dir",
        type=_data_dir,
        default=None,
        help="use this data directory (default: the user data dir, or $NEWSDESK_DATA_DIR)",
    )
    parser.add_argument(
        "--store",
        default=None,
        metavar="URL",
        help="work on the shared desk at this postgresql:// URL "
        "(default: $NEWSDESK_STORE, else [store] url in config.toml, else the data directory)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("app", help="open the triage app (the default)")
    sub.add_parser("paths", help="print where data, config and cache live").add_argument(
        "--json", action="store_true"
    )

    p = sub.add_parser(
        "import",
        help="import files and folders (text, HTML, feeds, Markdown, JSON, CSV, wire copy)",
        description=(
            "Import files and folders (folders recursively): text copies of pages, HTML "
            "(also .html.gz), RSS/Atom/JSON feeds, Markdown with front matter, JSON Lines "
            "and JSON lists, CSV tables, and agency wire copy (NITF, NewsML-G2, ninjs). "
            "A bad file is reported with its reason and skipped; the rest import. "
            "Exit status 1 only when every file failed."
        ),
    )
    p.add_argument(
        "paths",
        nargs="+",
        type=input_path,
        help="files or folders; - reads standard input (kept in the data folder's piped/)",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--no-index", action="store_true", help="store only; index later")

    p = sub.add_parser("inspect", help="extract a file without storing it; prints JSON")
    p.add_argument("file", type=input_path)
    p.add_argument("--json", action="store_true", help="(default) print JSON")

    for name, helptext in (
        ("search", "ranked search with the query syntax"),
        ("list", "list articles newest first, filtered by a query"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("query", nargs="*" if name == "list" else "+")
        p.add_argument("--json", action="store_true")
        p.add_argument(
            "--format",
            choices=("table", "json", "tsv"),
            default="table",
            help="tsv: id, markers, published, source, headline, tags; tab-separated, no header",
        )
        p.add_argument(
            "--limit",
            type=_row_limit,
            default=20 if name == "search" else 50,
            help="rows to show; 0 for every match",
        )
        if name == "search":
            p.add_argument("--sort", choices=SORTS, default="relevance")
        else:
            p.add_argument(
                "--sort",
                choices=("newest", "urgency"),
                default="newest",
                help="urgency: wire copy most urgent first (flash), then newest",
            )

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("tag", help="add (+tag) or remove (-tag) tags on ids or a query")
    p.add_argument("args", nargs="+", metavar="ID_OR_QUERY|+tag|-tag")
    p.add_argument("--json", action="store_true")
    _add_target_options(p)

    for name, helptext in (
        ("star", "star articles (ids or a query)"),
        ("unstar", "unstar articles"),
        ("read", "mark articles read"),
        ("unread", "mark articles unread"),
        ("archive", "archive articles (hidden from the inbox; reversible)"),
        ("unarchive", "bring archived articles back"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("targets", nargs="*", metavar="ID_OR_QUERY")
        p.add_argument("--json", action="store_true")
        _add_target_options(p)

    p = sub.add_parser(
        "delete", help="delete articles (ids or a query); `newsdesk undo` brings them back"
    )
    p.add_argument("targets", nargs="*", metavar="ID_OR_QUERY")
    p.add_argument("--json", action="store_true")
    _add_target_options(p)

    for name, helptext in (
        ("claim", "claim articles or stories (shown to every editor; all or none)"),
        ("release", "let go of your claims"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("targets", nargs="*", metavar="ID_OR_QUERY")
        p.add_argument("--json", action="store_true")
        # As every triage action: a query of many articles asks first (claimed 81 at once).
        _add_target_options(p)

    p = sub.add_parser("note", help="set the note on one article (an empty TEXT removes it)")
    p.add_argument("id")
    p.add_argument("text", nargs="*", default=[])  # optional: usage names only id
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("undo", help="undo the last action or import (repeat to go further back)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("history", help="recent triage actions, with who did them")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--editor", default=None, metavar="NAME", help="only this editor's actions")
    p.add_argument(
        "--prune",
        action="store_true",
        help="now drop every batch older than [history] keep_days (no longer undoable)",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("imports", help="the import log: recent imports, failures, interrupted")
    p.add_argument("--limit", type=int, default=20, help="imports shown (0: every one kept)")
    p.add_argument("--json", action="store_true")

    sub.add_parser("reindex", help="rebuild the search index from the store")

    p = sub.add_parser("export", help="export articles to Markdown, JSON or CSV")
    p.add_argument("query", nargs="*", help="a query (default: starred articles)")
    p.add_argument("--ids", nargs="+", default=None, help="export these article ids")
    p.add_argument("--format", "-f", choices=("md", "md-files", "json", "csv"), default="md")
    p.add_argument(
        "--output",
        "-o",
        default=None,
        type=output_path,
        help="file or folder (a path ending in / is a folder, made if missing: the export "
        "goes in it under a default name, or for md-files the files do); '-' for stdout",
    )
    p.add_argument("--summary", action="store_true", help="only the first paragraphs of each body")
    p.add_argument(
        "--force",
        action="store_true",
        help="overwrite existing files (a default name is never in the way: "
        "a taken one gets -2, -3, ...)",
    )
    p.add_argument(
        "--include-killed", action="store_true", help="export wire items the agency killed"
    )
    p.add_argument(
        "--include-embargoed", action="store_true", help="export wire items still embargoed"
    )

    p = sub.add_parser("stories", help="stories: articles grouped across outlets")
    p.add_argument("query", nargs="*")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="include single-article stories")
    p.add_argument(
        "--regroup",
        action="store_true",
        help="group every article again with the current grouping (after an upgrade)",
    )

    p = sub.add_parser("diff", help="what one version of a story has that another lacks")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("saved", help="saved searches: list, add NAME QUERY, remove NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(action="list", rest=[], replace=False)
    # Each action its own parser: `saved add --replace NAME QUERY` reads its flag wherever it
    # stands (one list of operands for all three ended at the first option).
    saved = p.add_subparsers(dest="action", metavar="ACTION")
    for name, helptext in (
        ("list", "list the saved searches"),
        ("add", "save QUERY as NAME (--replace: replace a search of that name)"),
        ("remove", "remove the saved search NAME"),
    ):
        a = saved.add_parser(name, help=helptext)
        a.add_argument("rest", nargs="*", metavar="NAME_OR_QUERY")
        # SUPPRESS: an action's own default would undo `saved --json` given before it.
        a.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
        if name == "add":
            a.add_argument("--replace", action="store_true", help="replace a search of that name")

    from newsdesk.cli.feeds_args import add_parsers as add_feed_parsers

    add_feed_parsers(sub)

    from newsdesk.cli.rules_cmd import add_parser as add_rules_parser

    add_rules_parser(sub)

    from newsdesk.cli.store_cmd import add_parser as add_store_parser

    add_store_parser(sub)

    p = sub.add_parser("doctor", help="check the store and index; repair what can be repaired")
    p.add_argument("--json", action="store_true")
    return parser


def _row_limit(text: str) -> int:
    """A row count: 0 or more (0 is every row)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (every row) or more")
    return value


def _add_target_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--all", action="store_true", help="act on every article (same as in:all)")
    p.add_argument(
        "--yes",
        action="store_true",
        help=f"act without asking even when a query finds more than {BIG_ACTION} articles",
    )


def _say_config_problems(desk: Desk) -> None:
    """config.toml's problems, as the app says them when it starts: a file that is not
    TOML was ignored by every command without a word (keys.toml is the app's alone)."""
    from newsdesk.config import load_settings

    for problem in load_settings(desk.paths).errors:
        if problem.startswith(desk.paths.config_file.name):
            output.notice(problem)


def _refuse_unsound_store(args: argparse.Namespace, command: str) -> None:
    """Refuse a damaged database before any command reads or writes it (some did, where
    they missed the bad pages), and one emptied under its index (a zero-byte file, a
    file with no articles): opening that set up an empty desk and wiped the index,
    the evidence of what was there. `reindex` says the editor wants the empty desk."""
    paths = resolve(args.data_dir)
    if store_url(paths):
        return
    from newsdesk.doctor.emptied import emptied_message, emptied_store
    from newsdesk.doctor.quick_check import damage_found

    damage = damage_found(paths.database)
    if damage is not None:
        raise DeskError(damage)
    if command == "reindex":
        return
    evidence = emptied_store(paths)
    if evidence is not None:
        raise DeskError(emptied_message(paths, evidence) + "; `newsdesk doctor` checks the rest")


#: Commands that read or change what a desk holds: on a `--data-dir` that does not exist
#: they would make an empty desk there and answer from it ("no matches", exit 0).
NEED_A_DESK = frozenset(
    {
        "search", "list", "show", "tag", "note", "star", "unstar", "read", "unread",
        "archive", "unarchive", "delete", "undo", "history", "export", "stories", "claim",
        "release", "diff", "imports",
    }
)  # fmt: skip


def _refuse_missing_data_dir(args: argparse.Namespace, command: str) -> None:
    """A mistyped `--data-dir` made a new empty desk (at the filesystem's root, when the
    path began with a missing folder) and a search of it said "no matches"."""
    if args.data_dir is None or command not in NEED_A_DESK or args.store:
        return
    folder = Path(args.data_dir).expanduser()
    if not folder.exists():
        raise DeskError(
            f"no desk at {display(folder, name=True)}: the folder does not exist (a typo?); "
            "`newsdesk import` makes a desk in a new folder"
        )


def _checked_file_left_whole(args: argparse.Namespace) -> None:
    """A command that ran to its end on a file found whole leaves it whole: the next one
    skips the whole-file check (its own writes are not damage)."""
    paths = resolve(args.data_dir)
    if store_url(paths):
        return
    from newsdesk.doctor.quick_check import mark_whole

    mark_whole(paths.database)


def _tolerant_streams() -> None:
    """A terminal whose encoding lacks the markers (●, ✓, ★: Latin-1, ASCII) gets "?"
    for them: printing one ended `list`, `search` and `doctor` with an encoding error."""
    for stream in (sys.stdout, sys.stderr):
        try:
            "●✓★…—".encode(getattr(stream, "encoding", None) or "utf-8")
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                with suppress(ValueError, OSError):
                    reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    # Library warnings (psycopg on a lost server, the index's "damaged" details)
    # would print as raw lines; the commands already tell the user in one plain line.
    quiet_library_logs()
    _tolerant_streams()
    parser = build_parser()
    # Queries and tag edits may start with a dash (`-japan`, `-is:read`, `-oldtag`):
    # argparse would take them for options, so they are masked while parsing.
    argv = list(sys.argv[1:] if argv is None else argv)
    # After `--` every word is an operand already (`newsdesk import -- -rf.txt`).
    end = argv.index("--") if "--" in argv else len(argv)
    shorts = short_options(parser)
    args, unknown = parser.parse_known_args([mask(a, shorts) for a in argv[:end]] + argv[end:])
    if unknown:
        # Said by the command's own parser, with its usage: the top-level one printed
        # `newsdesk [-h] ... COMMAND ...`, which says nothing of what `undo` takes.
        command_parser(parser, args.command).error(
            "unrecognized arguments: " + " ".join(unmask(a) for a in unknown)
        )
    # A masked word may land in any operand (a file named `-rf.txt`, a query): unmask all.
    for name, value in vars(args).items():
        setattr(args, name, unmask_value(value))
    command = args.command or "app"
    if args.store:
        # The Desk, the app and doctor all read it from there (config.store_url).
        os.environ[STORE_ENV] = args.store
    try:
        if command == "paths":
            return cmd_paths(args)
        if command == "app":
            return cmd_app(args)
        if command == "doctor":
            from newsdesk.cli.doctor import cmd_doctor

            return cmd_doctor(args)
        if command == "store":
            from newsdesk.cli.store_cmd import cmd_store

            return cmd_store(args)
        handler = HANDLERS[command]
        _refuse_missing_data_dir(args, command)
        _refuse_unsound_store(args, command)
        with _sigterm_as_interrupt(), Desk(resolve(args.data_dir)) as desk:
            desk.on_wait = _say_waiting
            _say_config_problems(desk)
            status = handler(desk, args)
        _checked_file_left_whole(args)
        return _reader_gone() if output.reader_left() else status
    except Terminated:
        output.error("stopped (SIGTERM); everything reported done is saved")
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        output.error("interrupted; everything reported done is saved")
        return 130
    except QuerySyntaxError as exc:
        output.error(str(exc))
        return EXIT_USAGE
    except DeskError as exc:
        output.error(str(exc))
        return EXIT_ERROR
    except ValueError as exc:
        # Date and argument errors below the query parser carry a readable message too.
        output.error(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        return _reader_gone()
    except OSError as exc:
        where = f"{exc.strerror or exc}: {exc.filename or ''}".strip(": ")
        if exc.errno == errno.ENOSPC:
            where += ". The disk is full: free some space and run the command again"
        output.error(where)
        return EXIT_ERROR
    except Exception as exc:  # last resort: a message and a log, never a traceback
        log = _write_crash_log()
        output.error(f"unexpected error: {exc!r}. Details were written to {log}")
        return EXIT_ERROR


def _data_dir(text: str) -> Path:
    """--data-dir's folder; an empty one is refused (Path("") is the shell's folder,
    where a desk was made without a word)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path names no folder")
    return Path(text)


class Terminated(KeyboardInterrupt):
    """SIGTERM (a service manager, cron's timeout, `kill`): the command stops as it does
    on Ctrl-C, so an import keeps what it committed as one step `undo` takes back."""


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM raises `Terminated` while a command runs (by default it killed the
    process between commits, so an import's stored articles were in no undo step), and
    the first Ctrl-C raises `KeyboardInterrupt`, the later ones are ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread
        return

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise Terminated

    interrupted = False

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        # Once: Ctrl-C pressed again while the first one unwinds (a worker pool shutting
        # down, a generator closing) printed "Exception ignored" tracebacks.
        nonlocal interrupted
        interrupted = True
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    previous_int = signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        if not interrupted:  # after one, later presses stay ignored until the process ends
            signal.signal(signal.SIGINT, previous_int)


def _reader_gone() -> int:
    """The command's output was piped to a reader that stopped reading (`| head -1`):
    end quietly, as `git log | head` does, with the status of a process ended by
    SIGPIPE. Whatever is still buffered goes nowhere: flushing it at exit would
    raise again."""
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_SIGPIPE


_WAIT_SAID_EVERY_S = 30.0
_wait_said_at: list[float] = []


def _say_waiting() -> None:
    # Once in a while, not at every wait: two imports into one desk take turns for
    # minutes, and the line came again at every batch.
    now = time.monotonic()
    if _wait_said_at and now - _wait_said_at[-1] < _WAIT_SAID_EVERY_S:
        return
    _wait_said_at[:] = [now]
    output.notice("another newsdesk is writing to the database; waiting for it to finish…")


def _write_crash_log() -> str:
    """Keep the traceback for a bug report without showing it to the user."""
    import traceback
    from datetime import datetime

    try:
        cache = resolve().cache_dir
        cache.mkdir(parents=True, exist_ok=True)
        log = cache / "crash.log"
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat()}\n{traceback.format_exc()}\n")
        return str(log)
    except OSError as exc:
        return f"(nowhere: {exc})"


def cmd_paths(args: argparse.Namespace) -> int:
    paths = resolve(args.data_dir)
    shown = paths.as_dict()
    url = store_url(paths)
    if url:
        from newsdesk.store import is_server_url

        if is_server_url(url):
            from newsdesk.store.postgresql import safe_url
            from newsdesk.store.postgresql.connections import index_name

            # The password never leaves: user, host, port and database only.
            shown["store"] = safe_url(url, normalised=True)
            # What a shared desk uses: no file here, and its own index folder (these
            # named the data directory's file and index, which it never touches).
            shown["database"] = "(none: the shared desk is the store)"
            shown["index_dir"] = str(paths.index_dir_for(index_name(url)))
        else:
            shown["store"] = "(not a postgresql:// address)"
    if args.json:
        output.print_json(shown)
    else:
        for key, value in shown.items():
            output.out.print(f"{key:>13}: {value}", markup=False)
    return EXIT_OK


def cmd_app(args: argparse.Namespace) -> int:
    from newsdesk.tui import run

    paths = resolve(args.data_dir)
    if not store_url(paths):
        # As the commands refuse them, with the cheap looks only: SQLite's whole-file
        # check would cost the first screen a third of a second on a big desk.
        from newsdesk.doctor.emptied import emptied_message, emptied_store
        from newsdesk.store.sqlite.connections import marked_damage

        damage = marked_damage(paths.database)
        if damage is not None:
            raise DeskError(damage)
        evidence = emptied_store(paths)
        if evidence is not None:
            raise DeskError(
                emptied_message(paths, evidence) + "; `newsdesk doctor` checks the rest"
            )
    if not output.has_terminal():
        # Without one the app ran on, invisible, at full CPU until killed (a script or
        # cron job that forgot the command's name).
        raise DeskError(
            "the app needs a terminal, and its input or error output is not one: "
            "give a command (`newsdesk list`, `newsdesk import`...); see `newsdesk --help`"
        )
    return run(paths)  # 1 when the app ended on an error


if __name__ == "__main__":
    sys.exit(main())
