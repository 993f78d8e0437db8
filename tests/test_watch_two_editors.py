"""Two editors watching one folder on one desk agree on a correction saved over a file.

Each watch remembered only the paths it had imported itself: the editor whose watch
imported the file saw the correction revise the article in place, the other's watch
imported it as a second article beside it. A watch that has not seen a path now finds
the article the file made in the store (its recorded origin), by the same rule.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk, ImportSummary
from tests.feeds.test_watch import wait_for
from tests.test_watch_another_report import TUESDAY, TUESDAY_CORRECTED


class EditorWatch:
    """One editor's `Desk.watch_folders` in a thread, as the app and `newsdesk watch` run it."""

    def __init__(self, desk: Desk, folder: Path) -> None:
        self.stop = threading.Event()
        self.summaries: list[ImportSummary] = []
        self.errors: list[str] = []
        self._lock = threading.Lock()
        self.thread = threading.Thread(
            target=desk.watch_folders,
            args=([folder],),
            kwargs={
                "stop": self.stop,
                "on_import": self._add,
                "on_error": self.errors.append,
                "settle_s": 0.3,
            },
            daemon=True,
        )
        self.thread.start()

    def _add(self, summary: ImportSummary) -> None:
        with self._lock:
            self.summaries.append(summary)

    def said(self) -> list[ImportSummary]:
        with self._lock:
            return list(self.summaries)

    def end(self) -> None:
        self.stop.set()
        self.thread.join(10)


@pytest.fixture
def two_watches(
    ana_and_bo: tuple[Desk, Desk], tmp_path: Path
) -> Iterator[tuple[Desk, Path, EditorWatch, EditorWatch]]:
    ana, bo = ana_and_bo
    folder = tmp_path / "shared-drop"
    folder.mkdir()
    watching = [EditorWatch(ana, folder), EditorWatch(bo, folder)]
    try:
        yield ana, folder, watching[0], watching[1]
    finally:
        for watch in watching:
            watch.end()


def test_a_correction_saved_over_a_file_two_editors_watch_revises_one_article(
    two_watches: tuple[Desk, Path, EditorWatch, EditorWatch],
) -> None:
    desk, folder, ana, bo = two_watches
    path = folder / "briefing.txt"
    path.write_text(TUESDAY, encoding="utf-8")
    # Both watches take the file: one imports it, the other finds it stored.
    wait_for(lambda: all(w.said() for w in (ana, bo)), shown=lambda: str(desk.inbox_ids()))
    (article,) = desk.inbox_ids()
    before = {id(w): len(w.said()) for w in (ana, bo)}
    path.write_text(TUESDAY_CORRECTED, encoding="utf-8")
    wait_for(lambda: all(len(w.said()) > before[id(w)] for w in (ana, bo)))
    # One article, corrected in place; neither watch made a second one.
    assert desk.inbox_ids() == [article]
    stored = desk.get(article)
    assert stored is not None and "four villages" in stored.meta.body
    for watch in (ana, bo):
        later = watch.said()[before[id(watch)] :]
        assert sum(s.imported for s in later) == 0
        assert not watch.errors
    revised = [s.updated for w in (ana, bo) for s in w.said()[before[id(w)] :] if s.updated]
    assert revised and all(u == [(str(path), article)] for u in revised)


def test_a_watch_that_did_not_import_the_file_revises_the_article_it_made(
    two_watches: tuple[Desk, Path, EditorWatch, EditorWatch],
) -> None:
    """The watch that imported the file has stopped (its editor's app closed): the
    other's, which knew only that the file was stored already, imported the correction
    as a second article (with both running, whichever took the correction first won)."""
    desk, folder, ana, bo = two_watches
    path = folder / "briefing.txt"
    path.write_text(TUESDAY, encoding="utf-8")
    wait_for(lambda: all(w.said() for w in (ana, bo)), shown=lambda: str(desk.inbox_ids()))
    (article,) = desk.inbox_ids()
    importer, other = (ana, bo) if any(s.imported for s in ana.said()) else (bo, ana)
    importer.end()
    before = len(other.said())
    path.write_text(TUESDAY_CORRECTED, encoding="utf-8")
    wait_for(lambda: len(other.said()) > before)
    later = other.said()[before:]
    assert sum(s.imported for s in later) == 0
    assert [u for s in later for u in s.updated] == [(str(path), article)]
    assert desk.inbox_ids() == [article]
    stored = desk.get(article)
    assert stored is not None and "four villages" in stored.meta.body
