"""Band keys computed ahead (in an import worker, `pipeline.Prepared.keys`) are what the
importing process groups with: the same decisions, without computing them again."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import pipeline
from newsdesk.desk.storing import ArticleStorer
from newsdesk.model import Extracted
from newsdesk.store import StoreBackend, open_store
from newsdesk.stories.feed_subject import subject_names
from newsdesk.stories.grouping import StoryGrouper
from newsdesk.stories.signature import Signature, compute

T0 = 1_780_000_000.0
FIRE = Extracted(
    title="Ferry service to Varnholm suspended after engine fire",
    body="The morning ferry to Varnholm was pulled from service on Tuesday after a "
    "small engine fire, the operator Brisk Lines said. All 84 passengers left safely.",
)


def _no_keys_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Signature) -> list[int]:
        raise AssertionError("band keys computed in the importing process")

    monkeypatch.setattr(Signature, "lsh_keys", refuse)
    monkeypatch.setattr(Signature, "rare_word_keys", refuse)


def test_the_grouper_looks_up_keys_known_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sig = compute(FIRE)
    keys = (sig.lsh_keys(), sig.rare_word_keys())
    store = open_store(tmp_path / "db.sqlite3")
    try:
        with store.transaction() as tx:
            grouper = StoryGrouper(store.story_tables(tx))
            grouper.record("a", grouper.decide("a", sig, T0))
            again = compute(FIRE)  # equal, another object
            expected = grouper.decide("b", again, T0 + 60)
            grouper.recorded()
            _no_keys_here(monkeypatch)
            grouper.known_keys(again, T0 + 60, keys)
            assert grouper.decide("b", again, T0 + 60) == expected == ("s-a", *expected[1:])
            assert expected.keys == keys[0] + keys[1]
            # Keys are known for that signature object and date only.
            with pytest.raises(AssertionError, match="importing process"):
                grouper.decide("b", compute(FIRE), T0 + 60)
    finally:
        store.close()


TOWNS = (("Orsk", "Northline Rail"), ("Varnholm", "Brisk Lines"), ("Oskarby", "Kettle Bus"))


def _rss(path: Path, count: int, subject: str) -> Path:
    items = "".join(
        f"<item><title>{TOWNS[i % 3][0]} service reopens after repairs</title>"
        f"<link>https://example.org/rail/{i}</link><guid>rail-{i}</guid>"
        f"<pubDate>Tue, 03 Nov 2026 0{i % 10}:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;Trains returned to {TOWNS[i % 3][0]} on Tuesday after "
        f"repairs by {TOWNS[i % 3][1]}{subject}, report {i} says.&lt;/p&gt;</description></item>"
        for i in range(count)
    )
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
        f"<link>https://example.org/</link>{items}</channel></rss>",
        encoding="utf-8",
    )
    return path


def _stored(store: StoreBackend, prepared: pipeline.Prepared) -> list[tuple[str, str | None]]:
    with store.transaction() as tx:
        created, _ = ArticleStorer(store).store_file(tx, prepared)
        grouper = StoryGrouper(store.story_tables(tx))
        return [(aid, grouper.story_of(aid)) for aid in created]


@pytest.mark.parametrize("subject", ["", " for Halvard Transit"])
def test_an_import_groups_with_the_workers_keys_as_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, subject: str
) -> None:
    """A feed's items are matched on their own keys; those of a feed whose items share a
    subject (`stories.feed_subject`) are matched without it (keys computed here)."""
    prepared = pipeline.prepare(_rss(tmp_path / "feed.rss", 12, subject))
    assert len(prepared.keys) == len(prepared.signatures) == 12
    named = [s for s in prepared.signatures if s is not None]
    assert bool(subject_names(named)) == bool(subject)
    without = pipeline.Prepared(prepared.result, prepared.signatures)
    first = open_store(tmp_path / "a.sqlite3")
    try:
        expected = _stored(first, without)
    finally:
        first.close()
    assert len({story for _, story in expected}) < len(expected)  # some stories grouped
    second = open_store(tmp_path / "b.sqlite3")
    try:
        if not subject:
            _no_keys_here(monkeypatch)
        assert _stored(second, prepared) == expected
    finally:
        second.close()
