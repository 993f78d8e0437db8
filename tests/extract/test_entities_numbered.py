"""A union local's or a lodge's number is part of the organisation's name."""

from __future__ import annotations

import pytest

from newsdesk.extract.entities import find_entities


@pytest.mark.parametrize(
    ("sentence", "organisation"),
    [
        (
            "The players will be paid until March, according to the Guild of Stagehands Local 412.",
            "Guild of Stagehands Local 412",
        ),
        ("Members of Boilermakers Local 83 voted to strike on Friday.", "Boilermakers Local 83"),
        (
            "The Order of Railway Signalmen Lodge 9 backed the plan.",
            "Order of Railway Signalmen Lodge 9",
        ),
    ],
)
def test_the_number_of_a_local_is_part_of_its_name(sentence: str, organisation: str) -> None:
    assert find_entities(sentence).organizations == [organisation]


@pytest.mark.parametrize(
    "sentence",
    ["She met Ann Local 5 times last year.", "The Local 12 bus was late again on Tuesday."],
)
def test_a_number_after_a_name_or_alone_makes_no_local(sentence: str) -> None:
    assert find_entities(sentence).organizations == []
