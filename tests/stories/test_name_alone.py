"""One-line items that share only a town's name are separate stories."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.desk import Desk

ITEMS = [
    (
        "Marrowby pool reopens after roof repairs",
        "Valley Post",
        "2026-12-06T08:00:00Z",
        "Marrowby's swimming pool reopened on Sunday after roof repairs, the leisure trust said.",
    ),
    (
        "Marrowby bus drivers back pay offer",
        "Inland Wire",
        "2026-12-06T06:30:00Z",
        "Bus drivers in Marrowby accepted a pay offer on Sunday, their union said.",
    ),
    (
        "Marrowby museum buys a medieval map",
        "Fenland Weekly",
        "2026-12-05T12:00:00Z",
        "The Marrowby museum said on Saturday it had bought a medieval map of the county.",
    ),
    (
        "Frost warning for Marrowby tonight",
        "Morning Courier",
        "2026-12-05T07:00:00Z",
        "Frost is expected across Marrowby on Saturday night, forecasters said.",
    ),
]


def _write(path: Path, items: list[tuple[str, str, str, str]]) -> None:
    lines = [
        json.dumps({"title": t, "source": s, "published": p, "body": b}) for t, s, p, b in items
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_short_items_sharing_only_a_place_name_stay_apart(desk: Desk, tmp_path: Path) -> None:
    feed = tmp_path / "towns.jsonl"
    _write(feed, ITEMS)
    assert desk.import_paths([feed]).imported == 4
    assert desk.story_map() == {}


def test_short_items_of_one_event_still_group(desk: Desk, tmp_path: Path) -> None:
    feed = tmp_path / "strike.jsonl"
    _write(
        feed,
        [
            (
                "Marrowby bus drivers vote to strike over pay",
                "Valley Post",
                "2026-12-06T08:00:00Z",
                "Bus drivers in Marrowby voted to strike over pay on Sunday, their union said.",
            ),
            (
                "Bus strike looms in Marrowby after drivers' pay vote",
                "Inland Wire",
                "2026-12-06T09:00:00Z",
                "Marrowby bus drivers voted on Sunday to strike over a pay offer, the union said.",
            ),
        ],
    )
    assert desk.import_paths([feed]).imported == 2
    assert len(set(desk.story_map().values())) == 1
    assert len(desk.story_map()) == 2
