"""A text copy's underlined headline, and its one-word paragraphs: prose kept, furniture not."""

from __future__ import annotations

import textwrap

import pytest

from newsdesk.ingest import load_bytes

LEDE = (
    "The city council approved a new budget on Tuesday after a long debate over spending "
    "on roads and schools, officials said."
)
SECOND = (
    "Critics said the plan cut too deep into social programmes, while supporters called it "
    "prudent and said the city could not borrow more."
)
THIRD = "The mayor is expected to sign the budget on Friday, and it takes effect in January."


BRIEF = "Critics said the plan cut too deep.\n\nThe mayor will sign it on Friday.\n"


@pytest.mark.parametrize("underline", ["=" * 27, "===", "=" * 40])
@pytest.mark.parametrize("above", ["Ironbridge Post", "Local news", "Harbour Gazette | Politics"])
def test_the_underlined_line_is_the_headline_under_the_site_name(
    underline: str, above: str
) -> None:
    """The line above an underlined headline (the site's name, its section) was taken for
    the headline of a short story."""
    text = f"{above}\n\nCouncil approves new budget\n{underline}\n\n{LEDE}\n\n{BRIEF}"
    item = load_bytes(text.encode(), "budget.txt").items[0]
    assert item.title == "Council approves new budget"
    assert item.body.startswith(LEDE)
    assert "===" not in item.body


def test_a_subheading_s_underline_is_not_text() -> None:
    text = f"Council approves new budget\n===\n\n{LEDE}\n\nThe vote\n--------\n\n{SECOND}\n"
    item = load_bytes(text.encode(), "budget.txt").items[0]
    assert item.title == "Council approves new budget"
    assert "---" not in item.body
    assert item.body.startswith(LEDE) and SECOND in item.body


def test_a_one_word_paragraph_of_the_story_is_kept_and_furniture_is_not() -> None:
    """ "Yes." between two paragraphs of the story was dropped with the furniture."""
    text = f"Council approves new budget\n\n{LEDE}\n\nYes.\n\n{SECOND}\n\nUpdated\n\n{THIRD}\n"
    body = load_bytes(text.encode(), "budget.txt").items[0].body
    assert body.split("\n\n") == [LEDE, "Yes.", SECOND, THIRD]


def _wrapped(paragraph: str, width: int) -> str:
    """A paragraph as a text browser prints it: hard-wrapped, no line a sentence alone."""
    return "\n".join(textwrap.wrap(paragraph, width))


@pytest.mark.parametrize("width", [None, 60])
@pytest.mark.parametrize("underline", ["=" * 17, "==="])
def test_an_underlined_subheading_under_the_opening_paragraphs_is_no_headline(
    width: int | None, underline: str
) -> None:
    """A subheading underlined below the story's opening became the headline, and the
    headline, the byline and both paragraphs above it were lost."""
    lede, second = (p if width is None else _wrapped(p, width) for p in (LEDE, SECOND))
    text = (
        f"Council approves new budget\n\nBy John Smith\n\n{lede}\n\n{second}\n\n"
        f"What happens next\n{underline}\n\n{THIRD}\n"
    )
    item = load_bytes(text.encode(), "budget.txt").items[0]
    assert item.title == "Council approves new budget"
    assert item.authors == ["John Smith"]
    assert item.body.split("\n\n") == [LEDE, SECOND, "What happens next", THIRD]


@pytest.mark.parametrize(
    "short",
    ["Yes.", "Love.", "Yikes.", "Warum nicht?", "Welchen denn?", "Not any more.", "Nobody came."],
)
def test_a_short_sentence_that_reads_as_prose_is_kept(short: str) -> None:
    text = f"Council approves new budget\n\n{LEDE}\n\n{short}\n\n{SECOND}\n"
    body = load_bytes(text.encode(), "budget.txt").items[0].body
    assert body.split("\n\n") == [LEDE, short, SECOND]


@pytest.mark.parametrize("label", ["Reuters.", "Related.", "AFP.", "Bloomberg.", "dpa."])
def test_a_one_word_credit_or_label_is_not_body_text(label: str) -> None:
    """ "Reuters." and "Related." between two paragraphs were kept as the story's text."""
    text = f"Council approves new budget\n\n{LEDE}\n\n{label}\n\n{SECOND}\n"
    body = load_bytes(text.encode(), "budget.txt").items[0].body
    assert body.split("\n\n") == [LEDE, SECOND]
