"""A JSON Lines field of the wrong type is said, not coerced in silence: a headline in
parts was dropped (the first paragraph became the headline), "starred": "yes"
starred, an unreadable date vanished, and "body": NaN stored the body "nan"."""

from __future__ import annotations

import json

from newsdesk.ingest.loader import load_bytes
from newsdesk.model import Extracted

P1 = "Gamma first paragraph: the council met on Monday to discuss the bridge repairs."
P2 = "Delta second paragraph: the mayor said the costs had risen to nine million euros."


def _load(*records: object) -> tuple[list[str], list[Extracted]]:
    data = "\n".join(json.dumps(r) if not isinstance(r, str) else r for r in records)
    result = load_bytes(data.encode(), "types.jsonl")
    assert result.error is None
    return result.warnings, list(result.items)


def test_a_headline_in_parts_is_joined_and_said() -> None:
    warnings, items = _load({"title": ["Alpha headline part", "Beta part"], "body": [P1, P2]})
    (item,) = items
    assert item.title == "Alpha headline part Beta part"
    assert P1 in item.body and P2 in item.body
    assert any("'title' is a list" in w for w in warnings)


def test_starred_that_is_not_a_boolean_is_said_and_ignored() -> None:
    warnings, items = _load({"title": "Tram opens", "body": P1, "starred": "yes"})
    (item,) = items
    assert item.starred is None
    assert any("line 1: 'starred' is not true or false ('yes')" in w for w in warnings)


def test_an_unreadable_date_is_said() -> None:
    warnings, items = _load({"title": "Tram opens", "body": P1, "published": "yesterday"})
    assert items[0].published is None
    assert any("'published' is not a date ('yesterday')" in w for w in warnings)


def test_a_body_of_nan_is_no_text() -> None:
    warnings, items = _load('{"title": "Tram opens", "body": NaN}')
    (item,) = items
    assert item.body == "" and "nan" not in item.title.lower()
    assert any("'body' is not text" in w for w in warnings)


def test_other_fields_of_the_wrong_type_are_said() -> None:
    warnings, _ = _load(
        {"title": "Tram opens", "body": P1, "url": {"href": "x"}, "tags": [{"a": 1}], "note": []},
        {"title": "Tram opens", "body": P2, "starred": True, "published": "2024-03-01"},
    )
    assert any("line 1: 'url' is not text" in w for w in warnings)
    assert any("line 1: 'tags' is not text or a list of tags" in w for w in warnings)
    assert not any(w.startswith("line 2") for w in warnings)
