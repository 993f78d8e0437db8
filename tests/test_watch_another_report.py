"""A watched file saved again under the same headline with another report is a new
article; a correction (most words kept) still revises the article in place, and only a
text that was cut short is said to be "whole" now."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.watch_revisions import Revisions
from tests.feeds.test_watch import _watch_command, wait_for

MONDAY = (
    "Morning Briefing\n\nMonday: The central bank held rates steady on Monday, saying "
    "inflation had eased for a third month, and the finance minister welcomed the decision.\n"
)
TUESDAY = (
    "Morning Briefing\n\nTuesday: Floods closed the coast road overnight and schools in three "
    "villages stayed shut while crews cleared mud from the square.\n"
)
#: Tuesday's briefing with a figure corrected: the same report.
TUESDAY_CORRECTED = TUESDAY.replace("three villages", "four villages")


def _revisions(desk: Desk) -> Revisions:
    """What `Desk.watch_folders` hands each settled batch to, without the watcher."""
    return Revisions(
        lambda paths: desk.import_paths(paths, log=False), desk.inspect, desk.get, desk.revise
    )


def test_the_next_days_briefing_under_the_same_headline_is_its_own_article(
    tmp_path: Path,
) -> None:
    """Tuesday's briefing replaced Monday's text ("now has the whole text"): Monday's
    report was gone and the star meant for it sat on Tuesday's."""
    path = tmp_path / "briefing.txt"
    with Desk() as desk:
        watched = _revisions(desk)
        path.write_text(MONDAY, encoding="utf-8")
        (monday,) = watched([path]).imported_ids
        desk.star([monday])
        path.write_text(TUESDAY, encoding="utf-8")
        tuesday_summary = watched([path])
        assert tuesday_summary.updated == []
        (tuesday,) = tuesday_summary.imported_ids
        assert tuesday != monday
        kept = desk.get(monday)
        assert kept is not None and kept.meta.body.startswith("Monday:")
        assert kept.state.starred
        new = desk.get(tuesday)
        assert new is not None and new.meta.body.startswith("Tuesday:")
        assert not new.state.starred
        # Corrected and saved again: Tuesday's article (the path's last) is revised.
        path.write_text(TUESDAY_CORRECTED, encoding="utf-8")
        corrected = watched([path])
        assert corrected.imported == 0
        assert corrected.updated == [(str(path), tuesday)]
        assert corrected.completed == []
        revised = desk.get(tuesday)
        assert revised is not None and "four villages" in revised.meta.body


def test_revision_tells_a_completed_text_from_a_corrected_one_and_another_report() -> None:
    from newsdesk.watch_revisions import revision

    cut = Extracted(title="Morning Briefing", body="Monday: The central bank held ra")
    monday = Extracted(title="Morning Briefing", body=MONDAY.split("\n\n", 1)[1])
    tuesday = Extracted(title="Morning Briefing", body=TUESDAY.split("\n\n", 1)[1])
    fixed = Extracted(title="Morning Briefing", body=TUESDAY_CORRECTED.split("\n\n", 1)[1])
    assert revision(cut, monday) == "completed"
    assert revision(tuesday, fixed) == "corrected"
    assert revision(monday, tuesday) is None


def test_the_watch_command_says_whole_only_of_a_text_cut_short(tmp_path: Path) -> None:
    drop = tmp_path / "wb"
    drop.mkdir()
    watching, lines = _watch_command(str(drop), "--settle", "0.2")
    said = lambda: "".join(lines)  # noqa: E731
    try:
        wait_for(lambda: any("watching" in line for line in lines), shown=said)
        path = drop / "briefing.txt"
        path.write_text(TUESDAY, encoding="utf-8")
        wait_for(lambda: "briefing.txt: 1 new" in said(), shown=said)
        path.write_text(TUESDAY_CORRECTED, encoding="utf-8")
        wait_for(lambda: "written again" in said(), shown=said)
    finally:
        watching.terminate()
        watching.wait(10)
    (line,) = [line for line in lines if "written again" in line]
    assert "now has the corrected text" in line and "whole" not in line


def test_the_text_a_correction_replaced_is_new_copy_again(tmp_path: Path) -> None:
    """After a watched file's correction, a copy of its first text was "already stored":
    a duplicate of the article that holds the corrected text (`desk.text_ids`)."""
    path = tmp_path / "briefing.txt"
    elsewhere = tmp_path / "copy" / "tuesday.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_text(TUESDAY, encoding="utf-8")
    with Desk() as desk:
        watched = _revisions(desk)
        path.write_text(TUESDAY, encoding="utf-8")
        (tuesday,) = watched([path]).imported_ids
        path.write_text(TUESDAY_CORRECTED, encoding="utf-8")
        assert watched([path]).updated == [(str(path), tuesday)]
        copy = desk.import_paths([elsewhere])
        assert copy.imported == 1 and copy.imported_ids != [tuesday]
        again = desk.import_paths([elsewhere])
        assert again.imported == 0 and again.duplicates == 1
