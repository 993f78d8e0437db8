"""SVG snapshots of the main screen (wide and narrow), the help screen and the tag dialog.

Deterministic: fixed data with fixed dates, a fixed "now", no cursor blink.
Update after a deliberate visual change with `pytest tests/tui --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.widgets import Input

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle

SNAP_SIZE = (120, 36)


def steady(*keys: str) -> Callable[[Any], Awaitable[None]]:
    """Settle, press `keys` (settling after each: a key's work, such as the detail pane
    loading the article under the cursor, must land before the next key, or a loaded machine
    draws a different frame), then stop every cursor from blinking."""

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return run_before


def tagged(seeded: Paths) -> None:
    with Desk(seeded) as desk:
        ids = desk.inbox_ids()
        desk.tag(ids[2:4], add=["follow-up"])
        desk.tag(ids[3:4], add=["urgent"])
        desk.mark_read(ids[5:8])
        desk.mark_exported(ids[6:7])


def test_main_screen(snap_compare: Any, make_app: AppFactory, seeded: Paths) -> None:
    tagged(seeded)
    app = make_app()
    assert snap_compare(app, terminal_size=SNAP_SIZE, run_before=steady("s", "j", "x", "j", "j"))


def test_main_screen_narrow_with_search(
    snap_compare: Any, make_app: AppFactory, seeded: Paths
) -> None:
    tagged(seeded)
    app = make_app()
    keys = ("slash", *"strike", "enter")
    assert snap_compare(app, terminal_size=(80, 24), run_before=steady(*keys))


def test_help_screen(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=SNAP_SIZE, run_before=steady("question_mark"))


def test_tag_dialog(snap_compare: Any, make_app: AppFactory, seeded: Paths) -> None:
    tagged(seeded)
    app = make_app()
    keys = ("j", "j", "j", "t", "minus", "u", "r")
    assert snap_compare(app, terminal_size=SNAP_SIZE, run_before=steady(*keys))


def test_version_diff_narrow(snap_compare: Any, make_app: AppFactory, paths: Paths) -> None:
    from tests.tui.test_version_diff import two_versions

    first, _ = two_versions(paths)
    app = make_app(paths)

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        screen = pilot.app.screen
        screen.inbox.cursor = screen.inbox.ids.index(first)
        await steady("D")(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_reading_wide_160x48(snap_compare: Any, make_app: AppFactory, seeded: Paths) -> None:
    """Reading an article as a pager: the detail pane focused, the status line says where."""
    tagged(seeded)
    app = make_app()
    assert snap_compare(app, terminal_size=(160, 48), run_before=steady("j", "enter", "j"))


def test_main_screen_80x24(snap_compare: Any, make_app: AppFactory, seeded: Paths) -> None:
    """At 80x24 the footer still shows ? Help and q Quit; the counters are never cut."""
    tagged(seeded)
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=steady("l", "asterisk"))
