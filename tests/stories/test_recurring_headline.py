"""Two days' issues of a recurring series under one headline ("Morning briefing") are two
stories: the headline and the standing sentences both share (greeting, a sport line's
opening, the sign-off) are no evidence of one event. One wire report republished under
its headline a day later, cut short, is still one story."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.stories import score as scoring
from newsdesk.stories.signature import compute

GREETING = "Good morning, and welcome to the Harbourside briefing for your day."
SIGN_OFF = "That is the briefing for today. We will be back with you tomorrow morning."

WEDNESDAY = (
    f"{GREETING}\n\n"
    "Ferry crews on the island route walk out at noon over rota changes, and the operator "
    "says only the freight sailing will run. The old gasworks site is to become a park "
    "after the planning committee backed the scheme by seven votes to two.\n\n"
    "In sport, the rowing club's women's eight took gold at the regional regatta.\n\n"
    f"{SIGN_OFF}"
)
THURSDAY = (
    f"{GREETING}\n\n"
    "A burst water main has flooded the basement of the central library, and the reading "
    "rooms stay shut until further notice. Bakers at the covered market have launched a "
    "petition against the rise in stall rents.\n\n"
    "In sport, the cricket club appointed a new captain for the summer season.\n\n"
    f"{SIGN_OFF}"
)

WIRE_TITLE = "Lighthouse keeper's cottage sold at auction for record sum"
WIRE_BODY = (
    "A former lighthouse keeper's cottage on the Carrick headland sold at auction on "
    "Tuesday for a record sum for the coast, the auctioneers Penmore & Vail said.\n\n"
    "The two-bedroom cottage, empty since the light was automated, drew bids from buyers "
    "in four countries before a local family bought it.\n\n"
    "The harbour trust, which put it up for sale, said the money would repair the "
    "breakwater damaged in last winter's storms.\n\n"
    "Neighbours said they hoped the new owners would keep the cottage's red door."
)
# The same report as a second outlet ran it a day later: cut to three paragraphs, its
# opening edited for the outlet's readers.
WIRE_TRIMMED = (
    "A former lighthouse keeper's cottage on the Carrick headland has sold at auction for "
    "a record sum for the coast, auctioneers Penmore & Vail said on Tuesday.\n\n"
    + "\n\n".join(WIRE_BODY.split("\n\n")[1:3])
)


def _write(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    path.write_text(
        "".join(
            json.dumps({"title": t, "source": s, "published": p, "body": b}) + "\n"
            for t, s, p, b in rows
        ),
        encoding="utf-8",
    )


def test_two_days_of_one_briefing_are_two_stories(desk: Desk, tmp_path: Path) -> None:
    feed = tmp_path / "briefings.jsonl"
    _write(
        feed,
        [
            ("Morning briefing", "Harbourside Post", "2026-12-02T06:00:00Z", WEDNESDAY),
            ("Morning briefing", "Harbourside Post", "2026-12-03T06:00:00Z", THURSDAY),
        ],
    )
    assert desk.import_paths([feed]).imported == 2
    assert desk.story_map() == {}


def test_two_days_of_one_briefing_as_files_are_two_stories(desk: Desk, tmp_path: Path) -> None:
    # Text files carry no outlet: the one-outlet rule cannot keep them apart.
    days = [("wed.txt", WEDNESDAY, 1_764_655_200), ("thu.txt", THURSDAY, 1_764_741_600)]
    for name, body, stamp in days:
        path = tmp_path / name
        path.write_text(f"Morning briefing\n\n{body}\n", encoding="utf-8")
        os.utime(path, (stamp, stamp))
        assert desk.import_paths([path]).imported == 1
    assert desk.story_map() == {}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Morning briefing", "Morning briefing"),
        ("Harbourside briefing: Wednesday edition", "Harbourside briefing: Thursday edition"),
    ],
)
def test_a_briefing_pair_scores_below_the_threshold_a_day_apart(first: str, second: str) -> None:
    a = compute(Extracted(title=first, body=WEDNESDAY))
    b = compute(Extracted(title=second, body=THURSDAY))
    f = scoring.features(a, b, 0.0, 24 * 3600.0)
    assert f.title >= scoring.TEMPLATE_TITLE
    assert scoring.score(f) < scoring.THRESHOLD
    assert not scoring.reaches(a, b, 0.0, 24 * 3600.0)
    # The same pair two hours apart (an update under its headline) is not asked.
    assert not scoring.recurring_headline(scoring.features(a, b, 0.0, 2 * 3600.0))


def test_a_wire_report_republished_trimmed_a_day_later_still_groups(
    desk: Desk, tmp_path: Path
) -> None:
    feed = tmp_path / "wire.jsonl"
    _write(
        feed,
        [
            (WIRE_TITLE, "Coast Wire", "2026-12-01T09:00:00Z", WIRE_BODY),
            (WIRE_TITLE, "Carrick Echo", "2026-12-02T07:30:00Z", WIRE_TRIMMED),
        ],
    )
    assert desk.import_paths([feed]).imported == 2
    stories = desk.story_map()
    assert len(stories) == 2
    assert len(set(stories.values())) == 1
