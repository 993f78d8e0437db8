"""What the list says on a first start, while the sample queue comes in."""

from __future__ import annotations

from typing import Any

import pytest
from textual.strip import Strip

from newsdesk.paths import Paths, sample_data_dir
from newsdesk.tui.widgets.inbox import InboxList
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, settle


async def test_first_frame_on_an_empty_store_says_the_sample_is_importing(
    make_app: AppFactory, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sample_data_dir() is None:
        pytest.skip("the sample queue is not installed")
    empty = paths.data_dir.parent / "fresh"
    fresh = Paths(empty / "data", empty / "config", empty / "cache")
    drawn: list[str] = []
    render_line = InboxList.render_line

    def recording(self: InboxList, y: int) -> Strip:
        strip = render_line(self, y)
        if y == 0 and not self.ids:
            said = strip.text.strip()
            if not drawn or drawn[-1] != said:
                drawn.append(said)
        return strip

    monkeypatch.setattr(InboxList, "render_line", recording)
    app: Any = make_app(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert app.desk.counts()["total"] > 10
    # Every frame of the empty list, the first included, said the import was under way:
    # none offered `i` to import into an inbox already filling.
    assert drawn
    assert all(line.startswith("Nothing here yet: importing") for line in drawn), drawn
