"""Names from capitalisation when the extractor left entities empty."""

from __future__ import annotations

from newsdesk.model import Extracted
from newsdesk.stories.names import heuristic_names, name_mentions

TEXT = (
    "HARLOW BEND, Ore. (Coastal Press) — Gov. Dana Whitcomb declared an emergency for "
    "Brannock County on Saturday. Crews evacuated 1,400 people. Whitcomb said the "
    "National Weather Service expected the Tessel River to crest on Sunday. "
    "City Attorney Neil Vasquez said the city would help."
)


def test_heuristic_sorts_people_orgs_and_places() -> None:
    names = heuristic_names(TEXT)
    assert "Dana Whitcomb" in names.people
    assert "Neil Vasquez" in names.people
    assert "National Weather Service" in names.organizations
    assert "Brannock County" in names.places
    assert "Tessel River" in names.places
    # Sentence openers and calendar words are not names.
    assert not any(n in {"Crews", "Saturday", "Sunday"} for n in names.all())


def test_mentions_count_repeats_and_skip_the_outlet_and_generic_words() -> None:
    meta = Extracted(title="Emergency in Harlow Bend", body=TEXT, source="Coastal Press")
    counts = name_mentions(meta)
    assert counts["whitcomb"] == 2
    assert counts["harlow"] == 2
    assert "coastal" not in counts and "press" not in counts
    # "County", "National", "Service" recur in unrelated names: no weight.
    assert "county" not in counts and "national" not in counts and "service" not in counts


def test_extractor_entities_add_names_the_heuristic_missed() -> None:
    meta = Extracted(title="t", body="the mayor of lowtown spoke.", places=["Lowtown"])
    assert name_mentions(meta)["lowtown"] == 1


def test_a_title_case_headline_adds_only_names_the_prose_has() -> None:
    """In "Slack Director Sells Shares" every word is capitalised: "sells" is no name."""
    body = (
        "Director Mara Quist sold 12,500 shares of Orvane Labs in a transaction on "
        "Tuesday, a filing shows. Quist still holds 88,410 shares of the company."
    )
    counts = name_mentions(Extracted(title="Orvane Labs Director Sells 12,500 Shares", body=body))
    assert "sells" not in counts and "shares" not in counts
    assert counts["orvane"] == 2  # once in the headline, once in the prose
    assert counts["quist"] == 2
    # In sentence case the capitals in the headline mark names, as before.
    sentence = name_mentions(Extracted(title="Orvane director Mara Quist sells shares", body=body))
    assert sentence["quist"] == 3 and "sells" not in sentence


def test_a_rare_word_that_only_opens_sentences_is_a_name() -> None:
    """Short wire items open every sentence with their subject: "Quillon" never appears
    mid-sentence, yet it is the story's company; "Residents" and "Meanwhile" open
    sentences too and are common words, not names."""
    meta = Extracted(
        title="Data breach hits millions of users",
        language="en",
        body=(
            "Quillon said hackers stole the data of 2.3 million users. Quillon's chief "
            "apologised on Tuesday. Residents were told to change passwords. Meanwhile "
            "regulators opened an inquiry."
        ),
    )
    counts = name_mentions(meta)
    assert counts["quillon"] == 2
    assert "residents" not in counts and "meanwhile" not in counts
