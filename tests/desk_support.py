"""Helpers for tests where several editors work on one desk (with the `backend`
fixture in conftest: the SQLite file or a shared desk on PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.config import EDITOR_ENV
from newsdesk.desk import Desk


def desk_as(name: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    """A Desk acting as editor `name` (until the test sets another)."""
    monkeypatch.setenv(EDITOR_ENV, name)
    return Desk()


def three_articles(desk: Desk, folder: Path) -> list[str]:
    """Three articles imported by a third editor (an import is a batch of the log too)."""
    files = []
    stories = (
        ("Quay wall repaired", "Masons in Holbeck finished the harbour wall on Monday."),
        ("Night bus returns", "The 41 route runs past midnight again from Friday."),
        ("Mill pond drained", "Engineers emptied the old mill pond to mend its sluice."),
    )
    for n, (title, body) in enumerate(stories):
        path = folder / f"a{n}.md"
        path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        files.append(path)
    previous = desk.editor
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(EDITOR_ENV, "intake")
        with Desk() as intake:
            intake.import_paths(files)
    assert desk.editor == previous
    return sorted(desk.inbox_ids())
