"""The detail pane: the highlighted article's metadata and body."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from newsdesk.model import Article, ArticleRow
from newsdesk.tui.article_view import ArticleStyles, article_text


class DetailPane(VerticalScroll, can_focus=True):
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

    def compose(self) -> ComposeResult:
        yield Static(Text("Nothing selected."), id="detail-text", markup=False)

    def _styles(self) -> ArticleStyles:
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
    ) -> None:
        same = article.id == self.article_id
        self.article_id = article.id
        text = article_text(article, self._styles(), now, terms=terms, carried_by=carried_by)
        self.query_one("#detail-text", Static).update(text)
        if not same:
            self.scroll_home(animate=False)

    def show_message(self, message: str) -> None:
        self.article_id = None
        self.query_one("#detail-text", Static).update(Text(message))
