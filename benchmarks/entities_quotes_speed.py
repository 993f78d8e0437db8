"""How fast entity and quote extraction run: prints figures, asserts nothing.

    python benchmarks/entities_quotes_speed.py [--rounds N]

Measures the one-off gazetteer load, then `find_entities` + `find_quotes`
on synthetic 500- and 1,000-word bodies (fictional names, built here), and on
the real-world page copies in ../shared when present.  Times are CPU time of
this thread (`time.thread_time`), best of N rounds, so other work on the
machine inflates them less than wall-clock time would.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from newsdesk.extract.entities import analyse, find_entities
from newsdesk.extract.gazetteer import gazetteer
from newsdesk.extract.quotes import find_quotes

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

_PEOPLE = ["Mira Okonkwo", "Tobias Wrenfield", "Ilse Brandt", "Cho Min-seo", "Rafael Ortun"]
_ORGS = [
    "the Ministry of Water Resources",
    "Brightwater Corp",
    "the Coastal Research Council (CRC)",
]
_PLACES = ["Brussels", "Geneva", "Seoul", "Kenya", "Kursk Oblast", "the West Sea"]
_SENTENCES = [
    "{p} met officials from {o} in {l} on Tuesday to discuss the plan.",
    "“We expect the first results before the end of the year, and we will publish them,” {s} said.",
    "Separately, {o} said it would review the contracts signed in {l} last spring.",
    "{s} told reporters that the talks had been “frank but useful for both sides of the table.”",
    "Earlier this month, residents of {l} complained about the noise from the new port.",
    "According to {p}, the budget will grow by four percent over the next two years.",
    "The report, published in March, called the project “stern” and urged more oversight.",
    "“Nobody here wants another delay, least of all the farmers who depend on it,” {s} added.",
]


def synthetic_body(words: int, seed: int) -> str:
    """An original article-like body of about `words` words."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        person = rng.choice(_PEOPLE)
        sentence = rng.choice(_SENTENCES).format(
            p=person, s=person.split()[-1], o=rng.choice(_ORGS), l=rng.choice(_PLACES)
        )
        paragraphs.append(sentence)
        count += len(sentence.split())
    return "\n\n".join(paragraphs)


def best_cpu_ms(run: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        analyse.cache_clear()  # measure the analysis, not the cache
        start = time.thread_time()
        run()
        best = min(best, time.thread_time() - start)
    return best * 1000


def both(body: str) -> None:
    result = find_entities(body)
    find_quotes(body, result.people)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    start = time.perf_counter()
    gazetteer()
    print(f"gazetteer load (once per process): {(time.perf_counter() - start) * 1000:.0f} ms wall")

    for words in (500, 1000):
        bodies = [synthetic_body(words, seed) for seed in range(10)]
        times = [best_cpu_ms(partial(both, body), args.rounds) for body in bodies]
        real_words = sum(len(b.split()) for b in bodies) / len(bodies)
        print(
            f"synthetic ~{real_words:.0f} words: entities+quotes "
            f"median {sorted(times)[len(times) // 2]:.2f} ms, max {max(times):.2f} ms (CPU)"
        )

    pages = sorted((SHARED / "realworld" / "text").glob("*.from_headline.txt"))
    if pages:
        total_ms = 0.0
        total_words = 0
        worst = (0.0, "")
        for page in pages:
            body = page.read_text(encoding="utf-8")
            ms = best_cpu_ms(partial(both, body), args.rounds)
            words = len(body.split())
            total_ms += ms
            total_words += words
            worst = max(worst, (ms / words * 1000, page.name))
        print(
            f"real-world pages ({len(pages)}, {total_words} words): "
            f"{total_ms / total_words * 1000:.2f} ms per 1,000 words (CPU); "
            f"slowest {worst[0]:.2f} ms/1,000 words ({worst[1]})"
        )
    else:
        print("real-world pages: ../shared not present, skipped")

    hostile = "Ab " * 66_000  # 200k characters of capitalised two-letter words
    print(
        f"hostile 200k chars of capitalised words: {best_cpu_ms(partial(both, hostile), 1):.0f} ms (CPU)"
    )


if __name__ == "__main__":
    main()
