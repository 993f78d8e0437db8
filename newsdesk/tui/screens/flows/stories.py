"""How the list is shown: stories folded or open, the sort order, versions, related jumps."""

from __future__ import annotations

import contextlib

from newsdesk.counting import counted
from newsdesk.errors import DeskError
from newsdesk.tui.screens.flows.host import InboxHost
from newsdesk.uistate import SortOrder


class StoryFlow:
    """Grouping and sort state, a story's versions and the detail pane's related articles."""

    def __init__(self, host: InboxHost) -> None:
        self.host = host

    def expand(self) -> None:
        host = self.host
        inbox = host.inbox
        article_id = inbox.current_id
        if article_id is None or inbox.depth_at(inbox.cursor) > 0:
            return
        if not host.ui_state.grouped:
            row = inbox.current_row()
            if row is None or row.story_size <= 1:
                host.notify("This article has no other versions.", timeout=2)
                return
            # Expanding from the flat list switches to the grouped view on this story:
            # said, since h folds the story but stays grouped.
            host.ui_state.grouped = True
            host.save_state()
            host.notify("One row per story now; z for one row per article.", timeout=3)
            host.view.pending_expand = article_id
            host.run_search(keep=article_id, hold_keys=True)
            return
        try:
            expanded = host.view.expand_story(article_id)
        except DeskError as exc:
            host.notify(str(exc), title="Not opened", severity="error", timeout=10, markup=False)
            return
        if not expanded:
            host.notify("This article has no other versions.", timeout=2)

    def toggle_group(self) -> None:
        host = self.host
        host.ui_state.grouped = not host.ui_state.grouped
        host.save_state()
        grouped = host.ui_state.grouped
        host.notify("One row per story." if grouped else "One row per article.", timeout=2)
        host.run_search(keep=host.inbox.current_id, hold_keys=True)

    def toggle_sort(self) -> None:
        host = self.host
        state = host.ui_state
        # Urgency comes right after the default, so one S puts a flash on top.
        order: tuple[SortOrder, ...] = ("relevance", "urgency", "newest")
        current = state.sort
        if host.query_text and not _ranks_by_words(host.query_text):
            # Filters alone have nothing to rank: relevance is newest first, and a press
            # that went from one to the other changed nothing on screen.
            order = ("urgency", "newest")
            current = "newest" if current == "relevance" else current
        state.sort = order[(order.index(current) + 1) % len(order)]
        host.save_state()
        if state.sort == "urgency":
            host.notify("Most urgent first (wire flash, bulletin, urgent), then newest.", timeout=3)
        elif not host.query_text:
            host.notify(f"Searches sort by {state.sort}; the inbox newest first.", timeout=3)
        # Most urgent first is read from the top: the cursor goes there, where the flash is
        # (kept on its article, it left the flash above the screen).
        keep = None if state.sort == "urgency" else host.inbox.current_id
        host.run_search(keep=keep, hold_keys=True)
        host.update_status()

    def diff(self) -> None:
        """Open what changed between this version and another of its story."""
        host = self.host
        article_id = host.inbox.current_id
        article = host.desk.get(article_id) if article_id else None
        if article is None:
            return
        story = article.story_id
        # The versions the row's "+N" counts: an archived one (or one a search did not
        # match) was compared by default when it had the most facts of its own.
        others = [m for m in host.view.counted_members(story) if m != article.id] if story else []
        if not others:
            host.notify(self._no_other_version(story, article.id), timeout=3)
            return
        from newsdesk.tui.modals.version_diff import VersionDiffScreen

        host.app.push_screen(VersionDiffScreen(article.id, others, load=host.desk.get_many))

    def _no_other_version(self, story: str | None, article_id: str) -> str:
        left_out = 0
        if story:
            with contextlib.suppress(DeskError):  # not read: said as having none
                left_out = len([m for m in self.host.desk.story_members(story) if m != article_id])
        if not left_out:
            return "This article has no other version to compare with."
        return (
            "No other version of this story is shown here to compare with "
            f"({counted(left_out, 'other version')} left out of this view)."
        )

    def jump_related(self, number: int) -> None:
        """Put the cursor on the detail pane's related article `number` (1-based)."""
        host = self.host
        related = host.detail.related_ids
        if not 1 <= number <= len(related):
            host.notify(f"No related article {number} for this article.", timeout=2)
            return
        target = related[number - 1]
        inbox = host.inbox
        if target in inbox.ids:
            inbox.cursor = inbox.ids.index(target)
            return
        if target in host.results.ids and host.ui_state.grouped:
            host.view.expand_story_of(target)  # a version folded into its story's row
            return
        rows = host.desk.rows([target])
        if rows and not rows[0].archived and host.query_text:
            # Not in this search's results: back to the inbox, cursor on it.
            host.notify("Search cleared to show the related article.", timeout=2)
            if host.ui_state.grouped:
                host.view.pending_expand = target
            host.set_query("", keep=target)
            return
        # Archived (or an earlier wire version): out of the inbox. The cursor goes to it in a
        # search that shows it; the detail pane alone would show it over another article's
        # row, which the next key would act on.
        host.notify("Showing the related article, which is out of the inbox.", timeout=2)
        host.set_query(f"in:all id:{target}", keep=target)


def _ranks_by_words(query: str) -> bool:
    """Whether the query has words to rank by (a malformed one: as if it had)."""
    from newsdesk.search.engine import ranks_by_words
    from newsdesk.search.query import QuerySyntaxError, parse

    try:
        root = parse(query).root
    except QuerySyntaxError:
        return True
    return root is not None and ranks_by_words(root)
