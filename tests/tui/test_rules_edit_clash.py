"""Editing a rule under another rule's name: refused inside the form, the edits kept."""

from __future__ import annotations

from newsdesk.config import Settings
from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.rule_form import RuleDialog
from newsdesk.tui.screens.rules import RulesScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, record_notifications, settle

QUIET = Settings(fetch_in_background=False)


async def test_a_name_clash_stays_in_the_form_with_the_edits(
    make_app: AppFactory, seeded: Paths
) -> None:
    with Desk(seeded) as desk:
        desk.add_rule("volc", "volcano", ["star"])
        desk.add_rule("extra", "harbour", ["+port"])
    app = make_app(settings=QUIET)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("j", "e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RuleDialog)
        query = dialog.query_one("#rule-query")
        query.value = "harbour OR port"  # type: ignore[attr-defined]
        await pilot.press("shift+tab")
        name = dialog.query_one("#rule-name")
        name.value = "volc"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        error = dialog.error
        assert app.screen is dialog, "the form closed on a name clash"
        assert "a rule named 'volc' exists already" in error
        assert query.value == "harbour OR port"  # type: ignore[attr-defined]
        assert not any("exists already" in s for s in seen)
        # Its own name again is no clash: the edit is kept.
        name.value = "extra"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RulesScreen)
        assert [(r.name, r.query) for r in screen.rules] == [
            ("volc", "volcano"),
            ("extra", "harbour OR port"),
        ]
        # A new name no rule has is kept too (a rename).
        await pilot.press("e")
        await settle(pilot)
        renamed = app.screen
        assert isinstance(renamed, RuleDialog)
        await pilot.press("shift+tab")
        renamed.query_one("#rule-name").value = "harbours"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RulesScreen)
        assert [r.name for r in screen.rules] == ["volc", "harbours"]
