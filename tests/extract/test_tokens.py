"""Entity tokens: the fast path for plain words gives what the careful path gave."""

from __future__ import annotations

from newsdesk.extract.entities.tokens import tokenise as _tokenise


def _texts(text: str) -> list[str]:
    return [t.text for t in _tokenise(text)]


def test_plain_words_keep_their_offsets_and_shape() -> None:
    tokens = _tokenise("The NATO summit in Riga ended")
    assert [t.text for t in tokens] == ["The", "NATO", "summit", "in", "Riga", "ended"]
    assert [(t.start, t.end) for t in tokens][:2] == [(0, 3), (4, 8)]
    assert [t.cap for t in tokens] == [True, True, False, False, True, False]
    assert [t.allcaps for t in tokens] == [False, True, False, False, False, False]


def test_abbreviation_stop_and_possessives_still_handled() -> None:
    assert _texts("Dr. Ana Berg met Mr. X") == ["Dr.", "Ana", "Berg", "met", "Mr.", "X"]
    tokens = _tokenise("Berg's plan and the Democrats' plan")
    assert tokens[0].text == "Berg" and tokens[0].possessive
    democrats = next(t for t in tokens if t.text == "Democrats")
    assert democrats.possessive


def test_abbreviation_at_the_very_end_of_the_text() -> None:
    assert _texts("talks with Gov.") == ["talks", "with", "Gov."]


def test_glued_particle_is_capitalised() -> None:
    token = _tokenise("al-Assad")[0]
    assert token.cap and not token.allcaps
