"""Plain-text pages: one article, headline and body from the text."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes

PAGE = """Harbour ferry returns after winter repairs

The ferry between the two harbour towns resumed service on Monday after four months in dry dock, the operator said.

Passengers queued from early morning. "We missed it," said one commuter.
"""


def test_text_page_gives_one_article() -> None:
    result = load_bytes(PAGE.encode(), "ferry.txt")
    assert result.error is None
    assert result.format == "text"
    assert len(result.items) == 1
    item = result.items[0]
    assert item.format == "text"
    assert "Harbour ferry" in item.title
    # The extractor may take the first paragraph as the standfirst; the text is kept either way.
    assert "dry dock" in (item.dek or "") + item.body
    assert "early morning" in item.body


def test_text_strips_terminal_escapes() -> None:
    data = (
        "Quiet street wins the best garden award\x1b]0;pwned\x07\n\n"
        "Neighbours on the street planted \x1b[31mred\x1b[0m tulips along every fence this spring.\n\n"
        "The judges praised the bell\x07-shaped flower beds and the shared compost heap.\n"
    )
    item = load_bytes(data.encode(), "esc.txt").items[0]
    assert item.title == "Quiet street wins the best garden award"
    for value in (item.title, item.dek or "", item.body):
        assert "\x1b" not in value
        assert "\x07" not in value
    assert "red tulips" in (item.dek or "") + item.body


def test_huge_title_is_truncated() -> None:
    data = ("word " * 20_000).strip() + "\n\nA short body follows the long line.\n"
    result = load_bytes(data.encode(), "long.txt")
    assert result.error is None
    assert 0 < len(result.items[0].title) <= 500


def test_whitespace_only_is_empty() -> None:
    result = load_bytes(b"  \n\t\r\n  ", "blank.txt")
    assert result.error == "empty file"
    assert result.items == []


def test_a_page_longer_than_the_extractor_reads_is_cut_and_says_so() -> None:
    """A 20 MB page was stored as its first million characters without a word."""
    paragraph = "The council met on Monday to discuss the harbour and its future plans.\n\n"
    data = ("Harbour council meets\n\n" + paragraph * 20_000).encode()
    result = load_bytes(data, "huge.txt")
    assert result.error is None
    assert any("cut after its first 1,000,000 characters" in w for w in result.warnings)
    assert len(result.items[0].body) <= 1_000_000


_CREDITED = """Bakery reopens on the high street after the flood

By Lena Ortiz

The bakery on Mill Lane reopened on Saturday, six weeks after flood water filled its cellar and ruined the ovens that had baked bread there since 1962.

"We lost everything but the recipes," said the owner, Piet Vos, who thanked neighbours for clearing the mud and said the new ovens arrived only on Thursday night.
{credit}

Queues formed before dawn, and the first loaves were gone within an hour of the doors opening, staff said.

The town council has promised grants to the other shops on the lane that are still waiting for repairs.
"""


@pytest.mark.parametrize(
    "credit", ["Photo © Ada Lind / Valley Pictures", "Photo: Ada Lind/Valley Pictures"]
)
def test_quoted_paragraph_over_a_photo_credit_stays_in_the_body(credit: str) -> None:
    # A paragraph that quotes someone is the story's, not a caption, and the story goes on
    # past the credit.
    (item,) = load_bytes(_CREDITED.format(credit=credit).encode(), "bakery.txt").items
    assert "We lost everything but the recipes" in item.body
    assert [q.speaker for q in item.quotes] == ["Piet Vos"]
    assert "grants to the other shops" in item.body
    assert "Ada Lind" not in item.body


def test_byline_under_the_dek_keeps_names_with_unlisted_given_names() -> None:
    page = (
        "Clinic reopens after months of repairs\n\n"
        "The only maternity clinic in the district is open again after a long closure.\n\n"
        "Adaeze Nwosu, Yusra Omar Haddad\nMarch 3, 2024\n\n"
        "The clinic at the edge of the market reopened on Sunday, its director said, after six "
        "months of repairs to its roof and generators.\n\n"
        "Mothers who had travelled for hours could now give birth closer to home, a midwife "
        "said on the first morning.\n"
    )
    (item,) = load_bytes(page.encode(), "clinic.txt").items
    assert item.authors == ["Adaeze Nwosu", "Yusra Omar Haddad"]


def test_a_caption_over_a_named_picture_credit_is_no_paragraph() -> None:
    page = (
        "Bakery reopens on the high street after the flood\n\n"
        "The bakery on Mill Lane reopened on Saturday, six weeks after flood water filled its "
        "cellar and ruined the ovens that had baked bread there since 1962.\n\n"
        "The owner stands at the new oven on the morning of the reopening.\n"
        "The owner stands at the new oven on the morning of the reopening.\n"
        "Foto © Ada Lind, Valley Pictures\n\n"
        "Queues formed before dawn, and the first loaves were gone within an hour of the doors "
        "opening, staff said.\n\n"
        "The town council has promised grants to the other shops on the lane that are still "
        "waiting for repairs.\n"
    )
    (item,) = load_bytes(page.encode(), "bakery.txt").items
    assert "stands at the new oven" not in item.body
    assert "Ada Lind" not in item.body
    assert "grants to the other shops" in item.body
