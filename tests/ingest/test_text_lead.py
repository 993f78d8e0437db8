"""Plain text: the story's opening lines under the headline are never lost."""

from __future__ import annotations

from newsdesk.extract.boilerplate import is_boilerplate
from newsdesk.ingest import load_bytes


def _item(text: str):  # type: ignore[no-untyped-def]
    result = load_bytes(text.encode(), "story.txt")
    assert result.error is None and result.items
    return result.items[0]


def test_a_short_first_paragraph_under_byline_and_date_stays_in_the_body() -> None:
    item = _item(
        "Orchard fire spreads to barns\n\nBy Tove Lindqvist\n\nMarch 9, 2026\n\n"
        "Farmers fled the valley overnight.\n\n"
        "Crews from three districts fought the blaze until dawn, the fire service said in a "
        "statement issued from the regional headquarters.\n\n"
        "No one was hurt.\n"
    )
    assert item.title == "Orchard fire spreads to barns"
    assert item.authors == ["Tove Lindqvist"]
    assert item.body.startswith("Farmers fled the valley overnight.")
    assert "Crews from three districts" in item.body


def test_a_sentence_that_announces_a_list_is_the_storys() -> None:
    item = _item(
        "Library sets out new opening rules\n\nBy Tove Lindqvist\n\nMarch 9, 2026\n\n"
        "The library board adopted the rules on Monday. The notice says:\n\n"
        "• Reading rooms open at eight on weekdays.\n"
        "• Children under ten come with an adult.\n\n"
        "Staff will hand out leaflets.\n"
    )
    assert item.body.startswith("The library board adopted the rules on Monday. The notice says:")
    assert "Reading rooms open at eight" in item.body


def test_a_readers_comment_header_is_still_furniture() -> None:
    assert is_boilerplate("Tove Lindqvist says:")
    assert not is_boilerplate("The council voted on the plan on Monday. It says:")
