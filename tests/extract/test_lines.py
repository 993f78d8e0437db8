"""Prose and furniture in scripts written with and without spaces (lines written for these tests)."""

from __future__ import annotations

from newsdesk.extract.lines import is_prose


def test_japanese_and_chinese_paragraphs_are_prose() -> None:
    # No spaces between words: the characters, not the space-separated tokens, are counted.
    assert is_prose(
        "港の渡し船は洪水のあと三週間止まっていましたが、町は月曜日から運航を再開すると発表しました。"
    )
    assert is_prose(
        "洪水过后，渡轮停运了三个星期。市政府星期一宣布，渡轮将从下周起恢复运营，票价不变。"
    )


def test_a_short_label_in_those_scripts_is_not() -> None:
    assert not is_prose("お問い合わせ")
    assert not is_prose("新闻中心")
    # A headline-length line without a full stop is no paragraph either.
    assert not is_prose("港の渡し船、月曜日から運航再開")


def test_latin_prose_is_unchanged() -> None:
    assert is_prose(
        "The ferry stopped for three weeks after the flood, and the town said on Monday "
        "that it would run again from next week."
    )
    assert not is_prose("Contact us | Privacy policy | Terms of use")
