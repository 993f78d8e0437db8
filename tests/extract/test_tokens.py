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


_SLOTS = ("text", "start", "end", "cap", "allcaps", "kind", "possessive", "starts_sentence")


def test_fast_path_tokens_equal_constructed_ones() -> None:
    # The plain-word path fills tokens without `make_token`: every field must match.
    from newsdesk.extract.entities.tokens import make_token

    text = (
        "The NATO summit in Riga ended, al-Assad said; O'Brien's AT&T deal and U.S. "
        "officials met 42 times\u00a0in São Paulo — Dr. Roe of Ruiz-Vance Ltd. left"
    )
    tokens = _tokenise(text)
    assert len(tokens) > 20
    for token in tokens:
        built = make_token(token.text, token.start, token.end)
        built.possessive = token.possessive
        for slot in _SLOTS:
            assert getattr(token, slot) == getattr(built, slot), (token.text, slot)
        assert token.headline is False and token.starts_sentence is False


def _joined_by_regex(text: str, left_end: int, right_start: int) -> bool:
    # `joined` before its one-space shortcut.
    from newsdesk.extract.entities.tokens import _AMPERSAND, SPACES

    return left_end < right_start and (
        SPACES.fullmatch(text, left_end, right_start) is not None
        or _AMPERSAND.fullmatch(text, left_end, right_start) is not None
    )


def test_joined_shortcut_agrees_with_the_regexes() -> None:
    from newsdesk.extract.entities.tokens import joined

    for gap in (" ", "  ", "\t", "\u00a0", " \u00a0", " & ", ", ", "\n", "-", " . ", "."):
        text = f"Acme{gap}Corp"
        tokens = _tokenise(text)
        left, right = tokens[0], tokens[-1]
        assert joined(text, left, right) == _joined_by_regex(text, left.end, right.start), gap
    assert joined("Acme Corp", *_tokenise("Acme Corp"))
    assert not joined("Acme\nCorp", *_tokenise("Acme\nCorp"))
