"""The detail pane marks the words a search found an article by, in every form and
spelling the search matches (`search.highlight`).

The old mark was any word starting with the typed letters: `organisation` left
"organization" unmarked, `vaccine` "vaccinated", and `flood` marked "floodgate".
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rich.style import Style

from newsdesk.model import Article, ArticleState, Extracted
from newsdesk.search.highlight import highlighter

TEXT = (
    "The Organization said organisations met at the centre; Harris met Prince Harry. "
    "Flooding shut the floodgate; the cease-fire held; people were vaccinated. "
    "Colourful flags. Paediatric wards. 東京で大雪."
)


def marked(terms: list[str], people: list[str] | None = None, text: str = TEXT) -> list[str]:
    return [text[a:b] for a, b in highlighter(terms, people or [])(text)]


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (["organisation"], ["Organization", "organisations"]),
        (["organization"], ["Organization", "organisations"]),
        (["organis*"], ["Organization", "organisations"]),
        (["center"], ["centre"]),
        (["flood"], ["Flooding"]),
        (["vaccine"], ["vaccinated"]),
        (["fire"], ["cease-fire"]),
        (["ceasefire"], ["cease-fire"]),
        (["colour*"], ["Colourful"]),
        (["color"], ["Colourful"]),
        (["pediatric"], ["Paediatric"]),
        (["paediat*"], ["Paediatric"]),
        (["north korea"], []),
        (["東京"], ["東京で大雪"]),
    ],
)
def test_a_word_is_marked_in_every_form_the_search_finds(
    terms: list[str], expected: list[str]
) -> None:
    assert marked(terms) == expected


def test_a_name_is_marked_as_written() -> None:
    """As the index keeps a name's words: `harry` is Prince Harry, never Harris."""
    people = ["Prince Harry", "Kamala Harris"]
    assert marked(["harry"], people) == ["Harry"]
    assert marked(["harris"], people) == ["Harris"]


def test_the_detail_pane_marks_the_american_spelling_of_a_british_query() -> None:
    from newsdesk.tui.article_view import ArticleStyles, article_text

    mark = Style(bold=True, reverse=True)
    styles = ArticleStyles(*(Style(),) * 8, mark, Style())
    meta = Extracted(title="Aid", body="The organization and its neighbors met.")
    article = Article("a" * 16, meta, ArticleState(), "/drop/x.txt", "2026-12-05T10:00:00")
    text = article_text(
        article, styles, datetime(2026, 12, 6, tzinfo=UTC), terms=["organisation", "neighbour"]
    )
    lit = [text.plain[s.start : s.end] for s in text.spans if s.style == mark]
    assert lit == ["organization", "neighbors"]


def test_the_detail_pane_marks_the_headline_and_dek_too() -> None:
    """A `title:` search matched the headline: its word is marked there as in the text."""
    from newsdesk.tui.article_view import ArticleStyles, article_text

    mark = Style(bold=True, reverse=True)
    styles = ArticleStyles(*(Style(),) * 8, mark, Style())
    meta = Extracted(
        title="Aid organizations regroup",
        dek="Their neighbors help the organization.",
        body="Nothing here.",
    )
    article = Article("a" * 16, meta, ArticleState(), "/drop/x.txt", "2026-12-05T10:00:00")
    text = article_text(article, styles, datetime(2026, 12, 6, tzinfo=UTC), terms=["organisation"])
    lit = [text.plain[s.start : s.end] for s in text.spans if s.style == mark]
    assert lit == ["organizations", "organization"]


def test_an_article_drawn_again_is_not_analysed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pane draws an article again on every refresh: each time a new highlighter
    analysed every word of a long body again (40-100 ms for 200 KB)."""
    from newsdesk.search import highlight

    analysed: list[str] = []
    real = highlight.Highlighter._marks

    def counting(self: highlight.Highlighter, unit: str) -> bool:
        analysed.append(unit)
        return real(self, unit)

    monkeypatch.setattr(highlight.Highlighter, "_marks", counting)
    body = "Flood waters rose in the valley overnight, and the flooded road closed. " * 20
    first = highlight.highlighter(["floods-again-test"], ["Ana Ruiz"])(body)
    once = len(analysed)
    assert once > 0
    assert highlight.highlighter(["floods-again-test"], ["Ana Ruiz"])(body) == first
    assert len(analysed) == once
