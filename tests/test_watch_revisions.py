"""A watched file written again replaces the article its earlier text made (real files,
writes in bursts and moves over the path; results polled, no fixed sleeps)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from tests.feeds.test_watch import Watcher, wait_for
from tests.wire.nitf import nitf_item

ARTICLE = (
    "Harbour bridge closes for three weeks of repairs\n\n"
    "By Ana Reis\nDecember 4, 2026\n\n"
    "QUILLPORT — The harbour bridge will close on Monday for three weeks while engineers "
    "replace the worn bearings under its central span, the council said on Thursday.\n\n"
    "Buses will run a shuttle between the two quays every ten minutes, and the ferry will "
    "add two crossings an hour at the busiest times of the day.\n\n"
    "Traders on the east quay said the closure would cost them their Christmas trade, and "
    "asked the council to move the works to January.\n"
)
LAST_WORDS = "move the works to January"


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    folder = tmp_path / "drop"
    folder.mkdir()
    return folder


@pytest.fixture
def watcher(drop: Path) -> Iterator[Watcher]:
    running = Watcher([drop])
    running.thread.start()
    yield running
    running.stop.set()
    running.thread.join(10)
    assert not running.thread.is_alive()


def _bridge_articles() -> list[tuple[str, str]]:
    """(id, body) of every stored article about the bridge, earlier versions too."""
    with Desk() as desk:
        found = desk.get_many(desk.search("in:all", sort="newest").ids)
    return [(a.id, a.meta.body) for a in found if a.meta.title.startswith("Harbour bridge")]


def _whole() -> bool:
    return any(LAST_WORDS in body for _, body in _bridge_articles())


def _first_burst(watcher: Watcher, path: Path) -> str:
    path.write_bytes(ARTICLE.encode()[:300])
    wait_for(lambda: watcher.files().get(path.name, (0, None))[0] == 1)
    (made,) = _bridge_articles()
    assert LAST_WORDS not in made[1]
    return made[0]


def test_a_file_written_in_two_bursts_is_one_article(watcher: Watcher, drop: Path) -> None:
    path = drop / "bridge.txt"
    made = _first_burst(watcher, path)
    path.write_text(ARTICLE, encoding="utf-8")  # the rest, long after the file settled
    wait_for(_whole)
    stored = _bridge_articles()
    assert [aid for aid, _ in stored] == [made]  # the same article, now whole


def test_the_whole_file_moved_over_the_partial_one_completes_it(
    watcher: Watcher, drop: Path, tmp_path: Path
) -> None:
    path = drop / "bridge.txt"
    made = _first_burst(watcher, path)
    staged = tmp_path / "bridge.txt"
    staged.write_text(ARTICLE, encoding="utf-8")
    os.replace(staged, path)  # `mv` over it: a new file at the same path
    wait_for(_whole)
    assert [aid for aid, _ in _bridge_articles()] == [made]


def test_another_article_saved_under_the_same_name_is_its_own(watcher: Watcher, drop: Path) -> None:
    path = drop / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    wait_for(_whole)
    path.write_text(
        "Ferry adds crossings while the bridge is shut\n\nBy Ana Reis\nDecember 5, 2026\n\n"
        "QUILLPORT — The ferry company will run two more crossings an hour from Monday.\n",
        encoding="utf-8",
    )

    def ferry() -> bool:
        with Desk() as desk:
            found = desk.get_many(desk.search("in:all", sort="newest").ids)
        return any(a.meta.title.startswith("Ferry adds") for a in found)

    wait_for(ferry)
    assert len(_bridge_articles()) == 1 and _whole()


def test_continues_reads_a_cut_word_and_a_correction() -> None:
    from newsdesk.watch_revisions import continues

    whole = Extracted(title="Harbour bridge closes", body="The harbour bridge will close today.")
    cut = Extracted(title="Harbour bridge closes", body="The harbour bri")
    assert continues(cut, whole)
    corrected = Extracted(title="Harbour bridge closes", body="The bridge will close tomorrow.")
    assert continues(whole, corrected)
    other = Extracted(title="Ferry adds crossings", body="The harbour bridge will close today.")
    assert not continues(whole, other)
    shorter = Extracted(title="Harbour bridge closes", body="The harbour bridge will")
    assert continues(whole, shorter)  # the same headline: a correction, even a shorter one


def test_a_revised_article_is_fingerprinted_by_its_new_text(tmp_path: Path) -> None:
    """Story matching reads the completed text, not the first bytes it was made from."""
    from newsdesk.stories.signature import compute

    partial = tmp_path / "bridge.txt"
    partial.write_bytes(ARTICLE.encode()[:160])
    whole = tmp_path / "whole.txt"
    whole.write_text(ARTICLE, encoding="utf-8")
    with Desk() as desk:
        desk.import_paths([partial])
        (made,) = desk.inbox_ids()
        meta = desk.inspect(whole).items[0]
        desk.revise(made, meta)
        with desk.store.transaction() as tx:
            tables = desk.store.story_tables(tx)
            story = tables.story_of(made)
            assert story is not None
            ((_, stored, _),) = tables.story_signatures([story], 5)
    expected = compute(meta)
    assert stored.lede.tolist() == expected.lede.tolist()
    assert stored.figures.tolist() == expected.figures.tolist()


def _nitf(version: int, paragraphs: list[str], status: str = "usable") -> str:
    return nitf_item(
        version,
        status,
        "Quillport dock strike called off",
        "".join(f"<p>{p}</p>" for p in paragraphs),
        guid="urn:test:2026:dock-strike",
        slug="DOCK-STRIKE",
        dateline="QUILLPORT, Dec 7 (Test Wire)",
    )


def test_the_next_version_of_wire_copy_saved_under_the_same_name_is_kept_beside_it(
    watcher: Watcher, drop: Path
) -> None:
    """The agency's takes saved under the slugline's file name were revised in place: one
    version was left, and the kill after them read as the usable text in the inbox."""
    path = drop / "DOCK-STRIKE.xml"
    first = "Dockers in Quillport called off their strike on Monday, the union said."
    more = "The port will reopen on Tuesday morning, its operator said."

    def versions() -> list[tuple[int | None, bool]]:
        with Desk() as desk:
            found = desk.get_many(desk.search("in:all slug:dock-strike", sort="newest").ids)
        return sorted((a.meta.version, a.killed) for a in found)

    path.write_text(_nitf(1, [first]), encoding="utf-8")
    wait_for(lambda: len(versions()) == 1)
    path.write_text(_nitf(2, [first, more]), encoding="utf-8")
    wait_for(lambda: len(versions()) == 2)
    path.write_text(_nitf(3, ["Editors: this story is withdrawn."], "withdrawn"), encoding="utf-8")
    wait_for(lambda: len(versions()) == 3)
    assert [v for v, _ in versions()] == [1, 2, 3]
    assert all(killed for _, killed in versions())  # a kill marks every version
