"""Printing for the CLI: Rich for people, plain JSON for scripts.

Article text is always passed to Rich as `Text` (never markup) and has been
sanitised at import, so nothing an article says can style or escape the terminal.
"""

from __future__ import annotations

import os
import select
import stat
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderableType, RenderHook
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from newsdesk.counting import counted
from newsdesk.feeds.urls import without_password
from newsdesk.isodates import local_day
from newsdesk.model import Article, ArticleRow, dek_to_show
from newsdesk.sanitize import clean_line, clean_text, display, display_json
from newsdesk.wire import article_wire, row_killed, row_label, row_mark, wire_summary

if TYPE_CHECKING:
    from newsdesk.desk.results import StoryGroup
    from newsdesk.rules.model import Notified
    from newsdesk.store.protocol import ActionRecord


class _Inert:
    """Renders its renderable with every text segment put through `display`.

    Rich's own styling travels in segment styles and control segments, both
    kept; only the text a command passed in can carry escapes, and that goes.
    """

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for segment in console.render(self.inner, options):
            if segment.control or not segment.text:
                yield segment
            else:
                yield Segment(display(segment.text, one_line=False), segment.style)


class _InertHook(RenderHook):
    """The consoles' last word: nothing printed reaches the terminal uncleaned."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Inert(r) for r in renderables]


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich exits with status 1 here; the reader stopping (`| head`) is not an error,
        # and the CLI ends every such command alike (`main`).
        raise BrokenPipeError


def _console(**options: Any) -> Console:
    console = _Console(highlight=False, **options)
    console.push_render_hook(_InertHook())
    return console


# Piped output is not wrapped: a long path cut across lines defeats grep and scripts
# (seen: doctor's "damaged-<stamp>" copy name split by the 80-column default).
out = _console(soft_wrap=not sys.stdout.isatty())
err = _console(stderr=True, soft_wrap=True)


def print_json(data: Any) -> None:
    """JSON on stdout, UTF-8, one document; C1 and bidi controls escaped (still lossless)."""
    sys.stdout.write(display_json(data) + "\n")
    sys.stdout.flush()


def error(message: str) -> None:
    # Messages quote file names and input, which may carry escape sequences.
    err.print(Text.assemble(("newsdesk: ", "bold red"), clean_text(message)))


def notice(message: str) -> None:
    err.print(Text(clean_text(message), style="yellow"))


def markers(row: ArticleRow) -> str:
    """★ starred, ● unread, ⇪ exported, then the inbox's wire marker: ✗ killed, ! urgent."""
    return "".join(
        (
            "★" if row.starred else " ",
            "●" if not row.read else " ",
            "⇪" if row.exported else " ",
            row_mark(row),
        )
    )


def headline(row: ArticleRow) -> Text:
    """The row's headline after what the inbox says before it ("KILLED: do not use" in
    red, "embargoed until 14:00", "corrected", "updated"), and its story's size."""
    text = Text()
    label = row_label(row)
    if label:
        text.append(label, style="bold red" if row_killed(row) else "bold yellow")
        text.append(" ")
    text.append(inert(row.title, one_line=True) + story_suffix(row.story_size))
    return text


def inert(text: str | None, *, one_line: bool = False) -> str:
    """Article text made safe to print: escapes and control characters removed.

    Import already cleans everything it stores; this holds for a database an
    older version or another tool wrote, too.
    """
    if not text:
        return ""
    return clean_line(text) if one_line else clean_text(text)


#: Below this width the table leaves out the tags column and narrows the source.
WIDE_TABLE = 110
#: Below this many columns the table drops the date (and below 14 more, the source).
NARROW_TABLE = 50


def rows_table(rows: list[ArticleRow], width: int = 0) -> Table:
    """id, markers, date and headline always; the source and tags as the width allows.

    The fixed columns have fixed widths, so a narrow terminal (or a pipe, 80
    columns) cuts the headline, never the id a reader passes to `show`.
    """
    wide = not width or width >= WIDE_TABLE
    # Narrow terminals lose the source, then the date: Rich shrank every column instead,
    # and at 20 columns the id was cut to 4 characters, too short to pass to `show`.
    dated = not width or width >= NARROW_TABLE
    sourced = not width or width >= NARROW_TABLE + 14
    # expand: the headline's ratio takes what the fixed columns leave (else Rich shrinks them).
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, expand=True)
    table.add_column("id", style="dim", no_wrap=True, width=10, min_width=10)
    table.add_column("", no_wrap=True, width=4)
    if dated:
        table.add_column("published", no_wrap=True, width=10)
    if sourced:
        table.add_column("source", no_wrap=True, width=18 if wide else 12, overflow="ellipsis")
    table.add_column("headline", overflow="ellipsis", no_wrap=True, ratio=1, min_width=4)
    if wide:
        table.add_column("tags", style="cyan", no_wrap=True, overflow="ellipsis", max_width=20)
    for row in rows:
        cells = [Text(inert(row.id[:10], one_line=True)), Text(markers(row))]
        if dated:
            # The day in this machine's zone: the day `published:DAY` finds it under.
            cells.append(Text(inert(local_day(row.published), one_line=True)))
        if sourced:
            cells.append(Text(inert(row.source, one_line=True)))
        cells.append(headline(row))
        if wide:
            cells.append(Text(inert(" ".join(row.tags), one_line=True)))
        table.add_row(*cells)
    return table


def print_tsv(rows: list[ArticleRow]) -> None:
    """One line per article: id, markers, published, source, headline, tags and what the
    inbox says before the headline ("KILLED: do not use", "embargoed until ...",
    "corrected", "updated", even when the headline says it; empty for plain copy),
    tab-separated."""

    def field(value: str | None) -> str:
        return inert(value, one_line=True).replace("\t", " ")

    for row in rows:
        values = [
            row.id,
            markers(row).replace(" ", "") or "-",
            row.published or "",
            row.source,
            row.title,
            ",".join(row.tags),
            row_label(row, always=True),
        ]
        sys.stdout.write("\t".join(field(v) for v in values) + "\n")
    sys.stdout.flush()


def story_suffix(size: int) -> str:
    """ "  (+2 versions)" when other outlets carry the same story."""
    others = size - 1
    if others <= 0:
        return ""
    return f"  (+{others} version{'s' if others > 1 else ''})"


def story_heading(group: StoryGroup) -> Text:
    """A story's name under its id line, after its kill when nothing of it may run."""
    text = Text("  ")
    if group.do_not_use:
        text.append(f"✗ {group.do_not_use}", style="bold red")
        text.append(" ")
    text.append(inert(group.label, one_line=True) or "(no headline)", style="bold")
    return text


def story_member(row: ArticleRow) -> Text:
    """One version of a story: its id, the inbox's wire marker and label ("✗ KILLED: do
    not use", "corrected"...), its headline and its outlet."""
    text = Text.assemble("  ", (row.id[:10], "dim"), "  ")
    if row_mark(row).strip():
        text.append(row_mark(row), style="bold red")
        text.append(" ")
    label = row_label(row)
    if label:
        text.append(label, style="bold red" if row_killed(row) else "bold yellow")
        text.append(" ")
    text.append(inert(row.title, one_line=True))
    text.append("  — " + inert(row.source or "?", one_line=True), style="cyan")
    return text


def stories_json(groups: list[StoryGroup], articles: list[Article]) -> list[dict[str, Any]]:
    """`stories --json`: each story's fields, and each version's `wire` object as `list
    --json` gives it (absent for web pages)."""
    found = {a.id: a for a in articles}
    stories = []
    for group in groups:
        data = group.as_dict()
        for member in data["articles"]:
            article = found.get(member["id"])
            wire = None if article is None else article_wire(article)
            if wire is not None:
                member["wire"] = wire
        stories.append(data)
    return stories


def row_dict(row: ArticleRow, article: Article | None = None) -> dict[str, Any]:
    """A list row for scripts; with its `article`, the `wire` object `show --json` gives
    (absent for web pages, as there) and `updated_at`, so a killed or embargoed item
    reads as one in `list --json` and `search --json` too."""
    data: dict[str, Any] = {
        "id": row.id,
        "title": row.title,
        "source": row.source,
        "published": row.published,
        "read": row.read,
        "starred": row.starred,
        "archived": row.archived,
        "exported": row.exported,
        "tags": row.tags,
        "story_size": row.story_size,
        "claimed_by": row.claimed_by or None,
        "updated_at": row.updated_at,
    }
    if article is not None:
        wire = article_wire(article)
        if wire is not None:
            data["wire"] = wire
    return data


def article_dict(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = {"id": article.id}
    data.update(article.meta.inspect_dict())
    data.update(
        {
            "source_short": article.meta.source_short,
            "url": article.meta.url,
            "credits": article.meta.credits,
            "captions": article.meta.captions,
            "mention_counts": article.meta.mention_counts,
            "reading_minutes": article.meta.reading_minutes,
            "format": article.meta.format,
            "read": article.state.read,
            "starred": article.state.starred,
            "archived": article.state.archived,
            "exported": article.state.exported,
            "tags": article.state.tags,
            "note": article.state.note,
            # A feed's URL as it is shown everywhere: no password (fetched before it was
            # left out of origins, an article's may still hold it).
            "origin": without_password(article.origin),
            "origins": [without_password(origin) for origin in article.origins],
            "imported_at": article.imported_at,
            "updated_at": article.updated_at,
            "story": article.story_id,
            "story_size": article.story_size,
        }
    )
    wire = article_wire(article)
    if wire is not None:
        data["wire"] = wire
    return data


#: Log kinds that say who did what to an article for everyone (read state is each editor's).
_SHARED_KINDS = ("import", "star", "unstar", "tag", "archive", "unarchive", "note", "exported")


def who_did(log: list[ActionRecord]) -> list[dict[str, str]]:
    """The newest change of each shared kind in an article's log: action, editor, time;
    each tag once, with whoever put it on or took it off last ("tag harbour" by ana,
    "tag night" by bo: three editors' tags read as one "tag by" the last of them)."""
    seen: dict[str, dict[str, str]] = {}
    for record in log:
        if record.kind == "tag" and (record.tags_added or record.tags_removed):
            changes = [("tag", t) for t in record.tags_added]
            changes += [("untag", t) for t in record.tags_removed]
            for verb, tag in changes:
                if f"tag:{tag}" not in seen:
                    seen[f"tag:{tag}"] = {
                        "action": f"{verb} {tag}",
                        "editor": record.editor or "someone",
                        "ts": record.ts,
                    }
            continue
        if record.kind in _SHARED_KINDS and record.kind not in seen:
            seen[record.kind] = {
                "action": record.kind,
                "editor": record.editor or "someone",
                "ts": record.ts,
            }
    return list(seen.values())


def who_line(log: list[ActionRecord]) -> str:
    """'star by ana 2026-12-04 09:41; tag by bo ...' (the show command's "who" fact)."""
    return "; ".join(
        f"{w['action']} by {w['editor']} {w['ts'][:16].replace('T', ' ')}" for w in who_did(log)
    )


def show_article(
    article: Article,
    log: list[ActionRecord] | None = None,
    claimed: str = "",
    by_rules: Sequence[str] = (),
) -> None:
    meta = article.meta
    out.print(Text(inert(meta.title, one_line=True), style="bold"))
    # As the detail pane and exports: a standfirst the body opens with is read once.
    dek = dek_to_show(meta.dek, meta.body)
    if dek:
        out.print(Text(inert(dek), style="italic"))
    facts = [
        ("id", article.id),
        ("by", ", ".join(meta.authors)),
        ("source", meta.source or ""),
        ("dateline", meta.dateline or ""),
        ("published", meta.published or ""),
        ("updated", (article.updated_at or "")[:16].replace("T", " ")),
        ("url", meta.url or ""),
        ("tags", " ".join(article.state.tags)),
        ("state", state_words(article)),
        ("note", article.state.note or ""),
        ("who", who_line(log or [])),
        ("rules", "; ".join(by_rules)),
        ("claimed", claimed),
        (
            "story",
            f"{article.story_id} ({counted(article.story_size, 'version')})"
            if article.story_id
            else "",
        ),
        ("people", ", ".join(meta.people)),
        ("organizations", ", ".join(meta.organizations)),
        ("places", ", ".join(meta.places)),
        ("words", f"{meta.word_count} ({meta.reading_minutes} min)"),
        *wire_summary(
            meta, killed=article.killed, withheld=article.withheld, superseded=article.superseded
        ),
    ]
    for label, value in facts:
        if value:
            out.print(Text.assemble((f"{label:>13}: ", "dim"), inert(value, one_line=True)))
    for quote in meta.quotes:
        out.print(
            Text.assemble(
                "  “",
                inert(quote.text),
                "” — ",
                (inert(quote.speaker, one_line=True) or "unattributed", "cyan"),
            )
        )
    out.print()
    out.print(Text(inert(meta.body)))
    if meta.links:
        out.print()
        out.print(Text("Links", style="bold"))
        for link in meta.links:
            line = f"  - {link.title}" + (f" <{link.url}>" if link.url else "")
            out.print(Text(inert(line, one_line=True)))


def state_words(article: Article) -> str:
    words = ["read" if article.state.read else "unread"]
    if article.state.starred:
        words.append("starred")
    if article.state.archived:
        words.append("archived")
    if article.state.exported:
        words.append("exported")
    return ", ".join(words)


def notified_dicts(notified: Sequence[Notified]) -> list[dict[str, str]]:
    return [{"rule": n.rule, "id": n.article_id, "title": n.title} for n in notified]


def print_notified(notified: Sequence[Notified]) -> None:
    """The headlines `notify` rules flagged, one line each (import, fetch, watch)."""
    for n in notified:
        out.print(
            Text.assemble(
                ("notify ", "bold yellow"),
                f"[{inert(n.rule, one_line=True)}] ",
                inert(n.title, one_line=True),
            )
        )


def reader_left() -> bool:
    """Whether stdout is a pipe whose reader stopped before the end (`| head -1`).

    A large output is one write the kernel takes in part once the reader has gone,
    and Python reports no error for it: `list` and `--json` of thousands of rows
    ended with status 0 where the short outputs (one write each) ended with 141.
    """
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return True
    except (OSError, ValueError):
        return False
    try:
        if not stat.S_ISFIFO(os.fstat(sys.stdout.fileno()).st_mode):
            return False
        # The write end of a pipe whose read end is closed polls as an error.
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLERR)
        return bool(poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return False


def has_terminal() -> bool:
    """The app reads keys from standard input and draws on standard error (Textual's
    driver): both must be a terminal."""
    try:
        return (
            sys.__stdin__ is not None
            and sys.__stdin__.isatty()
            and (sys.__stderr__ is not None and sys.__stderr__.isatty())
        )
    except (OSError, ValueError):
        return False  # a closed stream
