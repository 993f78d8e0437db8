"""Whether a paragraph of one to three words reads as the story's prose ("Yes.", "Warum
nicht?") or as a credit or label between its paragraphs ("Reuters.", "Related.").

A single word is prose when it is common in a language (general word frequencies, as the
story grouping weighs words) and names no agency, outlet or section; two or three words
when one of them is a function word (or as common) or a past-tense verb ("Nobody came.", "Prices fell").
"""

from __future__ import annotations

import re

from newsdesk.extract.data.common_words import COMMON_WORDS
from newsdesk.extract.data.entity_words import SHORT_FUNCTION
from newsdesk.extract.dateline import AGENCY_NAMES
from newsdesk.extract.language import stop_words

#: Credits and sections a page sets between paragraphs as a word with a full stop; many
#: are common words ("Related", "Photo"), so frequency alone would keep them.
_NOT_PROSE = frozenset(
    {name.lower() for name in AGENCY_NAMES}
    | set(
        [
            "reuters",
            "bloomberg",
            "xinhua",
            "kyodo",
            "yonhap",
            "tass",
            "pti",
            "ani",
            "ians",
            "bernama",
            "anadolu",
            "interfax",
            "lusa",
            "belga",
            "apa",
            "sda",
            "kna",
            "epd",
            "getty",
            "shutterstock",
            "istock",
            "dpa",
            "afp",
            "ap",
            "efe",
            "ansa",
            "upi",
            "news",
            "press",
            "times",
            "post",
            "agency",
            "wire",
            "herald",
            "journal",
            "tribune",
            "gazette",
            "standard",
            "radio",
            "tv",
            "television",
            "network",
            "service",
            "daily",
            "mail",
            "telegraph",
            "chronicle",
            "observer",
            "express",
            "related",
            "advertisement",
            "advertising",
            "anzeige",
            "werbung",
            "publicidad",
            "publicité",
            "pubblicità",
            "sponsored",
            "trending",
            "popular",
            "latest",
            "photo",
            "photos",
            "pictures",
            "picture",
            "video",
            "videos",
            "gallery",
            "share",
            "comments",
            "comment",
            "tags",
            "topics",
            "source",
            "sources",
            "credit",
            "credits",
            "correction",
            "update",
            "updated",
            "editor",
            "note",
            "watch",
            "listen",
            "subscribe",
            "print",
            "email",
            "home",
            "menu",
            "search",
            "next",
            "previous",
            "back",
            "top",
            "close",
            "more",
            "read",
            "continue",
        ]
    )
)
#: How common a single word must be, as stored by `idf` (log of 1 / frequency, in tenths):
#: 138 is about once in a million words (Zipf 3), where "yes", "love" and "yikes" sit.
_COMMON_WEIGHT = 138
#: A function word of a short sentence ("Welchen denn?"): about once in 15,000 words.
_FUNCTION_WEIGHT = 97
#: A past-tense verb ("fell", "agreed") in a two- or three-word sentence.
_PAST = re.compile(r"^[a-z]{3,}ed$")


def reads_as_prose(tokens: list[str]) -> bool:
    """The words of a one- to three-word sentence make the story's text."""
    folded = [token.lower().strip(".?!,;'’\"“”") for token in tokens]
    folded = [word for word in folded if word]
    if not folded:
        return False
    if len(folded) == 1:
        return folded[0] not in _NOT_PROSE and _common(folded[0], _COMMON_WEIGHT)
    return any(
        word in COMMON_WORDS
        or word in SHORT_FUNCTION
        or word in stop_words()
        or _PAST.match(word)
        or _common(word, _FUNCTION_WEIGHT)
        for word in folded
    )


def _common(word: str, weight: int) -> bool:
    # Imported here: the weights' tables are built or mapped only when a one-word
    # paragraph turns up.
    from newsdesk.stories.idf import LANGUAGES, stored_weight

    return any(stored_weight(word, word, lang) <= weight for lang in LANGUAGES)
