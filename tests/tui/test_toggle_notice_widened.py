"""The notice after a toggle counts only the chosen articles (day 33 review): a read
widened to a story's other versions counted those as chosen ones and said "-1 are no
longer stored"; the ones gone are those asked for and not found."""

from __future__ import annotations

from newsdesk.desk.results import ActionResult
from newsdesk.tui.triage import batch_notice


def test_a_widened_read_never_reports_negative_counts() -> None:
    # 4 chosen, 3 already read: "a" changed and "x", another version of its story.
    said = batch_notice(
        ActionResult("read", ["a", "x"], 5), 4, already=3, chosen=["a", "b", "c", "d"], found=4
    )
    assert "-" not in said and "already" not in said, said
    assert said == (
        "Marked read 2 articles: 1 of the 4 chosen and their stories' other versions (u to undo)"
    )


def test_gone_is_the_chosen_ones_not_found() -> None:
    said = batch_notice(
        ActionResult("archive", ["a"], 4), 4, already=1, chosen=["a", "b", "c", "d"], found=3
    )
    assert said == "Archived 1 (u to undo); 1 was already archived; 1 is no longer stored"
