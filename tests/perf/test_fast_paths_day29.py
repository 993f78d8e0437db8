"""Day 29's fast path compared with the code it replaced (`ingest.long_tokens`)."""

from __future__ import annotations

import random

from newsdesk.ingest.long_tokens import _TOKEN, LONG_TOKEN, has_long_token, shorten_long_tokens

#: Spaces to `\s` (the last two are not: zero-width characters), and characters of a token.
_SPACES = [" ", "\n", "\t", "\x1c", "\x1f", "\x85", "\u00a0", "\u2009", "\u2028", "\u3000"]
_NOT_SPACES = ["a", "é", "_", ".", "中", "-", "1", "\u200b", "\ufeff"]


def _slow(text: str) -> bool:
    return _TOKEN.search(text) is not None


def test_has_long_token_at_every_length_and_place() -> None:
    step = LONG_TOKEN + 1
    for length in (0, 1, LONG_TOKEN - 1, LONG_TOKEN, step, step + 1, 2 * step - 1, 2 * step):
        for lead in (0, 1, LONG_TOKEN - 1, LONG_TOKEN, step, step + 1, 2 * step + 7):
            for space in (" ", "\x1c", "\u3000"):
                text = space.join(["w" * lead, "x" * length, "y"])
                assert has_long_token(text) == _slow(text), (length, lead, space)


def test_has_long_token_on_random_texts() -> None:
    rng = random.Random(29)
    for _ in range(5_000):
        parts = []
        for _ in range(rng.randrange(6)):
            size = rng.choice([0, 1, 5, 199, 200, 201, 202, 401, 402, 403, rng.randrange(700)])
            parts.append("".join(rng.choice(_NOT_SPACES) for _ in range(size)))
            parts.append("".join(rng.choice(_SPACES) for _ in range(rng.randrange(3))))
        text = "".join(parts)
        assert has_long_token(text) == _slow(text), text


def test_a_long_token_is_still_shortened() -> None:
    warnings: list[str] = []
    text = "A real sentence. " + "Z" * (LONG_TOKEN + 1) + " and more."
    shortened = shorten_long_tokens(text, warnings)
    assert shortened == "A real sentence. " + "Z" * 40 + "… and more."
    assert warnings
