"""Items that share one name of several words ("Port Merrow", "San Aldric", a person's
full name) and nothing else are separate stories, short or long (`score.name_alone`);
two reports of one event in such a town are still one."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.stories.pair_guards import one_name

Item = tuple[str, str, str, str]  # headline, outlet, published, body

OUTLETS = ("Valley Post", "Inland Wire", "Morning Courier")


def _three(place: str, matters: list[tuple[str, str]], day: str) -> list[Item]:
    """Three items of three outlets on three matters of one place, an hour or two apart."""
    return [
        (title.format(p=place), outlet, f"{day}T{8 + 2 * n:02d}:00:00Z", body.format(p=place))
        for n, ((title, body), outlet) in enumerate(zip(matters, OUTLETS, strict=True))
    ]


SHORT = [
    *_three(
        "Port Merrow",
        [
            (
                "{p} school gets a new roof",
                "{p} primary school has a new roof, paid for by an appeal that raised the "
                "money from parents and shops in six weeks.",
            ),
            (
                "Marathon draws a record field",
                "The {p} marathon drew a record field of runners on Sunday despite the cold "
                "and heavy rain along the seafront.",
            ),
            (
                "{p} ferry timetable changes",
                "The {p} ferry will sail an hour earlier from Monday, the operator said, after "
                "commuters complained about late arrivals.",
            ),
        ],
        "2026-12-07",
    ),
    *_three(
        "San Aldric",
        [
            (
                "Tram drivers walk out in {p}",
                "Tram drivers walked out over rosters at dawn, their union said, warning of "
                "more disruption before the holidays.",
            ),
            (
                "Hospital opens a cancer wing",
                "The regional hospital in {p} opened a cancer wing on Monday after years of "
                "fundraising by local families and doctors.",
            ),
            (
                "{p} library extends its hours",
                "The {p} library will stay open until nine in the evening from next week after "
                "a petition by students and parents.",
            ),
        ],
        "2026-12-08",
    ),
    *_three(
        "Hollin-on-Sea",
        [
            (
                "Choir from {p} wins regional contest",
                "The community choir of {p} won the regional contest on Saturday with a "
                "programme of sea shanties and carols.",
            ),
            (
                "Bakery in {p} wins bread award",
                "A small bakery in {p} won the national bread award for its rye loaf, beating "
                "two hundred entries, judges said.",
            ),
            (
                "Swimmers brave the icy sea",
                "More than a hundred swimmers braved the icy sea at {p} on Sunday morning to "
                "raise money for the lifeboat station.",
            ),
        ],
        "2026-12-09",
    ),
    *_three(
        "New Carrick",
        [
            (
                "Snow closes the pass above {p}",
                "Heavy snow closed the mountain pass above {p} overnight and police told "
                "drivers to avoid the road until the ploughs arrive.",
            ),
            (
                "{p} court jails tobacco smuggler",
                "A court in {p} jailed a tobacco smuggler on Tuesday after customs officers "
                "found two tonnes hidden in a lorry.",
            ),
            (
                "Museum in {p} buys a medieval map",
                "The museum in {p} bought a medieval map of the county at auction and will put "
                "it on show in the spring.",
            ),
        ],
        "2026-12-10",
    ),
]

#: Two reports of one event in one of those towns: one story, whatever the town's
#: unrelated items say.
PIER = [
    (
        "San Aldric votes to close its pier",
        "Harbour Gazette",
        "2026-12-08T13:00:00Z",
        "San Aldric councillors voted on Monday to close the pier for repairs until the summer.",
    ),
    (
        "Pier in San Aldric to close until summer",
        "Fenland Weekly",
        "2026-12-08T15:00:00Z",
        "The pier in San Aldric will close for repairs until the summer after a council vote "
        "on Monday.",
    ),
]

LONG = _three(
    "Port Merrow",
    [
        (
            "{p} school gets a new roof",
            "{p} primary school received a new roof paid for by a local appeal that raised "
            "the money in six weeks from parents and shops, the head teacher said, after years "
            "of leaks that closed two classrooms every winter.\n\nPupils moved back into the "
            "upper floor on Monday. The builders, a family firm, worked through the half-term "
            "holiday and waived part of their fee, and the parents' association plans a "
            "concert to thank them before the holidays.",
        ),
        (
            "Marathon draws a record field",
            "The {p} marathon drew a record field of runners on Sunday despite the cold "
            "weather and heavy rain along the coast, with the winner finishing in just over "
            "two hours and local clubs cheering at every mile.\n\nOrganisers said entries had "
            "doubled since the course was moved off the main road. Medics treated a handful of "
            "runners for cold, and volunteers handed out soup at the finish beside the old "
            "lifeboat station.",
        ),
        (
            "{p} ferry timetable changes",
            "The {p} ferry will leave an hour earlier from Monday, the operator said, after "
            "complaints from commuters about late arrivals in the capital and missed "
            "connections with the morning trains to the north.\n\nThe last sailing of the "
            "evening is unchanged. Season tickets bought before the change will be honoured, "
            "and the operator promised a review in the spring once it has counted the "
            "passengers on the new early crossing.",
        ),
    ],
    "2026-12-07",
)

#: A person and a company, each named in full once, in unrelated items.
NAMED = [
    *_three(
        "Mayor Ilse Varn",
        [
            (
                "Pool reopens after repairs",
                "The town pool reopened on Sunday after six weeks of repairs to its roof, "
                "{p} said.",
            ),
            (
                "Bus drivers accept pay offer",
                "Bus drivers accepted a pay offer on Monday after a month of talks, ending "
                "the threat of a strike, {p} said.",
            ),
            (
                "Council buys land for allotments",
                "The council bought a field by the river for new allotments, {p} announced, "
                "and plots will be let from March.",
            ),
        ],
        "2026-12-07",
    ),
    *_three(
        "Brennock Saltworks",
        [
            (
                "{p} sells its ferry arm",
                "{p} sold its ferry arm to a Danish operator on Tuesday, ending forty years "
                "on the island routes.",
            ),
            (
                "Charity run raises money for hospice",
                "A charity run sponsored by {p} raised money for the children's hospice on "
                "Sunday, organisers said.",
            ),
            (
                "Warehouse fire closes ring road",
                "A fire at a {p} warehouse closed the ring road overnight; nobody was hurt, "
                "firefighters said.",
            ),
        ],
        "2026-12-09",
    ),
]


def _import(desk: Desk, path: Path, items: list[Item]) -> None:
    lines = [
        json.dumps(
            {"title": t, "source": s, "published": p, "url": f"https://x.test/{n}", "body": b}
        )
        for n, (t, s, p, b) in enumerate(items)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert desk.import_paths([path]).imported == len(items)


def _stories(desk: Desk) -> list[set[str]]:
    """The stories of two or more, each as its members' headlines."""
    stories = desk.story_map()
    titles = {a.id: a.meta.title for a in desk.get_many(list(stories))}
    by_story: dict[str, set[str]] = {}
    for article, story in stories.items():
        by_story.setdefault(story, set()).add(titles[article])
    return list(by_story.values())


def test_short_items_sharing_only_a_place_of_several_words_stay_apart(
    desk: Desk, tmp_path: Path
) -> None:
    """ "Port X", "San X", "X-on-Y" and "New X": three one-line items of three outlets in
    each town, on three matters. Before, the first three towns' items were one story
    each: a name's two words counted as two names in common."""
    _import(desk, tmp_path / "towns.jsonl", SHORT + PIER)
    assert _stories(desk) == [{title for title, *_ in PIER}]


def test_long_items_sharing_only_a_place_stay_apart(desk: Desk, tmp_path: Path) -> None:
    _import(desk, tmp_path / "long.jsonl", LONG)
    assert _stories(desk) == []


def test_a_person_or_a_company_alone_is_no_story(desk: Desk, tmp_path: Path) -> None:
    _import(desk, tmp_path / "named.jsonl", NAMED)
    assert _stories(desk) == []


def test_one_name_is_words_mentioned_alike_in_each_text() -> None:
    port, merrow, hamas = 1, 2, 3
    # "Port Merrow" twice in one text, once in the other: one name.
    assert one_name({port: 2, merrow: 2, 9: 1}, {port: 1, merrow: 1}, {port, merrow})
    # Two names of one event, each mentioned its own number of times: two.
    assert not one_name({merrow: 3, hamas: 1}, {merrow: 2, hamas: 2}, {merrow, hamas})
    assert not one_name({port: 1}, {merrow: 1}, set())
