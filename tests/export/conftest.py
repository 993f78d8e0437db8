"""Article factories for export tests: Article objects built directly from the model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsdesk.model import Article, ArticleState, Extracted, Quote, article_id

ArticleFactory = Callable[..., Article]


def build_article(
    title: str = "Council approves river flood plan",
    body: str = "First paragraph of the story.\n\nSecond paragraph.\n\nThird paragraph.",
    *,
    tags: list[str] | None = None,
    starred: bool = False,
    id: str | None = None,
    **meta: Any,
) -> Article:
    meta.setdefault("authors", ["Jane Doe"])
    meta.setdefault("source", "The Valley Courier")
    meta.setdefault("published", "2026-11-20")
    extracted = Extracted(title=title, body=body, **meta)
    return Article(
        id=id or article_id(extracted),
        meta=extracted,
        state=ArticleState(tags=list(tags or []), starred=starred),
        origin="inbox/story.html",
        imported_at="2026-11-21T09:00:00+00:00",
    )


@pytest.fixture
def make_article() -> ArticleFactory:
    return build_article


@pytest.fixture
def rich_article() -> Article:
    return build_article(
        "Zürich: floods hit the old town",
        "Water rose overnight.\n\nShops closed.\n\nThe mayor spoke.\n\nRepairs begin.",
        tags=["floods", "swiss"],
        starred=True,
        dek="Residents were evacuated",
        authors=["Jane Doe", "John Roe"],
        dateline="ZÜRICH",
        published="2026-11-20T10:30:00+01:00",
        url="https://example.com/news/floods",
        people=["Anna Muster"],
        organizations=["Red Cross"],
        places=["Zürich"],
        quotes=[
            Quote("We will rebuild", "Anna Muster"),
            Quote("It came fast", None),
            Quote("Third quote", "X"),
            Quote("Fourth quote", "Y"),
        ],
    )
