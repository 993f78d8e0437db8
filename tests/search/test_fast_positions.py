"""The one-loop postings of the text fields are exactly Whoosh's generic ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import RegexTokenizer, StemFilter, StopFilter
from whoosh.formats import Positions

from newsdesk.ingest import load_file
from newsdesk.paths import sample_data_dir
from newsdesk.search.fast_positions import FastPositions
from newsdesk.search.schema import build_schema, fold_text, text_analyzer
from newsdesk.search.words import KeptText, NewsAnalyzer

ANALYZER = text_analyzer()


def both(text: str, analyzer: object = ANALYZER) -> tuple[list[Any], list[Any]]:
    fast = list(FastPositions(field_boost=1.5).word_values(text, analyzer, mode="index"))
    generic = list(Positions(field_boost=1.5).word_values(text, analyzer, mode="index"))
    return fast, generic


def test_the_schema_text_fields_use_it_and_the_chain_is_recognised() -> None:
    schema = build_schema()
    for name in ("title", "dek", "body"):
        assert isinstance(schema[name].format, FastPositions)
        assert type(schema[name].analyzer) is NewsAnalyzer


def test_edge_texts_give_the_generic_postings() -> None:
    for text in [
        "",
        "the and of",  # stop words only
        "the harbour board and the pier",  # a stop word first: positions renumbered
        "u.s. e.g. 3.5 x*y a.b.c harbour's",
        "ports porting ported port",  # one stem for several words
        "über café naïve straße ™ ½",
        "word " * 700,
        "AT&T won't; o'brien's cease-fire, covid-19 u.s.-led korea's m&a x-ray",
        "a-the of-in 's '' -- &&& it's the-",
    ]:
        fast, generic = both(text)
        assert fast == generic, text


def test_the_sample_queue_gives_the_generic_postings() -> None:
    folder = sample_data_dir()
    assert folder is not None
    texts = []
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            for item in load_file(path).items:
                texts += [fold_text(item.title), fold_text(item.body)]
    assert len(texts) > 50
    for text in texts:
        fast, generic = both(text)
        assert fast == generic
        assert fast  # every sample article has indexed words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc xyz.*'’&-_éü\n0123 the and s")), max_size=200))
def test_any_text_gives_the_generic_postings(text: str) -> None:
    fast, generic = both(text)
    assert fast == generic
    kept = KeptText(text, frozenset({"abc", "xyz", "a-b"}))
    fast, generic = both(kept)
    assert fast == generic


def test_another_chain_is_left_to_whoosh() -> None:
    # No renumbering and a minimum size: not the shipped chain, but still recognised.
    other = RegexTokenizer() | StopFilter(minsize=3, renumber=False) | StemFilter(ignore=["ports"])
    for text in ["a the ports of the harbour", "to be or not", "ports porting"]:
        fast, generic = both(text, other)
        assert fast == generic
