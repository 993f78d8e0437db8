"""The built place gazetteer kept in the cache directory: the same names, read back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.extract import gazetteer as gazetteer_module
from newsdesk.extract import gazetteer_cache
from newsdesk.extract.gazetteer import Gazetteer, gazetteer

#: These tests build the tables in an empty cache directory, as a first run does.
pytestmark = pytest.mark.fresh_cache


@pytest.fixture
def fresh() -> Iterator[None]:
    """This process's gazetteer forgotten before and after the test."""
    gazetteer.cache_clear()
    yield
    gazetteer.cache_clear()


def _built() -> Gazetteer:
    return gazetteer_module._build()


def test_the_first_process_keeps_what_it_built_and_the_next_reads_it(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = gazetteer_cache.cache_path()
    assert path is not None and not path.exists()
    built = gazetteer()
    assert path.exists()
    gazetteer.cache_clear()

    def no_build() -> Gazetteer:
        raise AssertionError("built again with a kept gazetteer")

    monkeypatch.setattr(gazetteer_module, "_build", no_build)
    kept = gazetteer()
    assert kept == built
    assert list(kept.canonical.items()) == list(built.canonical.items())
    assert kept.kind("Lisbon") == built.kind("Lisbon") == "city"
    assert kept.display("U.S.") == "United States"


def test_read_gives_back_every_name_kept(tmp_path: Path) -> None:
    built = _built()
    stale = tmp_path / "places-v1-0123.json"
    stale.write_text("{}", "utf-8")
    path = tmp_path / "places-v1-4567.json"
    gazetteer_cache.keep(path, built)
    assert gazetteer_cache.read(path) == built
    assert not stale.exists()  # one kept gazetteer at a time
    assert len(built.small_cities) > 10_000  # the whole gazetteer, not a stub


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{",
        "[]",
        '{"countries": ["France"]}',
        '{"countries": [1], "regions": [], "big_cities": [], "small_cities": [], "canonical": {}}',
        '{"countries": [], "regions": [], "big_cities": [], "small_cities": [], "canonical": []}',
    ],
)
def test_a_malformed_cache_is_built_again(fresh: None, content: str) -> None:
    path = gazetteer_cache.cache_path()
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, "utf-8")
    assert gazetteer_cache.read(path) is None
    assert gazetteer() == _built()


def test_an_edited_input_names_another_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    word_list = tmp_path / "words.py"
    word_list.write_text("WORDS = 1\n", "utf-8")
    monkeypatch.setattr(gazetteer_cache, "_inputs", lambda: [word_list])
    before = gazetteer_cache.cache_path()
    word_list.write_text("WORDS = 12\n", "utf-8")
    assert gazetteer_cache.cache_path() != before
    monkeypatch.setattr(gazetteer_cache, "_inputs", lambda: None)
    assert gazetteer_cache.cache_path() is None


def test_a_build_missing_a_package_file_is_not_kept(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_cities() -> list[tuple[str, int]]:
        raise OSError("no city file")

    monkeypatch.setattr(gazetteer_module, "_city_records", no_cities)
    places = gazetteer()
    assert not places.big_cities
    path = gazetteer_cache.cache_path()
    assert path is not None and not path.exists()


def test_an_unwritable_cache_costs_only_time(
    fresh: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", "utf-8")
    monkeypatch.setenv("NEWSDESK_CACHE_DIR", str(blocked))
    assert gazetteer() == _built()
