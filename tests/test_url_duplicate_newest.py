"""Several articles may share a URL (a daily briefing under one link, stored a day at a
time since day 32): a later copy of that page is a duplicate of the newest of them, on
both stores (SQLite took whichever its index gave first, PostgreSQL another)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted

LINK = "https://harbour.example/briefing"


@pytest.fixture
def desk(backend: str) -> Iterator[Desk]:
    """A Desk on each backend (conftest's `backend`: SQLite, then a PostgreSQL schema)."""
    with Desk() as opened:
        yield opened


def _briefing(body: str) -> Extracted:
    return Extracted(title="Morning briefing", body=body, url=LINK)


def test_a_copy_of_a_shared_link_is_a_duplicate_of_its_newest_article(desk: Desk) -> None:
    store = desk.store
    for day, body in (
        ("monday", "The ferry timetable changes from Monday."),
        ("tuesday", "The harbour wall repairs begin on Tuesday."),
        ("wednesday", "Frost closes the upper road on Wednesday."),
    ):
        with store.transaction() as tx:
            outcome = store.insert(tx, day, _briefing(body), f"feed:{day}", None, match_url=False)
        assert outcome.created
    with store.transaction() as tx:
        copy = store.insert(tx, "page", _briefing("A saved copy of the page."), "page.html", None)
    assert not copy.created and copy.article_id == "wednesday"
