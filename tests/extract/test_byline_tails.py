"""What a byline runs into after its names: a picture's credit is no part of them."""

from __future__ import annotations

import pytest

from newsdesk.extract.byline import parse_byline


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Text von Greta Lindholm Illustration von Pavel Dvorak", ["Greta Lindholm"]),
        ("Text: Greta Lindholm Fotos: Pavel Dvorak", ["Greta Lindholm"]),
        ("By Hannah Osei Photos by Pavel Dvorak", ["Hannah Osei"]),
    ],
)
def test_a_picture_credit_after_the_names_ends_them(line: str, authors: list[str]) -> None:
    found = parse_byline(line)
    assert found is not None
    assert found.authors == authors
