"""Prose and furniture in scripts written with and without spaces (lines written for these tests)."""

from __future__ import annotations

from newsdesk.extract.lines import is_prose, split_lines, wrap_width


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


WRAPPED = """Harbour board backs dredging plan

By Tamsin Pollard

PENMARROW, Cornwall — The harbour board approved a plan on Tuesday to
dredge 40,000 cubic metres of silt from the inner harbour, despite
warnings from marine scientists that the county's largest seagrass
meadow could be smothered by the spoil from the work.

"Without this work the boats simply cannot get in at low tide," said
harbour master Gerran Pascoe, who has pushed for the dredging since
2024. "We are losing landings to Newlyn every month," Pascoe added,
Pointing at the empty quay beside the harbour office on Tuesday night.

The board voted six to two in favour after a three-hour meeting at the
harbour office, where about 60 fishermen and residents packed the
public gallery and spilled into the corridor outside the meeting room.
"""


def test_hard_wrapped_text_is_joined_whatever_a_wrapped_line_starts_with() -> None:
    """Wire copy and mail wrapped at about 70 columns: a line that starts with a year
    ("2024.") or a capital carries on the paragraph the line above filled to the width."""
    lines = [line for line in split_lines(WRAPPED) if line]
    assert len(lines) == 5, lines
    assert lines[3].startswith('"Without this work') and "since 2024. " in lines[3]
    assert lines[3].endswith("harbour office on Tuesday night.")


def test_lines_that_are_paragraphs_are_not_joined() -> None:
    """A list of short lines, or a text with a paragraph a line, is not hard-wrapped."""
    menu = "\n".join(f"Headline number {n} about the council budget vote" for n in range(12))
    assert wrap_width(menu.split("\n")) is None
    assert len(split_lines(menu)) == 12


def test_a_paragraph_longer_than_a_line_may_be_is_kept_whole_in_parts() -> None:
    """A 150,000-character paragraph was cut at 60,000 characters, mid-word, unsaid."""
    import textwrap

    from newsdesk.extract.lines import MAX_LINE_CHARS
    from newsdesk.ingest import load_bytes

    para = " ".join(f"The island ferry ran item {i} at length." for i in range(4000))
    lines = split_lines(f"Ferry timetable\n\n{para}\n\nThe last paragraph.")
    parts = [line for line in lines[1:-1] if line]
    assert len(parts) == 3 and all(len(p) <= MAX_LINE_CHARS for p in parts)
    assert " ".join(parts) == para  # nothing lost, each part ends a sentence
    assert all(p.endswith("at length.") for p in parts)
    # Hard-wrapped at 70 columns: joined back up to the limit, then a new paragraph.
    wrapped = "\n".join(textwrap.wrap(para, 70))
    body = load_bytes(f"Ferry timetable\n\nBy Per Holm\n\n{wrapped}\n".encode(), "f.txt")
    text = body.items[0].body
    assert "item 3999 at length." in text and "item 1500 at length." in text
    assert "".join(text.split()) == "".join(para.split())
