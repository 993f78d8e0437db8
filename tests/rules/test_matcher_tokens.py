"""The matcher's faster paths give exactly the index's tokens and phrase matches."""

from __future__ import annotations

from pathlib import Path

from whoosh.lang.porter import stem as porter_stem

from newsdesk.rules.matcher import (
    _WORDS,
    INDEX_WORDS,
    Analysis,
    _contains,
    lead_finder,
    stem_lead,
)
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


#: Porter's suffix rules, each on its own and after another (the stem's tail comes from these).
ENDINGS = (
    "", "s", "es", "ies", "sses", "ed", "ing", "eed", "y", "ly", "ally", "ational", "tional",
    "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator",
    "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate",
    "ative", "alize", "iciti", "ical", "ful", "ness", "ance", "ence", "er", "ic", "able", "ible",
    "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "sion",
    "tion", "e", "ll", "ility", "ency", "ably", "ously", "logy", "ity",
)  # fmt: skip
BASES = ("hop", "at", "bl", "iz", "y", "ya", "ab", "sens", "commun", "rel", "happ", "b", "fl", "ty")


def test_every_word_stemming_to_a_token_starts_with_its_lead() -> None:
    words = set(_WORDS.findall(fold_text(TRICKY)))
    for path in sorted(SAMPLE_DATA.rglob("*.*")):
        words.update(_WORDS.findall(fold_text(path.read_text("utf-8", errors="replace"))))
    words.update(b + x + y for b in BASES for x in ENDINGS for y in ENDINGS)
    assert len(words) > 20_000
    for word in words:
        assert word.startswith(stem_lead(porter_stem(word))), word


def test_a_stem_found_by_its_lead_is_a_stem_of_the_field() -> None:
    analysis = Analysis()
    texts = [
        TRICKY,
        "Flooding x.floods floods.gate a..floods the flood; reflooded. Flood",
        "mobility of the mobile; happy happiness, hopping hoped, the an a",
        "www.flooded.org floods* *floods flood.",
    ]
    for path in sorted(SAMPLE_DATA.rglob("*.*"))[:40]:
        texts.append(path.read_text("utf-8", errors="replace"))
    for text in texts:
        folded = fold_text(text)
        tokens = analysis.field_token_set("body", analysis.field_words(text))
        candidates = set(tokens) | {"flood", "mobil", "happi", "hop", "the", "gate", "floods.g"}
        for stem in sorted(candidates):
            lead = stem_lead(stem)
            if not lead:
                continue
            found = lead in folded and analysis.holds_stem(folded, stem, lead_finder(lead))
            assert found == (stem in tokens), (stem, text[:60])
