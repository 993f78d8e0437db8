"""Related articles in the detail pane, and the number keys that jump to them."""

from __future__ import annotations

from typing import Any

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from newsdesk.tui.screens.main import MainScreen
from tests.tui.conftest import ENTITIES, TOPICS, AppFactory
from tests.tui.helpers import SIZE, main_screen, search_for, settle


@pytest.fixture
def followed_up(seeded: Paths) -> Paths:
    """The seeded desk with a follow-up on each topic a week later: a story of its own
    that is like the first (related articles need real likeness, not shared furniture)."""
    followups = []
    for (title, word, body), (person, org, place) in zip(TOPICS, ENTITIES, strict=True):
        followups.append(
            Extracted(
                title=f"A week on: {title.lower()}",
                source="Westerly Times",
                published="2026-03-21T09:00:00+00:00",
                people=[person],
                organizations=[org],
                places=[place],
                body=f"{body} {person} of the {org} said a week later in {place} that the "
                f"{word} would be reviewed. {body}",
                language="en",
            )
        )
    with Desk(seeded) as desk:
        desk.add_extracted(followups, "follow-ups")
        desk.sync_index()
    return seeded


def story_of(screen: MainScreen, article_id: str) -> set[str]:
    article = screen.desk.get(article_id)
    assert article is not None and article.story_id
    return set(screen.desk.story_members(article.story_id))


async def cursor_on_related(pilot: Any, screen: MainScreen) -> None:
    """The cursor on the first row whose article has related articles in other stories."""
    for index in range(screen.inbox.row_count):
        screen.inbox.cursor = index
        await settle(pilot)
        if screen.detail.related_ids:
            return
    raise AssertionError("no row has related articles")


async def test_related_list_leaves_out_the_story_and_1_jumps(
    followed_up: Paths, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        # Find a row whose article has related articles in other stories.
        await cursor_on_related(pilot, screen)
        current = screen.inbox.current_id
        assert current is not None
        related = screen.detail.related_ids
        assert related and len(related) <= 5
        assert not set(related) & story_of(screen, current)
        stories = [frozenset(story_of(screen, r)) for r in related]
        assert len(set(stories)) == len(stories)  # one article per other story
        text = screen.detail.text.plain
        assert "\nRelated\n" in text
        first = app.desk.rows(related[:1])[0]
        assert f"  1  {first.title}" in text
        assert current in screen.detail.related_cache
        await pilot.press("1")
        await settle(pilot)
        assert screen.inbox.current_id == related[0]
        assert screen.detail.article_id == related[0]


async def test_related_jump_clears_a_search_that_hides_the_article(
    followed_up: Paths, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await search_for(pilot, "minerals -week")  # the follow-up is hidden
        await settle(pilot)
        assert screen.inbox.row_count == 2
        related = screen.detail.related_ids
        assert related
        target = related[0]
        assert target not in screen.inbox.ids
        await pilot.press("1")
        await settle(pilot)
        assert screen.query_text == ""
        assert screen.inbox.current_id == target
        await pilot.press("5" if len(screen.detail.related_ids) < 5 else "escape")
        await settle(pilot)
        assert screen.inbox.current_id == target


async def test_a_jump_to_an_archived_related_article_puts_the_cursor_on_it(
    followed_up: Paths, make_app: AppFactory
) -> None:
    """The detail pane showed it over another row, which the next `s` then starred."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await cursor_on_related(pilot, screen)
        target = screen.detail.related_ids[0]
        app.desk.archive([target])
        screen.refresh_results()
        await settle(pilot)
        assert target not in screen.inbox.ids
        await pilot.press("1", "s")
        await settle(pilot)
        assert screen.inbox.current_id == target
        assert screen.detail.article_id == target
        starred = [
            r.id for r in app.desk.rows(app.desk.search("in:all", limit=None).ids) if r.starred
        ]
        assert starred == [target]


async def test_a_jump_out_of_a_search_lands_on_an_article_past_the_first_screenful(
    make_app: AppFactory, monkeypatch: Any
) -> None:
    """A related jump out of a search clears it and keeps the cursor on the article; the
    inbox comes back a screenful first, and an article further down than that was never
    reached: the cursor stayed on the top row (which the next key would act on)."""
    from newsdesk.tui import search_runner

    monkeypatch.setattr(search_runner, "HEAD_ROWS", 1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        inbox = list(screen.inbox.ids)
        await search_for(pilot, "minerals")
        await settle(pilot)
        target = next(a for a in reversed(inbox) if a not in screen.inbox.ids)
        assert target != inbox[0]
        screen.set_query("", keep=target)  # what a related jump out of a search does
        await settle(pilot)
        assert screen.query_text == ""
        assert len(screen.inbox.ids) == len(inbox)
        assert screen.inbox.current_id == target
