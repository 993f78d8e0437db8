"""`newsdesk watch DIR...`: import files dropped into folders, in the foreground."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from rich.text import Text

from newsdesk.cli import output
from newsdesk.cli.commands import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    archived_on_arrival,
    sync_index,
)
from newsdesk.config import load_settings
from newsdesk.counting import counted
from newsdesk.desk import Desk, ImportSummary
from newsdesk.sanitize import clean_line, display, display_json
from newsdesk.watch import check_folders


def cmd_watch(desk: Desk, args: argparse.Namespace) -> int:
    folders = [Path(f) for f in args.folders]
    if not folders:
        folders = load_settings(desk.paths).watch_folders  # its problems: said by main
    if not folders:
        output.error("no folder to watch: give DIR... or set [watch] folders in config.toml")
        return EXIT_USAGE
    if args.settle is not None and not 0 <= args.settle <= 3600:
        output.error("--settle must be between 0 and 3600 seconds")
        return EXIT_USAGE
    stop = threading.Event()

    def on_term(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    # A service manager stops us with SIGTERM: finish the file in hand, then leave.
    previous = signal.signal(signal.SIGTERM, on_term)

    kept = [0, 0]  # articles stored, files read: said when Ctrl-C ends the watch

    def on_import(summary: ImportSummary) -> None:
        kept[0] += summary.imported
        kept[1] += len(summary.files)
        if summary.imported or summary.updated:
            try:
                sync_index(desk)
            except OSError as exc:
                output.notice(f"the search index was not updated ({exc.strerror or exc})")
        notified = desk.take_notifications()
        if args.json:
            # The fields `import --json` gives, so a script reads both alike.
            data = {
                **summary.as_dict(),
                "archived_on_arrival": archived_on_arrival(desk, summary.imported_ids),
                "notified": output.notified_dicts(notified),
            }
            sys.stdout.write(display_json(data, indent=None) + "\n")
        else:
            output.print_notified(notified)
            for outcome in summary.files:
                name = display(outcome.path, name=True)
                if outcome.error:
                    output.out.print(Text.assemble(("✗ ", "red"), name, ": ", outcome.error))
                else:
                    dupes = f", {outcome.duplicates} already stored" if outcome.duplicates else ""
                    output.out.print(
                        Text.assemble(("+ ", "green"), name, f": {outcome.imported} new{dupes}")
                    )
                # As `import` and `fetch` print them: a bad line left out, a bad urgency.
                for warning in outcome.warnings:
                    if not (outcome.error and warning in outcome.error):
                        output.out.print(Text.assemble(("  ! ", "yellow"), clean_line(warning)))
            for path, article_id in summary.updated:
                # "Whole" only when the first text was cut short; else it was corrected.
                now = "the whole text" if article_id in summary.completed else "the corrected text"
                output.out.print(
                    Text.assemble(
                        ("~ ", "cyan"),
                        display(path, name=True),
                        f": written again; its article {article_id[:10]} now has {now}",
                    )
                )
        sys.stdout.flush()

    def on_error(message: str) -> None:
        output.notice(message)

    # Checked before saying "watching": a missing folder is the whole answer (exit 1).
    folders = check_folders(folders)
    if not args.json:
        shown = ", ".join(display(str(f)) for f in folders)
        output.notice(f"watching {shown} (Ctrl-C to stop)")
    try:
        desk.watch_folders(
            folders,
            stop=stop,
            on_import=on_import,
            on_error=on_error,
            settle_s=args.settle,
            initial=not args.no_initial,
        )
    except KeyboardInterrupt:
        # As `import` ends on Ctrl-C: what was kept, and 130. (A file being imported
        # when it came is all or nothing, and is imported at the next watch.)
        output.notice(_stopped_line(kept))
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)
    if stop.is_set():  # SIGTERM, after the files in hand
        output.notice(_stopped_line(kept, "SIGTERM"))
        return 128 + signal.SIGTERM
    return EXIT_OK


def _stopped_line(kept: list[int], why: str = "") -> str:
    # Each file is stored whole or not at all, the ones in hand too, which no line has
    # reported yet: the count is of those reported.
    said = f" ({why})" if why else ""
    return (
        f"stopped{said}: {counted(kept[0], 'article')} reported stored from "
        f"{counted(kept[1], 'file')}; each file in hand is stored whole or not at all"
    )
