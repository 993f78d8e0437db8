"""The store's `StoryTables` contract, through the `StoreBackend` interface only.

Written against the Protocol so another backend can run the same checks:
add it to the `backend` fixture's params.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.store import StoreBackend, StoryTables, open_store
from newsdesk.stories.grouping import StoryGrouper
from newsdesk.stories.signature import compute
from tests.pg_support import pg_schema

HOUR = 3600.0
T0 = 1_780_000_000.0
SIG_A = compute(
    Extracted(
        title="Ferry service to Varnholm suspended after engine fire",
        body="The morning ferry to Varnholm was pulled from service on Tuesday after a "
        "small engine fire, the operator Brisk Lines said. All 84 passengers left safely.",
    )
)
SIG_B = compute(
    Extracted(
        title="Library in Oskarby opens a night reading room",
        body="The town library of Oskarby will keep one room open until midnight from "
        "March, the council decided on Monday after a petition signed by 1,200 residents.",
    )
)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreBackend]:
    if request.param == "postgresql":
        with pg_schema() as url:
            shared = open_store(tmp_path / "unused.sqlite3", url=url)
            yield shared
            shared.close()
        return
    store = open_store(tmp_path / "db.sqlite3")
    yield store
    store.close()


def test_members_sizes_and_removal(backend: StoreBackend) -> None:
    with backend.transaction() as tx:
        tables: StoryTables = backend.story_tables(tx)
        tables.add_member("a1", "s-a1", SIG_A, SIG_A.band_keys(), T0 + HOUR)
        tables.grow("s-a1", T0 + HOUR)
        tables.add_member("a0", "s-a1", SIG_A, SIG_A.band_keys(), T0)
        tables.grow("s-a1", T0)
        tables.add_member("a2", "s-a1", SIG_A, SIG_A.band_keys(), None)
        tables.grow("s-a1", None)
    with backend.transaction() as tx:
        tables = backend.story_tables(tx)
        assert tables.story_of("a1") == "s-a1"
        assert tables.story_of("nope") is None
        # Oldest first, unknown dates last.
        assert tables.members("s-a1") == ["a0", "a1", "a2"]
        assert tables.sizes(["a0", "x"]) == {"a0": 3, "x": 1}
        tables.forget_member("a2")
        tables.shrink("s-a1")
        assert tables.members("s-a1") == ["a0", "a1"]
        assert tables.sizes(["a1"]) == {"a1": 2}
        for aid in ("a0", "a1"):
            tables.forget_member(aid)
            tables.shrink("s-a1")
        assert tables.members("s-a1") == []
        assert tables.sizes(["a0"]) == {"a0": 1}
        tables.forget_member("never-there")  # no error


def test_candidates_by_key_window_and_shared_keys(backend: StoreBackend) -> None:
    window = 24 * HOUR
    with backend.transaction() as tx:
        tables = backend.story_tables(tx)
        tables.add_member("near", "s-near", SIG_A, SIG_A.band_keys(), T0)
        tables.add_member("far", "s-far", SIG_A, SIG_A.band_keys(), T0 - 10 * window)
        tables.add_member("undated", "s-undated", SIG_A, SIG_A.band_keys(), None)
        tables.add_member("other", "s-other", SIG_B, SIG_B.band_keys(), T0)
        found = tables.candidates(SIG_A.band_keys(), T0 + HOUR, window, 200, 32)
        stories = {c.story_id for c in found}
        assert stories == {"s-near", "s-undated"}
        near = next(c for c in found if c.story_id == "s-near")
        assert (
            near.signature.to_row() == SIG_A.to_row()
            and near.ts == T0
            and near.article_id == "near"
        )
        # An undated article looks at every date.
        undated = {c.story_id for c in tables.candidates(SIG_A.band_keys(), None, window, 200, 32)}
        assert undated == {"s-near", "s-far", "s-undated"}
        assert len(tables.candidates(SIG_A.band_keys(), None, window, 200, 2)) == 2
        assert tables.candidates([], T0, window, 200, 32) == []
        # A rare-word key counts only where few members hold it within the window.
        rare = SIG_A.rare_word_keys()[:1]
        assert rare and not set(rare) & set(SIG_B.band_keys())
        only_rare = {c.story_id for c in tables.candidates([], T0, window, 200, 32, rare, 2)}
        assert only_rare == {"s-near", "s-undated"}
        assert tables.candidates([], T0, window, 200, 32, rare, 1) == []
        assert len(tables.candidates([], None, window, 200, 32, rare, 3)) == 3
        assert tables.candidates([], None, window, 200, 32, rare, 2) == []
        # Forgetting a member drops its band keys too.
        tables.forget_member("near")
        left = {c.story_id for c in tables.candidates(SIG_A.band_keys(), T0, window, 200, 32)}
        assert left == {"s-undated"}


def test_the_grouper_works_on_the_store_interface(backend: StoreBackend) -> None:
    meta = Extracted(title="Ferry service to Varnholm suspended after engine fire", body="x")
    with backend.transaction() as tx:
        grouper = StoryGrouper(backend.story_tables(tx))
        story = grouper.assign("a1", meta, T0, SIG_A)
        assert grouper.assign("a2", meta, T0 + HOUR, SIG_A) == story
        assert grouper.members(story) == ["a1", "a2"]
    with backend.transaction() as tx:
        assert StoryGrouper(backend.story_tables(tx)).sizes(["a1"]) == {"a1": 2}


def test_candidates_asked_ahead_answer_as_of_the_asking(backend: StoreBackend) -> None:
    """`candidates_later` answers what `candidates` would have when it was asked: a
    member written between the asking and the reading is not in the answer (the
    importer records an article and only then asks for the next one's candidates)."""
    window = 24 * HOUR
    with backend.transaction() as tx:
        tables = backend.story_tables(tx)
        tables.add_member("a1", "s-a1", SIG_A, SIG_A.band_keys(), T0)
        tables.grow("s-a1", T0)
        tables.add_member("b1", "s-b1", SIG_B, SIG_B.band_keys(), T0)
        tables.grow("s-b1", T0)
        asked = tables.candidates_later(SIG_A.band_keys(), T0, window, 200, 32)
        tables.add_member("a2", "s-a1", SIG_A, SIG_A.band_keys(), T0 + HOUR)
        tables.grow("s-a1", T0 + HOUR)
        answer = asked()
        assert [c.article_id for c in answer] == ["a1"]
        assert answer[0].signature.band_keys() == SIG_A.band_keys()
        now = tables.candidates(SIG_A.band_keys(), T0, window, 200, 32)
        assert sorted(c.article_id for c in now) == ["a1", "a2"]
        assert tables.candidates_later([], T0, window, 200, 32)() == []


def test_grouper_looking_ahead_decides_as_without(backend: StoreBackend) -> None:
    """The importer's look-ahead changes no decision: the same articles grouped
    with and without it land in the same stories."""
    texts = [
        ("Ferry service to Varnholm suspended after engine fire", SIG_A),
        ("Library in Oskarby opens a night reading room", SIG_B),
    ]
    placements: list[list[str]] = []
    for ahead in (False, True):
        with backend.transaction() as tx:
            tables = backend.story_tables(tx)
            tables.clear()
            grouper = StoryGrouper(tables)
            stories = []
            for n in range(6):
                _, sig = texts[n % 2]
                ts = T0 + n * HOUR
                if ahead:
                    grouper.look_ahead(sig, ts)
                assert grouper.copy_of(sig, ts) is not None or n < 2
                placement = grouper.decide(f"x{n}", sig, ts)
                grouper.record(f"x{n}", placement)
                stories.append(placement.story)
            placements.append(stories)
    assert placements[0] == placements[1]
    assert placements[0] == ["s-x0", "s-x1", "s-x0", "s-x1", "s-x0", "s-x1"]


def test_insert_later_writes_the_article_with_its_story(backend: StoreBackend) -> None:
    """An article written along with its placement is a member of its story; a
    duplicate of a stored one (same URL) adds an origin and joins no story."""
    from newsdesk.store.protocol import Placement

    first = Extracted(title="Ferry to Varnholm suspended", body="Engine fire.", url="https://x/1")
    again = Extracted(title="Ferry to Varnholm halted", body="Engine fire!", url="https://x/1")
    placed = Placement("s-f1", T0, SIG_A, SIG_A.band_keys())
    with backend.transaction() as tx:
        made = backend.insert_later(tx, "f1", first, "a.txt", None, placed)
        dup = backend.insert_later(tx, "f2", again, "b.txt", None, placed._replace(story="s-f2"))
        assert made() == made() and made().created and made().article_id == "f1"
        assert not dup().created and dup().article_id == "f1"
        tables = backend.story_tables(tx)
        assert tables.story_of("f1") == "s-f1"
        assert tables.story_of("f2") is None
        assert tables.members("s-f1") == ["f1"] and tables.members("s-f2") == []
        assert tables.sizes(["f1"]) == {"f1": 1}
        found = tables.candidates(SIG_A.band_keys(), T0, 24 * HOUR, 200, 32)
        assert [c.article_id for c in found] == ["f1"]
    article = backend.get("f1")
    assert article is not None and article.story_id == "s-f1"
    assert backend.get("f2") is None


def test_story_signatures_of_several_stories_in_one_answer(backend: StoreBackend) -> None:
    """`story_signatures` reads several stories at once: each story's newest `limit`
    members, newest first, the stories in the order asked; none asked, none read."""
    with backend.transaction() as tx:
        tables = backend.story_tables(tx)
        for n, (article, story, sig) in enumerate(
            [("a1", "s-a1", SIG_A), ("b1", "s-b1", SIG_B), ("a2", "s-a1", SIG_A)]
        ):
            tables.add_member(article, story, sig, sig.band_keys(), T0 + n * HOUR)
            tables.grow(story, T0 + n * HOUR)
        found = tables.story_signatures(["s-b1", "s-a1"], 48)
        assert [(story, ts) for story, _, ts in found] == [
            ("s-b1", T0 + HOUR),
            ("s-a1", T0 + 2 * HOUR),
            ("s-a1", T0),
        ]
        assert found[0][1].title_set == SIG_B.title_set != SIG_A.title_set
        newest = tables.story_signatures(["s-a1", "s-b1"], 1)
        assert [(story, ts) for story, _, ts in newest] == [
            ("s-a1", T0 + 2 * HOUR),
            ("s-b1", T0 + HOUR),
        ]
        assert tables.story_signatures([], 48) == []
        candidates = tables.candidates(SIG_A.band_keys(), T0, 24 * HOUR, 200, 32)
        assert {c.story_size for c in candidates if c.story_id == "s-a1"} == {2}


def test_merge_moves_members_sizes_and_articles(backend: StoreBackend) -> None:
    """`merge`: the absorbed story's members, size and articles' story ids move to the
    other story, and the absorbed story is gone."""
    from newsdesk.store.protocol import Placement

    items = {
        aid: Extracted(title=f"Ferry report {aid}", body="Engine fire.", url=f"https://x/{aid}")
        for aid in ("f1", "f2", "f3")
    }
    with backend.transaction() as tx:
        for aid, story, ts in (("f1", "s-f1", T0), ("f2", "s-f2", T0 + HOUR)):
            placed = Placement(story, ts, SIG_A, SIG_A.band_keys())
            assert backend.insert_later(tx, aid, items[aid], "a.txt", None, placed)().created
        placed = Placement("s-f2", T0 + 2 * HOUR, SIG_A, SIG_A.band_keys(), ("s-f1",))
        assert backend.insert_later(tx, "f3", items["f3"], "a.txt", None, placed)().created
        tables = backend.story_tables(tx)
        tables.merge("s-f1", "s-f2")
        assert tables.members("s-f2") == ["f1", "f2", "f3"] and tables.members("s-f1") == []
        assert tables.sizes(["f1", "f3"]) == {"f1": 3, "f3": 3}
        found = tables.candidates(SIG_A.band_keys(), T0, 24 * HOUR, 200, 32)
        assert {c.story_id for c in found} == {"s-f2"}
    assert {a.story_id for a in (backend.get(i) for i in items) if a} == {"s-f2"}
    assert backend.story_map() == dict.fromkeys(items, "s-f2")
