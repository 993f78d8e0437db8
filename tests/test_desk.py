"""The Desk service: the verbs the CLI and the app share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk, DeskError, ImportProgress, normalise_tag
from newsdesk.paths import resolve

PAGE = """World

Ferry operators cancel crossings as gale batters the strait

Winds of up to 120 km/h are forecast until Friday.
By Ines Duarte
November 19, 2026

LISBON, Portugal — Ferry operators cancelled every crossing of the strait on Thursday as a gale pushed waves above six metres, stranding hundreds of travellers in both ports.

"We will not sail until the swell drops below four metres," said Carla Mendes, the operations director of the ferry company.
"""


@pytest.fixture
def desk() -> Iterator[Desk]:
    d = Desk(resolve())
    yield d
    d.close()


def test_import_keeps_raw_copy_and_counts(desk: Desk, tmp_path: Path) -> None:
    page = tmp_path / "gale.txt"
    page.write_text(PAGE, encoding="utf-8")
    summary = desk.import_paths([page])
    assert summary.imported == 1 and not summary.failed
    aid = summary.imported_ids[0]
    raw = desk.store.conn.execute("SELECT raw FROM articles WHERE id = ?", (aid,)).fetchone()[0]
    assert raw.startswith("World") and "gale" in raw
    article = desk.get(aid)
    assert article is not None
    assert article.meta.title.startswith("Ferry operators cancel")
    assert article.meta.dateline and article.meta.dateline.startswith("Lisbon")
    assert desk.counts()["unread"] == 1


def test_progress_reports_every_file(desk: Desk, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02" * 500)
    events: list[ImportProgress] = []
    summary = desk.import_paths([tmp_path], progress=events.append)
    assert [e.done for e in events] == [1, 2] and events[-1].total == 2
    assert len(summary.failed) == 1 and summary.failed[0].path.endswith("b.bin")


def test_resolve_targets_ids_prefixes_and_queries(desk: Desk, tmp_path: Path) -> None:
    (tmp_path / "gale.txt").write_text(PAGE, encoding="utf-8")
    aid = desk.import_paths([tmp_path]).imported_ids[0]
    assert desk.resolve_targets([aid[:8]]) == [aid]
    assert desk.resolve_targets(["ferry"]) == [aid]
    assert desk.resolve_targets(["nothingmatchesthis"]) == []
    with pytest.raises(DeskError):
        desk.resolve_id("zzzz")


def test_tags_are_normalised() -> None:
    assert normalise_tag("+Breaking News") == "breaking-news"
    assert normalise_tag("  EU,summit ") == "eu-summit"
    assert normalise_tag("\x1b[31mred") == "red"


def test_export_marks_exported(desk: Desk, tmp_path: Path) -> None:
    from newsdesk.export import ExportOptions

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gale.txt").write_text(PAGE, encoding="utf-8")
    aid = desk.import_paths([tmp_path / "in"]).imported_ids[0]
    report = desk.export([aid], tmp_path / "out.md", ExportOptions(format="md"))
    assert report.paths == [tmp_path / "out.md"]
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "Ferry operators cancel crossings" in text
    article = desk.get(aid)
    assert article is not None and article.state.exported
