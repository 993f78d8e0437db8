"""A text copy saved cut short and then whole (under another name, or imported again)
completes its article, as a page under its address does; another text is its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import resolve

PARAGRAPHS = [
    "Council approves new budget",
    "The city council approved a new budget on Tuesday after a long debate over spending "
    "on roads and schools, officials said.",
    "Critics said the plan cut too deep into social programmes, while supporters called it "
    "prudent and said the city could not borrow more.",
    "The mayor is expected to sign the budget on Friday, and it takes effect in January, "
    "according to the city clerk's office.",
    "Opposition members said they would keep fighting the cuts to library hours and youth "
    "centres, which they called short-sighted.",
    "The budget also sets aside money for repairs to the harbour wall, damaged in last "
    "winter's storms, and for two new buses.",
]
WHOLE = "\n\n".join(PARAGRAPHS) + "\n"


def test_the_whole_text_completes_the_copy_cut_short(backend: str, tmp_path: Path) -> None:
    cut, whole = tmp_path / "budget.txt", tmp_path / "budget (1).txt"
    cut.write_text(WHOLE[:300], encoding="utf-8")
    whole.write_text(WHOLE, encoding="utf-8")
    with Desk(resolve()) as desk:
        (aid,) = desk.import_paths([cut], log=False).imported_ids
        desk.star([aid])
        summary = desk.import_paths([whole], log=False)
        assert summary.imported == 0
        assert [article for _, article in summary.updated] == [aid]
        article = desk.get(aid)
        assert article is not None and article.state.starred
        assert "two new buses" in article.meta.body
        # The whole copy again: nothing new, the whole text kept.
        again = desk.import_paths([whole], log=False)
        assert (again.imported, again.updated) == (0, [])
        kept = desk.get(aid)
        assert kept is not None and kept.meta.body == article.meta.body
        assert desk.count() == 1


def test_a_longer_text_that_does_not_start_as_the_stored_one_is_its_own(
    backend: str, tmp_path: Path
) -> None:
    first, other = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(WHOLE[:300], encoding="utf-8")
    other.write_text("Budget passes\n\n" + WHOLE.split("\n\n", 1)[1], encoding="utf-8")
    with Desk(resolve()) as desk:
        desk.import_paths([first], log=False)
        assert desk.import_paths([other], log=False).updated == []
        assert desk.count() == 2


@pytest.mark.parametrize("share", [0.2, 0.5, 0.8, 0.95])
def test_the_whole_text_completes_a_copy_cut_anywhere(
    backend: str, tmp_path: Path, share: float
) -> None:
    # Cut late, the copy is near-alike the whole: it was called a duplicate of it and
    # the rest of the text lost.
    cut, whole = tmp_path / "cut.txt", tmp_path / "whole.txt"
    cut.write_text(WHOLE[: int(len(WHOLE) * share)], encoding="utf-8")
    whole.write_text(WHOLE, encoding="utf-8")
    with Desk(resolve()) as desk:
        (aid,) = desk.import_paths([cut], log=False).imported_ids
        summary = desk.import_paths([whole], log=False)
        assert summary.imported == 0
        assert [article for _, article in summary.updated] == [aid]
        article = desk.get(aid)
        assert article is not None and article.meta.body.rstrip().endswith("two new buses.")
        assert desk.count() == 1
