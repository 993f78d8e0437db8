"""An import whose process died (kill -9 of `newsdesk import`, or of the app during `i`)
is said once at the next start, and `L` lists it as interrupted with what it stored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsdesk import import_log
from newsdesk.desk import Desk
from newsdesk.paths import Paths, resolve
from newsdesk.tui.screens.import_log import ImportLogScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, record_notifications, settle


def _died_importing(data: Path) -> None:
    """The running file an import leaves when its process is killed part-way: 173
    articles from 40 of 2,000 files."""
    running = import_log.begin(data, ["/in/queue"])
    assert running is not None
    running.progressed(40, 2000)
    with Desk(resolve(data)) as desk:
        stored = desk.inbox_ids()
    running.stored([*stored, *(f"id{n}" for n in range(173 - len(stored)))])
    running.write()  # as the next file reported writes it
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    written = json.loads(running.path.read_text())
    running.path.write_text(json.dumps({**written, "pid": int(gone.stdout)}))


async def test_an_interrupted_import_is_said_once_and_listed_in_the_log(
    make_app: AppFactory, seeded: Paths
) -> None:
    _died_importing(seeded.data_dir)
    app = make_app()
    seen = record_notifications(app)  # before the start: said as the app opens
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [s for s in seen if s.startswith("An import")]
        assert said == [
            # Its articles, not a file count that lags them; no "u" (another step may be
            # the newest since).
            "An import of 2,000 files was interrupted: 173 articles stored (L for the log)."
        ]
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ImportLogScreen)
        log = str(app.screen.query_one("#import-log-text").render())
        assert "interrupted: 173 articles stored of an import of 2,000 files" in log
    app = make_app()
    seen = record_notifications(app)  # before the start: said as the app opens
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not [s for s in seen if s.startswith("An import")]


async def test_the_import_log_says_a_torn_line_and_lists_the_imports_after_it(
    make_app: AppFactory, seeded: Paths
) -> None:
    data = seeded.data_dir
    record = import_log.ImportRecord("2026-03-01T10:00:00+00:00", ["/in/a"], 4, 0, [], False)
    import_log.append(data, record)
    with (data / import_log.LOG_NAME).open("a", encoding="utf-8") as handle:
        handle.write('{"finished": "2026-03-02T10:00')  # a full disk tore it
    import_log.append(
        data, import_log.ImportRecord("2026-03-03T10:00:00+00:00", ["/in/b"], 7, 0, [], False)
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ImportLogScreen)
        log = str(app.screen.query_one("#import-log-text").render())
        assert "1 line of the log could not be read" in log
        assert "7 articles imported" in log and "4 articles imported" in log
