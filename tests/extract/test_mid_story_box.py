"""A "Most read" box set in the middle of a story is skipped and the story goes on.

A text copy of a page stopped at the box: half the article was lost.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.model import Extracted

BEFORE = [
    "Fishermen in Marrowby say the harbour's new sea wall has changed the currents at the "
    "mouth of the estuary, and that their boats now run aground at low tide where they never did.",
    "The harbour board commissioned the wall after the storms of two winters ago flooded the "
    "quayside shops, and the engineers who designed it defend their calculations of the currents.",
    "“We have fished these waters for forty years and never touched bottom there,” said one "
    "skipper, who asked not to be named because he leases his berth from the harbour board.",
]
BOX = [
    "Most Read",
    "",
    "Council Votes to Sell the Old Lifeboat Station",
    "Ann Teller",
    "A Century of Ferries, in Pictures",
    "Tom Reed",
    "",
]
AFTER = [
    "The engineers say the estuary currents will settle within a year, once the sand banks "
    "have shifted to the new shape of the harbour wall, and that the fishermen should wait.",
    "The fishermen want the harbour board to dredge the channel before the winter, when the "
    "storms push more sand into the estuary and the boats must go out in the dark.",
    "The harbour board will meet the fishermen and the engineers next week to discuss the "
    "channel, the currents and the cost of dredging, which the county may share this year.",
]


def test_a_most_read_box_inside_the_story_is_skipped() -> None:
    text = "\n\n".join(["Sea wall blamed for boats running aground", "", *BEFORE, *BOX, *AFTER])
    [item] = load_bytes(text.encode(), "wall.txt").items
    assert item.body.rstrip().endswith("which the county may share this year.")
    assert "Lifeboat Station" not in item.body
    assert "Ann Teller" not in item.body


def test_a_most_read_box_at_the_end_still_ends_the_story() -> None:
    other = (
        "Our weekly newsletter brings the best of the Gazette to your inbox every Friday, with "
        "the week's stories, pictures and letters from readers all along the coast and beyond."
    )
    text = "\n\n".join(
        ["Sea wall blamed for boats running aground", "", *BEFORE, *BOX, other, other, other]
    )
    [item] = load_bytes(text.encode(), "wall.txt").items
    assert item.body.rstrip().endswith("leases his berth from the harbour board.")


@pytest.mark.realworld
def test_real_text_copy_goes_on_past_a_most_read_box(
    shared_item: Callable[[str], Extracted],
) -> None:
    item = shared_item("realworld/text/intercept-gaza-births.txt")
    assert item.word_count > 2000
    assert "There are more than 10,000 cancer patients" in item.body
    assert "Sam Biddle" not in item.body


TEASERS = [
    "Harbour view Why the ferry must come back",
    "ANN TELLER The old pier carried a million passengers a year before it closed, and the "
    "harbour board owes it to the fishermen and the shops of the quay to rebuild it soon.",
    "Lifeboat station Sell it, and sell it now",
    "TOM REED The council has kept the old lifeboat station empty for a decade, and the "
    "harbour needs the money more than it needs another empty building on the quay.",
]


@pytest.mark.parametrize("heading", ["Other Opinion Columns", "Other stories"])
def test_other_columns_under_a_story_are_no_part_of_it(heading: str) -> None:
    paras = "".join(f"<p>{p}</p>" for p in [*BEFORE, *AFTER])
    teasers = "".join(f"<p>{t}</p>" for t in TEASERS)
    page = (
        "<html><head><title>Sea wall blamed for boats running aground</title></head><body>"
        f"<article><h1>Sea wall blamed for boats running aground</h1>{paras}"
        f"<h3>{heading}</h3>{teasers}</article></body></html>"
    ).encode()
    [item] = load_bytes(page, "wall.html").items
    assert item.body.rstrip().endswith("which the county may share this year.")
    assert "Lifeboat station" not in item.body
    assert "Why the ferry must come back" not in item.body


@pytest.mark.realworld
def test_real_page_other_columns_are_left_out(shared_item: Callable[[str], Extracted]) -> None:
    item = shared_item("realworld/html/heraldsun-surveillance-laws.html.gz")
    assert "Other Opinion Columns" not in item.body
    assert "sit up and take notice" in item.body
