"""Random casings of a phrase, for the tests that compare a fast path with the pattern it
stands for (the same answers whatever the case)."""

from __future__ import annotations

import random


def recase(text: str, rng: random.Random, *, dotless: bool = False) -> str:
    """Upper, title, mixed or as written; with `dotless`, also with long s and dotless i,
    which IGNORECASE matches and lowering keeps apart."""
    mode = rng.randrange(5 if dotless else 4)
    if mode == 0:
        return text.upper()
    if mode == 1:
        return text.title()
    if mode == 2:
        return "".join(c.upper() if rng.random() < 0.5 else c for c in text)
    if mode == 3 and dotless:
        return text.replace("s", "ſ").replace("i", "ı")
    return text
