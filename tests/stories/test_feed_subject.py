"""An alert feed's subject (the company every item names) is no evidence of one story."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.stories import score as scoring
from newsdesk.stories.feed_subject import MIN_ITEMS, subject_names, without_names
from newsdesk.stories.signature import compute

T0 = 1_767_000_000.0
COMPANY = "Quillon"
ITEMS = [
    (
        "Quillon stock has a compelling story and the numbers to back it up",
        "Quillon has grown its paying customers every quarter, and Quillon's margins are "
        "widening. Analyst Mara Voss at Harbour Capital says Quillon could double.",
    ),
    (
        "Quillon CEO Dana Pike sells shares worth 4.2 million",
        "Quillon chief executive Dana Pike sold 80,000 shares of Quillon on Tuesday, a "
        "filing with regulators shows.",
    ),
    (
        "Quillon opens an office in Lisbon",
        "Quillon will hire 200 engineers in Lisbon, Quillon said; mayor Rui Santos welcomed it.",
    ),
    (
        "Teams tops Quillon in a survey of chief information officers",
        "A survey by Brightwell Research found Teams ahead of Quillon in large companies.",
    ),
    (
        "Quillon outage hits customers across Europe",
        "Quillon users in Berlin and Madrid could not log in for three hours, Quillon said.",
    ),
    (
        "Quillon names Ana Ruiz chief financial officer",
        "Quillon appointed Ana Ruiz, formerly of Ostrel Bank, as finance chief.",
    ),
    (
        "Why investors are cooling on Quillon",
        "Shares of Quillon fell 12% this month as Harbour Capital cut its target for Quillon.",
    ),
]


def test_most_items_naming_one_company_make_it_the_files_subject() -> None:
    sigs = [compute(Extracted(title=t, body=b)) for t, b in ITEMS]
    subject = subject_names(sigs)
    assert subject and len(subject) == 1
    # Left out of the names matched, nowhere else.
    first = without_names(sigs[0], subject)
    assert not subject & set(first.names.tolist())
    assert len(first.names) == len(sigs[0].names) - 1
    assert (first.title == sigs[0].title).all()
    # A small file has no subject; a name few items share is none.
    assert subject_names(sigs[: MIN_ITEMS - 1]) == frozenset()


def test_two_items_sharing_only_the_subject_score_as_sharing_nothing() -> None:
    sigs = [compute(Extracted(title=t, body=b)) for t, b in ITEMS]
    subject = subject_names(sigs)
    column, sale = sigs[0], sigs[1]
    before = scoring.features(column, sale, T0, T0 + 3600)
    after = scoring.features(without_names(column, subject), sale, T0, T0 + 3600)
    assert before.names > 0 and after.names == 0.0
    # The one shared word counted only as far as the texts agree without it already
    # (`score.name_alone`); left out, it counts for nothing.
    assert scoring.score(after) <= scoring.score(before) < scoring.THRESHOLD


def test_an_alert_feeds_items_are_not_one_story_through_their_subject(
    desk: Desk, tmp_path: Path
) -> None:
    path = tmp_path / "alerts.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "title": t,
                    "body": b,
                    "source": f"site{n}.example",
                    "published": f"2026-03-0{1 + n % 3}T09:00:00+00:00",
                }
            )
            + "\n"
            for n, (t, b) in enumerate(ITEMS)
        ),
        encoding="utf-8",
    )
    summary = desk.import_paths([path])
    assert summary.imported == len(ITEMS)
    # Seven different stories: the company alone joined none of them.
    stories = {desk.get(a).story_id for a in summary.imported_ids}  # type: ignore[union-attr]
    assert len(stories) == len(ITEMS)
