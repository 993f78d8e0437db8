"""One-line items: overlaps of a few words are weak evidence (`overlap.short_lede_penalty`).

Two briefs on different matters that share "reopened", "Sunday" and "city", or that
quote one harbour master, were one story; short reports of one event must still be one.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsdesk.ingest import load_file
from newsdesk.isodates import iso_to_ts
from newsdesk.model import Extracted
from newsdesk.stories import score as scoring
from newsdesk.stories.overlap import SHORT_LEDE, short_lede_penalty
from newsdesk.stories.signature import compute

SAME = [
    (
        (
            "Ferry strike halts island crossings",
            "Harbour Gazette",
            "Ferry crews on the Skarvik route walked out on Monday, halting all crossings to "
            "the island, the union said.",
        ),
        (
            "Skarvik ferry crossings halted as crews strike",
            "Imp Wire",
            "All ferry crossings between Skarvik and the island were cancelled on Monday "
            "after crews went on strike.",
        ),
    ),
    (
        (
            "Fire closes grain store on Dyer Lane",
            "Carrow Echo",
            "A fire broke out at the grain store on Dyer Lane in Carrow overnight; nobody "
            "was hurt, firefighters said.",
        ),
        (
            "Carrow grain store blaze shuts Dyer Lane",
            "Imp Wire",
            "Dyer Lane in Carrow stays shut after a blaze at the grain store overnight, the "
            "fire service said.",
        ),
    ),
    (
        (
            "Mayor Lund opens new library wing",
            "Carrow Echo",
            "Mayor Ivo Lund opened the library's new children's wing on Saturday.",
        ),
        (
            "Carrow library adds children's wing",
            "Harbour Gazette",
            "The Carrow library's new wing for children was opened by Mayor Ivo Lund on Saturday.",
        ),
    ),
]
APART = [
    (
        (
            "Fish market reopens after repairs",
            "Harbour Gazette",
            "The old fish market on the quay reopened on Sunday after six weeks of repairs "
            "to its roof, the city council said.",
        ),
        (
            "Museum reopens after flood repairs",
            "Imp Wire",
            "The city museum reopened on Sunday, its director Maja Holt said.",
        ),
    ),
    (
        (
            "Crane collapses at the container terminal",
            "Harbour Gazette",
            "A crane collapsed at the container terminal on Sunday morning, harbour master "
            "Elin Strand said. Nobody was hurt.",
        ),
        (
            "New tide tables published for the winter",
            "Imp Wire",
            "The port published its tide tables for the winter months, harbour master Elin "
            "Strand said.",
        ),
    ),
]

Brief = tuple[str, str, str]


def _items(tmp_path: Path, pair: tuple[Brief, Brief]) -> list[Extracted]:
    lines = [
        {"title": t, "source": s, "published": f"2026-12-06T0{7 + 2 * n}:00:00Z", "body": b}
        for n, (t, s, b) in enumerate(pair)
    ]
    path = tmp_path / "briefs.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    items = load_file(path).items
    assert len(items) == 2
    return items


def _features(items: list[Extracted]) -> scoring.Features:
    a, b = items
    return scoring.features(compute(a), compute(b), iso_to_ts(a.published), iso_to_ts(b.published))


def _score(items: list[Extracted]) -> tuple[float, int]:
    f = _features(items)
    return scoring.score(f), f.shortest_lede


@pytest.mark.parametrize("pair", SAME, ids=["ferry", "fire", "library"])
def test_short_reports_of_one_event_still_join(tmp_path: Path, pair: tuple[Brief, Brief]) -> None:
    value, shortest = _score(_items(tmp_path, pair))
    assert shortest < SHORT_LEDE  # the rule applies to them
    assert value >= scoring.THRESHOLD


@pytest.mark.parametrize("pair", APART, ids=["reopenings", "harbour-master"])
def test_look_alike_briefs_stay_apart(tmp_path: Path, pair: tuple[Brief, Brief]) -> None:
    f = _features(_items(tmp_path, pair))
    value, shortest = scoring.score(f), f.shortest_lede
    assert shortest < SHORT_LEDE
    assert value < scoring.THRESHOLD
    # Without the penalty they reached the threshold: the rule is what parts them. The
    # harbour master's two share only her name, which `score.name_alone` discounts too:
    # counted in full here (`names_shared` no longer that of one name).
    named_in_full = scoring.score(replace(f, names_shared=-1))
    assert named_in_full + short_lede_penalty(shortest) >= scoring.THRESHOLD


def test_the_penalty_falls_to_nothing_at_a_full_lede() -> None:
    assert short_lede_penalty(0) > short_lede_penalty(SHORT_LEDE // 2) > 0.0
    assert short_lede_penalty(SHORT_LEDE) == 0.0 == short_lede_penalty(200)
