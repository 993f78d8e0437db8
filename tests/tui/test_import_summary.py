"""An import ends with one notice that says what it brought, kept at every size.

It ended with a notice per failed file, a count of the rest, and, once the list
showed the new articles, a second notice counting them again. At 80x24, where two
notices show at once, the summary ("Imported 2 articles.") was the first taken down
for the warnings after it: the import seemed to have said only what went wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.tui.import_notice import import_summary
from newsdesk.tui.widgets.import_job import ImportJob
from tests.tui.conftest import AppFactory
from tests.tui.helpers import import_in_app, record_notifications, settle


def _folder(root: Path) -> Path:
    """Two articles and two files that are not (binary data, an empty file)."""
    root.mkdir()
    for name, head in (("a", "Harbour crane falls over"), ("b", "Council votes on bridge")):
        (root / f"{name}.txt").write_text(
            f"{head}\n\n{head} on Tuesday night, officials said, and work stopped.\n",
            encoding="utf-8",
        )
    (root / "empty.txt").write_bytes(b"")
    (root / "bad.html").write_bytes(b"\x00\x01\x02\xff")
    return root


def _imported(shown: list[str]) -> list[str]:
    return [m for m in shown if "Imported" in m or "imported" in m or "not imported" in m]


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_one_summary_is_left_on_screen_at_every_size(
    make_app: AppFactory, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        await import_in_app(pilot, _folder(tmp_path / "in"))
        await settle(pilot)
        shown = [str(n.message) for n in app._notifications]
        summary = [m for m in shown if m.startswith("Imported 2 articles")]
        assert len(summary) == 1, shown
        assert summary[0].endswith("L lists them.")
        # Said once: no notice per file, no second count of what came in.
        assert _imported(seen) == summary, seen
        if size[0] < 110 or size[1] < 32:
            assert len(shown) <= 2
            # One line where it fits: the files are named by the log (L), not here.
            assert summary[0] == "Imported 2 articles; 2 files not imported. L lists them."
        else:
            assert "2 files not imported (first: " in summary[0]


async def test_the_summary_outlives_a_notice_after_it_on_a_small_screen(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await import_in_app(pilot, _folder(tmp_path / "in"))
        await settle(pilot)
        app.notify("Starred 1 of 1")
        app.notify("Archived 1 of 1")
        await settle(pilot)
        shown = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Imported 2 articles") for m in shown), shown
        assert "Archived 1 of 1" in shown


def test_the_words() -> None:
    done = ImportJob.Finished(
        imported=3,
        duplicates=2,
        failed=[("/in/x.bin", "not a news file: binary data")],
        sample=False,
        stopped=False,
        warned=[("/in/feed.xml", "item 4: no link"), ("/in/feed.xml", "item 9: no title")],
        updated=1,
    )
    text, severity, _ = import_summary(done, "not in this search: Esc clears the search")
    assert text == (
        "Imported 3 articles, 1 updated, 2 already there; not in this search: Esc clears "
        "the search; 1 file not imported (first: x.bin: not a news file: binary data); "
        "2 parts of 1 imported file left out (first: feed.xml: item 4: no link). L lists them."
    )
    assert severity == "warning"
    clean = ImportJob.Finished(imported=2, duplicates=0, failed=[], sample=False, stopped=False)
    assert import_summary(clean) == ("Imported 2 articles.", "information", None)
    clean.stopped = True
    assert import_summary(clean) == ("Import stopped: imported 2 articles.", "information", None)
