"""Names that read as people but name a thing (a product, a show, a firm, a hospital),
and one transliterated surname spelt two ways in one story (fictional text)."""

from __future__ import annotations

from newsdesk.extract.entities import find_entities


def test_a_name_ending_in_a_product_or_event_word_is_no_person() -> None:
    text = (
        "Owners of a 2014 Aurora Fenwick Pro can keep their old dock. Visitors to the "
        'Marlow Auto Show saw the car first. "Earnings should recover," said Tarrant '
        "Institutional Equities. Anna Kowal, a buyer, liked it."
    )
    people = find_entities(text).people
    assert "Anna Kowal" in people
    for thing in ("Aurora Fenwick Pro", "Marlow Auto Show", "Tarrant Institutional Equities"):
        assert thing not in people


def test_a_name_before_a_thing_noun_is_that_thing_at_every_mention() -> None:
    text = (
        "The mayor made an unscheduled trip to Walter Brandley hospital on Sunday. "
        "Doctors at Walter Brandley said the visit was routine. The run used the "
        "Heron Gale supercomputer in Bergen. Dr. Lena Ortiz said the exam went well."
    )
    people = find_entities(text).people
    assert "Lena Ortiz" in people
    assert "Walter Brandley" not in people
    assert "Heron Gale" not in people


def test_two_spellings_of_a_transliterated_surname_are_one_person() -> None:
    text = (
        "Trump asked Ukraine President Volodymyr Zelenskiy for the investigations. "
        "Sondland said that President Zelensky would do anything. A top aide to "
        "Zelenskiy met him in Warsaw."
    )
    result = find_entities(text)
    assert "Volodymyr Zelenskiy" in result.people
    assert "Zelensky" not in result.people
    assert result.counts["Volodymyr Zelenskiy"] == 3
