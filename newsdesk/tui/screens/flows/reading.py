"""Opening articles: Enter, the pager's next and previous, next unread, the original's URL."""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.sanitize import clean_line, safe_web_url
from newsdesk.tui.screens.flows.host import InboxHost


class ReadingFlow:
    """Open the cursor's article (read, focused) or the story under it; open its web page."""

    def __init__(
        self,
        host: InboxHost,
        *,
        expand: Callable[[], None],
        open_in_browser: Callable[[str], object],
    ) -> None:
        self.host = host
        self._expand = expand
        self._open_in_browser = open_in_browser

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
                ids = host.desk.with_versions(ids)  # "read one, read all"
            host.writer.mark_opened(ids)
        host.view.show_detail()
        host.focus_detail()

    def open_url(self) -> None:
        host = self.host
        article_id = host.inbox.current_id
        article = host.desk.get(article_id) if article_id else None
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
