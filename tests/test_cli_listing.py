"""`newsdesk list` and `search` for people at 80 columns and for scripts (TSV)."""

from __future__ import annotations

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from tests.reliability.helpers import main_in_process
from tests.tui.conftest import sample_articles


@pytest.fixture
def ids() -> list[str]:
    with Desk(resolve()) as desk:
        desk.add_extracted(sample_articles(6), "fixture")
        desk.sync_index()
        return desk.inbox_ids()


def cli(*args: str, columns: int = 80) -> tuple[int, str, str]:
    return main_in_process(args, columns=columns)


@pytest.mark.parametrize("command", ["list", "search"])
def test_at_80_columns_every_row_keeps_its_id_markers_and_date(
    ids: list[str], command: str
) -> None:
    args = [command, "--limit", "3"] if command == "list" else [command, "strike OR flood"]
    code, out, _ = cli(*args, columns=80)
    assert code == 0
    lines = [line for line in out.splitlines()[1:] if line.strip()]
    assert lines
    for line in lines:
        assert len(line) <= 80
        short_id = line.split()[0]
        assert len(short_id) == 10 and any(i.startswith(short_id) for i in ids)
        assert "●" in line and "2026-03-1" in line


@pytest.mark.parametrize("columns", [20, 30, 40, 60])
def test_a_narrow_terminal_keeps_the_whole_id_and_drops_columns_instead(
    ids: list[str], columns: int
) -> None:
    """At 20 columns the ids were cut to 4 characters (too short to pass to `show`)."""
    code, out, _ = cli("list", "--limit", "3", columns=columns)
    assert code == 0
    lines = [line for line in out.splitlines()[1:] if line.strip() and "shown" not in line]
    assert len(lines) == 3
    for line in lines:
        short_id = line.split()[0]
        assert len(short_id) == 10 and any(i.startswith(short_id) for i in ids)
        assert len(line) <= columns


def test_tsv_is_one_line_per_article_with_tabs(ids: list[str]) -> None:
    code, out, _ = cli("list", "--format", "tsv", "--limit", "0")
    assert code == 0
    lines = out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ids
    assert all(len(line.split("\t")) == 7 for line in lines)


def test_list_with_no_hits_says_so(ids: list[str]) -> None:
    code, out, err = cli("list", "zebrafish")
    assert code == 0 and out.strip() == ""
    assert "no matches" in err


def test_show_with_a_short_id_says_ids_need_six_characters(ids: list[str]) -> None:
    code, _, err = cli("show", ids[0][:2])
    assert code != 0
    assert "at least six characters" in err


@pytest.mark.parametrize("command", ["list", "search"])
def test_limit_0_shows_every_match_and_a_negative_limit_is_refused(
    ids: list[str], command: str
) -> None:
    query = "the OR a OR of OR strike OR flood"
    code, out, _ = cli(command, query, "--format", "tsv", "--limit", "0")
    every = [line.split("\t")[0] for line in out.splitlines()]
    assert code == 0 and len(every) >= 2
    code, out, _ = cli(command, query, "--format", "tsv", "--limit", "1")
    assert code == 0 and len(out.splitlines()) == 1
    code, _, err = cli(command, query, "--limit", "-5")
    assert code == 2 and "--limit" in err


@pytest.mark.parametrize("columns", [80, 160])
def test_feeds_list_keeps_every_url_whole_at_any_width(columns: int) -> None:
    urls = [
        "https://news.example.org/feeds/harbour-and-ferry-services/latest.rss",
        "https://lakeshore.example/observer/rss",
    ]
    with Desk(resolve()) as desk:
        for n, url in enumerate(urls):
            desk.add_feed(url, name=f"feed-number-{n}")
    code, out, _ = cli("feeds", "list", columns=columns)
    assert code == 0
    for url in urls:
        assert any(url in line for line in out.splitlines()), url
    assert all(len(line) <= columns for line in out.splitlines())
