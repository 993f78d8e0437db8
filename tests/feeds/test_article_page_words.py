"""The full-text page test counts an item's words as the stories do: a headline padded
with reporting, calendar and number words ("told", "last week", "new", "two") is held
by its telling words, and a page that carries those is the item's article."""

from __future__ import annotations

from newsdesk.feeds.article_page import content_words, not_the_article
from newsdesk.model import Extracted

PAGE = Extracted(
    title="Quillport budget",
    body="The mayor of Quillport presented the harbour budget to reporters at the town hall.",
)


def test_a_headline_padded_with_common_words_is_held_by_its_telling_ones() -> None:
    item = Extracted(title="Mayor told reporters new harbour budget last week, two years on")
    assert content_words(item.title or "") == {"mayor", "report", "harbor", "budget"}
    assert not not_the_article(item, PAGE)


def test_a_page_of_other_words_is_still_refused() -> None:
    item = Extracted(title="Ferry operator told unions new timetable last week")
    assert not_the_article(item, PAGE)
