"""Typographic and straight apostrophes are one mark to the stories (`text.nfkc`).

Outlets type a name both ways ("O’Dwyer", "O'Dwyer"): as written they were two
words, so two reports of one inquiry shared no name. And the word lists hold the
straight form only, so a curly "don’t" or "isn’t" weighed as the rarest of words:
two columns on different matters that each say "can’t", "won’t" and "hasn’t"
shared "rare" words and were one story.
"""

from __future__ import annotations

import sqlite3

from newsdesk.isodates import iso_to_ts
from newsdesk.model import Extracted
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.stories.grouping import StoryGrouper
from newsdesk.stories.text import content_words

INQUIRY_CURLY = Extracted(
    title="Ferry operator’s chief quits after O’Dwyer inquiry",
    body=(
        "Caoimhe O’Dwyer, who led the inquiry into the sinking of the Dún Laoghaire "
        "ferry, said the operator’s chief executive had resigned on Tuesday. "
        "The report found the crew hadn’t been trained for a night evacuation and the "
        "lifeboats weren’t checked for two years."
    ),
    source="Harbour Times",
    published="2026-03-03T09:00:00+00:00",
    url="https://harbour.example/inquiry",
)
INQUIRY_STRAIGHT = Extracted(
    title="Shipping boss resigns as report blames training",
    body=(
        "Caoimhe O'Dwyer's findings on the Dun Laoghaire disaster cost the shipping firm's "
        "boss his job, as O'Dwyer faulted crew drills and overdue safety checks."
    ),
    source="Coast Wire",
    published="2026-03-03T13:00:00+00:00",
    url="https://coastwire.example/boss",
)
POTHOLES = Extracted(
    title="Why the council won’t fix the potholes",
    body=(
        "Residents can’t get answers and they don’t expect any. The council’s roads budget "
        "hasn’t grown in years and it isn’t going to; they wouldn’t say why they couldn’t."
    ),
    source="Town Voice",
    published="2026-03-03T09:00:00+00:00",
    url="https://voice.example/potholes",
)
LIBRARIES = Extracted(
    title="Libraries won’t open on Sundays",
    body=(
        "Readers can’t borrow books at weekends and they don’t like it. The library service "
        "hasn’t the staff, and it isn’t going to hire more this spring; it wouldn’t say when "
        "it couldn’t."
    ),
    source="Daily Ledger",
    published="2026-03-03T11:00:00+00:00",
    url="https://ledger.example/libraries",
)


def _stories(*items: Extracted) -> list[str]:
    """Each item's story, grouped in order as an import does."""
    conn = sqlite3.connect(":memory:")
    create_tables(conn)
    grouper = StoryGrouper(SqliteStoryTables(conn))
    return [grouper.assign(m.url or "", m, iso_to_ts(m.published)) for m in items]


def test_a_name_typed_with_either_apostrophe_is_one_name() -> None:
    assert content_words("O’Dwyer") == content_words("O'Dwyer") == content_words("O‘Dwyer")
    first, second = _stories(INQUIRY_CURLY, INQUIRY_STRAIGHT)
    assert first == second


def test_contractions_are_function_words_in_either_form() -> None:
    assert content_words("they don’t and won't, can’t or isn't") == []
    first, second = _stories(POTHOLES, LIBRARIES)
    assert first != second
