"""The detail pane: the highlighted article's metadata and body.

A Line API widget like the list: the article is built as one `Text`, wrapped
once per width into lines, and only the visible lines are drawn. Showing the
next article is a repaint of this pane, never a relayout of the screen, so
moving through the list stays fast.

The pane reads what it shows from an `ArticleSource` (the Desk) given to it:
the article, the other outlets carrying its story, and its related articles,
found in a thread worker and cached per article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Protocol

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from newsdesk.errors import DeskError
from newsdesk.model import Article, ArticleRow
from newsdesk.store.protocol import ActionRecord, Claim
from newsdesk.tui.article_view import ArticleStyles, article_text, wrapped_lines
from newsdesk.tui.keymap import KEY_TABLE
from newsdesk.tui.workers import app_worker

#: Related articles listed (keys 1-5).
RELATED_LIMIT = 5
#: Other versions of the story named under "Also in".
CARRIED_LIMIT = 50
#: Newest steps of the article's action log read for the "Who" line.
LOG_LIMIT = 30


class ArticleSource(Protocol):
    """What the pane reads (the Desk has all of it)."""

    #: Who reads (the "Who" line shows when someone else had a hand in the article).
    editor: str

    def get(self, article_id: str) -> Article | None: ...

    def story_members(self, story_id: str) -> list[str]: ...

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]: ...

    def related(self, article_id: str, limit: int = 5) -> list[str]: ...

    def with_versions(self, ids: Sequence[str]) -> list[str]: ...

    def claims(self, ids: Sequence[str] | None = None) -> dict[str, Claim]: ...

    def article_log(self, article_id: str, limit: int = 20) -> list[ActionRecord]: ...
    def rule_effects(self, article: Article) -> list[str]: ...


class DetailPane(ScrollView, can_focus=True):
    """Scrollable view of one article (built from `Text`, so article text stays inert)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail--headline",
        "detail--dek",
        "detail--label",
        "detail--meta",
        "detail--tag",
        "detail--quote",
        "detail--speaker",
        "detail--link",
        "detail--highlight",
        "detail--rule",
    }
    """Themable parts of the article view (see newsdesk.tcss)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        spec.binding() for spec in KEY_TABLE if spec.scope == "reader"
    ]
    """The pager keys (j, k, space, b) while the pane has focus; they win over the screen's."""

    def action_back_to_list(self) -> None:
        """q or Esc while reading: the list has the focus again (the app quits from there)."""
        focus_inbox = getattr(self.screen, "focus_inbox", None)
        if callable(focus_inbox):
            focus_inbox()

    @dataclass
    class Scrolled(Message):
        """The reader moved in the article (the status line shows how far)."""

    @dataclass
    class RelatedFound(Message):
        """An article's related articles (other stories), from the related worker."""

        article_id: str
        rows: list[ArticleRow]

    def __init__(
        self,
        source: ArticleSource,
        clock: Callable[[], datetime],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._source = source
        self._clock = clock
        #: Article id -> its related articles (Whoosh more-like-this is not free).
        self.related_cache: LRUCache[str, list[ArticleRow]] = LRUCache(512)
        #: The search terms highlighted in the body.
        self._terms: Sequence[str] = ()
        #: The article shown, if any.
        self.article_id: str | None = None
        #: Ids of the "Related" list shown (keys 1-5).
        self.related_ids: list[str] = []
        #: The versions of a story its list row counts ("Also in" names their outlets, as
        #: "+N" counts them: not an archived one in the inbox); None: every version.
        self.counted: Callable[[str], list[str]] | None = None
        #: The whole view as one Text (what tests read).
        self.text = Text("Nothing selected.")
        self._lines: list[Text] = []
        self._wrapped_width = -1
        self._strips: LRUCache[int, Strip] = LRUCache(256)
        self._style_cache: ArticleStyles | None = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache = None

    def _styles(self) -> ArticleStyles:
        if self._style_cache is None:
            self._style_cache = self._read_styles()
        return self._style_cache

    def _read_styles(self) -> ArticleStyles:
        get = self.get_component_rich_style
        return ArticleStyles(
            headline=get("detail--headline"),
            dek=get("detail--dek"),
            label=get("detail--label"),
            meta=get("detail--meta"),
            tag=get("detail--tag"),
            quote=get("detail--quote"),
            speaker=get("detail--speaker"),
            link=get("detail--link"),
            highlight=get("detail--highlight"),
            rule=get("detail--rule"),
        )

    def show_article(self, article_id: str, *, terms: Sequence[str] | None = None) -> None:
        """Show an article (and, once found, its related articles); `terms` are highlighted.

        Without `terms`, those of the last article shown are kept.
        """
        if terms is not None:
            self._terms = terms
        source = self._source
        try:
            article = source.get(article_id)
        except DeskError:
            return  # the store cannot be asked now (DeskWatch says so): keep what is shown
        if article is None:
            self.show_message("This article is no longer in the store.")
            return
        carried: list[ArticleRow] = []
        if article.story_size > 1 and article.story_id:
            # The story's versions read once, as the view counts them; the related list
            # tells the story's others (archived ones too) by their story, in its worker.
            story = article.story_id
            listed = self.counted(story) if self.counted else source.story_members(story)
            shown = [m for m in listed if m != article.id]
            carried = source.rows(shown[:CARRIED_LIMIT])
        related = self.related_cache.get(article.id)
        if related is None:
            self._find_related(article.id, article.story_size)
        same = article.id == self.article_id
        self.article_id = article.id
        self.related_ids = [row.id for row in related or ()]
        text = article_text(
            article,
            self._styles(),
            self._clock(),
            terms=self._terms,
            carried_by=carried,
            related=related,
            # Who has it and who did what: a shared desk changes under the reader.
            claim=source.claims([article.id]).get(article.id),
            log=source.article_log(article.id, limit=LOG_LIMIT),
            editor=source.editor,
            by_rules=source.rule_effects(article),
        )
        self._set_text(text, keep_scroll=same)

    def forget_related(self) -> None:
        """Look for related articles again (the index caught up: answers may be fuller)."""
        self.related_cache.clear()

    @app_worker(name="related articles", group="related")
    def _find_related(self, article_id: str, story_size: int) -> None:
        """More-like-this off the UI thread: one article per other story, never this one's."""
        source = self._source
        # Enough to skip the story's own versions, bounded: a story of thousands of
        # (undated, alike) items asked for thousands of rows at every cursor move.
        found = source.related(article_id, limit=2 * RELATED_LIMIT + min(story_size, 50))
        taken = {article_id}
        ids: list[str] = []
        superseded = {r.id for r in source.rows(found) if r.superseded}
        for candidate in found:
            if candidate in taken:
                continue
            versions = source.with_versions([candidate])  # its story's other versions
            if article_id in versions:  # a version of this article's own story
                taken.update(versions)
                continue
            if candidate in superseded:
                # An earlier take of wire copy: its story's current version stands for it.
                current = [r.id for r in source.rows(versions) if not r.superseded]
                candidate = current[0] if current else candidate
                if candidate in taken:
                    continue
            ids.append(candidate)
            if len(ids) == RELATED_LIMIT:
                break
            taken.update(versions)
        if get_current_worker().is_cancelled:
            return
        self.post_message(self.RelatedFound(article_id, source.rows(ids)))

    def on_detail_pane_related_found(self, message: RelatedFound) -> None:
        message.stop()
        self.related_cache.set(message.article_id, message.rows)
        if self.article_id == message.article_id:
            self.show_article(message.article_id)

    def show_message(self, message: str) -> None:
        self.article_id = None
        self.related_ids = []
        self._set_text(Text(message), keep_scroll=False)

    def _set_text(self, text: Text, *, keep_scroll: bool) -> None:
        self.text = text
        self._wrapped_width = -1
        self._rewrap()
        if not keep_scroll:
            self.scroll_to(0, 0, animate=False, force=True)
        self.refresh()

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._lines = wrapped_lines(self.text, self.app.console, width)
        self._strips.clear()
        # Set without the reactive's relayout of the whole screen: the pane's size does
        # not change (its scrollbar is always shown), only what it scrolls over.
        size = Size(width, len(self._lines))
        self.set_reactive(DetailPane.virtual_size, size)
        self._scroll_update(size)

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    @property
    def position(self) -> str:
        """How far into the article the reader is: "top", "42%", "end" or "all"."""
        height = self.scrollable_content_region.height
        total = len(self._lines)
        if total <= height:
            return "all"
        top = round(self.scroll_y)
        if top <= 0:
            return "top"
        if top + height >= total:
            return "end"
        return f"{100 * (top + height) // total}%"

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if round(old) != round(new):
            self.post_message(self.Scrolled())

    def on_focus(self) -> None:
        self.post_message(self.Scrolled())

    def on_blur(self) -> None:
        self.post_message(self.Scrolled())

    def render_line(self, y: int) -> Strip:
        self._rewrap()
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        cached = self._strips.get(index)
        if cached is None:
            segments = list(self._lines[index].render(self.app.console))
            cached = Strip(Segment.apply_style(segments, self.rich_style)).adjust_cell_length(
                width, self.rich_style
            )
            self._strips.set(index, cached)
        return cached
