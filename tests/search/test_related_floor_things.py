"""Related needs two different things shared: a word and the names holding it are one."""

from __future__ import annotations

from newsdesk.search.related_floor import shared_things


def test_a_word_and_the_names_holding_it_are_one_thing() -> None:
    # A coup in Zimbabwe and a drug maker's results shared "africa" three ways.
    assert (
        shared_things([("body", b"africa"), ("places", b"africa"), ("places", b"south africa")])
        == 1
    )
    # A stem and the name it starts: one.
    assert shared_things([("body", "mugab"), ("people", "robert mugabe")]) == 1
    # Two different things: two.
    assert shared_things([("body", "africa"), ("body", "grace")]) == 2
    # Short stems join nothing by their start alone ("mr" is no start of "mrs thatcher").
    assert shared_things([("body", "mr"), ("people", "mrs thatcher")]) == 2
    # Three things, two of them joined through a name holding both words.
    terms = [("body", "kerri"), ("body", "iran"), ("people", "john kerry"), ("places", "iran")]
    assert shared_things(terms) == 3  # "kerri" (a stem) is no start of "kerry"
