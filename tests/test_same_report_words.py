"""One telling is asked whether it may replace, is cut, keeps most words: each
question stemmed both whole bodies again (six passes over two texts)."""

from __future__ import annotations

import pytest

from newsdesk.desk import same_report


def test_the_words_of_two_tellings_are_found_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk.stories import text

    calls: list[str] = []
    real = text.content_words

    def counting(value: str) -> list[str]:
        calls.append(value)
        return real(value)

    monkeypatch.setattr(text, "content_words", counting)
    old = (
        "The harbour crane fell over on Tuesday night and the port closed its gates. "
        "Engineers from the council inspected the quay walls at dawn, and ferries to the "
        "islands were held in the bay while divers checked the moorings and the cables. "
        "Fishermen unloaded their catch at the northern slipway instead, a mile away."
    )
    new = "The harbour crane fell over on Tuesday night."
    assert not same_report.may_replace(old, new)
    assert same_report.is_cut(old, new)
    assert not same_report.keeps_most_words(old, new)
    assert len(calls) == 2
