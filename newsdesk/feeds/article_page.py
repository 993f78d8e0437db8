"""Whether a page fetched for an item's full text is the item's article.

A full-text feed's link may lead to a cookie or consent wall, a sign-in page, a
feed (RSS, RDF, a JSON Feed) or a PDF: read as the article, each replaced the
item's own text, and several items leading to one wall became one story of its
boilerplate. A page is taken only when it is HTML, by its Content-Type and by its
content, and when it carries the item's own words: three in five of its
headline's content words, or of its summary's. Measured on real pages
(`tests/feeds/test_full_text_pages.py` holds the 42 of `../shared/realworld` to it):
each of those carries every word of its own headline, and a page held against
another page's headline and opening passes in 12 of 1,722 pairs (a chance match of
common words on a long page; at one in two it was 51); of the 573 pages of
`../shared/realworld-peer`, held against their own headline and the first 600
characters of their maintainers' body, 2 fail, with no headline to hold them against
and a "summary" of scattered snippets. A consent or sign-in page carries no item's
words. The words too common to count and the folding are the stories' own.
"""

from __future__ import annotations

import re

from newsdesk.model import Extracted
from newsdesk.stories.text import STOPWORDS, fold

#: The Content-Types of a page full text is read from; any other is no article page
#: (a missing one is judged by the content alone).
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})

#: Of the item's headline words, or of its summary's, at least this share must be on
#: the page for it to be the item's article (see above for how it was chosen).
CARRIED = 0.6
#: Fewer content words than this say too little to judge a page by (a headline of
#: one word, a summary "Short teaser."): the page is taken.
FEWEST = 2

#: Words too common to tell one report from another: the stories' own (glue words,
#: reporting verbs, calendar and number words), one list for both. Measured against the
#: list this module kept before (English and German glue words, weekdays): the 42 real
#: pages still carry their own headline's words, and held against another page's item
#: 12 of 1,722 pairs pass (13 before); of the 573 peer pages, 2 refuse their own item
#: (4 before).
_COMMON = STOPWORDS
_WORD = re.compile(r"\w+", re.UNICODE)
#: Scripts written without spaces between words: a run of them is matched as a phrase.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def _fold(text: str) -> str:
    """Folded as the stories fold a word (`stories.text.fold`: cased and accents off)."""
    return " ".join(fold(word) for word in text.split())


def content_words(text: str) -> set[str]:
    """The folded, stemmed words of `text` that could tell one report from another."""
    from newsdesk.search.words import stem

    found: set[str] = set()
    for word in _WORD.findall(_fold(text)):
        if _UNSPACED.search(word):
            found.add(word)
        elif (len(word) >= 3 or word.isdigit()) and word not in _COMMON and word != "_" * len(word):
            found.add(stem(word))
    return found


def carried(wanted: set[str], page_words: set[str], page_text: str) -> float:
    """The share of `wanted` on the page (a run of unspaced script: found in its text)."""
    if not wanted:
        return 0.0
    hits = sum(
        1
        for word in wanted
        if word in page_words or (_UNSPACED.search(word) is not None and word in page_text)
    )
    return hits / len(wanted)


def not_the_article(item: Extracted, page: Extracted) -> bool:
    """Whether the page carries too few of the item's own words to be its article.

    An item too short to judge by (no headline or summary of two content words) takes
    the page: there is nothing to hold it against.
    """
    headline = content_words(item.title or "")
    summary = content_words(" ".join(part for part in (item.dek, item.body) if part))
    if len(headline) < FEWEST and len(summary) < FEWEST:
        return False
    text = " ".join(part for part in (page.title, page.dek, page.body) if part)
    folded = _fold(text)
    words = content_words(text)
    for wanted in (headline, summary):
        if len(wanted) >= FEWEST and carried(wanted, words, folded) >= CARRIED:
            return False
    return True


def is_page_type(content_type: str) -> bool:
    """Whether a response's Content-Type may hold an article page (none said: maybe)."""
    kind = content_type.split(";")[0].strip().lower()
    return not kind or kind in PAGE_TYPES
