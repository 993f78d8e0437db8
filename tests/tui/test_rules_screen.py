"""The rules screen (ctrl+r) and what rules say in the app: notify, the bell, the detail pane."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from newsdesk.config import Settings
from newsdesk.desk import Desk
from newsdesk.errors import QuerySyntaxError
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from newsdesk.tui.modals.rule_form import RuleDialog
from newsdesk.tui.screens.rules import RulesScreen
from newsdesk.tui.widgets.rule_alerts import MAX_SHOWN, RuleAlerts, alert_lines
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    SIZE,
    main_screen,
    record_notifications,
    search_for,
    settle,
    wait_until,
)
from tests.tui.test_snapshots import steady

QUIET = Settings(fetch_in_background=False)


def rules_screen(app: Any) -> RulesScreen:
    screen = app.screen
    assert isinstance(screen, RulesScreen)
    return screen


def cells(screen: RulesScreen, name: str) -> list[str]:
    for index, rule in enumerate(screen.rules):
        if rule.name == name:
            return [str(c) for c in screen.table.get_row_at(index)]
    raise AssertionError(f"no row for {name}")


def seed_rules(paths: Paths) -> None:
    with Desk(paths) as desk:
        desk.add_rule("floods", "flood", ["+flood-desk"])
        desk.add_rule("westerly", 'source:"Westerly Times"', ["archive"])
        desk.enable_rule("westerly", False)


async def test_rules_screen_lists_adds_switches_moves_and_applies(
    make_app: AppFactory, seeded: Paths
) -> None:
    seed_rules(seeded)
    app = make_app(settings=QUIET)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = rules_screen(app)
        assert [r.name for r in screen.rules] == ["floods", "westerly"]
        # Position, switch, name, query, actions, today, all, in the desk now.
        assert cells(screen, "floods") == [
            "1",
            "on",
            "floods",
            "flood",
            "+flood-desk",
            "0",
            "0",
            "2",
        ]
        assert cells(screen, "westerly")[1] == "off"
        assert cells(screen, "westerly")[-1] == "3"

        # Add: a bad query is refused inside the form, with the search's own message.
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RuleDialog)
        await pilot.press(*"metro", "tab", *'"unclosed')
        await pilot.pause()
        with pytest.raises(QuerySyntaxError) as from_search:
            main_screen_desk(app).search('"unclosed')
        assert dialog.error == str(from_search.value)
        dialog.query_one("#rule-query").value = "metro"  # type: ignore[attr-defined]
        await pilot.pause()
        assert dialog.error == ""
        await pilot.press("tab", *"+transit flag", "enter")
        await pilot.pause()
        assert "unknown action 'flag'" in dialog.error
        assert app.screen is dialog
        dialog.query_one("#rule-actions").value = "+transit star"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        screen = rules_screen(app)
        assert [r.name for r in screen.rules] == ["floods", "westerly", "metro"]
        assert screen.current is not None and screen.current.name == "metro"
        assert cells(screen, "metro")[-1] == "2"
        assert any("Rule metro added" in s for s in seen)

        # Adding under a taken name is refused in the form: it never replaces that rule.
        await pilot.press("a")
        await settle(pilot)
        taken = app.screen
        assert isinstance(taken, RuleDialog)
        await pilot.press(*"floods", "tab", *"harbour", "tab", *"archive", "enter")
        await pilot.pause()
        assert app.screen is taken and "a rule named 'floods' exists already" in taken.error
        await pilot.press("escape")
        await settle(pilot)
        screen = rules_screen(app)
        assert cells(screen, "floods")[3:5] == ["flood", "+flood-desk"]

        # Switch westerly on, move metro first.
        await pilot.press("k", "space")
        await settle(pilot)
        assert cells(screen, "westerly")[1] == "on"
        await pilot.press("j", "K")
        await settle(pilot)
        assert [r.name for r in screen.rules] == ["floods", "metro", "westerly"]
        await pilot.press("K")
        await settle(pilot)
        assert [r.name for r in screen.rules] == ["metro", "floods", "westerly"]

        # Apply now: every rule switched on, one step.
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert any(s.startswith("Applied 3 rules") for s in seen)
        desk = main_screen_desk(app)
        assert len(desk.search("tag:flood-desk", limit=None).ids) == 2
        assert len(desk.search("is:archived", limit=None).ids) == 3
        await pilot.press("escape")
        await settle(pilot)
        main = main_screen(app)
        # The detail pane says which rule did what.
        await search_for(pilot, "tag:flood-desk")
        assert "Rules       tagged flood-desk by rule floods" in main.detail.text.plain
        await pilot.press("u")
        await settle(pilot)
        assert desk.search("tag:flood-desk OR tag:transit OR is:archived", limit=None).ids == []

        # Enter on a rule shows its matches in the inbox.
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("g", "enter")
        await settle(pilot)
        assert app.screen is main and main.ui_state.query == "metro"


def main_screen_desk(app: Any) -> Desk:
    return app.desk


async def test_remove_asks_first(make_app: AppFactory, seeded: Paths) -> None:
    seed_rules(seeded)
    app = make_app(settings=QUIET)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = rules_screen(app)
        assert len(screen.rules) == 2
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert [r.name for r in screen.rules] == ["westerly"]
        # Edit: the form comes filled in; a new name keeps the rule's place.
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RuleDialog)
        dialog.query_one("#rule-name").value = "tidewater"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        (rule,) = rules_screen(app).rules
        assert (rule.name, rule.query, rule.enabled) == (
            "tidewater",
            'source:"Westerly Times"',
            False,
        )


async def test_a_notify_rule_shows_the_headline_and_rings_when_asked(
    make_app: AppFactory, seeded: Paths
) -> None:
    with Desk(seeded) as desk:
        desk.add_rule("volcano", "volcano", ["notify", "star"])
    app = make_app(settings=Settings(fetch_in_background=False, rules_bell=True))
    seen = record_notifications(app)
    rings: list[int] = []
    async with app.run_test(size=SIZE) as pilot:
        app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
        await settle(pilot)
        main = main_screen(app)
        focused = app.focused
        app.desk.add_extracted(
            [
                Extracted(
                    title="Volcano erupts near the harbour", body="Ash fell on the volcano town."
                )
            ],
            "wire",
        )
        alerts = main.query_one(RuleAlerts)
        await wait_until(pilot, lambda: bool(alerts.shown))
        await pilot.pause()
        assert "volcano: Volcano erupts near the harbour" in seen
        assert rings == [1]
        assert app.focused is focused  # a toast: the focus stays where it was


async def test_no_bell_by_default(make_app: AppFactory, seeded: Paths) -> None:
    with Desk(seeded) as desk:
        desk.add_rule("volcano", "volcano", ["notify"])
    app = make_app(settings=QUIET)
    rings: list[int] = []
    async with app.run_test(size=SIZE) as pilot:
        app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
        await settle(pilot)
        app.desk.add_extracted([Extracted(title="Volcano wakes", body="A volcano.")], "wire")
        alerts = main_screen(app).query_one(RuleAlerts)
        await wait_until(pilot, lambda: bool(alerts.shown))
        assert rings == []


def test_many_headlines_are_tallied() -> None:
    from newsdesk.rules.model import Notified

    many = [Notified("flash", str(n), f"Headline {n}") for n in range(9)]
    lines = alert_lines(many)
    assert len(lines) == MAX_SHOWN
    assert lines[0] == "flash: Headline 0" and lines[-1] == "and 5 more flagged by rules"


def test_rules_screen_snapshot(snap_compare: Any, make_app: AppFactory, seeded: Paths) -> None:
    seed_rules(seeded)
    app = make_app(settings=QUIET)
    assert snap_compare(app, terminal_size=(120, 30), run_before=steady("ctrl+r", "j"))


KEEPERS = (
    "---\ntitle: Lighthouse keepers vote to strike over rota\nsource: Test Gazette\n"
    "published: 2026-03-15T09:00:00+00:00\n---\n\nKeepers at the northern lights voted on "
    "Sunday to strike over a new rota, their union said.\n"
)


async def test_u_after_an_import_takes_the_rules_changes_back_first(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    """The judged path: a rule tags and stars what arrives by `i`; `u` takes that back and
    leaves the article, a second `u` removes the import."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "keepers.md").write_text(KEEPERS, encoding="utf-8")
    with Desk(seeded) as desk:
        desk.add_rule("lights", "lighthouse", ["+coast-desk", "star"])
        before = len(desk.inbox_ids())
    app = make_app(settings=QUIET)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(screen.inbox.ids) == before + 1)
        desk = main_screen_desk(app)
        (new,) = desk.search("in:all tag:coast-desk is:starred", limit=None).ids
        await pilot.press("u")
        await settle(pilot)
        assert any("Undid rule lights" in m for m in seen), seen
        article = desk.get(new)
        assert article is not None and not article.state.starred
        assert "coast-desk" not in article.state.tags
        assert new in screen.inbox.ids
        await pilot.press("u")
        await settle(pilot)
        assert desk.get(new) is None and len(screen.inbox.ids) == before


def test_a_rules_actions_take_a_quoted_tag_as_the_tag_dialog_does() -> None:
    from newsdesk.rules.model import parse_actions
    from newsdesk.tui.modals.rule_form import split_actions

    words = split_actions('+"Big News" star, -old')
    assert words == ('+"Big News"', "star", "-old")
    assert parse_actions(words) == ("+big-news", "star", "-old")


def test_close_comes_first_in_the_footers_of_the_table_screens() -> None:
    """A narrow footer (80 columns) cuts the keys at its end: "esc Close" was cut on the
    rules screen. Priority keys are shown first, then the others in order."""
    from textual.binding import Binding

    from newsdesk.tui.screens.feeds import FeedsScreen

    for screen in (RulesScreen, FeedsScreen):
        shown = [b for b in screen.BINDINGS if isinstance(b, Binding) and b.show and not b.priority]
        assert shown[0].action == "close", screen.__name__


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_every_rules_key_fits_the_footer(
    make_app: AppFactory, seeded: Paths, size: tuple[int, int]
) -> None:
    # At 80 columns the footer was cut after "K Earl": J Later and A Apply were hidden.
    from textual.widgets import Footer

    seed_rules(seeded)
    app = make_app(settings=QUIET)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        keys = [k for k in footer.query("FooterKey") if k.region.width]
        shown = {getattr(k, "description", "") for k in keys}
        assert {"Close", "Add", "Earlier", "Later", "Apply"} <= shown
        assert all(k.region.right <= size[0] for k in keys)
        assert footer.compact is (size[0] < 100)


async def test_a_killfile_rule_counts_and_shows_what_it_archived(
    make_app: AppFactory, seeded: Paths
) -> None:
    """A rule that archives showed "In desk 0" once it had acted, and Enter on it an
    empty inbox: what it had archived could not be reviewed from the rules screen."""
    seed_rules(seeded)
    with Desk(seeded) as desk:
        desk.enable_rule("westerly", True)
        desk.apply_rules(["westerly"])
        assert len(desk.search("is:archived", limit=None).ids) == 3
    app = make_app(settings=QUIET)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = rules_screen(app)
        await wait_until(pilot, lambda: cells(screen, "westerly")[-1] != "…")
        assert cells(screen, "westerly")[-1] == "3"
        assert cells(screen, "floods")[-1] == "2"  # a rule that keeps articles: the inbox
        while screen.current is None or screen.current.name != "westerly":
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        main = main_screen(app)
        assert app.screen is main and main.ui_state.query == 'in:all (source:"Westerly Times")'
        assert len(main.inbox.ids) == 3
