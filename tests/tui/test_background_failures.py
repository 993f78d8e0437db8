"""A background job's failure is told once, by the part of the app that knows it.

With the shared desk down, every background look (index status, counts) failed
with StoreUnreachableError, and each failure became its own error toast: five
in six seconds over the detail pane, naming an internal class, while the desk
watch had already said "Store lost" (and says "The store is back" later).
"""

from __future__ import annotations

from newsdesk.errors import StoreError, StoreUnreachableError
from newsdesk.tui.workers import run_app_worker
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle, wait_until


async def test_a_lost_store_is_not_an_error_toast_per_job(make_app: AppFactory) -> None:
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.clear_notifications()

        def unreachable() -> None:
            raise StoreUnreachableError("cannot reach the shared desk at postgresql://desk")

        def broken() -> None:
            raise StoreError("the store refused the change")

        jobs = [
            run_app_worker(main_screen(app), unreachable, name="index status", group=f"u{n}")
            for n in range(3)
        ]
        await wait_until(pilot, lambda: all(job.is_finished for job in jobs))
        await settle(pilot)
        assert not [n for n in app._notifications if "failed" in n.message]
        # Any other failure is still told.
        job = run_app_worker(main_screen(app), broken, name="counts", group="b")
        await wait_until(pilot, lambda: job.is_finished)
        await settle(pilot)
        told = [n.message for n in app._notifications if "failed" in n.message]
        assert told == ["counts failed: StoreError: the store refused the change"]
