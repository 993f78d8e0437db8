"""`newsdesk stories` and `newsdesk diff`: one story, many outlets.

`stories` lists and counts the versions the app's story row does: without a query
the inbox's (archived versions left out), with one those the query matched.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from rich.text import Text

from newsdesk.cli import output
from newsdesk.cli.commands import EXIT_OK, progress_bar, sync_index
from newsdesk.counting import counted
from newsdesk.desk import Desk, DeskError
from newsdesk.desk.results import StoryGroup


def cmd_stories(desk: Desk, args: argparse.Namespace) -> int:
    if args.regroup:
        # Minutes on a big desk: a bar on a terminal, as an import shows.
        with progress_bar() as bar:
            task = bar.add_task("regrouping", total=None, current="")
            count = desk.regroup(lambda done, total: bar.update(task, completed=done, total=total))
        output.notice(f"regrouped {count:,} articles into stories")
        if not args.json and not args.query:
            return EXIT_OK
    elif outdated := desk.stories_outdated():
        output.notice(
            f"{outdated} articles were grouped by an older version; "
            "`newsdesk stories --regroup` groups them again"
        )
    query = " ".join(args.query)
    ids: list[str] | None = None
    if query:
        sync_index(desk)
        ids = desk.search(query, sort="newest").ids
    # The versions the app's story row counts: the inbox's (archived ones out) without a
    # query, those it matched with one (`in:all` or `is:archived` for the archived).
    groups = desk.stories(
        ids,
        min_size=1 if args.all else 2,
        with_archived=bool(query),
        matched=None if ids is None else set(ids),
    )
    if args.json:
        output.print_json(output.stories_json(groups, desk.get_many(members_of(groups))))
        return EXIT_OK
    if not groups:
        if query and not ids:
            output.notice(f"no article matches {query!r}")
        elif query:
            output.notice(
                f"no story of two or more versions among the "
                f"{counted(len(ids or []), 'article')} matching {query!r} (`--all` lists them)"
            )
        elif args.all:
            output.notice("no stories yet: the desk is empty")
        else:
            output.notice("no story has more than one version yet (`--all` lists every story)")
    for group in groups:
        output.out.print(
            Text.assemble(
                (f"{group.id}  ", "dim"),
                (counted(len(group.members), "version"), "bold"),
                "  ",
                ", ".join(group.outlets),
            )
        )
        # Named by its earliest straight report, not its newest piece ("Opinion: ...").
        output.out.print(output.story_heading(group))
        for member in group.members:
            output.out.print(output.story_member(member))
    return EXIT_OK


def members_of(groups: list[StoryGroup]) -> list[str]:
    return [m.id for g in groups for m in g.members]


def cmd_diff(desk: Desk, args: argparse.Namespace) -> int:
    from newsdesk.stories.diff import compare

    a = desk.get(desk.resolve_id(args.a))
    b = desk.get(desk.resolve_id(args.b))
    if a is None or b is None:
        raise DeskError("both articles must exist")
    if a.id == b.id:
        raise DeskError(f"{args.a} and {args.b} are one article: give two versions to compare")
    diff = compare(a.meta, b.meta)
    if args.json:
        output.print_json(
            {
                "a": a.id,
                "b": b.id,
                "only_in_a": asdict(diff.only_in_a),
                "only_in_b": asdict(diff.only_in_b),
            }
        )
        return EXIT_OK
    for label, article, facts in (("A", a, diff.only_in_a), ("B", b, diff.only_in_b)):
        output.out.print(
            Text.assemble(
                (f"Only in {label}: ", "bold"),
                article.meta.title,
                f" ({article.meta.source or '?'})",
            )
        )
        for kind, values in asdict(facts).items():
            if values:
                output.out.print(Text.assemble((f"  {kind}: ", "dim"), "; ".join(values)))
    return EXIT_OK
