"""British and American spellings: either finds both, in searches and rules alike.

An editor typing `organisation` missed every wire story spelling "organization",
`defence` missed "defense", `centre` "center": the stemmer took them for other words.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.search.engine import SearchEngine
from tests.search.conftest import found_by_rules, found_by_search, indexed

ARTICLES = {
    "us": Extracted(
        title="Aid organization moves its center",
        body=(
            "The organization said its defense of the program was a judgment call; "
            "the color of the new theater, the labor of its neighbors and the pediatric "
            "ward were analyzed. He traveled with a license and an aluminum catalog."
        ),
    ),
    "uk": Extracted(
        title="Aid organisation moves its centre",
        body=(
            "The organisation said its defence of the programme was a judgement call; "
            "the colour of the new theatre, the labour of its neighbours and the "
            "paediatric ward were analysed. He travelled with a licence and an "
            "aluminium catalogue."
        ),
    ),
    "false": Extracted(
        title="Four hours on tour",
        body=(
            "Your flour will sour, said a mediocre ogre in the genre; an acre of "
            "fence, hence the science. The prize was a surprise; they promise to "
            "advise. A massacre in Notre Dame."
        ),
    ),
    "other": Extracted(
        title="Hour by hour",
        body="For four days the tourists poured in; the contour of the hill.",
    ),
}

BOTH = {"us", "uk"}

#: Query -> the articles it finds.
QUERIES: dict[str, set[str]] = {
    "organisation": BOTH,
    "organization": BOTH,
    "organise": BOTH,
    "defence": BOTH,
    "defense": BOTH,
    "colour": BOTH,
    "color": BOTH,
    "centre": BOTH,
    "center": BOTH,
    "title:centre": BOTH,
    "title:organization": BOTH,
    "theatre": BOTH,
    "analyse": BOTH,
    "analyzed": BOTH,
    "licence": BOTH,
    "license": BOTH,
    "programme": BOTH,
    "program": BOTH,
    "aluminium": BOTH,
    "aluminum": BOTH,
    "labour": BOTH,
    "paediatric": BOTH,
    "pediatric": BOTH,
    "judgement": BOTH,
    "catalogue": BOTH,
    "catalog": BOTH,
    "neighbour": BOTH,
    '"organisation said"': BOTH,
    '"defense of the program"': BOTH,
    '"paediatric ward"': BOTH,
    "organis*": BOTH,
    "colour*": BOTH,
    "paediat*": BOTH,
    "neighbour*": BOTH,
    "centr*": BOTH,
}

#: Words that only look like a spelling variant -> the articles they find.
LOOK_ALIKES: dict[str, set[str]] = {
    "four": {"false", "other"},
    "hour": {"false", "other"},
    "tour": {"false"},
    "tor": set(),
    "flour": {"false"},
    "flor": set(),
    "sour": {"false"},
    "sor": set(),
    "mediocre": {"false"},
    "mediocer": set(),
    "ogre": {"false"},
    "oger": set(),
    "genre": {"false"},
    "acre": {"false"},
    "acer": set(),
    "fence": {"false"},
    "fense": set(),
    "hence": {"false"},
    "science": {"false"},
    "prize": {"false"},
    "prise": set(),
    "surprise": {"false"},
    "promise": {"false"},
    "advise": {"false"},
    "massacre": {"false"},
    "notre": {"false"},
    "noter": set(),
    "contour": {"other"},
    "contor": set(),
}


@pytest.fixture(scope="module")
def engine(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SearchEngine, dict[str, str]]]:
    with indexed(Path(tmp_path_factory.mktemp("spellings")), ARTICLES) as found:
        yield found


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_either_spelling_finds_both(
    engine: tuple[SearchEngine, dict[str, str]], query: str, expected: set[str]
) -> None:
    search, ids = engine
    assert found_by_search(search, ids, query) == expected


def test_a_look_alike_is_no_variant(engine: tuple[SearchEngine, dict[str, str]]) -> None:
    """ "four" is no "for", "acre" no "acer", "fence" no "fense", "notre" no "noter"."""
    from newsdesk.search.spelling_variants import american

    search, ids = engine
    found = {query: found_by_search(search, ids, query) for query in LOOK_ALIKES}
    assert found == LOOK_ALIKES
    assert {american(word) for word in LOOK_ALIKES} == set(LOOK_ALIKES)


def test_rules_on_arrival_agree(engine: tuple[SearchEngine, dict[str, str]]) -> None:
    search, ids = engine
    queries = QUERIES | LOOK_ALIKES
    assert found_by_rules(search, ids, queries) == queries


def test_a_name_keeps_its_spelling() -> None:
    """A person's name is indexed as written: "Colour" the surname is no "color"."""
    from newsdesk.search.words import name_units, positions_of

    kept = name_units(["Ann Colour"])
    assert "colour" in positions_of("ann colour spoke", kept)
    assert "color" in positions_of("the colour", frozenset())


def test_a_prefix_is_read_the_american_way() -> None:
    from newsdesk.search.words import prefix_form

    assert prefix_form("colour") == "color"
    assert prefix_form("colou") == "colo"
    assert prefix_form("paediat") == "pediat"
    assert prefix_form("haem") == "haem"  # "hem*" would find Hemingway
    assert prefix_form("organis") == "organis"  # reached by its endings; German "Organisation"


#: Every folded word of the real-world corpora, when they are there (../shared).
SHARED = Path(__file__).resolve().parents[3] / "shared"


@functools.cache
def _corpus_words() -> frozenset[str]:
    from newsdesk.search.schema import fold_text
    from newsdesk.search.words import UNITS

    texts: list[str] = []
    stories = SHARED / "realworld-stories" / "articles.jsonl"
    if stories.exists():
        for line in stories.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            texts += [article.get("title") or "", article.get("body") or ""]
    for folder in (SHARED / "realworld" / "text", *(SHARED / "realworld-peer").glob("*/text")):
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in folder.glob("*.txt")]
    return frozenset(w for text in texts for w in UNITS.findall(fold_text(text)))


def test_a_rules_lead_is_in_every_spelling_of_its_word() -> None:
    """The rules look for a word's lead in the text before splitting it (`stem_lead`):
    the lead of "pediatr" must start "paediatric" too, or a rule on arrival misses it."""
    from newsdesk.rules.tokens import stem_lead
    from newsdesk.search.spelling_variants import american
    from newsdesk.search.words import stem

    assert stem("paediatric") == stem("pediatric") == "pediatr"
    assert stem_lead("pediatr") == "p"

    words = {
        "paediatric",
        "paediatrician",
        "neighbourhood",
        "neighbourhoods",
        "favourite",
        "defenceless",
        "judgemental",
        "organisational",
        "centrepiece",
        "centred",
        "manoeuvring",
        "oesophageal",
        "haemorrhage",
        "artefacts",
        "enquiries",
        "aeroplanes",
    } | _corpus_words()
    # A word written as the index reads it starts with its lead already (Porter2 keeps
    # all but two letters of it, and a lead is only ever cut shorter).
    rewritten = [w for w in words if american(w) != w]
    missed = [w for w in rewritten if not w.startswith(stem_lead(stem(w)))]
    assert missed == []


@pytest.mark.skipif(not (SHARED / "realworld").exists(), reason="no real-world corpora")
def test_no_false_merge_over_the_real_world_corpora() -> None:
    """Each word the rules rewrite is the same word spelled the American way; these
    look like one and are not."""
    from newsdesk.search.spelling_variants import american

    words = _corpus_words()
    rewritten = {w: american(w) for w in words if american(w) != w}
    assert len(rewritten) > 150
    for word in (
        "four",
        "hour",
        "tour",
        "tourist",
        "your",
        "flour",
        "pour",
        "sour",
        "contour",
        "detour",
        "acre",
        "genre",
        "massacre",
        "notre",
        "libre",
        "septembre",
        "fence",
        "science",
        "promise",
        "compromise",
        "uncompromising",
        "advise",
        "surprise",
        "expertise",
        "enterprise",
        "reise",
        "preise",
        "krise",
        "denise",
        "louise",
        "paris",
        "trellises",
        "analise",
        "autorisation",
        "barbour",
        "seymour",
        "israel",
        "michael",
        "boeing",
        "oesterreich",
    ):
        assert word not in rewritten, (word, rewritten.get(word))
