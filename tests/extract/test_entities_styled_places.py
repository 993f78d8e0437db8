"""A place inside a title is no place mention, and one place spelled two ways is one
entry (fictional text)."""

from __future__ import annotations

from newsdesk.extract.entities import find_entities


def test_a_title_styled_after_a_place_names_no_place() -> None:
    text = (
        "The Duchess of Cambridge opened a ward on Monday. Later the Duke of Edinburgh, "
        "the Prince of Wales and the Bishop of Durham joined talks with the Earl of Wessex "
        "in Leeds. The Commonwealth sent a letter."
    )
    places = find_entities(text).places
    assert places == ["Leeds"]


def test_an_office_keeps_its_place() -> None:
    text = "The Mayor of London met the President of France in Paris."
    places = find_entities(text).places
    assert "London" in places
    assert "France" in places


def test_accented_and_plain_spellings_of_a_place_are_one_entry() -> None:
    text = (
        "Shares in Zürich rose early. Traders in Zürich said demand held. "
        "By noon Zurich was quiet, and Basel followed."
    )
    result = find_entities(text)
    assert "Zurich" not in result.places
    assert result.counts["Zürich"] == 3
    assert "Basel" in result.places
