"""The list's whole dates follow the terminal's width, as the README states it: from 140
columns an earlier year's article shows its day ("2019-11-18"); narrower, "2019-11". At 160
columns the list beside the detail pane (~86 columns) showed "2019-11"."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.widgets.inbox_row import FULL_DATE_FROM
from tests.tui.conftest import AppFactory, sample_articles
from tests.tui.helpers import main_screen, settle


def _list_lines(app: Any) -> list[str]:
    inbox = main_screen(app).inbox
    return [inbox.render_line(y).text for y in range(inbox.size.height)]


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        ((160, 48), "2019-11-18"),
        ((FULL_DATE_FROM, 40), "2019-11-18"),
        ((FULL_DATE_FROM - 1, 40), "2019-11"),
        ((100, 30), "2019-11"),
        ((80, 24), "2019-11"),
    ],
)
async def test_whole_dates_follow_the_terminal_width(
    make_app: AppFactory, paths: Paths, size: tuple[int, int], shown: str
) -> None:
    old = replace(
        sample_articles(1)[0],
        title="Flood barrier opens",
        published="2019-11-18",
        url="https://example.org/story/2019",
        body="The barrier closed the river mouth for the first time since it was built.",
    )
    with Desk(paths) as desk:
        desk.add_extracted([old], "fixture")
        desk.sync_index()
    app = make_app(paths)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("end")  # the oldest article, at the bottom of the newest-first list
        await settle(pilot)
        lines = _list_lines(app)
        line = next((line for line in lines if "Flood barrier" in line), str(lines))
        assert line.rstrip().endswith(f" {shown}"), line
