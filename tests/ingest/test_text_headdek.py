"""Plain text typed as "headline / standfirst / byline": the first line is the headline."""

from __future__ import annotations

from newsdesk.ingest import load_bytes


def test_a_short_headline_over_a_short_standfirst_keeps_both() -> None:
    text = (
        "Bakery chain shuts rural shops\n\n"
        "Villagers lose their last place to buy bread\n\n"
        "By Oskar Feld\n\n"
        "NORTHBY — The Crumb & Co chain will close nine shops in farming villages by spring, "
        "the company told staff on Thursday.\n\n"
        "Residents said the nearest bakery would then be twenty kilometres away.\n"
    )
    item = load_bytes(text.encode(), "bakery.txt").items[0]
    assert item.title == "Bakery chain shuts rural shops"
    assert item.dek == "Villagers lose their last place to buy bread"
    assert item.authors == ["Oskar Feld"]


def test_a_three_word_headline_over_its_standfirst() -> None:
    text = (
        "Ferry fares frozen\n\n"
        "Island commuters spared a rise for the second year\n\n"
        "By Oskar Feld\n\n"
        "The island council froze ferry fares on Tuesday after a vote that split the chamber, "
        "its leader said.\n\n"
        "The freeze costs the council about a million a year.\n"
    )
    item = load_bytes(text.encode(), "ferry.txt").items[0]
    assert item.title == "Ferry fares frozen"
    assert item.dek == "Island commuters spared a rise for the second year"


def test_a_headline_over_a_shorter_standfirst_keeps_both() -> None:
    text = (
        "Lighthouse keeper retires after forty years\n\n"
        "Island loses its last keeper\n\n"
        "By Oskar Feld\n\n"
        "NORTHBY — The keeper of the Skerry light handed over his keys on Friday, ending four "
        "decades in which he missed only two nights, the coastguard said.\n\n"
        "The light will be run from the mainland from next month.\n"
    )
    item = load_bytes(text.encode(), "keeper.txt").items[0]
    assert item.title == "Lighthouse keeper retires after forty years"
    assert item.dek == "Island loses its last keeper"
    assert item.authors == ["Oskar Feld"]
    assert item.body.startswith("NORTHBY — The keeper")


def test_a_headline_over_a_standfirst_as_long_keeps_both() -> None:
    text = (
        "Ferry operator cancels winter timetable\n\n"
        "Islanders left with two boats a week\n\n"
        "By Oskar Feld\n\n"
        "The island ferry will sail twice a week from November instead of daily, its operator "
        "said on Monday, blaming the price of fuel.\n\n"
        "Councillors said they would ask the government to step in.\n"
    )
    item = load_bytes(text.encode(), "ferry-winter.txt").items[0]
    assert item.title == "Ferry operator cancels winter timetable"
    assert item.dek == "Islanders left with two boats a week"


def test_a_pictures_text_under_the_headline_is_no_standfirst() -> None:
    text = (
        "Lighthouse keeper retires after forty years\n\n"
        "Profile picture for user o.feld\n\n"
        "By Oskar Feld\n\n"
        "NORTHBY — The keeper of the Skerry light handed over his keys on Friday, ending four "
        "decades in which he missed only two nights, the coastguard said.\n\n"
        "The light will be run from the mainland from next month.\n"
    )
    item = load_bytes(text.encode(), "keeper.txt").items[0]
    assert item.title == "Lighthouse keeper retires after forty years"
    assert item.dek is None


def test_a_line_over_a_picture_credit_is_its_caption_not_the_standfirst() -> None:
    """The lead photo's caption, with its credit alone on the next line, was taken for
    the standfirst ("... at the quay" / "Credit: HARBOUR GAZETTE")."""
    body = (
        "By Oskar Feld\n\n"
        "NORTHBY — The ferry operator cancelled its winter timetable on Friday, leaving "
        "the islands with two boats a week, the council said.\n\n"
        "Councillors said they would ask the government to step in before December.\n"
    )
    for credit in ("Credit: HARBOUR GAZETTE", "(Mara Lind / Northby Press)"):
        text = (
            "Ferry operator cancels winter timetable\n\n"
            "The last ferry of the season leaves the quay at Northby in an image the harbour "
            "office released on Thursday\n"
            f"{credit}\n\n" + body
        )
        item = load_bytes(text.encode(), "ferry.txt").items[0]
        assert item.title == "Ferry operator cancels winter timetable"
        assert item.dek is None, credit
        assert any(c.startswith("The last ferry of the season") for c in item.captions)
    # A standfirst over the photo's own caption, which ends in its credit, stays one.
    text = (
        "Ferry operator cancels winter timetable\n\n"
        "Islanders say two boats a week will empty the outer islands by spring.\n\n"
        "The Northby quay. | Mara Lind/Northby Press\n\n" + body
    )
    item = load_bytes(text.encode(), "ferry.txt").items[0]
    assert item.dek == "Islanders say two boats a week will empty the outer islands by spring."
