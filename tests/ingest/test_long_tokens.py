"""A paragraph holding one absurdly long token keeps its words, and the import says so."""

from __future__ import annotations

from pathlib import Path

from newsdesk.ingest import load_file
from newsdesk.ingest.long_tokens import KEPT_CHARS, shorten_long_tokens


def _load(tmp_path: Path, text: str) -> tuple[str, int, list[str]]:
    path = tmp_path / "story.txt"
    path.write_text(text, "utf-8")
    result = load_file(path)
    [item] = result.items
    return item.body, item.word_count, result.warnings


def test_a_story_that_is_one_long_token_and_a_sentence_keeps_the_sentence(tmp_path: Path) -> None:
    body, words, warnings = _load(
        tmp_path, "Longword story\n\n" + "A" * 50_000 + " the council met on Tuesday."
    )
    assert "the council met on Tuesday." in body
    assert "A" * KEPT_CHARS + "…" in body
    assert "A" * (KEPT_CHARS + 1) not in body
    assert words >= 5
    assert any("50,000" in w and "shortened" in w for w in warnings)


def test_the_paragraph_with_the_token_stays_among_the_others(tmp_path: Path) -> None:
    text = (
        "Harbour vote\n\nThe first paragraph tells of the harbour plan and the vote.\n\n"
        + "x" * 600
        + " the council met on Tuesday.\n\nThe last paragraph says the mayor will speak soon."
    )
    body, _, warnings = _load(tmp_path, text)
    paragraphs = body.split("\n\n")
    assert paragraphs[0].startswith("The first paragraph")
    assert paragraphs[1].endswith("the council met on Tuesday.")
    assert paragraphs[2].startswith("The last paragraph")
    assert len(warnings) == 1


def test_words_rules_links_and_unspaced_scripts_are_left_alone() -> None:
    warnings: list[str] = []
    german = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz"
    rule = "_" * 300
    link = "https://example.org/" + "a" * 400
    chinese = "话剧《约定无期限》全省各市巡演活动来到张家口。" * 20
    text = f"{german} was repealed.\n\n{rule}\n\nSee {link} for more.\n\n{chinese}"
    assert shorten_long_tokens(text, warnings) == text
    assert warnings == []
    base64 = "iVBORw0KGgo" * 100
    assert shorten_long_tokens(f"An image: {base64} here.", warnings) == (
        f"An image: {base64[:KEPT_CHARS]}… here."
    )
    assert len(warnings) == 1
