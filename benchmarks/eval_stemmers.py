"""Stemmers measured on a word list of news inflections: how many forms meet their
group's stem, and how many pairs that must stay apart do.

    python benchmarks/eval_stemmers.py

Whoosh's Porter (the index's stemmer before schema 5) left "-ated" forms apart
from their noun ("vaccinated" was "vaccinat", "vaccine" "vaccin"); Porter with
that ending mended is shown too; Porter2 (Snowball English, PyStemmer's C build) is
what the index uses; Whoosh's Python Porter2 strays from Snowball on some words.
"""

from __future__ import annotations

from collections.abc import Callable

import Stemmer
from whoosh.lang.porter import stem as porter
from whoosh.lang.porter2 import stem as porter2

#: Forms an editor expects to meet, one group a line.
GROUPS = """vaccine vaccines vaccinated vaccinate vaccinating vaccination vaccinations
evacuate evacuated evacuating evacuation evacuations
investigate investigated investigating investigation investigations investigative
negotiate negotiated negotiating negotiation negotiations
regulate regulated regulating regulation regulations
operate operated operating operation operations
celebrate celebrated celebrating celebration celebrations
nominate nominated nominating nomination nominations
educate educated educating education
donate donated donating donation donations
accelerate accelerated accelerating acceleration
allocate allocated allocating allocation
escalate escalated escalating escalation
violate violated violating violation violations
indicate indicated indicating indication
isolate isolated isolating isolation
organize organized organizing organization organizations
authorize authorized authorizing authorization
criticize criticized criticizing
hospitalize hospitalized hospitalizing hospitalization hospitalizations
trouble troubled troubling
enable enabled enabling
flood floods flooded flooding
strike strikes striking
protest protests protested protesting protester protesters
elect elected electing election elections
run runs running
attack attacks attacked attacking
arrest arrests arrested arresting
shoot shoots shooting shootings
court courts
charge charges charged charging
decide decided deciding decision decisions
announce announced announcing announcement announcements
agree agreed agreeing agreement agreements
deliver delivered delivering delivery deliveries
economy economies
country countries
policy policies
""".strip().splitlines()
#: Words that must stay apart.
APART = [
    ("news", "new"),
    ("general", "generous"),
    ("general", "generate"),
    ("university", "universe"),
    ("organ", "organization"),
    ("police", "policy"),
    ("gas", "gaza"),
    ("past", "pasta"),
    ("polling", "pole"),
    ("iraq", "iran"),
    ("communism", "community"),
    ("internal", "international"),
    ("execution", "executive"),
    ("harry", "harris"),
    ("marine", "marina"),
    ("party", "part"),
]


def fixed(word: str) -> str:
    for suffix in ("ated", "ating"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return porter(word[: -len(suffix)] + "ate")
    return porter(word)


def main() -> None:
    stemmers: tuple[tuple[str, Callable[[str], str]], ...] = (
        ("porter", porter),
        ("porter+ated", fixed),
        ("porter2 (Whoosh's Python)", porter2),
        ("porter2 (PyStemmer, used)", Stemmer.Stemmer("english").stemWord),
    )
    for name, fn in stemmers:
        report(name, fn)


def report(name: str, fn: Callable[[str], str]) -> None:
    words = [g.split() for g in GROUPS]
    total = sum(len(g) for g in words)
    # each form meets the group's most common stem
    met = 0
    whole = 0
    for g in words:
        stems = [fn(w) for w in g]
        best = max(set(stems), key=stems.count)
        met += stems.count(best)
        whole += len(set(stems)) == 1
    apart = sum(fn(a) != fn(b) for a, b in APART)
    print(
        f"{name:28} forms meeting their group's stem {met}/{total}; groups whole {whole}/{len(words)}; pairs kept apart {apart}/{len(APART)}"
    )


if __name__ == "__main__":
    main()
