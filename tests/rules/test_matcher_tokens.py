"""The matcher's faster paths give exactly the index's tokens and phrase matches."""

from __future__ import annotations

from pathlib import Path

from newsdesk.rules.tokens import (
    INDEX_WORDS,
    PLAIN_WORDS,
    Analysis,
    contains_phrase,
    lead_finder,
    stem_lead,
    unjoined,
)
from newsdesk.search.cased import dotted_capitals
from newsdesk.search.schema import fold_text
from newsdesk.search.words import UNITS
from newsdesk.search.words import stem as index_stem

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
        assert PLAIN_WORDS.findall(folded) == INDEX_WORDS.findall(folded)


def test_token_sets_and_lists_agree() -> None:
    analysis = Analysis()
    text = "The storms were storming; the storm, stormed. The cease-fire end."
    words = analysis.field_words(text)
    tokens = analysis.field_tokens("body", words)
    flat = [t for position in tokens for t in position]
    assert analysis.field_token_set("body", words) == frozenset(flat)
    assert "the" not in flat and flat.count("storm") >= 2
    assert ("ceasefir", "ceas", "fire") in tokens  # a compound: one position
    plain = analysis.field_words(text, "dateline")
    assert analysis.field_token_set("dateline", plain) == frozenset(plain)


def _at(*words: str) -> list[tuple[str, ...]]:
    return [(w,) for w in words]


def _want(*words: str) -> list[frozenset[str]]:
    return [frozenset((w,)) for w in words]


def test_phrases_are_found_in_order_only() -> None:
    assert contains_phrase(_at("a", "b", "c", "a", "b", "d"), _want("a", "b", "d"))
    assert not contains_phrase(_at("a", "b", "c", "a", "b"), _want("a", "b", "d"))
    assert contains_phrase(_at("x", "x", "a", "b"), _want("a", "b"))
    assert not contains_phrase(_at("b", "a"), _want("a", "b"))
    assert not contains_phrase(_at("a"), _want("a", "b"))
    assert not contains_phrase([], _want("a"))
    assert contains_phrase(_at("a"), _want("a"))
    # A position with several words (a compound), a wanted position with two (a stem
    # or the word as typed).
    assert contains_phrase([("x",), ("ceasefir", "ceas", "fire"), ("talk",)], _want("fire", "talk"))
    assert contains_phrase(
        _at("harris", "said"), [frozenset({"harri", "harris"}), frozenset({"said"})]
    )


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
    words = set(PLAIN_WORDS.findall(fold_text(TRICKY)))
    for path in sorted(SAMPLE_DATA.rglob("*.*")):
        text = fold_text(path.read_text("utf-8", errors="replace"))
        words.update(PLAIN_WORDS.findall(text))
        words.update(unjoined(u) for u in UNITS.findall(text))
    words.update(b + x + y for b in BASES for x in ENDINGS for y in ENDINGS)
    assert len(words) > 20_000
    for word in words:
        assert word.startswith(stem_lead(index_stem(word))), word


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
        folded = fold_text(dotted_capitals(text))  # as the matcher folds a stemmed field
        tokens = analysis.field_token_set("body", analysis.field_words(text))
        candidates = set(tokens) | {"flood", "mobil", "happi", "hop", "the", "gate", "floods.g"}
        for stem in sorted(candidates):
            lead = stem_lead(stem)
            if not lead:
                continue
            held = analysis.holds_stem(folded, stem, lead_finder(lead))
            found = lead in folded and held
            if held is None:
                continue  # a compound's part: the matcher asks the token set
            assert found == (stem in tokens) or (
                not found and unjoined(folded).count(lead) != folded.count(lead)
            ), (stem, text[:60])
