"""Word rarity from general word lists, read from a table kept in the cache directory."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import wordfreq

from newsdesk.paths import resolve
from newsdesk.stories import idf
from newsdesk.stories.text import stem

#: These tests build the tables in an empty cache directory, as a first run does.
pytestmark = pytest.mark.fresh_cache


def _from_the_list(word: str, stemmed: str, frequencies: dict[str, float]) -> int:
    """The weight as computed from wordfreq's own dict (what the table must give)."""
    freq = frequencies.get(word) or frequencies.get(stemmed)
    return idf.quantise(min(idf.UNKNOWN, -math.log(freq)) if freq else idf.UNKNOWN)


@pytest.fixture
def fresh_tables() -> None:
    idf.table.cache_clear()
    idf.stored_weight.cache_clear()


def test_the_table_gives_every_word_the_weight_of_the_list(fresh_tables: None) -> None:
    frequencies = wordfreq.get_frequency_dict("en")
    sample = [*list(frequencies)[::151], "kestrelwick", "zzqxv", "the", "councils"]
    assert len(sample) > 2000
    for word in sample:
        stemmed = stem(word)
        assert idf.stored_weight(word, stemmed, "en") == _from_the_list(word, stemmed, frequencies)
    assert idf.stored_weight("zzqxv", "zzqxv", "en") == idf.UNKNOWN_STORED


def test_the_table_is_kept_in_the_cache_and_mapped_next_time(fresh_tables: None) -> None:
    idf.table("pt")
    (kept,) = (resolve().cache_dir / "word-weights").glob("pt-*.npy")
    idf.table.cache_clear()
    again = idf.table("pt")
    assert isinstance(again, np.memmap)  # read from the file, not built
    assert np.all(again[:-1] <= again[1:])
    # A damaged table is built again (and replaced); the answers stay the same.
    weight = idf.stored_weight("futebol", "futebol", "pt")
    kept.write_bytes(b"not a table")
    idf.table.cache_clear()
    idf.stored_weight.cache_clear()
    assert idf.stored_weight("futebol", "futebol", "pt") == weight
    assert kept.stat().st_size > 1_000_000


def test_a_cache_that_cannot_be_written_costs_only_time(
    fresh_tables: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("NEWSDESK_CACHE_DIR", str(blocked))
    frequencies = wordfreq.get_frequency_dict("nl")
    assert idf.stored_weight("fiets", "fiets", "nl") == _from_the_list(
        "fiets", "fiets", frequencies
    )
