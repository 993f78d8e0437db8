"""An import batch on both backends: items written along with their story (outcome
read at the end) still come out in order, duplicates merged, every new article in
exactly one story whose members agree with the articles' own story ids."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsdesk.model import Extracted
from tests.pg_editors import open_desk
from tests.pg_support import pg_schema


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    monkeypatch.setenv("NEWSDESK_STORE", "")
    monkeypatch.setenv("NEWSDESK_EDITOR", "importer")
    if request.param == "postgresql":
        with pg_schema() as url:
            opened = open_desk(tmp_path, url, "importer")
            yield opened
            opened.close()
        return
    opened = open_desk(tmp_path, "", "importer")
    yield opened
    opened.close()


def _item(n: int, title: str, url: str, body: str) -> Extracted:
    return Extracted(
        title=title,
        url=url,
        body=body,
        source=f"Outlet {n}",
        published=f"2026-03-0{1 + n % 3}T08:00:00Z",
    )


def test_a_batch_with_duplicates_inside_it_and_before_it(desk: Any) -> None:
    ferry = "The Varnholm ferry stopped after an engine fire; 84 passengers left safely."
    library = "Oskarby's library opens a night reading room after a petition of 1,200."
    first = desk.add_extracted([_item(0, "Ferry halted", "https://a/1", ferry)], "one")
    assert len(first) == 1
    batch = [
        _item(1, "Night reading room in Oskarby", "https://b/1", library),
        _item(2, "Ferry halted again", "https://a/1", ferry),  # URL of one stored before
        _item(3, "Varnholm ferry fire: what we know", "https://c/1", ferry + " More."),
        _item(4, "Oskarby library at night", "https://b/1", library),  # URL earlier in batch
        _item(5, "A quiet harbour festival", "https://d/1", "Boats and music on Sunday."),
    ]
    created = desk.add_extracted(batch, "batch")
    assert len(created) == 3
    rows = {aid: desk.store.get(aid) for aid in [*first, *created]}
    titles = [rows[aid].meta.title for aid in created]
    assert titles == [
        "Night reading room in Oskarby",
        "Varnholm ferry fire: what we know",
        "A quiet harbour festival",
    ]
    assert desk.store.count() == 4
    for aid, article in rows.items():
        assert article is not None and article.story_id
        with desk.store.transaction() as tx:
            tables = desk.store.story_tables(tx)
            assert tables.story_of(aid) == article.story_id
            assert aid in tables.members(article.story_id)
