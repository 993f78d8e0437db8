"""`source:` finds an outlet by its initials too, whether or not its copy prints them."""

from __future__ import annotations

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.outlet_names import outlet_initials
from newsdesk.paths import resolve


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Meridian Press Agency", "MPA"),
        ("The New York Times", "NYT"),
        ("Polaris Wire Service", "PWS"),
        ("Danube Daily", "DD"),
        ("BBC", ""),  # one word: its own name is the short form
        ("the local paper", ""),  # not a name
    ],
)
def test_outlet_initials(name: str, initials: str) -> None:
    assert outlet_initials(name) == initials


def test_source_by_initials_finds_copy_that_never_prints_them() -> None:
    """source:MPA found none of Meridian Press Agency's copy, which never said "MPA"."""
    with Desk(resolve()) as desk:
        (wire,) = desk.add_extracted(
            [
                Extracted(
                    title="Volcano erupts on Reykjanes peninsula",
                    source="Meridian Press Agency",
                    body="A volcanic eruption began on Saturday afternoon, the met office said.",
                )
            ],
            "fixture",
        )
        desk.add_extracted(
            [
                Extracted(
                    title="Harbour strike ends",
                    source="Mid Port Almanac Weekly",
                    body="Dockers returned to work after a week, their union said on Monday.",
                )
            ],
            "fixture",
        )
        desk.sync_index()
        assert desk.search("source:MPA").ids == [wire]
        assert desk.search("source:meridian").ids == [wire]
