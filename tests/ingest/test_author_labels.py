"""A credit label before a name in an author slot is no part of the name, nor a button."""

from __future__ import annotations

from newsdesk.ingest.names import author_names


def test_a_text_label_before_the_name_goes() -> None:
    assert author_names(["Text: Jana Berg"]) == ["Jana Berg"]
    # A label after the name still goes; a name that begins like the label stays.
    assert author_names(["Jana Berg Text"]) == ["Jana Berg"]
    assert author_names(["Textor Berg"]) == ["Textor Berg"]
    assert author_names(["Text:"]) == []
