"""A healthy desk opened read-only (a bind mount, a colleague's folder): the index is
current, so nothing is written to it and nothing says indexing failed."""

from __future__ import annotations

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.widgets import desk_watch
from tests.reliability.conftest import read_only
from tests.tui.conftest import FIXED_NOW
from tests.tui.helpers import SIZE, record_notifications, settle, wait_until


async def test_a_read_only_desk_with_a_current_index_says_no_index_failure(
    seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app looks at the index's status every INDEX_POLL: three looks after the
    # search, counted rather than slept for (2.5 s at the real second). Not much
    # shorter: each look is a worker's CPU, which a loaded run has less of than time.
    monkeypatch.setattr(desk_watch, "INDEX_POLL", 0.2)
    with read_only(seeded.data_dir), Desk(seeded, background_index=True) as desk:
        looks = 0
        index_status = desk.index_status

        def counted() -> object:
            nonlocal looks
            looks += 1
            return index_status()

        monkeypatch.setattr(desk, "index_status", counted)
        # As `newsdesk` opens it: the index caught up by a writer thread.
        app = NewsdeskApp(desk, clock=lambda: FIXED_NOW)
        seen = record_notifications(app)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"flood", "enter")
            await settle(pilot)
            after_search = looks
            await wait_until(pilot, lambda: looks >= after_search + 3)
            await settle(pilot)
            said = list(seen)
            assert desk.index_status().message is None
    assert not [s for s in said if "index" in s.lower() or "Errno" in s], said
