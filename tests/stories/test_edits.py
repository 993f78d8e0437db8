"""A page and its copy are one article; a corrected copy is a version of its own."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.stories.edits import edited

LEAD = "The toll on the harbour bridge will rise to 4 euros from January, the operator said."
MORE = "Drivers who cross daily can buy a monthly pass, which will cost 60 euros."


def test_a_changed_figure_or_word_in_a_paragraph_is_an_edit() -> None:
    assert edited(f"{LEAD}\n{MORE}", f"{LEAD.replace('4 euros', '5 euros')}\n{MORE}")
    assert edited(LEAD, LEAD.replace("January", "February"))


def test_furniture_and_a_cut_short_copy_are_no_edit() -> None:
    page = f"Home News Sport Weather\n{LEAD}\n{MORE}\nMost read: a list of other stories here"
    assert not edited(page, f"{LEAD}\n{MORE}")  # a text copy without the menus
    assert not edited(f"{LEAD}\n{MORE}", LEAD)  # one paragraph missing
    assert not edited(LEAD, LEAD)
    # A paragraph cut at the end of one copy is the same paragraph, shorter.
    assert not edited(f"{LEAD} More details will follow later this week.", LEAD)


def test_a_corrected_copy_is_kept_beside_the_first_as_a_version(desk: Desk, tmp_path: Path) -> None:
    """It was folded into the first as a duplicate, and the correction was lost."""
    first = tmp_path / "toll.txt"
    first.write_text(f"Bridge toll rises\n\n{LEAD}\n\n{MORE}\n", encoding="utf-8")
    corrected = tmp_path / "toll-corrected.txt"
    corrected.write_text(
        f"Bridge toll rises\n\n{LEAD.replace('4 euros', '5 euros')}\n\n{MORE}\n", encoding="utf-8"
    )
    assert desk.import_paths([first]).imported == 1
    second = desk.import_paths([corrected])
    assert second.imported == 1 and second.duplicates == 0
    (new,) = second.imported_ids
    article = desk.get(new)
    assert article is not None and "5 euros" in article.meta.body
    # One story: the correction is a version of the first telling.
    assert article.story_id is not None and len(desk.story_members(article.story_id)) == 2
    # The same copy again is still a duplicate.
    assert desk.import_paths([first]).duplicates == 1
