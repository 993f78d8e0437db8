"""What is never an author: an e-mail address read as a name, a forwarded e-mail's mark,
a company in the author tag."""

from __future__ import annotations

import pytest

from newsdesk.extract.byline import parse_byline
from newsdesk.ingest import load_bytes
from newsdesk.ingest.names import author_names, person_names, without_mail_names

STORY = (
    "<p>The county will rebuild the footbridge over the river by next summer, its roads "
    "committee decided on Tuesday after a long debate.</p>"
    "<p>The old bridge was closed in March when inspectors found cracks in two of its piers.</p>"
)


def test_an_address_beside_the_byline_is_no_second_author() -> None:
    page = (
        "<html><head><title>Footbridge to be rebuilt</title></head><body><article>"
        "<h1>Footbridge to be rebuilt by next summer</h1>"
        '<p class="byline">By Marit Oyelaran | <a href="mailto:moyelaran@valleypost.example">'
        "moyelaran@valleypost.example</a></p>" + STORY + "</article></body></html>"
    )
    item = load_bytes(page.encode(), "bridge.html").items[0]
    assert item.authors == ["Marit Oyelaran"]


def test_names_made_of_an_address_are_dropped() -> None:
    names = ["Marit Oyelaran", "Moyelaran Example"]
    assert without_mail_names(names, ["moyelaran@valleypost.example"]) == ["Marit Oyelaran"]
    assert without_mail_names(["Marit Oyelaran"], ["marit@valleypost.example"]) == [
        "Marit Oyelaran"
    ]


def test_a_company_in_the_author_tag_is_no_author() -> None:
    assert person_names(["Northwind Turbines AG"]) == []
    assert person_names(["Harlow Freight Ltd."]) == []
    assert person_names(["Marit Oyelaran"]) == ["Marit Oyelaran"]
    page = (
        '<html><head><meta name="author" content="Northwind Turbines AG">'
        "<title>Northwind Turbines opens plant</title></head><body><article>"
        "<h1>Northwind Turbines opens blade plant in Esbjerg</h1>"
        "<p>ESBJERG, Denmark, Sept. 3, 2026 -- Northwind Turbines AG today opened a plant that "
        "will make rotor blades for offshore wind farms, the company said.</p>"
        "<p>The plant will employ 600 people when it runs at full capacity in 2028.</p>"
        "</article></body></html>"
    )
    assert load_bytes(page.encode(), "release.html").items[0].authors == []


def test_a_forwarded_messages_mark_is_no_author() -> None:
    text = (
        "From: News Desk <desk@valleypost.example>\n"
        "Sent: Tuesday, 6 October 2026 10:15\n"
        "To: Reporters <all@valleypost.example>\n"
        "Subject: FW: Footbridge to be rebuilt by next summer\n\n"
        "Worth a follow-up?\n\n"
        "-----Original Message-----\n"
        "From: County Press Office <press@county.example>\n"
        "Sent: 6 October 2026 09:40\n"
        "Subject: Footbridge to be rebuilt by next summer\n\n"
        "Footbridge to be rebuilt by next summer\n\n"
        "By Marit Oyelaran, Transport Correspondent\n\n"
        "The county will rebuild the footbridge over the river by next summer, its roads "
        "committee decided on Tuesday after a long debate.\n\n"
        "The old bridge was closed in March when inspectors found cracks in two of its piers.\n"
    )
    item = load_bytes(text.encode(), "fwd.txt").items[0]
    assert item.authors == ["Marit Oyelaran"]
    assert item.title == "Footbridge to be rebuilt by next summer"
    assert "Worth a follow-up" not in (item.dek or "") + item.body


@pytest.mark.parametrize("label", ["Editorial", "Editorial Board", "The Editorial Board"])
def test_an_unsigned_leaders_section_in_the_author_slot_is_no_author(label: str) -> None:
    page = (
        "<html><head><title>The view on the footbridge | Opinion</title>"
        f'<meta name="author" content="{label}"></head><body><article>'
        "<h1>The view on the footbridge: build it now</h1>"
        f'<p class="byline"><a rel="author" href="/profile/leaders">{label}</a></p>'
        + STORY
        + "</article></body></html>"
    )
    item = load_bytes(page.encode(), "view.html").items[0]
    assert item.authors == []
    assert author_names([label]) == []


def test_a_desk_that_signs_stays_the_byline() -> None:
    # Desk credits are bylines as printed; only the section label is dropped.
    assert parse_byline("By Staff Writer", []).authors == ["Staff Writer"]  # type: ignore[union-attr]
    assert author_names(["Newsdesk"]) == ["Newsdesk"]
