"""The detail pane: the highlighted article's metadata and body.

A Line API widget like the list: the article is built as one `Text`, wrapped
once per width into lines, and only the visible lines are drawn. Showing the
next article is a repaint of this pane, never a relayout of the screen, so
moving through the list stays fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdesk.model import Article, ArticleRow
from newsdesk.tui.article_view import ArticleStyles, article_text


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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The article shown, if any.
        self.article_id: str | None = None
        #: Ids of the "Related" list shown (keys 1-5).
        self.related_ids: list[str] = []
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

    def show(
        self,
        article: Article,
        now: datetime,
        *,
        terms: Sequence[str] = (),
        carried_by: Sequence[ArticleRow] = (),
        related: Sequence[ArticleRow] | None = (),
    ) -> None:
        same = article.id == self.article_id
        self.article_id = article.id
        #: The related articles listed, in the order of their number keys.
        self.related_ids = [row.id for row in related or ()]
        self._set_text(
            article_text(
                article, self._styles(), now, terms=terms, carried_by=carried_by, related=related
            ),
            keep_scroll=same,
        )

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
        self._lines = list(self.text.wrap(self.app.console, width, overflow="fold"))
        self._strips.clear()
        # Set without the reactive's relayout of the whole screen: the pane's size does
        # not change (its scrollbar is always shown), only what it scrolls over.
        size = Size(width, len(self._lines))
        self.set_reactive(DetailPane.virtual_size, size)
        self._scroll_update(size)

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

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
