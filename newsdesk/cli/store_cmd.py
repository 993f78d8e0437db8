"""`newsdesk store migrate --from SRC --to DST`: copy a whole desk into an empty one.

Like doctor, it does not open the Desk of the data directory: it names both
desks itself (`sqlite`, a SQLite file, or a postgresql:// URL) and asks
`desk.migrate_store` to copy. Addresses are shown without their password.
"""

from __future__ import annotations

import argparse

from newsdesk.cli import output
from newsdesk.config import editor_name
from newsdesk.desk import migrate_store
from newsdesk.paths import resolve
from newsdesk.store import describe

EXIT_OK = 0
EXIT_ERROR = 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("store", help="the desk's store: copy a desk into a shared one")
    verbs = p.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    m = verbs.add_parser(
        "migrate",
        help="copy everything from one desk into an empty one (e.g. into a shared desk)",
    )
    m.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="DESK",
        help="'sqlite' (the desk in the data directory), a SQLite file, or a postgresql:// URL",
    )
    m.add_argument("--to", dest="target", required=True, metavar="DESK", help="an empty desk")
    m.add_argument("--json", action="store_true", help="print the report as JSON")


def cmd_store(args: argparse.Namespace) -> int:
    """Copy, print rows per table and the state checksum; exit 1 if the checksums differ."""
    paths = resolve(getattr(args, "data_dir", None))

    def copying(table: str) -> None:
        if not args.json:
            output.notice(f"copying {table}…")

    report = migrate_store(paths, args.source, args.target, copying)
    if args.json:
        output.print_json(
            {"from": describe(args.source), "to": describe(args.target)} | report.as_dict()
        )
    else:
        output.out.print(
            f"copied {describe(args.source)} -> {describe(args.target)}",
            markup=False,
            soft_wrap=True,
        )
        for table, rows in sorted(report.rows.items()):
            if table != "meta":
                output.out.print(f"  {table:<16} {rows:>9,}", markup=False, soft_wrap=True)
        output.out.print(
            f"  {'articles (read back)':<16} {report.articles:>9,}", markup=False, soft_wrap=True
        )
        output.out.print(f"state checksum: {report.target_checksum}", markup=False, soft_wrap=True)
    if not report.same:
        removed = "; the incomplete copy was removed" if report.removed else ""
        if report.source_changed:
            output.error(
                "the source desk changed while it was copied (an editor wrote to it)"
                f"{removed}; keep using the source, and copy again when nobody is writing"
            )
        else:
            output.error(
                f"the copy differs from the source (source {report.source_checksum}, "
                f"copy {report.target_checksum}){removed}; keep using the source and report this"
            )
        return EXIT_ERROR
    if not args.json:
        output.out.print("the copy matches the source", markup=False, soft_wrap=True)
        if _shared(args.source) and not _shared(args.target):
            # A desk file has one read flag: whose reads it keeps is said, not hidden.
            output.notice(
                f"read marks are each editor's own on a shared desk: the copy keeps those of "
                f"{editor_name(paths)!r} (the editor who copied it), not the "
                "other editors'"
            )
    return EXIT_OK


def _shared(address: str) -> bool:
    return address.strip().lower().startswith(("postgresql://", "postgres://"))
