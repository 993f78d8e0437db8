"""A synthetic news queue for benchmarks: deterministic, varied, no real text.

Articles are built from invented vocabulary so that word frequencies look like
news (a few common words, a long tail of rare ones, names, places, numbers).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from newsdesk.model import Extracted

FIRST = [
    "Ana",
    "Tomas",
    "Mira",
    "Jonas",
    "Leila",
    "Piotr",
    "Sofia",
    "Kenji",
    "Amara",
    "Lukas",
    "Ines",
    "Omar",
    "Greta",
    "Ravi",
    "Noor",
    "Elena",
    "Hugo",
    "Yara",
    "Milan",
    "Zofia",
]
LAST = [
    "Velasco",
    "Berg",
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Novak",
    "Tanaka",
    "Moreau",
    "Kowal",
    "Fischer",
    "Santos",
    "Ivanova",
    "Mensah",
    "Duarte",
    "Keller",
    "Sato",
    "Rossi",
    "Nilsen",
]
PLACES = [
    "Gdansk",
    "Lisbon",
    "Nairobi",
    "Seoul",
    "Tromso",
    "Valparaiso",
    "Hanoi",
    "Accra",
    "Bergen",
    "Porto",
    "Daejeon",
    "Mombasa",
    "Cork",
    "Tartu",
    "Brno",
    "Osaka",
]
ORGS = [
    "Port Workers Union",
    "Ministry of Transport",
    "Central Bank",
    "Harbour Authority",
    "Energy Regulator",
    "Supreme Court",
    "Weather Service",
    "Rail Operators Association",
]
OUTLETS = [
    "Harbour Ledger",
    "Valley Courier",
    "Northern Wire Service",
    "Meridian Press Agency",
    "The Coastline Post",
    "Baltic Morning",
    "Inland Herald",
    "Metro Dispatch",
]
TOPICS = [
    "strike",
    "flood",
    "election",
    "budget",
    "tariff",
    "court",
    "storm",
    "rail",
    "energy",
    "harbour",
    "vaccine",
    "drought",
    "wildfire",
    "merger",
    "satellite",
    "fishery",
]
COMMON = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "on",
    "for",
    "that",
    "with",
    "as",
    "said",
    "by",
    "was",
    "at",
    "from",
    "is",
    "it",
    "its",
    "has",
    "have",
    "were",
    "an",
    "be",
    "will",
    "after",
    "more",
    "than",
    "over",
    "this",
    "which",
    "their",
    "but",
    "they",
    "who",
    "not",
    "also",
]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    syllables = [
        "ka",
        "lo",
        "mi",
        "ten",
        "vor",
        "sa",
        "ril",
        "un",
        "del",
        "pra",
        "shi",
        "bo",
        "nex",
        "tal",
        "ur",
        "gre",
        "fen",
        "os",
        "quo",
        "lim",
    ]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def articles(n: int, *, seed: int = 7, words: int = 500) -> Iterator[Extracted]:
    """`n` articles of about `words` words, published over the 60 days before 2026-11-22."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng, 20_000)
    start = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
    for i in range(n):
        topic = rng.choice(TOPICS)
        place = rng.choice(PLACES)
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        org = rng.choice(ORGS)
        paragraphs: list[str] = []
        count = 0
        while count < words:
            sentence_words = [
                rng.choice(COMMON)
                if rng.random() < 0.45
                else vocab[int(rng.paretovariate(1.1)) % len(vocab)]
                for _ in range(rng.randint(12, 24))
            ]
            sentence_words.insert(rng.randint(0, len(sentence_words)), topic)
            if rng.random() < 0.3:
                sentence_words.insert(0, f"In {place},")
            if rng.random() < 0.2:
                sentence_words += ["said", person + ","]
            if rng.random() < 0.15:
                sentence_words += [f"the {org} said {rng.randint(2, 900)} people were affected"]
            sentence = " ".join(sentence_words).capitalize() + "."
            count += len(sentence_words)
            if not paragraphs or rng.random() < 0.25:
                paragraphs.append(sentence)
            else:
                paragraphs[-1] += " " + sentence
        published = start - timedelta(minutes=rng.randint(0, 60 * 24 * 60))
        yield Extracted(
            title=f"{place} {topic} {vocab[i % len(vocab)]} {i}".capitalize(),
            dek=f"{org} responds as {topic} affects {place}",
            authors=[f"{rng.choice(FIRST)} {rng.choice(LAST)}"],
            source=rng.choice(OUTLETS),
            dateline=place,
            published=published.isoformat(),
            people=[person],
            organizations=[org],
            places=[place],
            body="\n\n".join(paragraphs),
            language="en",
            word_count=count,
            format="jsonl",
        )


def page_text(meta: Extracted) -> str:
    """The article as a plain-text page copy, with navigation and footer, for import benchmarks."""
    return (
        f"Home » News » {meta.dateline}\n\n{meta.title}\n\n{meta.dek}\n"
        f"By {meta.authors[0]} for {meta.source}\n"
        f"{meta.published[:10] if meta.published else ''}\n\n"
        f"{(meta.dateline or '').upper()} — {meta.body}\n\n"
        f"© 2026 {meta.source}. All rights reserved.\n"
    )
