"""What changed between two versions of a story: facts only one of them has.

The current version is compared with one other version of its story (by
default the one with the most facts of its own; left/right picks another).
Each side lists its quotes (with speakers), people, organisations, places and
figures that the other lacks: two columns on a wide terminal, stacked on a
narrow one. Every piece of article text is a `rich.text.Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer, Vertical
from textual.message import Message
from textual.widgets import Label, Static

from newsdesk.isodates import iso_to_ts
from newsdesk.model import Article, Extracted
from newsdesk.sanitize import clean_line, display
from newsdesk.stories.diff import Facts, VersionDiff, compare
from newsdesk.tui.headline_quote import quoted_headline
from newsdesk.tui.modals.once import OnceModal
from newsdesk.tui.workers import app_worker
from newsdesk.wire import URGENT_MAX, status_label, urgency_name

#: Loads articles by id (`Desk.get_many`); missing ones are left out.
LoadArticles = Callable[[Sequence[str]], list[Article]]

#: Sections of a side, in order: (Facts attribute, heading).
SECTIONS = (
    ("quotes", "Quotes"),
    ("people", "People"),
    ("organizations", "Organisations"),
    ("places", "Places"),
    ("numbers", "Figures"),
)


def fact_count(facts: Facts) -> int:
    return sum(len(getattr(facts, name)) for name, _ in SECTIONS)


def outlet(article: Article) -> str:
    """The outlet, else the file or feed the version came from: two copies of one page
    without an outlet were both "unknown outlet"."""
    named = clean_line(article.meta.source or article.meta.source_short or "")
    if named:
        return named
    origin = article.origin.rstrip("/").rsplit("/", 1)[-1] if article.origin else ""
    return display(origin, name=True) if origin else "unknown outlet"


def version_label(article: Article) -> str:
    """The outlet, with the agency's version number and the time it was published: two
    takes of one wire item were "Polaris Wire Service vs Polaris Wire Service"."""
    label = outlet(article)
    if article.meta.version is not None:
        label += f" v{article.meta.version}"
    when = clean_line(article.meta.published or "")[:16].replace("T", " ")
    return f"{label}, {when}" if when else label


def _kind(article: Article) -> str:
    """What the wire calls this take (FLASH, URGENT, CORRECTED, KILLED), or ""."""
    meta = article.meta
    words = (
        [] if meta.urgency is None or meta.urgency > URGENT_MAX else [urgency_name(meta.urgency)]
    )
    status = status_label(meta.status, killed=article.killed, withheld=article.withheld)
    if status:
        words.append(status.split(":")[0])
    return " ".join(w.upper() for w in words if w)


def _arrived(seconds: bool) -> Callable[[Article], str]:
    def arrived(article: Article) -> str:
        stamp = iso_to_ts(article.imported_at)
        if stamp is None:
            return ""
        when = datetime.fromtimestamp(stamp).astimezone()
        return f"arrived {when.strftime('%Y-%m-%d %H:%M:%S' if seconds else '%Y-%m-%d %H:%M')}"

    return arrived


def _headline(article: Article) -> str:
    return quoted_headline(article.meta.title, 40) if article.meta.title else ""


def version_labels(current: Article, other: Article) -> tuple[str, str]:
    """Labels for two versions that tell them apart: `version_label`, then what differs
    first of the wire's name for the take (FLASH, CORRECTED), when each arrived and the
    headline. Two takes published the same day, with no time or version, were
    "Polaris, 2026-12-05 vs Polaris, 2026-12-05"."""
    a, b = version_label(current), version_label(other)
    if a != b:
        return a, b
    for telling in (_kind, _arrived(False), _arrived(True), _headline):
        extra_a, extra_b = telling(current), telling(other)
        if extra_a != extra_b:
            return (
                f"{a} · {extra_a}" if extra_a else a,
                f"{b} · {extra_b}" if extra_b else b,
            )
    return f"{a} (this version)", f"{b} (the other)"


def side_text(article: Article, facts: Facts, label: str, name: str = "") -> Text:
    """One column: what `article` (called `name`, else its `version_label`) has that
    the other version lacks."""
    text = Text(end="")
    text.append(f"Only in {name or version_label(article)}", style="bold")
    text.append(f" ({label})\n", style="dim")
    text.append(clean_line(article.meta.title) or "(no headline)", style="italic")
    text.append("\n")
    if facts.is_empty():
        text.append("\nNothing the other version lacks.\n", style="dim")
        return text
    speakers = {clean_line(q.text): q.speaker for q in article.meta.quotes}
    for name, heading in SECTIONS:
        items: list[str] = getattr(facts, name)
        if not items:
            continue
        text.append(f"\n{heading}\n", style="bold underline")
        for item in items:
            line = clean_line(item)
            if name == "quotes":
                text.append("  “")
                text.append(line)
                text.append("” — ")
                text.append(clean_line(speakers.get(line) or "") or "unattributed", style="bold")
            else:
                text.append(f"  {line}")
            text.append("\n")
    return text


class VersionDiffScreen(OnceModal[None]):
    """This version against another of the same story; Esc closes."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    """Stacked below 100 columns, side by side from 100."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="dialog_cancel"),
        Binding("left", "other(-1)", "Previous version", id="diff_previous"),
        Binding("right", "other(1)", "Next version", id="diff_next"),
    ]
    """Esc closes; left/right compare with another version of the story."""

    @dataclass
    class Loaded(Message):
        """The versions, the others ranked (most facts first) and the first comparison."""

        articles: dict[str, Article]
        others: list[str]
        diff: VersionDiff

    @dataclass
    class Compared(Message):
        """A comparison with another version finished in the worker."""

        other_id: str
        diff: VersionDiff

    def __init__(self, article_id: str, others: list[str], *, load: LoadArticles) -> None:
        super().__init__()
        self._load_articles = load
        #: The version under the cursor.
        self.article_id = article_id
        #: The story's other versions, ranked once loaded.
        self.others = others
        #: Index in `others` of the version compared with.
        self.position = 0
        self.articles: dict[str, Article] = {}
        self.diffs: dict[str, VersionDiff] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="diff-dialog"):
            yield Label(Text("What changed between versions", style="bold"), classes="dialog-title")
            yield Label(Text("Comparing…", style="dim"), id="diff-versions")
            with ScrollableContainer(id="diff-body"):
                yield Static(id="diff-a", classes="diff-side")
                yield Static(id="diff-b", classes="diff-side")

    def on_mount(self) -> None:
        self.focus_first("#diff-body")
        self._load()

    @property
    def other_id(self) -> str:
        return self.others[self.position]

    @app_worker(name="version diff", group="diff")
    def _load(self) -> None:
        found = self._load_articles([self.article_id, *self.others])
        articles = {a.id: a for a in found}
        if self.article_id not in articles:
            raise LookupError("this article is no longer in the store")
        others = [i for i in self.others if i in articles]
        if not others:
            raise LookupError("the story's other versions are no longer in the store")
        blank = Extracted()
        # Default partner: the version with the most facts of its own.
        own = {i: fact_count(compare(articles[i].meta, blank).only_in_a) for i in others}
        others.sort(key=lambda i: -own[i])
        diff = compare(articles[self.article_id].meta, articles[others[0]].meta)
        self.post_message(self.Loaded(articles, others, diff))

    @app_worker(name="version diff", group="diff")
    def _compare(self, other_id: str) -> None:
        diff = compare(self.articles[self.article_id].meta, self.articles[other_id].meta)
        self.post_message(self.Compared(other_id, diff))

    def on_version_diff_screen_loaded(self, message: Loaded) -> None:
        self.articles = message.articles
        self.others = message.others
        self.position = 0
        self.diffs[self.other_id] = message.diff
        self._show()

    def on_version_diff_screen_compared(self, message: Compared) -> None:
        self.diffs[message.other_id] = message.diff
        if message.other_id == self.other_id:
            self._show()

    def _show(self) -> None:
        diff = self.diffs.get(self.other_id)
        if diff is None or not self.articles:
            return
        current = self.articles[self.article_id]
        other = self.articles[self.other_id]
        status = Text(style="dim")
        name_a, name_b = version_labels(current, other)
        status.append(f"{name_a} vs {name_b}")
        if len(self.others) > 1:
            status.append(
                f" · other version {self.position + 1} of {len(self.others)} · ←/→ another"
            )
        status.append(" · Esc closes")
        self.query_one("#diff-versions", Label).update(status)
        self.query_one("#diff-a", Static).update(
            side_text(current, diff.only_in_a, "this version", name_a)
        )
        self.query_one("#diff-b", Static).update(
            side_text(other, diff.only_in_b, "other version", name_b)
        )

    def action_other(self, step: int) -> None:
        if len(self.others) < 2 or not self.articles:
            return
        self.position = (self.position + step) % len(self.others)
        if self.other_id in self.diffs:
            self._show()
        else:
            self.query_one("#diff-versions", Label).update(Text("Comparing…", style="dim"))
            self._compare(self.other_id)

    def action_close(self) -> None:
        self.dismiss(None)
