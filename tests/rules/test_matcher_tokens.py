"""The matcher's faster paths give exactly the index's tokens and phrase matches."""

from __future__ import annotations

from pathlib import Path

from newsdesk.rules.matcher import _WORDS, INDEX_WORDS, Analysis, _contains
from newsdesk.search.schema import fold_text

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"

TRICKY = (
    "u.s. a..b a.b.c x.*y *.* 3.14 e.g. ...a a. .a ab.cd.ef a.b..c é.ü ß.x "
    "www.example.org/path?q=1 3,000.50 it's o'neill — “quoted.” end."
)


def test_the_word_pattern_splits_as_the_index_does() -> None:
    texts = [TRICKY]
    texts += [p.read_text("utf-8", errors="replace") for p in sorted(SAMPLE_DATA.rglob("*.*"))]
    assert len(texts) > 20
    for text in texts:
        folded = fold_text(text)
        assert _WORDS.findall(folded) == INDEX_WORDS.findall(folded)


def test_token_sets_and_lists_agree() -> None:
    analysis = Analysis()
    words = analysis.field_words("The storms were storming; the storm, stormed. The end.")
    tokens = analysis.field_tokens("body", words)
    assert analysis.field_token_set("body", words) == frozenset(tokens)
    assert "the" not in tokens and tokens.count("storm") >= 2
    assert analysis.field_token_set("dateline", words) == frozenset(words)


def test_phrases_are_found_in_order_only() -> None:
    assert _contains(["a", "b", "c", "a", "b", "d"], ["a", "b", "d"])
    assert not _contains(["a", "b", "c", "a", "b"], ["a", "b", "d"])
    assert _contains(["x", "x", "a", "b"], ["a", "b"])
    assert not _contains(["b", "a"], ["a", "b"])
    assert not _contains(["a"], ["a", "b"])
    assert not _contains([], ["a"])
    assert _contains(["a"], ["a"])
