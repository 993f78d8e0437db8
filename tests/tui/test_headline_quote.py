"""A headline quoted in a notice or question is cut on a word boundary, with "…".

Each notice cut its own way (`[:60]`, `[:80]`, `[:40]`), mid-word and unmarked: the
delete question read “… the storm surge rea” as if that were the headline.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.headline_quote import QUOTED_CHARS, cut_headline, quoted_headline
from newsdesk.tui.modals.confirm import ConfirmDialog
from tests.tui.conftest import FIXED_NOW, make_paths, sample_articles
from tests.tui.helpers import SIZE, main_screen, settle

LONG = (
    "Floods close the port of Rotterdam as the storm surge reaches the Dutch coast "
    "and ferries stay in harbour"
)


def test_a_long_headline_is_cut_after_a_whole_word_with_an_ellipsis() -> None:
    cut = cut_headline(LONG)
    assert len(cut) <= QUOTED_CHARS
    assert cut.endswith("…")
    assert LONG.startswith(cut[:-1])
    assert LONG[len(cut) - 1] == " ", "cut where a word ends"
    assert quoted_headline(LONG) == f"“{cut}”"


def test_a_short_headline_is_whole_and_none_is_said() -> None:
    assert quoted_headline("Port reopens") == "“Port reopens”"
    assert quoted_headline("") == "“(no headline)”"
    # No room to go back to a word: cut inside it, still marked.
    assert cut_headline("x" * 100, 20) == "x" * 19 + "…"
    # Punctuation left hanging at the cut goes.
    assert cut_headline("Storm, floods, ports, airports", 16) == "Storm, floods…"


async def test_the_delete_question_quotes_the_headline_cut_at_a_word(tmp_path: Path) -> None:
    paths = make_paths(tmp_path)
    with Desk(paths) as desk:
        desk.add_extracted([replace(sample_articles(1)[0], title=LONG)], "fixture")
        desk.sync_index()
    app = NewsdeskApp(Desk(paths), clock=lambda: FIXED_NOW)
    try:
        async with app.run_test(size=SIZE) as pilot:
            main_screen(app)
            await settle(pilot)
            await pilot.press("X")
            await settle(pilot)
            dialog = app.screen
            assert isinstance(dialog, ConfirmDialog)
            question = dialog._question
            assert f"Delete {quoted_headline(LONG)}?" in question, question
            assert "surge…”" in question
    finally:
        app.desk.close()
