"""`newsdesk export`: a query, ids, or the starred articles, to md, md-files, json or csv."""

from __future__ import annotations

import argparse
import sys

from rich.text import Text

from newsdesk.cli import output
from newsdesk.cli.commands import EXIT_ERROR, EXIT_OK, sync_index
from newsdesk.desk import Desk, DeskError
from newsdesk.export import ExportError, ExportExists, ExportOptions, typed_destination
from newsdesk.sanitize import display


def _named_ids(desk: Desk, words: list[str]) -> list[str] | None:
    """The articles the words name when every one is an id (or a unique prefix of six
    or more characters), as the action commands read them; else None (a query)."""
    ids: list[str] = []
    for word in words:
        try:
            ids.append(desk.resolve_id(word))
        except DeskError:
            return None
    return ids or None


def cmd_export(desk: Desk, args: argparse.Namespace) -> int:
    # `export ID` said "no article matches 'ID'": ids are read as ids, as `tag ID` does.
    named = None if args.ids else _named_ids(desk, args.query)
    if named is not None:
        args.ids, args.query = named, []
    query = " ".join(args.query) or ("" if args.ids else "is:starred")
    if args.ids:
        ids = [desk.resolve_id(i) for i in args.ids]
    else:
        sync_index(desk)
        ids = desk.search(query, sort="newest").ids
    if not ids:
        raise DeskError(f"nothing to export: no article matches {query!r}")
    options = ExportOptions(
        format=args.format,
        summary=args.summary,
        query=query or None,
        force=args.force,
        include_killed=args.include_killed,
        include_embargoed=args.include_embargoed,
    )
    if args.output == "-":
        if args.format == "md-files":
            raise DeskError("md-files writes a folder; give --output DIR (or use --format md)")
        rendered = desk.render_export(ids, options, mark=False)
        for warning in rendered.warnings:
            output.notice(warning)
        sys.stdout.write(rendered.text)
        sys.stdout.flush()
        # Marked only once written: a full disk or a reader that stopped early (a
        # BrokenPipeError) raises above and leaves nothing marked, as a file export does.
        # A large write the kernel took in part after the reader left raises nothing.
        if output.reader_left():
            raise BrokenPipeError
        for note in desk.mark_written(rendered.ids):
            output.notice(note)
        return EXIT_OK
    dest, proposed = typed_destination(args.output, args.format) if args.output else (None, True)
    try:
        report = desk.export(ids, dest, options, rename_if_taken=proposed)
    except ExportExists as exc:
        output.error(f"{exc} (use --force to replace)")
        return EXIT_ERROR
    except ExportError as exc:
        output.error(str(exc))
        return EXIT_ERROR
    for warning in report.warnings:
        output.notice(warning)
    output.out.print(
        Text(
            f"exported {report.count} article(s) as {report.format} to "
            + display(str(report.destination), name=True)
        )
    )
    return EXIT_OK
