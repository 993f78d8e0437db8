"""A synthetic news queue for benchmarks: deterministic, varied, no real text.

Articles are built from invented vocabulary so that word frequencies look like
news (a few common words, a long tail of rare ones, names, places, numbers).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

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


def rss_item(meta: Extracted, i: int) -> str:
    """One RSS item: the body as HTML paragraphs, with a link, guid, date and author."""
    body = "".join(f"<p>{escape(p)}</p>" for p in meta.body.split("\n\n"))
    published = format_datetime(
        datetime.fromisoformat(meta.published or "2026-11-01T00:00:00+00:00")
    )
    return (
        f"<item><title>{escape(meta.title)}</title>"
        f"<link>https://example.org/news/{i}</link><guid>item-{i}</guid>"
        f"<pubDate>{published}</pubDate><author>{escape(meta.authors[0])}</author>"
        f"<description>{escape(body)}</description></item>"
    )


def rss_feed(items: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Synthetic Wire</title><link>https://example.org/</link>"
        f"<description>bench</description>{''.join(items)}</channel></rss>"
    )


def jsonl_record(meta: Extracted) -> str:
    return json.dumps(
        {
            "title": meta.title,
            "dek": meta.dek,
            "authors": meta.authors,
            "source": meta.source,
            "dateline": meta.dateline,
            "published": meta.published,
            "body": meta.body,
        }
    )


def write_inputs(folder: Path, n: int, fmt: str, per_file: int = 500) -> Path:
    """`n` synthetic articles as files to import: `text` (one page copy a file), or
    `jsonl` / `rss` (`per_file` items a file, the way a feed or a feed-to-JSONL tool
    delivers them: 10,000 items are 20 files)."""
    folder.mkdir(parents=True, exist_ok=True)
    batch: list[str] = []
    for i, meta in enumerate(articles(n)):
        if fmt == "text":
            (folder / f"page-{i:07d}.txt").write_text(page_text(meta), "utf-8")
            continue
        batch.append(jsonl_record(meta) if fmt == "jsonl" else rss_item(meta, i))
        if len(batch) == per_file or i == n - 1:
            if fmt == "jsonl":
                (folder / f"batch-{i:07d}.jsonl").write_text("\n".join(batch), "utf-8")
            else:
                (folder / f"feed-{i:07d}.rss").write_text(rss_feed(batch), "utf-8")
            batch = []
    return folder
