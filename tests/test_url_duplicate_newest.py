"""Several articles may share a URL (a daily briefing under one link, stored a day at a
time since day 32): a later copy of that page is a duplicate of the newest of them, on
both stores (SQLite took whichever its index gave first, PostgreSQL another)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from newsdesk.store import STORE_ENV
from tests.pg_support import pg_schema
from tests.tui.conftest import make_paths

LINK = "https://harbour.example/briefing"


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Desk]:
    paths: Paths = make_paths(tmp_path)
    if request.param == "sqlite":
        monkeypatch.setenv(STORE_ENV, "")
        with Desk(paths) as opened:
            yield opened
        return
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        with Desk(paths) as opened:
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
