"""One function per subcommand; each takes the Desk and the parsed arguments."""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.text import Text

from newsdesk.cli import output
from newsdesk.cli.piped import drop_refused_streams, read_streams
from newsdesk.config import load_settings
from newsdesk.desk import (
    SORTS,
    ActionResult,
    Desk,
    DeskError,
    ImportProgress,
    ImportSummary,
    Sort,
    normalise_tag,
)
from newsdesk.model import ArticleRow
from newsdesk.sanitize import display
from newsdesk.tags import MAX_TAG_CHARS, cut_tags

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
#: Ended by Ctrl-C (128 + SIGINT), as a shell reports it.
EXIT_INTERRUPTED = 130

if TYPE_CHECKING:
    from rich.progress import Progress

Handler = Callable[[Desk, argparse.Namespace], int]


def progress_bar() -> Progress:
    # Imported here: `newsdesk` with no command opens the app, which shows no progress bar.
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        console=output.err,
        transient=True,
        # Redirected to a file or a pipe, a bar is noise (Rich still ended it with a newline).
        disable=not output.err.is_terminal,
    )


def write_text_file(path: Path, text: str, force: bool) -> bool:
    """Write an export file atomically; an existing file is kept (and said) unless `force`:
    the editor's own copy of their subscriptions or rules is not replaced by a typo."""
    from newsdesk.atomic import atomic_write_text

    if path.exists() and not force:
        output.error(f"{path} exists already (use --force to replace it)")
        return False
    if path.is_dir():
        output.error(f"{path} is a folder: give a file name")
        return False
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        output.error(f"cannot write {path}: {exc.strerror or exc}")
        return False
    return True


def sync_index(desk: Desk) -> None:
    """Bring the index up to date, with a progress bar when there is much to do."""
    status = desk.index_status()
    for message in desk.notices:
        output.notice(message)
    desk.notices.clear()
    if status.pending <= 0:
        return
    if status.pending < 200:
        desk.sync_index()
        return
    with progress_bar() as progress:
        task = progress.add_task("indexing", total=status.pending, current="")

        def on_progress(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        try:
            desk.sync_index(on_progress)
        except KeyboardInterrupt:
            output.notice("indexing paused; it resumes on the next search or import")


def _say_stopped_import(summary: ImportSummary, as_json: bool) -> None:
    """What an import stopped by Ctrl-C or SIGTERM kept: it is one step `undo` takes back."""
    if as_json:
        output.print_json({**summary.as_dict(), "stopped": True, "notified": []})
        return
    kept = summary.imported
    files = len(summary.files)
    if not files:
        output.notice(
            "stopped before the first file was stored: nothing kept "
            "(a file is stored whole or not at all)"
        )
        return
    output.notice(
        f"stopped after {files:,} file{'s' if files != 1 else ''}: "
        f"{kept:,} article{'s' if kept != 1 else ''} stored"
        + (" (`newsdesk undo` takes them back)" if kept else "")
    )


def archived_on_arrival(desk: Desk, ids: Sequence[str]) -> int:
    """How many of the articles just imported the rules archived (0 without rules)."""
    if not ids or not any(r.enabled and "archived" in r.change for r in desk.rules()):
        return 0
    chunk = 500
    return sum(
        1
        for n in range(0, len(ids), chunk)
        for row in desk.rows(ids[n : n + chunk])
        if row.archived
    )


def cmd_import(desk: Desk, args: argparse.Namespace) -> int:
    from newsdesk.import_batch import FileOutcome, disk_full_line

    named_paths = list(args.paths)
    args.paths = read_streams(desk, args.paths)
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        output.error(f"no such file or folder: {path}")
    # Named but not there: failed files of the summary, so --json reports them too.
    not_there = [FileOutcome(str(p), error="no such file or folder") for p in missing]
    inputs = [p for p in args.paths if p.exists()]
    if not inputs:
        if args.json:
            output.print_json({**ImportSummary(files=not_there).as_dict(), "notified": []})
        return EXIT_ERROR
    with progress_bar() as progress:
        task = progress.add_task("importing", total=None, current="")

        given: list[int] = []

        def on_progress(event: ImportProgress) -> None:
            given[:] = [event.total]
            progress.update(
                task,
                completed=event.done,
                total=event.total,
                current=escape(display(Path(event.path).name[-40:], name=True)),
            )

        def on_waiting(waits: bool) -> None:
            # Up to 15 s standing still: the line says why.
            progress.update(task, current="waiting for the desk…" if waits else "")

        summary = ImportSummary()
        try:
            desk.import_paths(inputs, progress=on_progress, into=summary, waiting=on_waiting)
        except KeyboardInterrupt:
            _say_stopped_import(summary, args.json)
            raise
    summary.files.extend(not_there)
    drop_refused_streams(named_paths, args.paths, summary)
    if not args.no_index:
        try:
            sync_index(desk)
        except OSError as exc:
            # The articles are stored; only the derived index could not be written.
            output.notice(
                f"the search index was not updated ({exc.strerror or exc}); "
                "it catches up on the next search"
            )
    notified = desk.take_notifications()
    archived = archived_on_arrival(desk, summary.imported_ids)
    if args.json:
        output.print_json(
            {
                **summary.as_dict(),
                "archived_on_arrival": archived,
                "notified": output.notified_dicts(notified),
            }
        )
    else:
        output.print_notified(notified)
        output.out.print(
            Text.assemble(
                ("imported ", "bold"),
                str(summary.imported),
                *((("  updated ", "bold"), str(len(summary.updated))) if summary.updated else ()),
                ("  duplicates ", "bold"),
                str(summary.duplicates),
                ("  failed ", "bold"),
                (str(len(summary.failed)), "red" if summary.failed else ""),
                f"  ({len(summary.files)} files)",
            )
        )
        for failed in summary.failed:
            output.out.print(
                Text.assemble(
                    ("  ✗ ", "red"), display(failed.path, name=True), ": ", failed.error or ""
                )
            )
        for outcome in summary.files:
            for warning in outcome.warnings:
                if outcome.error and warning in outcome.error:
                    continue  # the failure's reason already says it
                output.out.print(
                    Text.assemble(
                        ("  ! ", "yellow"), display(outcome.path, name=True), ": ", warning
                    )
                )
        if stopped_full := disk_full_line(summary.files, given[0] if given else None):
            output.error(stopped_full)
        if archived:
            # Else an import a killfile took whole seemed to bring nothing.
            output.notice(
                f"{archived:,} of them went straight to the archive (a rule's archive): "
                "is:archived shows them"
            )
        if not summary.files and any(p.is_dir() for p in inputs):
            output.notice(
                "found no file to import: a folder's hidden files, its README, LICENSE or "
                "CHANGELOG and links leading outside it are left out (name a file to import it)"
            )
    # Partial failure is reported above; only an import where every file failed is an error.
    ok_files = len(summary.files) - len(summary.failed)
    return EXIT_ERROR if summary.failed and not ok_files else EXIT_OK


def cmd_inspect(desk: Desk, args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise DeskError(f"no such file: {args.file}")
    result = desk.inspect(args.file)
    if result.error:
        output.error(f"{args.file}: {result.error}")
        return EXIT_ERROR
    for warning in result.warnings:
        output.notice(f"{args.file}: {warning}")
    output.print_json([item.inspect_dict() for item in result.items])
    return EXIT_OK


def _search_ids(desk: Desk, query: str, sort: str, limit: int | None) -> list[str]:
    sync_index(desk)
    order: Sort = next((known for known in SORTS if known == sort), "relevance")
    result = desk.search(query, sort=order, limit=limit)
    if result.notice:
        output.notice(result.notice)
    return result.ids


def cmd_search(desk: Desk, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    limit = args.limit or None  # 0: every match, as for list
    # Every match, then cut: the count says what the cut left out, as list says it.
    ids = _search_ids(desk, query, args.sort, None)
    rows = desk.rows(ids[:limit])
    _print_rows(desk, rows, args)
    if not args.json and args.format == "table" and len(ids) > len(rows):
        output.notice(f"{len(rows)} of {len(ids)} shown; use --limit 0 for all")
    return EXIT_OK


def _print_rows(desk: Desk, rows: list[ArticleRow], args: argparse.Namespace) -> None:
    """A table for people, JSON or TSV for scripts; "no matches" on stderr when empty."""
    if args.json or args.format == "json":
        # The wire fields (slugline, version, embargo...) are the article's, not the row's.
        articles = {a.id: a for a in desk.get_many([r.id for r in rows])}
        output.print_json([output.row_dict(r, articles.get(r.id)) for r in rows])
    elif args.format == "tsv":
        output.print_tsv(rows)
    elif rows:
        output.out.print(output.rows_table(rows, width=output.out.width))
    if not rows and not (args.json or args.format == "json"):
        output.notice("no matches")


def cmd_list(desk: Desk, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    ids = _search_ids(desk, query, args.sort, None) if query else desk.inbox_ids(args.sort)
    rows = desk.rows(ids[: args.limit] if args.limit > 0 else ids)
    _print_rows(desk, rows, args)
    if not args.json and args.format == "table" and len(ids) > len(rows):
        output.notice(f"{len(rows)} of {len(ids)} shown; use --limit 0 for all")
    return EXIT_OK


def cmd_show(desk: Desk, args: argparse.Namespace) -> int:
    article = desk.get(desk.resolve_id(args.id))
    if article is None:
        raise DeskError(f"no article with id {args.id!r}")
    log = desk.article_log(article.id)
    claim = desk.claims([article.id]).get(article.id)
    if args.json:
        data = output.article_dict(article)
        if article.story_id:
            data["story_members"] = desk.story_members(article.story_id)
        data["who"] = output.who_did(log)
        data["rules"] = desk.rule_effects(article)
        data["claimed"] = None if claim is None else {"editor": claim.editor, "ts": claim.ts}
        # The name `list --json` and `search --json` give it, so a script reads one field.
        data["claimed_by"] = None if claim is None else claim.editor
        output.print_json(data)
    else:
        claimed = "" if claim is None else f"by {claim.editor} at {claim.ts[:16].replace('T', ' ')}"
        output.show_article(article, log, claimed, desk.rule_effects(article))
    return EXIT_OK


def _print_action(result: ActionResult, as_json: bool) -> int:
    # Nothing matched (an id that is no article's, a query that finds none): status 1,
    # as grep gives, so a script can tell it from a change made.
    if as_json:
        output.print_json(result.as_dict())
        return EXIT_OK if result.requested else EXIT_ERROR
    if not result.requested:
        output.error("no article matched; nothing was changed")
        return EXIT_ERROR
    output.out.print(Text(f"{result.action}: {len(result.changed)} changed of {result.requested}"))
    for article_id in result.changed[:20]:
        output.out.print(Text(f"  {article_id}", style="dim"))
    if len(result.changed) > 20:
        output.out.print(Text(f"  … and {len(result.changed) - 20} more", style="dim"))
    return EXIT_OK


def cmd_tag(desk: Desk, args: argparse.Namespace) -> int:
    # "#desk" adds the tag desk, as it does in the app's tag dialog (it was taken for a
    # query word, which matched nothing, so the tag was silently not added).
    words = [f"+{a[1:]}" if a.startswith("#") and len(a) > 1 else a for a in args.args]
    add = [a[1:] for a in words if a.startswith("+") and len(a) > 1]
    remove = [a[1:] for a in words if a.startswith("-") and len(a) > 1 and ":" not in a]
    targets = [a for a in words if not (a.startswith("+") or (a.startswith("-") and ":" not in a))]
    if not add and not remove:
        raise DeskError("say which tags to add (+tag) or remove (-tag)")
    # Named as typed ("###", not the "+##" it was read as).
    empty = [
        typed
        for typed, word in zip(args.args, words, strict=True)
        if len(word) > 1
        and (word[0] == "+" or (word[0] == "-" and ":" not in word))
        and not normalise_tag(word[1:])
    ]
    if empty:
        raise DeskError(f"{empty[0]!r} names no tag: a tag needs a letter or a digit")
    ids = confirmed_targets(desk, targets, args, "tag")
    if ids is None:
        return EXIT_USAGE
    for long in cut_tags(add):
        # Cut silently before: the tag an editor later searches for is not the one typed.
        output.notice(f"tag cut to {MAX_TAG_CHARS} characters: {normalise_tag(long)}")
    return _print_action(desk.tag(ids, add=add, remove=remove), args.json)


def cmd_note(desk: Desk, args: argparse.Namespace) -> int:
    """The app's `n`: one article's note, undoable like any action."""
    from newsdesk.sanitize import clean_line

    article_id = desk.resolve_id(args.id)
    if desk.get(article_id) is None:
        raise DeskError(f"no article with id {args.id!r}")
    return _print_action(desk.set_note(article_id, clean_line(" ".join(args.text))), args.json)


def confirmed_targets(
    desk: Desk, words: list[str], args: argparse.Namespace, action: str
) -> list[str] | None:
    """The ids an action names; None when a big query match was not confirmed.

    Acting on everything takes --all (or in:all); a query that finds more than
    BIG_ACTION articles is counted first and needs --yes (or a "y" at a terminal).
    """
    if args.all:
        words = [*words, "in:all"] if words else ["in:all"]
    if not words:
        raise DeskError("say which articles: ids, a query, or --all for every article")
    # What unarchive can act on is in the archive, which a query leaves out by default.
    found = desk.action_targets(words, within="is:archived" if action == "unarchive" else None)
    if not found.needs_confirming or args.yes:
        return found.ids
    output.notice(f"{action}: {found.matched:,} articles match {found.query!r}")
    if sys.stdin.isatty() and sys.stderr.isatty():
        output.err.print(Text("act on all of them? [y/N] "), end="")
        try:
            answer = input()
        except EOFError:
            answer = ""
        if answer.strip().lower() in ("y", "yes"):
            return found.ids
        # Declined: an answer, not a usage error (status 1, nothing to add).
        raise DeskError("nothing was changed")
    output.error(f"nothing was changed; add --yes to {action} all {found.matched:,}")
    return None


def _state_command(action: str) -> Handler:
    def handler(desk: Desk, args: argparse.Namespace) -> int:
        ids = confirmed_targets(desk, args.targets, args, action)
        if ids is None:
            return EXIT_USAGE
        if action == "read" and load_settings(desk.paths).read_all_versions:
            # `[stories] read_all_versions`: as `r` in the app, every version of the story
            # the inbox shows (an archived one is left as it was, unless named).
            ids = desk.with_versions(ids, with_archived=False)
        verbs: dict[str, Callable[[], ActionResult]] = {
            "star": lambda: desk.star(ids, True),
            "unstar": lambda: desk.star(ids, False),
            "read": lambda: desk.mark_read(ids, True),
            "unread": lambda: desk.mark_read(ids, False),
            "archive": lambda: desk.archive(ids, True),
            "unarchive": lambda: desk.archive(ids, False),
        }
        return _print_action(verbs[action](), args.json)

    return handler


def cmd_delete(desk: Desk, args: argparse.Namespace) -> int:
    ids = confirmed_targets(desk, args.targets, args, "delete")
    if ids is None:
        return EXIT_USAGE
    result = desk.delete(ids)
    code = _print_action(result, args.json)
    if result.changed and not args.json:
        output.notice("`newsdesk undo` brings them back")
    return code


def cmd_history(desk: Desk, args: argparse.Namespace) -> int:
    if args.prune:
        # (A keep_days out of range is said by main, with config.toml's other problems.)
        days = desk.log_keep_days()
        removed = desk.prune_log(days)
        if args.json:
            output.print_json({"pruned_rows": removed, "keep_days": days})
        else:
            output.notice(f"pruned {removed:,} row(s) of the action log older than {days} days")
        return EXIT_OK
    if args.limit < 0:
        raise DeskError("--limit takes 0 (every step) or a number of steps")
    # 0 is every step, as for list and search.
    records = desk.history(args.limit or 1_000_000, editor=args.editor)
    if args.json:
        output.print_json(
            [
                {
                    "batch": r.batch,
                    "action": r.kind,
                    "ts": r.ts,
                    "editor": r.editor,
                    "ids": r.article_ids,
                }
                for r in records
            ]
        )
        return EXIT_OK
    if not records:
        # Said on stderr as list says "no matches": an empty stdout answered nothing.
        who = f" by {output.inert(args.editor, one_line=True)}" if args.editor else " yet"
        output.notice(f"no actions{who}")
    for record in records:
        who = output.inert(record.editor or "-", one_line=True)
        output.out.print(
            Text(f"{record.ts}  {who:<12} {record.kind:<10} {len(record.article_ids)} article(s)")
        )
    return EXIT_OK


def cmd_reindex(desk: Desk, args: argparse.Namespace) -> int:
    total = desk.count()
    with progress_bar() as progress:
        task = progress.add_task("reindexing", total=total, current="")

        def on_progress(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        try:
            count = desk.reindex(on_progress)
        except OSError as exc:
            if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise
            # The index is rebuilt beside the store: a read-only folder refuses it.
            raise DeskError(
                f"the search index cannot be rebuilt: {exc.strerror or exc} "
                f"({display(str(exc.filename or ''), name=True) or 'the data directory'}); "
                "the index as it was is kept. Run `newsdesk doctor` for details."
            ) from None
    output.out.print(Text(f"indexed {count} articles"))
    return EXIT_OK


def cmd_saved(desk: Desk, args: argparse.Namespace) -> int:
    if args.action == "add":
        if len(args.rest) < 2:
            raise DeskError("usage: newsdesk saved add NAME QUERY")
        try:
            desk.save_search(args.rest[0], " ".join(args.rest[1:]), replace=args.replace)
        except DeskError as exc:
            if "already named" not in str(exc):
                raise
            raise DeskError(str(exc).replace("replace it?", "add --replace to change it")) from exc
        # Said apart from the list below: "no saved searches" after a remove read as a failure.
        output.notice(f"saved “{args.rest[0].strip()}”")
    elif args.action == "remove":
        if not args.rest:
            raise DeskError("usage: newsdesk saved remove NAME")
        if not desk.delete_search(args.rest[0]):
            raise DeskError(f"no saved search named “{args.rest[0]}”")
        output.notice(f"removed saved search “{args.rest[0]}”")
    searches = desk.saved_searches()
    if args.json:
        output.print_json([{"name": n, "query": q} for n, q in searches])
    else:
        for name, query in searches:
            output.out.print(Text.assemble((f"{name}: ", "bold"), query))
        if not searches:
            output.notice("no saved searches")
    return EXIT_OK


def _lazy(module: str, name: str) -> Handler:
    """Commands owned by feature modules, imported only when used."""

    def handler(desk: Desk, args: argparse.Namespace) -> int:
        import importlib

        func: Handler = getattr(importlib.import_module(module), name)
        return func(desk, args)

    return handler


HANDLERS: dict[str, Handler] = {
    "import": cmd_import,
    "inspect": cmd_inspect,
    "search": cmd_search,
    "list": cmd_list,
    "show": cmd_show,
    "tag": cmd_tag,
    "note": cmd_note,
    "star": _state_command("star"),
    "unstar": _state_command("unstar"),
    "read": _state_command("read"),
    "unread": _state_command("unread"),
    "archive": _state_command("archive"),
    "unarchive": _state_command("unarchive"),
    "delete": cmd_delete,
    "undo": _lazy("newsdesk.cli.undo_cmd", "cmd_undo"),
    "history": cmd_history,
    "imports": _lazy("newsdesk.cli.imports_cmd", "cmd_imports"),
    "reindex": cmd_reindex,
    "saved": cmd_saved,
    "export": _lazy("newsdesk.cli.export_cmd", "cmd_export"),
    "stories": _lazy("newsdesk.cli.stories_cmd", "cmd_stories"),
    "claim": _lazy("newsdesk.cli.claim_cmd", "cmd_claim"),
    "release": _lazy("newsdesk.cli.claim_cmd", "cmd_release"),
    "diff": _lazy("newsdesk.cli.stories_cmd", "cmd_diff"),
    "feeds": _lazy("newsdesk.cli.feeds_cmd", "cmd_feeds"),
    "fetch": _lazy("newsdesk.cli.feeds_cmd", "cmd_fetch"),
    "watch": _lazy("newsdesk.cli.watch_cmd", "cmd_watch"),
    "rules": _lazy("newsdesk.cli.rules_cmd", "cmd_rules"),
}
