"""Teasers of the site's other stories under an article, each cut short ("... more"), end it.

They ran on as the story's paragraphs, and the letters policy and phone numbers after them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.model import Extracted

STORY = [
    "Fishermen in Marrowby say the harbour's new sea wall has changed the currents at the "
    "mouth of the estuary, and that their boats now run aground at low tide.",
    "The harbour board commissioned the wall after the storms of two winters ago flooded the "
    "quayside shops, and its engineers defend their calculations of the currents.",
    "The board will meet the fishermen and the engineers next week to discuss the channel, "
    "the currents and the cost of dredging, which the county may share.",
]
TEASERS = [
    "Gazette News – The only harbour master to have sailed round the world was Ann Teller, "
    "who retired last spring after thirty years on the.... more",
    "Gazette News – The lifeboat crew is far more important to the town than the council "
    "admits. Yet, the budget for its new boat was cut again in the... more",
    "Letters are our readers' voice. If the letter you sent was not published, please "
    "contact us by phone or email.",
    "Contact: 555-0101; 555-0102 or 555-0103.",
]


def _page(paras: list[str]) -> bytes:
    text = "".join(f"<p>{p}</p>" for p in paras)
    return (
        "<html><head><title>Sea wall blamed for boats running aground</title></head><body>"
        f"<article><h1>Sea wall blamed for boats running aground</h1>{text}</article>"
        "</body></html>"
    ).encode()


def test_teasers_cut_short_under_a_story_end_it() -> None:
    [item] = load_bytes(_page([*STORY, *TEASERS]), "wall.html").items
    assert item.body.rstrip().endswith("which the county may share.")
    assert "harbour master" not in item.body
    assert "555-0101" not in item.body


def test_a_paragraph_that_trails_off_once_stays() -> None:
    trailing = (
        "The skipper looked at the sand bank where his boat had stuck for six hours, shook "
        "his head and said only that the sea always wins in the end, and then..."
    )
    [item] = load_bytes(_page([STORY[0], trailing, *STORY[1:]]), "wall.html").items
    assert "and then..." in item.body
    assert item.body.rstrip().endswith("which the county may share.")


@pytest.mark.realworld
def test_real_page_teasers_and_contacts_are_left_out(
    shared_item: Callable[[str], Extracted],
) -> None:
    item = shared_item("realworld/html/kaieteur-essequibo-hunter.html.gz")
    assert "Contact:" not in item.body
    assert "Or by Email" not in item.body
    assert "Freedom of speech is our core value" not in item.body
    assert "investigations continue" in item.body


SUSPENSE = [
    "The skipper waited on the quay through the night, watching the lights of the harbour "
    "board's office, and wondering whether anyone there would ever...",
    "By dawn the tide had turned, the boats were afloat again, and the fishermen gathered "
    "outside the office to hear what the engineers would...",
]


@pytest.mark.parametrize("name", ["wall.txt", "wall.html"])
def test_two_paragraphs_of_the_story_that_trail_off_do_not_end_it(name: str) -> None:
    """Two narrative paragraphs ending "..." in a row ended the body there, as if teasers."""
    paras = [STORY[0], *SUSPENSE, *STORY[1:], "The county has not said what it will pay."]
    data = (
        "\n\n".join(["Sea wall blamed for boats running aground", *paras]).encode()
        if name.endswith(".txt")
        else _page(paras)
    )
    [item] = load_bytes(data, name).items
    assert "what the engineers would..." in item.body
    assert item.body.rstrip().endswith("The county has not said what it will pay.")


def test_teasers_sharing_the_outlet_s_lead_end_the_story_without_more() -> None:
    teasers = [t.replace(".... more", "...").replace("... more", "...") for t in TEASERS[:2]]
    [item] = load_bytes(_page([*STORY, *teasers, STORY[0]]), "wall.html").items
    assert item.body.rstrip().endswith("which the county may share.")


def test_a_bulleted_list_of_cut_teasers_ends_the_story() -> None:
    teasers = [
        f"• {t.split(' – ', 1)[1].replace('.... more', '…').replace('... more', '…')}"
        for t in TEASERS[:2]
    ]
    [item] = load_bytes(_page([*STORY, *teasers, STORY[0]]), "wall.html").items
    assert item.body.rstrip().endswith("which the county may share.")
