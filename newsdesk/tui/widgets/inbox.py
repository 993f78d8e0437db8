"""The inbox: a virtual list that stays instant at 100,000 articles.

Built on Textual's Line API (the toolong log view idea): `virtual_size` is the
row count and `render_line(y)` draws only the visible rows. Rows are fetched by
position from the Desk a page at a time and kept in an LRU cache; rendered
strips are cached too and dropped whenever the state they show changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdesk.model import ArticleRow
from newsdesk.tui.row_gap import RowGap, gap_of
from newsdesk.tui.selection import row_pick
from newsdesk.tui.widgets.inbox_row import FULL_DATE_FROM, RowShape, RowStyles, render_row

RowFetcher = Callable[[Sequence[str]], list[ArticleRow]]

#: Rows fetched beyond the viewport in each direction, so scrolling rarely waits.
PREFETCH = 60


#: How often the list looks whether an embargo on screen has passed (seconds).
EMBARGO_TICK = 5.0


class InboxList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of articles; the screen owns the keys and tells the list what to do."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "inbox--cursor",
        "inbox--cursor-blurred",
        "inbox--selected-row",
        "inbox--unread",
        "inbox--title-unread",
        "inbox--title-read",
        "inbox--star",
        "inbox--tag",
        "inbox--exported",
        "inbox--selected",
        "inbox--source",
        "inbox--time",
        "inbox--story",
        "inbox--empty",
        "inbox--urgent",
        "inbox--killed",
        "inbox--wire-label",
        "inbox--claim-mine",
        "inbox--claim-other",
        "inbox--match",
    }
    """Themable parts of a row (see newsdesk.tcss)."""

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """Index of the highlighted row in the displayed list."""

    @dataclass
    class CursorMoved(Message):
        """The highlighted article changed (None when the list is empty)."""

        article_id: str | None
        index: int

    class Wheeled(Message):
        """The list was scrolled with the mouse wheel: the editor is looking at it."""

    def on_mouse_scroll_down(self, _event: events.MouseScrollDown) -> None:
        self.post_message(self.Wheeled())

    def on_mouse_scroll_up(self, _event: events.MouseScrollUp) -> None:
        self.post_message(self.Wheeled())

    @dataclass
    class Activated(Message):
        """A row was clicked twice."""

        article_id: str

    class EmbargoLapsed(Message):
        """An embargo on a row on screen has passed: that row is ordinary copy now."""

    def __init__(
        self,
        fetch: RowFetcher,
        clock: Callable[[], datetime],
        *,
        relative_times: bool = True,
        editor: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._fetch = fetch
        self._clock = clock
        self.relative_times = relative_times
        #: Whose claims are marked as "yours".
        self.editor = editor
        #: The displayed ids, top to bottom (heads and expanded versions).
        self._ids: list[str] = []
        #: Depth per displayed row (0 top level, 1 a version under its story head).
        self._depth: list[int] = []
        #: Story heads that have versions to show, and those shown expanded.
        self.story_heads: set[str] = set()
        self.expanded: set[str] = set()
        #: The selected articles (`newsdesk/tui/selection.py`): changed by `set_selection`
        #: alone, which counts each change in `selection_version`.
        self._selected: set[str] = set()
        self.selection_version = 0
        #: The query whose `*` made the selection, None once a pick changed it: exported,
        #: it is that search's answer (articles that arrived since left out, not picked).
        self.selected_by_query: str | None = None
        #: A folded story row's head -> how many of the versions it stands for are
        #: selected (set by the view, which knows the stories): its mark, all or some.
        self.story_picks: Callable[[str], int] = lambda _head: 0
        self.range_anchor: int | None = None
        self.empty_message = "No articles."
        #: The cursor's article that last left the list under it, between which rows
        #: (`row_gap`): a move typed before the editor saw it goes from there.
        self.left_gap: RowGap | None = None
        self._rows: LRUCache[str, ArticleRow] = LRUCache(4000)
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(400)
        #: Story row -> the versions it counted when last drawn: an action on it reaches
        #: those, not one that arrived before the list caught up (`InboxResults.story_targets`).
        self._drawn_sizes: LRUCache[str, int] = LRUCache(4000)
        self._generation = 0
        self._now = clock()
        self._style_cache: RowStyles | None = None
        #: The terminal's size at the list's last resize (None: not laid out yet).
        self._terminal: Size | None = None
        #: The spans of a headline's words the current search found (None: no search);
        #: set with the rows (`set_rows` redraws them).
        self.marks: Callable[[str], list[tuple[int, int]]] | None = None

    def on_mount(self) -> None:
        self.set_interval(EMBARGO_TICK, self.look_at_embargoes)

    def look_at_embargoes(self) -> None:
        """Redraw when an embargo on a row on screen has passed since the rows were drawn
        (they said "embargoed until 23:20" long after 23:20, until the next search)."""
        now = self._clock()
        drawn, stamp = self._now.timestamp(), now.timestamp()
        top = round(self.scroll_y)
        shown = (self._rows.get(i) for i in self._ids[top : top + self.size.height])
        if any(
            row is not None and row.embargo_ts is not None and drawn < row.embargo_ts <= stamp
            for row in shown
        ):
            self._now = now
            self._strips.clear()
            self.refresh()
            self.post_message(self.EmbargoLapsed())

    # -- data ------------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        return self._ids

    @property
    def row_count(self) -> int:
        return len(self._ids)

    @property
    def current_id(self) -> str | None:
        if 0 <= self.cursor < len(self._ids):
            return self._ids[self.cursor]
        return None

    def depth_at(self, index: int) -> int:
        return self._depth[index] if 0 <= index < len(self._depth) else 0

    def set_rows(
        self,
        ids: list[str],
        depth: list[int] | None = None,
        *,
        keep: str | None = None,
    ) -> None:
        """Show a new list; keep the cursor on `keep` if still there, else on its own
        article or the next one (`_stay_or_successor`), or at the top without `keep`.

        A kept article also keeps its line on screen: rows that arrive above it
        (a fetch, an import) push the view down with it rather than moving it.
        """
        old_index = self.cursor
        old_line = old_index - round(self.scroll_y)
        old_ids = self._ids
        current = old_ids[old_index] if 0 <= old_index < len(old_ids) else None
        self._ids = ids
        self._depth = depth if depth is not None else [0] * len(ids)
        self._now = self._clock()
        self.invalidate()
        self.virtual_size = Size(self.size.width or 1, len(ids))
        target = 0
        kept = False
        if keep is not None:
            try:
                target = ids.index(keep)
                kept = True
            except ValueError:
                target = _stay_or_successor(old_ids, old_index, ids, keep)
                if keep == current:
                    self.left_gap = gap_of(old_ids, old_index, ids)
        target = max(0, min(target, len(ids) - 1))
        if kept and target != old_index and 0 <= old_line < self.scrollable_content_region.height:
            self.scroll_to(y=max(0, target - old_line), animate=False, force=True, immediate=True)
        self.cursor = target

    def row(self, article_id: str) -> ArticleRow | None:
        cached = self._rows.get(article_id)
        if cached is None:
            fetched = self._fetch([article_id])
            if not fetched:
                return None
            cached = fetched[0]
            self._rows.set(article_id, cached)
        return cached

    def drawn_story_size(self, article_id: str) -> int | None:
        """How many versions the story row `article_id` counted as last drawn (None if not
        drawn as one)."""
        return self._drawn_sizes.get(article_id)

    def current_row(self) -> ArticleRow | None:
        article_id = self.current_id
        return self.row(article_id) if article_id else None

    def rows_for(self, ids: Sequence[str]) -> list[ArticleRow]:
        """Rows of many ids, from the cache where possible."""
        missing = [i for i in ids if i not in self._rows]
        if missing:
            for fetched in self._fetch(missing):
                self._rows.set(fetched.id, fetched)
        return [r for r in (self._rows.get(i) for i in ids) if r is not None]

    def invalidate(self, ids: Iterable[str] | None = None) -> None:
        """Forget cached rows (all, or those ids) and redraw."""
        if ids is None:
            self._rows.clear()
        else:
            for article_id in ids:
                self._rows.discard(article_id)
        self._strips.clear()
        self._generation += 1
        self.refresh()

    def _ensure_rows(self, start: int, end: int) -> None:
        """Fetch one page of rows around the viewport in a single query."""
        start = max(0, start - PREFETCH)
        end = min(len(self._ids), end + PREFETCH)
        missing = [i for i in self._ids[start:end] if i not in self._rows]
        if missing:
            for fetched in self._fetch(missing):
                self._rows.set(fetched.id, fetched)

    # -- cursor and selection -------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._ids) - 1)) if self._ids else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_cursor_visible()
        self.post_message(self.CursorMoved(self.current_id, new))

    def scroll_cursor_visible(self) -> None:
        height = self.scrollable_content_region.height
        if not height:
            # Not laid out yet (a cursor restored at start-up): taken as one row high, the
            # list began at the cursor's row. The first resize places it (`show_from_top`).
            return
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, force=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, force=True)

    def show_from_top(self) -> None:
        """On open and on resize: from the list's top when the cursor's row fits on the
        first page (a taller terminal showed row 2 on, row 1 hidden though it had room),
        else as far as the cursor's row stays in sight."""
        if self.cursor < self.scrollable_content_region.height:
            self.scroll_to(y=0, animate=False, force=True)
        else:
            self.scroll_cursor_visible()

    @property
    def page_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    @property
    def selected(self) -> Set[str]:
        """The selected articles (read-only: `set_selection` changes them)."""
        return self._selected

    def set_selection(self, ids: Iterable[str], *, by_query: str | None = None) -> None:
        """Select `ids`; `by_query`: the query whose whole answer they are (`*`)."""
        chosen = set(ids)
        self.selected_by_query = by_query
        if chosen == self._selected:
            return
        self._selected = chosen
        self.selection_version += 1
        self._strips.clear()
        self.refresh()

    def folded_story_row(self, index: int) -> bool:
        """The row at `index` is a story head drawn folded (its versions not listed
        under it): its mark counts those of them that are selected."""
        article_id = self._ids[index]
        return (
            self.depth_at(index) == 0
            and article_id in self.story_heads
            and article_id not in self.expanded
        )

    # -- rendering --------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache = None
        self._strips.clear()

    def _row_styles(self) -> RowStyles:
        if self._style_cache is None:
            self._style_cache = self._read_row_styles()
        return self._style_cache

    def _read_row_styles(self) -> RowStyles:
        get = self.get_component_rich_style
        return RowStyles(
            base=self.rich_style,
            unread=get("inbox--unread"),
            title_unread=get("inbox--title-unread"),
            title_read=get("inbox--title-read"),
            star=get("inbox--star"),
            tag=get("inbox--tag"),
            exported=get("inbox--exported"),
            selected=get("inbox--selected"),
            source=get("inbox--source"),
            time=get("inbox--time"),
            story=get("inbox--story"),
            urgent=get("inbox--urgent"),
            killed=get("inbox--killed"),
            wire_label=get("inbox--wire-label"),
            claim_mine=get("inbox--claim-mine"),
            claim_other=get("inbox--claim-other"),
            match=get("inbox--match"),
        )

    def render_line(self, y: int) -> Strip:
        scroll_y = round(self.scroll_y)
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if not self._ids:
            if y == 0:
                style = self.get_component_rich_style("inbox--empty")
                return Strip([Segment(" " + self.empty_message, style)]).adjust_cell_length(
                    width, self.rich_style
                )
            return Strip.blank(width, self.rich_style)
        if index >= len(self._ids):
            return Strip.blank(width, self.rich_style)
        article_id = self._ids[index]
        is_cursor = index == self.cursor
        # A folded story row's mark is of the versions it stands for, whichever is on top.
        picks = self.story_picks(article_id) if self.folded_story_row(index) else None
        is_selected = article_id in self._selected if picks is None else picks > 0
        full_date = self.app.size.width >= FULL_DATE_FROM  # see inbox_row
        key: tuple[object, ...] = (index, article_id, width, is_cursor, is_selected, picks)
        key += (self.has_focus, self._generation, full_date)
        cached = self._strips.get(key)
        if cached is not None:
            return cached
        row = self._rows.get(article_id)
        if row is None:
            self._ensure_rows(scroll_y, scroll_y + self.size.height)
            row = self._rows.get(article_id)
        if row is None:
            return Strip.blank(width, self.rich_style)
        depth = self.depth_at(index)
        shape = RowShape(
            depth=depth,
            story_head=depth == 0 and article_id in self.story_heads,
            expanded=article_id in self.expanded,
        )
        if shape.story_head:
            self._drawn_sizes.set(article_id, row.story_size)
        pick = row_pick(picks, row.story_size) if picks is not None else "all"
        row_text = render_row(
            row,
            width,
            self._row_styles(),
            self._now,
            selected=is_selected and pick == "all",
            partly_selected=pick == "some",
            shape=shape,
            relative_times=self.relative_times,
            editor=self.editor,
            marks=self.marks,
            full_date=full_date,
        )
        segments = list(row_text.render(self.app.console))
        strip = Strip(segments, width).apply_style(self.rich_style)
        if is_cursor:
            name = "inbox--cursor" if self.has_focus else "inbox--cursor-blurred"
            strip = Strip(
                Segment.apply_style(strip, post_style=self.get_component_rich_style(name))
            )
        elif is_selected:
            strip = Strip(
                Segment.apply_style(
                    strip, post_style=self.get_component_rich_style("inbox--selected-row")
                )
            )
        self._strips.set(key, strip)
        return strip

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._ids))
        self._strips.clear()
        # A smaller terminal leaves the cursor's row below the list: bring it back in
        # sight once the new height is laid out. Opened, or the terminal resized: from
        # the top if it can. A bar shown or hidden beside the list (an import's) keeps
        # the view where it is: rows arrived above the cursor moved it down with them.
        if self.app.size != self._terminal:
            self._terminal = self.app.size
            self.call_after_refresh(self.show_from_top)
        else:
            self.call_after_refresh(self.scroll_cursor_visible)

    def on_focus(self, event: events.Focus) -> None:
        self._strips.clear()
        self.refresh()

    def on_blur(self, event: events.Blur) -> None:
        self._strips.clear()
        self.refresh()

    async def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_y) + event.y
        if 0 <= index < len(self._ids):
            if index == self.cursor and event.chain >= 2:
                self.post_message(self.Activated(self._ids[index]))
            self.cursor = index


def _stay_or_successor(old_ids: list[str], old_index: int, ids: list[str], keep: str) -> int:
    """Where the cursor goes when `keep` is not in the list: on its own article when that
    was another one and is still there (an article remembered from the last run that is
    gone since leaves the cursor where it is), else the next one (`_successor`)."""
    current = old_ids[old_index] if 0 <= old_index < len(old_ids) else None
    if current is not None and current != keep:
        try:
            return ids.index(current)
        except ValueError:
            pass
    return _successor(old_ids, old_index, ids)


def _successor(old_ids: list[str], old_index: int, ids: list[str]) -> int:
    """Where the cursor goes when its article left the list: the next article after it
    that is still there (rows above it may have gone too, so its old index would skip
    one), else the nearest one before it, else the old index."""
    if not 0 <= old_index < len(old_ids):
        return old_index
    position = {article_id: n for n, article_id in enumerate(ids)}
    for article_id in old_ids[old_index + 1 :]:
        if article_id in position:
            return position[article_id]
    for article_id in reversed(old_ids[:old_index]):
        if article_id in position:
            return position[article_id]
    return old_index
