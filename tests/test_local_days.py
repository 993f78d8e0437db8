"""The day a list shows for an article is the day `published:DAY` finds it under, in the
reader's zone: a Sydney morning is the evening before in London."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.isodates import local_day
from newsdesk.tui.relative_time import compact_when

PUBLISHED = "2026-11-16T08:30:00+11:00"  # 2026-11-15 21:30 UTC


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    monkeypatch.undo()
    time.tzset()


def _in_zone(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("TZ", name)
    time.tzset()


def _imported(tmp_path: Path) -> None:
    feed = tmp_path / "comet.jsonl"
    record = {
        "title": "Comet brightens over the southern sky",
        "published": PUBLISHED,
        "body": "Observers in the south saw the comet brighten before dawn on Monday, "
        "and astronomers expect it to stay visible for a week.",
    }
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["import", str(feed)]) == 0


@pytest.mark.parametrize(
    ("name", "day", "other"),
    [
        ("Europe/London", "2026-11-15", "2026-11-16"),
        ("Australia/Sydney", "2026-11-16", "2026-11-15"),
    ],
)
def test_the_listed_day_is_the_day_a_search_finds(
    zone: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    day: str,
    other: str,
) -> None:
    _in_zone(monkeypatch, name)
    _imported(tmp_path)
    capsys.readouterr()
    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    assert day in listed and other not in listed
    assert main(["search", f"published:{day}", "--json"]) == 0
    assert "Comet brightens" in capsys.readouterr().out
    assert main(["search", f"published:{other}", "--json"]) == 0
    assert "Comet brightens" not in capsys.readouterr().out


def test_local_day_and_the_inbox_column() -> None:
    assert local_day(PUBLISHED, UTC) == "2026-11-15"
    assert local_day("2026-11-16", UTC) == "2026-11-16"  # a date alone as written
    assert local_day("not a date at all", UTC) == "not a date"
    assert local_day(None) == ""
    # The inbox's column, a month later, in the reader's zone (the clock's).
    later = datetime(2026, 12, 20, 12, 0, tzinfo=UTC)
    assert compact_when(PUBLISHED, later) == "15 Nov"
    assert compact_when("2026-11-16", later) == "16 Nov"
