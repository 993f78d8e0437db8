"""`repeated_phrase`'s first-word test changes none of its answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract.lines import repeated_phrase


def _old_repeated(line: str) -> bool:
    words = line.split()
    return any(
        len(words) % n == 0 and words == words[: len(words) // n] * n
        for n in range(2, min(len(words), 8) + 1)
    )


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "Foto", "c", " ", "\n"]), max_size=20))
def test_repeated_phrase_equals_the_plain_test(parts: list[str]) -> None:
    line = " ".join(parts)
    assert repeated_phrase(line) == _old_repeated(line)


def test_repeated_phrase_examples() -> None:
    assert repeated_phrase("Foto: AP Foto: AP")
    assert repeated_phrase("Play Play Play")
    assert not repeated_phrase("Play")
    assert not repeated_phrase("")
    assert not repeated_phrase("a b a")
    assert not repeated_phrase("one two three")
