"""An import the editor asked for (`i`) shows what it brought in, wherever it sorts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, import_in_app, main_screen, record_notifications, search_for


def _article(folder: Path, name: str, headline: str, date: str) -> Path:
    path = folder / name
    path.write_text(
        f"{headline}\n\nBy Ana Reis\n{date}\n\n"
        "QUILLPORT — The harbour board met on Thursday to discuss the night rota "
        "and the cost of dredging the outer channel.\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("headline", "date"),
    [
        ("Harbour board names new pilot chief", "March 30, 2026"),  # newer than every row
        ("Harbour board archive lists old pilots", "January 5, 2025"),  # older than every row
    ],
)
async def test_the_cursor_goes_to_the_article_just_imported(
    make_app: AppFactory, tmp_path: Path, headline: str, date: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await pilot.press("g")
        first = screen.inbox.current_id
        await import_in_app(pilot, _article(tmp_path, "board.txt", headline, date))
        current = screen.inbox.current_id
        assert current is not None and current != first
        article = app.desk.get(current)
        assert article is not None and article.meta.title == headline
        row = screen.inbox.cursor
        top = round(screen.inbox.scroll_y)
        assert top <= row < top + screen.inbox.scrollable_content_region.height


async def test_an_import_the_search_hides_is_said(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        seen = record_notifications(app)
        await search_for(pilot, "strike")
        before = screen.inbox.current_id
        path = _article(tmp_path, "board.txt", "Harbour board names new chief", "March 30, 2026")
        await import_in_app(pilot, path)
        assert screen.inbox.current_id == before
        assert any("not in this search" in message for message in seen)


async def test_an_import_a_rule_archives_is_said(make_app: AppFactory, tmp_path: Path) -> None:
    """A killfile archived the article the editor imported: "Imported 1 article." and
    nothing moved, as if the import had brought nothing."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        seen = record_notifications(app)
        app.desk.add_rule("killfile", "title:horoscope", ["archive"])
        before = screen.inbox.current_id
        path = _article(tmp_path, "stars.txt", "Horoscope for the harbour week", "March 30, 2026")
        await import_in_app(pilot, path)
        assert screen.inbox.current_id == before
        assert any(
            m.startswith("Imported 1 article; it went straight to the archive")
            and "is:archived" in m
            for m in seen
        ), seen
