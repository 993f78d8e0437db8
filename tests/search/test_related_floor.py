"""Related articles must be like the article, not share one common word with it.

On a small mixed desk a curling report's "related" were a cold snap, a cricket final
and a copper-mine ruling, each sharing a word such as "team" or "win": every article
that shares any word ranks somewhere. A related article must reach a share of the
article's likeness to itself (`search/related_floor.py`).
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from tests.tui.conftest import make_paths


def _article(title: str, body: str, places: list[str], day: int) -> Extracted:
    return Extracted(
        title=title,
        body=body,
        places=places,
        source="Fenwick Courier",
        published=f"2026-03-{day:02}T09:00:00+00:00",
    )


CURLING = _article(
    "Team Varga wins the Harlow Open curling final with a steal in the eighth end",
    "Skip Anna Varga and her team won the Harlow Open curling final on Sunday, stealing "
    "two in the eighth end against Team Okafor. Varga said the ice at Harlow Arena was "
    "fast all week. The curling team now leads the tour standings before the national "
    "championship in Brandon, where Okafor's team won last year.",
    ["Harlow", "Brandon"],
    2,
)
CURLING_LATER = _article(
    "Varga's curling team heads to Brandon as tour leaders after Harlow Open win",
    "A week after the Harlow Open, Anna Varga's curling team travelled to Brandon for the "
    "national championship. Varga said the team had rested after stealing the final in "
    "the eighth end at Harlow Arena, and expected Team Okafor again in the curling final.",
    ["Brandon", "Harlow"],
    9,
)
UNRELATED = [
    _article(
        "Cold snap closes schools across the northern valleys",
        "Schools in the northern valleys closed on Monday as the cold snap deepened. A road "
        "team cleared ice from the main pass overnight and the council said buses would "
        "run again when the temperature rose.",
        ["Northern Valleys"],
        3,
    ),
    _article(
        "Copper mine permit suspended after court win for farmers",
        "A regional court suspended the permit of the Teal Ridge copper mine on Tuesday, "
        "a win for farmers who said the mine would drain their wells. The company said "
        "its lawyers would appeal within a week.",
        ["Teal Ridge"],
        4,
    ),
    _article(
        "City council approves new bus lanes on the ring road",
        "The city council approved new bus lanes on the ring road by nine votes to four. "
        "Work starts in April and the transport team expects journeys to be four minutes "
        "shorter at peak hours, the council said.",
        ["Kelso"],
        5,
    ),
]


def test_related_keeps_the_like_article_and_drops_the_one_word_matches(tmp_path: Path) -> None:
    with Desk(make_paths(tmp_path)) as desk:
        ids = desk.add_extracted([CURLING, CURLING_LATER, *UNRELATED], "floor-fixture")
        desk.sync_index()
        curling, later, *others = ids
        related = desk.related(curling)
        assert later in related
        assert not set(related) & set(others), [desk.get(i).meta.title for i in related]  # type: ignore[union-attr]
        # An article with nothing like it on the desk has no related articles at all.
        assert desk.related(others[2]) == []
        # `related:` in a search keeps the same ones (it listed every one-word match).
        assert desk.search(f"related:{curling}").ids == [later]
        assert desk.search(f"related:{others[2]}").ids == []


TOPICS = (
    "ferry timetable",
    "orchard frost",
    "bridge repairs",
    "harbour dredging",
    "school meals",
    "tram extension",
    "museum roof",
    "river levels",
    "bus fares",
    "hospital parking",
    "market stalls",
    "cycle lanes",
    "street lights",
    "park benches",
    "water meters",
    "recycling bins",
    "sea wall",
    "pier lights",
    "swimming pool",
    "fire station",
    "post office",
    "town hall clock",
)


def test_words_most_of_the_desk_holds_liken_nothing(tmp_path: Path) -> None:
    """A short article's key words were "said" and its like, which nearly every report
    holds: its Related list was five unrelated reports."""
    desk_articles = [
        _article(
            f"Plans for new {topic}",
            (
                f"The council said on Monday that the {topic} plan would cost more than "
                f"expected. Officials said a decision on the {topic} was due next year."
                if n % 2
                else f"Work on the {topic} begins in spring and ends before the summer."
            ),
            ["Kelso"],
            1 + n % 27,
        )
        for n, topic in enumerate(TOPICS)
    ]
    short = _article(
        "Observatory extends its opening hours",
        "Officials said the council would fund the observatory next year, the council said.",
        ["Harlow"],
        28,
    )
    with Desk(make_paths(tmp_path)) as desk:
        *_, observatory = desk.add_extracted([*desk_articles, short], "floor-fixture")
        desk.sync_index()
        assert desk.related(observatory) == []
