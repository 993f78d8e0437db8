"""Opening articles: Enter, the pager's next and previous, next unread, the original's URL;
and leaving an article that someone else deleted, archived or replaced while it was read."""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.errors import DeskError
from newsdesk.sanitize import clean_line, safe_web_url
from newsdesk.tui.screens.flows.changed_elsewhere import what_happened, why_gone
from newsdesk.tui.screens.flows.host import InboxHost


class ReadingFlow:
    """Open the cursor's article (read, focused) or the story under it; open its web page."""

    def __init__(
        self,
        host: InboxHost,
        *,
        expand: Callable[[], None],
        open_in_browser: Callable[[str], object],
        left: Callable[[str, str], None] = lambda _notice, _gone: None,
    ) -> None:
        self.host = host
        self._expand = expand
        self._open_in_browser = open_in_browser
        #: Told what the reader said when a change elsewhere sent it back to the list.
        self._left = left
        #: The article being read when the store changed elsewhere: the next whole
        #: answer says whether it is still listed.
        self._watched: str | None = None

    # -- the article read changes under the reader ---------------------------------------

    def reading_now(self) -> str | None:
        """The article open in the reader (the detail pane has the focus), else None."""
        host = self.host
        return host.inbox.current_id if host.detail.has_focus else None

    def store_changed(self, reading: str | None) -> None:
        """Another window, shell or editor changed the store while `reading` was open.

        Deleted: back to the list now, the cursor on the row that takes its place; the
        reader followed the cursor onto that row without a word, and the next key
        starred or deleted an article the editor never opened. Otherwise the search
        run again for the change says whether it is still listed (`answered`).
        """
        self._watched = reading
        if reading is None:
            return
        try:
            gone = not self.host.desk.existing([reading])
        except DeskError:
            return  # the store cannot be asked now (DeskWatch says so): keep reading
        if gone:
            self._watched = None
            self.host.view.drop({reading})
            self._leave(reading, "was deleted", "delete")

    def answered(self, was_reading: str | None) -> None:
        """A whole answer is on screen, `was_reading` open before it: if a change made
        elsewhere took that article out of the list (archived, replaced by a newer
        version, no longer matching the search), back to the list, saying why."""
        watched, self._watched = self._watched, None
        if watched is None or watched != was_reading or self.host.results.lists_any((watched,)):
            return
        reason = why_gone(self.host, watched)
        if reason is not None:
            self._leave(watched, *reason)

    def _leave(self, article_id: str, what: str, kind: str) -> None:
        """Back to the list (the cursor on the neighbouring row), and a notice naming who
        made the change when the action log knows (`kind` "*": any change)."""
        host = self.host
        said = what_happened(host, article_id, what, kind)
        host.focus_inbox()
        host.notify(
            f"The article you were reading {said}.",
            title="Back to the list",
            severity="warning",
            timeout=8,
            markup=False,
        )
        # A key typed before the notice was seen must not act on the row now under the
        # cursor (`ChangedElsewhere`).
        self._left(f"The article you were reading {said}.", article_id)
        host.update_status()

    def open_cursor(self) -> None:
        inbox = self.host.inbox
        article_id = inbox.current_id
        if article_id is None:
            return
        if self.host.results.is_story_row(article_id) and inbox.depth_at(inbox.cursor) == 0:
            self._expand()
            return
        self.open_article(article_id)

    def next_unread(self) -> None:
        index = self.host.view.next_unread()
        if index is None:
            self.host.notify("No unread article below this one.", timeout=2)
            return
        self.open_at(index)

    def open_at(self, index: int) -> None:
        """Move to row `index` and open it, as a pager does (read, focused, at the top)."""
        inbox = self.host.inbox
        if not 0 <= index < inbox.row_count:
            self.host.notify("No more articles.", timeout=2)
            return
        inbox.cursor = index
        article_id = inbox.current_id
        if article_id is not None:
            self.open_article(article_id)

    def open_article(self, article_id: str) -> None:
        host = self.host
        row = host.inbox.row(article_id)
        if row is not None and not row.read:
            ids = [article_id]
            if host.settings.read_all_versions and row.story_size > 1:
                try:
                    ids = host.desk.with_versions(ids, with_archived=False)  # read one, read all
                except DeskError as exc:
                    # The store went away: said, the article still opens (on screen), and
                    # nothing is marked: not this version alone for its story.
                    host.notify(str(exc), title="Not saved", severity="error", markup=False)
                    ids = []
            if ids:
                host.writer.mark_opened(ids)
        host.view.show_detail()
        host.focus_detail()

    def open_url(self) -> None:
        host = self.host
        article_id = host.inbox.current_id
        try:
            article = host.desk.get(article_id) if article_id else None
        except DeskError as exc:
            host.notify(str(exc), title="Not opened", severity="error", markup=False)
            return
        if article is None or not article.meta.url:
            host.notify("No URL is known for this article.", timeout=3)
            return
        url = safe_web_url(article.meta.url)
        if url is None:
            # Never hand a browser launcher a non-web scheme or something it could read as an option.
            shown = clean_line(article.meta.url)[:80]
            host.notify(
                f"Not opening {shown!r}: only http and https links are opened.",
                severity="warning",
                timeout=4,
                markup=False,
            )
            return
        host.notify(f"Opening {clean_line(url)}", timeout=2, markup=False)
        self._open_in_browser(url)
