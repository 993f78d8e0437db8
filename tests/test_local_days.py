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


def _imported_dated(tmp_path: Path, published: str, title: str) -> None:
    feed = tmp_path / f"{title.split()[0].lower()}.jsonl"
    record = {
        "title": title,
        "published": published,
        "body": "The council met on the day named above and voted on the harbour "
        "plan after a long debate about the cost of dredging the channel.",
    }
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["import", str(feed)]) == 0


@pytest.mark.parametrize("name", ["America/Los_Angeles", "Pacific/Auckland", "UTC"])
def test_a_date_written_alone_is_found_under_its_own_day(
    zone: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:
    """A date without a time is stored at midnight UTC; west of UTC that moment is
    the evening before, and `published:DAY` missed the article the list showed
    under DAY."""
    _in_zone(monkeypatch, name)
    _imported_dated(tmp_path, "2026-12-06", "Harbour plan passes after a long night")
    capsys.readouterr()
    assert main(["list"]) == 0
    assert "2026-12-06" in capsys.readouterr().out

    def found(query: str) -> bool:
        assert main(["search", query, "--json"]) == 0
        return "Harbour plan" in capsys.readouterr().out

    for query in (
        "published:2026-12-06",
        "published:2026-12",
        "published:2026-12-06..2026-12-06",
        "published:>=2026-12-06",
        "published:<=2026-12-06",
        "published:>2026-12-05",
        "published:<2026-12-07",
        "after:2026-12-06",
        "harbour published:2026-12-06",
    ):
        assert found(query), query
    for query in (
        "published:2026-12-05",
        "published:2026-12-07",
        "published:>2026-12-06",
        "published:<2026-12-06",
        "before:2026-12-06",
        "published:2026-12-07..2026-12-09",
    ):
        assert not found(query), query


def test_span_holds_a_date_alone_as_its_day_in_the_readers_zone() -> None:
    from zoneinfo import ZoneInfo

    from newsdesk.search.dates import parse_span

    west = datetime(2026, 12, 6, 12, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    day = parse_span("2026-12-06", west)
    assert day.holds("2026-12-06")
    assert not day.holds("2026-12-05") and not day.holds("2026-12-07")
    # A moment is still compared as a moment: 07:59 UTC is the 5th in Los Angeles.
    assert not day.holds("2026-12-06T07:59:00+00:00")
    assert day.holds("2026-12-06T08:00:00+00:00")
    # A span that starts within a day takes in the next day's date, not its own.
    since = parse_span(">2026-12-05T18:00", west)
    assert since.first_day == "2026-12-06"
    assert since.holds("2026-12-06") and not since.holds("2026-12-05")
    assert not day.holds(None) and not day.holds("")


def test_a_rule_reads_a_date_alone_as_its_day(
    zone: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from zoneinfo import ZoneInfo

    from newsdesk.desk import Desk
    from newsdesk.paths import resolve
    from newsdesk.rules.matcher import Analysis, Facts, compile_query

    _in_zone(monkeypatch, "America/New_York")
    _imported_dated(tmp_path, "2026-12-06", "Harbour plan passes after a long night")
    with Desk(resolve()) as desk:
        articles = desk.get_many(desk.search("in:all").ids)
    analysis = Analysis()
    facts = Facts(articles[0], analysis)
    assert compile_query("published:2026-12-06", analysis)(facts)
    evening = datetime(2026, 12, 6, 20, 0, tzinfo=ZoneInfo("America/New_York"))
    assert compile_query("published:today", analysis, now=evening)(facts)
    assert not compile_query("published:2026-12-05", analysis)(facts)


def test_a_date_written_alone_on_the_shared_desk(
    zone: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """PostgreSQL answers `published:` with the same day-as-written condition."""
    from newsdesk.config import STORE_ENV
    from tests.pg_support import pg_schema

    _in_zone(monkeypatch, "America/Los_Angeles")
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        _imported_dated(tmp_path, "2026-12-06", "Harbour plan passes after a long night")
        _imported_dated(tmp_path, "2026-12-06T07:30:00+00:00", "Ferry timetable changes again")
        capsys.readouterr()
        assert main(["search", "published:2026-12-06", "--json"]) == 0
        out = capsys.readouterr().out
        # The moment is the 5th in Los Angeles; the date alone is the 6th.
        assert "Harbour plan" in out and "Ferry timetable" not in out
        assert main(["search", "published:<2026-12-06", "--json"]) == 0
        out = capsys.readouterr().out
        assert "Ferry timetable" in out and "Harbour plan" not in out


def test_a_date_alone_is_today_on_its_own_day_in_any_zone() -> None:
    """West of UTC a date given without a time read "1d" ("(1d ago)" in the detail pane)
    on its own day: it was counted from midnight UTC."""
    from zoneinfo import ZoneInfo

    from newsdesk.tui.relative_time import long_when

    evening = datetime(2026, 12, 6, 18, 35, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert compact_when("2026-12-06", evening) == "today"
    assert long_when("2026-12-06", evening) == "2026-12-06"
    assert compact_when("2026-12-05", evening) == "1d"
    morning = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Pacific/Auckland"))
    assert compact_when("2026-12-07", morning) == "today"
    assert compact_when("2026-12-06", morning) == "1d"
    assert compact_when("2026-11-20", morning) == "20 Nov"
    assert compact_when("2025-11-20", morning) == "2025-11"
