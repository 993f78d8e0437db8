"""Keys are data: help and palette come from the table; keys.toml remaps by id."""

from __future__ import annotations

from pathlib import Path

from newsdesk.config import load_settings
from newsdesk.paths import Paths
from newsdesk.tui.keymap import KEY_TABLE, keys_markdown, validate_keymap
from newsdesk.tui.screens.help import HelpScreen
from newsdesk.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until


def test_every_binding_has_id_and_description() -> None:
    ids = [spec.id for spec in KEY_TABLE]
    assert len(ids) == len(set(ids))
    for binding in MainScreen.BINDINGS:
        assert binding.id and binding.description  # type: ignore[union-attr]


def test_every_action_exists_on_the_screen() -> None:
    for spec in KEY_TABLE:
        if spec.action.startswith("app."):
            continue
        name = spec.action.partition("(")[0]  # "jump_related(1)" takes a parameter
        assert hasattr(MainScreen, f"action_{name}"), spec.action


def test_keys_md_is_current() -> None:
    keys_md = Path(__file__).resolve().parents[2] / "newsdesk" / "tui" / "KEYS.md"
    assert keys_md.read_text(encoding="utf-8") == keys_markdown()


def test_search_box_ids_exist() -> None:
    from newsdesk.tui.keymap import SEARCH_BOX_IDS
    from newsdesk.tui.widgets.search_bar import SearchInput

    ids = {b.id for b in SearchInput.BINDINGS if hasattr(b, "id")}  # type: ignore[union-attr]
    assert ids == SEARCH_BOX_IDS


def test_validate_keymap_reports_unknown_ids_and_clashes() -> None:
    valid, errors = validate_keymap({"star": "s,f", "nope": "x"})
    assert valid == {"star": "s,f"}
    assert any("nope" in e for e in errors)
    valid, errors = validate_keymap({"star": "j"})
    assert valid == {} and any("both" in e for e in errors)
    # One clash drops the overrides in it, not the others of the file.
    valid, errors = validate_keymap({"star": "j", "archive": "A"})
    assert valid == {"archive": "A"}
    assert any("'j' is bound to both" in e and "override of 'star'" in e for e in errors)


def test_load_settings_bad_toml_keeps_defaults(paths: Paths) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.keys_file.write_text("[keys\nstar = ", encoding="utf-8")
    settings = load_settings(paths)
    assert settings.keys == {}
    assert settings.errors and "invalid TOML" in settings.errors[0]
    paths.keys_file.write_text('[keys]\nstar = 3\nread = ["r", "m"]\n', encoding="utf-8")
    settings = load_settings(paths)
    assert settings.keys == {"read": "r,m"}
    assert any("keys.star" in e for e in settings.errors)
    paths.keys_file.write_text('[keys]\nquit = ""\n', encoding="utf-8")
    settings = load_settings(paths)
    assert settings.keys == {}
    assert any("keys.quit is empty" in e for e in settings.errors)
    # A binding written above the table changed nothing, without a word.
    paths.keys_file.write_text('tag = "g"\n[keys]\nstar = "f"\n', encoding="utf-8")
    settings = load_settings(paths)
    assert settings.keys == {"star": "f"}
    assert settings.errors == ["keys.toml: tag is not inside the [keys] table; ignored"]


async def test_keys_toml_remaps_star(make_app: AppFactory, seeded: Paths) -> None:
    seeded.config_dir.mkdir(parents=True, exist_ok=True)
    seeded.keys_file.write_text('[keys]\nstar = "f"\nbogus = "y"\n', encoding="utf-8")
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.inbox.ids[0]
        await pilot.press("f")
        row = screen.inbox.row(first)
        assert row is not None and row.starred
        await pilot.press("s")  # no longer bound
        row = screen.inbox.row(first)
        assert row is not None and row.starred
        assert any("bogus" in m for m in seen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.overrides == {"star": "f"}
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_command_palette_lists_newsdesk_actions_first(make_app: AppFactory) -> None:
    from textual.command import CommandList, CommandPalette

    from newsdesk.tui.keymap import KEY_TABLE

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        options = app.screen.query_one(CommandList)
        ours = [spec.description for spec in KEY_TABLE if spec.palette]
        # Every provider has answered once Textual's own commands are listed too.
        await wait_until(
            pilot,
            lambda: any(
                "theme" in str(options.get_option_at_index(i).prompt).lower()
                for i in range(options.option_count)
            ),
        )
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert len(shown) > len(ours)  # Textual's built-ins are still offered, after ours
        for n, description in enumerate(ours):
            assert shown[n].startswith(description), (n, shown[n])
        assert any("theme" in text.lower() for text in shown[len(ours) :])
        # Typed, the same: newsdesk's Quit before Textual's.
        await pilot.press(*"quit")

        def both_quits() -> bool:
            texts = [
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
            quits = [t for t in texts if t.startswith("Quit")]
            return len(texts) < len(shown) and len(quits) >= 2  # ours and Textual's

        await wait_until(pilot, both_quits)
        first = str(options.get_option_at_index(0).prompt)
        assert first.startswith("Quit") and "(q)" in first, first


async def test_command_palette_runs_an_action(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.inbox.ids[0]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"star or unstar")

        def only_star() -> bool:
            # The palette searches in a task of its own: wait for its answer, not a clock.
            options = app.screen.query_one("CommandList")
            texts = [
                str(options.get_option_at_index(i).prompt).lower()  # type: ignore[attr-defined]
                for i in range(options.option_count)  # type: ignore[attr-defined]
            ]
            return bool(texts) and all("star" in text for text in texts)

        await wait_until(pilot, only_star)
        await pilot.press("enter")
        await settle(pilot)
        row = screen.inbox.row(first)
        assert row is not None and row.starred


def test_the_help_reads_in_a_narrow_terminal() -> None:
    from rich.console import Console

    from newsdesk.tui.keymap import KEY_TABLE
    from newsdesk.tui.screens.help import help_table

    console = Console(width=72, record=True)
    console.print(help_table({}))
    lines = console.export_text().splitlines()
    # Short descriptions keep a line of their own beside their keys, in every group
    # (a long group title squeezed them to a few letters a line at 80 columns).
    for spec in KEY_TABLE:
        action = spec.help or spec.description
        if len(action) <= 28:
            assert any(action in line for line in lines), action
    groups = {spec.group for spec in KEY_TABLE}
    assert all(any(line.strip() == group for line in lines) for group in groups)


async def test_the_help_scrolls_with_the_list_keys(make_app: AppFactory) -> None:
    # j and k did nothing in the help; only the arrow keys scrolled it.
    from textual.containers import VerticalScroll

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        dialog = app.screen.query_one("#help-dialog", VerticalScroll)
        await wait_until(pilot, lambda: dialog.max_scroll_y > 0)
        await pilot.press("j", "j", "j")
        await wait_until(pilot, lambda: round(dialog.scroll_y) == 3)
        await pilot.press("k")
        await wait_until(pilot, lambda: round(dialog.scroll_y) == 2)
        await pilot.press("G")
        await wait_until(pilot, lambda: dialog.scroll_y == dialog.max_scroll_y)
        await pilot.press("g")
        await wait_until(pilot, lambda: dialog.scroll_y == 0)
        await pilot.press("space")
        await wait_until(pilot, lambda: dialog.scroll_y > 3)
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_the_search_hint_names_the_remapped_key(make_app: AppFactory, seeded: Paths) -> None:
    """With search on another key the box still said "/ to search"."""
    from newsdesk.tui.widgets.search_bar import SearchInput

    seeded.config_dir.mkdir(parents=True, exist_ok=True)
    seeded.keys_file.write_text('[keys]\nsearch = "f"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        box = main_screen(app).query_one(SearchInput)
        assert str(box.placeholder).startswith("f to search: ")


def test_a_printable_key_is_shown_as_its_character() -> None:
    """The search hint said "left_square_bracket to search" where the footer shows "["."""
    from newsdesk.tui.keymap import key_display

    assert key_display("left_square_bracket") == "["
    assert key_display("ctrl+left_square_bracket") == "ctrl+["
    assert key_display("number_sign") == "#"
    assert key_display("slash") == "/"
    assert key_display("f5") == "f5"  # no character: the name
    assert key_display("tab") == "tab"  # a character, but not a printable one
