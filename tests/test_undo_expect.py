"""`Desk.undo(expect=batch)` takes back that step or nothing (both stores)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsdesk.desk import Desk
from newsdesk.errors import StepChanged
from tests.tui.conftest import sample_articles


@pytest.fixture
def desk(backend: str) -> Iterator[Desk]:
    """A Desk on each backend (conftest's `backend`: SQLite, then a PostgreSQL schema)."""
    with Desk() as opened:
        yield opened


def test_undo_of_a_step_no_longer_newest_undoes_nothing(desk: Desk) -> None:
    ids = desk.add_extracted(sample_articles(3), "fixture")
    desk.star(ids[:1])
    asked = desk.undo_step(own_session=True)
    assert asked is not None and asked.kind == "star"
    desk.tag(ids[1:2], add=["late"])  # logged while the editor was asked
    with pytest.raises(StepChanged):
        desk.undo(own_session=True, expect=asked.batch)
    assert desk.rows(ids[:1])[0].starred
    assert desk.count_matches("tag:late") == 1
    newest = desk.undo_step(own_session=True)
    assert newest is not None
    result = desk.undo(own_session=True, expect=newest.batch)
    assert result is not None and result.action == "undo tag"


def test_undo_when_nothing_is_left_and_a_step_was_expected(desk: Desk) -> None:
    ids = desk.add_extracted(sample_articles(1), "fixture")
    desk.star(ids)
    asked = desk.undo_step(own_session=True)
    assert asked is not None
    assert desk.undo(own_session=True) is not None  # taken back meanwhile
    with pytest.raises(StepChanged):
        desk.undo(own_session=True, expect=asked.batch)
