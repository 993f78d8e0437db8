"""`u` while an import is being written: the app's own undo refuses it (it took back the
part stored so far while the rest went on arriving, and the log said the import stood);
an undo from another shell takes back the part stored, and the rest is its own step."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsdesk import import_batch
from newsdesk.desk import Desk, ImportProgress
from newsdesk.errors import StepInProgress
from tests.desk_support import desk_as

TOPICS = ("ferry timetable", "quay lights", "lock gates", "fish market", "tide gauge")


def _files(folder: Path) -> list[Path]:
    out = []
    for n, topic in enumerate(TOPICS):
        path = folder / f"s{n}.md"
        path.write_text(
            f"# The {topic} changes in spring\n\nThe harbour board said the {topic} will "
            f"change from the first of March, after a season of complaints number {n}.\n",
            encoding="utf-8",
        )
        out.append(path)
    return out


@pytest.fixture(autouse=True)
def one_file_a_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_batch, "BATCH_FILES", 1)


def _paused_import(desk: Desk, files: list[Path], while_paused: Callable[[], None]) -> list[str]:
    """Import `files`, running `while_paused` in this thread once two are stored (their
    transactions committed) while the import waits; the ids the import reports."""
    paused, go_on = threading.Event(), threading.Event()
    found: list[str] = []

    def progress(step: ImportProgress) -> None:
        if step.done == 2:
            paused.set()
            assert go_on.wait(30)

    def run() -> None:
        found.extend(desk.import_paths(files, progress=progress).imported_ids)

    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert paused.wait(30)
        while_paused()
    finally:
        go_on.set()
        worker.join(60)
    assert not worker.is_alive()
    return found


def _stored(desk: Desk) -> int:
    return desk.count()


@pytest.fixture
def app(backend: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    opened = desk_as("ana", monkeypatch)
    yield opened
    opened.close()


def test_the_apps_undo_refuses_its_running_import_then_takes_it_back_whole(
    app: Desk, tmp_path: Path
) -> None:
    early = tmp_path / "early.md"
    early.write_text("# Crane hire rises\n\nThe port raised its crane hire by a tenth.\n", "utf-8")
    app.import_paths([early])
    before = _stored(app)
    app.star(app.inbox_ids()[:1])  # the editor's step before the import

    def undo_now() -> None:
        with pytest.raises(StepInProgress, match="still running"):
            app.undo(own_session=True)
        assert _stored(app) == before + 2  # nothing taken back

    (tmp_path / "drop").mkdir()
    imported = _paused_import(app, _files(tmp_path / "drop"), undo_now)
    assert len(imported) == len(TOPICS)
    assert _stored(app) == before + len(TOPICS)
    undone = app.undo(own_session=True)  # finished: the import is one step, taken back whole
    assert undone is not None and undone.action == "undo import"
    assert sorted(undone.changed) == sorted(imported)
    assert _stored(app) == before
    starred = app.undo(own_session=True)  # and the step before it is next
    assert starred is not None and starred.action == "undo star"


def test_a_shells_undo_during_the_import_leaves_the_rest_as_a_step_of_its_own(
    app: Desk, tmp_path: Path
) -> None:
    shell = Desk()  # `newsdesk undo` in another shell, the same editor
    taken: list[str] = []
    try:

        def shell_undo() -> None:
            undone = shell.undo()
            assert undone is not None and undone.action == "undo import"
            taken.extend(undone.changed)

        (tmp_path / "drop").mkdir()
        imported = _paused_import(app, _files(tmp_path / "drop"), shell_undo)
        assert len(taken) == 2 and set(taken) < set(imported)
        rest = [aid for aid in imported if aid not in taken]
        assert sorted(aid for aid in imported if app.get(aid) is not None) == sorted(rest)
        (newest,) = app.history(limit=1)
        assert newest.kind == "import" and sorted(newest.article_ids) == sorted(rest)
        again = shell.undo()
        assert again is not None and sorted(again.changed) == sorted(rest)
        assert all(app.get(aid) is None for aid in imported)
    finally:
        shell.close()
