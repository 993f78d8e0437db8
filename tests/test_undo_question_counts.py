"""The undo-import question counts what the undo will remove (day 32, explorer B, defect 6).

Ana's `u` on her import of 269 articles asked "It removes the 269 articles it brought
from the desk."; after `y` nothing was removed: Bo had worked on them since (they
stay). The step's preview (`Desk.undo_step`) now counts, as the undo decides, the
articles that stay and those deleted since, and the question says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.desk.results import ChangedSince, undo_question
from newsdesk.model import Extracted
from tests.desk_support import desk_as

COUNT = 30


def _items() -> list[Extracted]:
    return [
        Extracted(
            title=f"Harbour board minute {n} on the dredging plan",
            body=f"The harbour board agreed item {n} of the dredging plan on Monday.",
            source="Marrowby Gazette",
            published=f"2026-03-{n % 28 + 1:02d}T09:00:00+00:00",
            url=f"https://example.org/harbour/{n}",
        )
        for n in range(COUNT)
    ]


@pytest.fixture
def ana_imported(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Desk, Desk, list[str]]]:
    ana = desk_as("ana", monkeypatch)
    folder = tmp_path / "pages"
    folder.mkdir()
    for n, item in enumerate(_items()):
        (folder / f"p{n:02d}.md").write_text(
            f'---\ntitle: "{item.title}"\nsource: {item.source}\npublished: {item.published}\n'
            f"url: {item.url}\n---\n\n{item.body}\n",
            encoding="utf-8",
        )
    ids = ana.import_paths([folder]).imported_ids
    bo = desk_as("bo", monkeypatch)
    try:
        yield ana, bo, ids
    finally:
        bo.close()
        ana.close()


def test_the_question_counts_what_stays_and_what_goes(
    ana_imported: tuple[Desk, Desk, list[str]],
) -> None:
    ana, bo, ids = ana_imported
    assert len(ids) == COUNT
    bo.star(ids[:8])  # Bo has worked on eight: they stay his
    bo.delete(ids[8:10])  # and deleted two
    step = ana.undo_step(own_session=True)
    assert step is not None and step.kind == "import" and step.articles == COUNT
    assert (step.stays, step.gone, step.removes) == (8, 2, 20)
    since = ana.changed_since(step.batch)
    _, question = undo_question(
        step.kind, step.articles, "", step.editor, stays=step.stays, gone=step.gone, since=since
    )
    assert "It removes 20 of the 30 articles it brought from the desk" in question
    assert "8 stay: bo has worked on them since" in question
    assert "2 were deleted since" in question
    assert "It removes the 30" not in question
    result = ana.undo(own_session=True, expect=step.batch)
    assert result is not None and len(result.changed) == step.removes  # as said


def test_a_question_over_an_import_nobody_touched_is_as_before(
    ana_imported: tuple[Desk, Desk, list[str]],
) -> None:
    ana, _bo, _ids = ana_imported
    step = ana.undo_step(own_session=True)
    assert step is not None and (step.stays, step.gone, step.removes) == (0, 0, COUNT)
    _, question = undo_question(step.kind, step.articles, "", step.editor)
    assert question.endswith("It removes the 30 articles it brought from the desk.")


def test_a_question_over_an_import_all_kept_says_it_removes_none(
    ana_imported: tuple[Desk, Desk, list[str]],
) -> None:
    ana, bo, ids = ana_imported
    bo.tag(ids, ["desk"])
    step = ana.undo_step(own_session=True)
    assert step is not None and step.removes == 0 and step.stays == COUNT
    _, question = undo_question(
        step.kind,
        step.articles,
        "",
        step.editor,
        stays=step.stays,
        since=ana.changed_since(step.batch),
    )
    assert "It removes none of the 30 articles it brought from the desk; 30 stay: bo" in question
    result = ana.undo(own_session=True, expect=step.batch)
    assert result is not None and result.changed == []


def test_who_worked_on_them_counts_every_later_step(
    ana_imported: tuple[Desk, Desk, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Day 33: who changed an import's articles since was read from the log's 50 newest
    steps: Bo's star, 55 steps back, was not named ("cy has worked on them since")."""
    ana, bo, ids = ana_imported
    bo.star(ids[:1])
    with desk_as("cy", monkeypatch) as cy:
        for n in range(55):
            cy.tag([ids[1]], add=[f"pass-{n}"])  # 55 steps, each a change
    step = ana.undo_step(own_session=True)
    assert step is not None and step.kind == "import"
    assert ana.changed_since(step.batch) == ChangedSince(others=("bo", "cy"))
    _, question = undo_question(
        step.kind,
        step.articles,
        "",
        step.editor,
        stays=step.stays,
        since=ana.changed_since(step.batch),
    )
    assert "bo and cy have worked on them since" in question


def test_who_worked_on_them_leaves_out_steps_on_other_articles(
    ana_imported: tuple[Desk, Desk, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Day 33 review: the question named every editor with a step after the import,
    whatever they touched: cy starring one unrelated article was "bo and cy"."""
    ana, bo, ids = ana_imported
    bo.star(ids[:1])
    page = tmp_path / "other.md"
    page.write_text(
        '---\ntitle: "Ferry timetable changes for the winter"\nsource: Marrowby Gazette\n'
        "published: 2026-04-01T09:00:00+00:00\n---\n\nThe winter timetable starts Monday.\n",
        encoding="utf-8",
    )
    with desk_as("cy", monkeypatch) as cy:
        [other] = cy.import_paths([page]).imported_ids
        cy.star([other])
    step = ana.undo_step(own_session=True)
    assert step is not None and step.kind == "import"
    assert ana.changed_since(step.batch) == ChangedSince(others=("bo",))
