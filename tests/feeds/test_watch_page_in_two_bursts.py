"""An HTML page written in two bursts (or a download stopped, then saved whole) replaces
the article its first burst made: the cut page extracted to its footer's "These are
external links and will open in a new window" (11 words), and the whole page written
over it was "already stored" by its canonical address, in the watch and in `import`
alike, so the article stayed 11 words for good. A `.txt` was completed already."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from tests.feeds.test_watch import _watch_command, wait_for

#: (page, bytes its first burst holds): each cut page extracts to something that is not
#: the start of its article (the BBC's footer; the Guardian's <title>).
CUT_PAGES = [("bbc-new-york-mass-burials", 107_000), ("guardian-hong-kong-editorial", 20_000)]


def whole_page(shared_dir: Path, name: str) -> bytes:
    return gzip.decompress((shared_dir / "realworld" / "html" / f"{name}.html.gz").read_bytes())


def test_the_watch_takes_the_whole_page_written_over_its_first_burst(
    tmp_path: Path, shared_dir: Path
) -> None:
    page = whole_page(shared_dir, CUT_PAGES[0][0])
    drop = tmp_path / "drop"
    drop.mkdir()
    path = drop / "bbc50.html"
    watching, lines = _watch_command(str(drop), "--settle", "0.2")
    said = lambda: "".join(lines)  # noqa: E731
    try:
        wait_for(lambda: any("watching" in line for line in lines), shown=said)
        path.write_bytes(page[: CUT_PAGES[0][1]])
        wait_for(lambda: "bbc50.html: 1 new" in said(), shown=said)
        with Desk(resolve()) as desk:
            desk.sync_index()
            (aid,) = desk.search("in:all", limit=None).ids
            first = desk.get(aid)
            assert first is not None and first.meta.word_count < 50
            desk.star([aid])
            desk.tag([aid], ["harbour"])
        path.write_bytes(page)
        wait_for(lambda: "written again" in said(), shown=said)
    finally:
        watching.terminate()
        watching.wait(10)
    (line,) = [line for line in lines if "written again" in line]
    assert f"its article {aid[:10]} now has the whole text" in line
    with Desk(resolve()) as desk:
        assert desk.count() == 1
        whole = desk.get(aid)
        assert whole is not None and whole.meta.word_count > 800
        assert "mass burials" in whole.meta.title
        assert whole.state.starred and "harbour" in whole.state.tags


@pytest.mark.parametrize(("name", "cut"), CUT_PAGES)
def test_import_of_the_whole_page_completes_the_copy_cut_short(
    backend: str, tmp_path: Path, shared_dir: Path, name: str, cut: int
) -> None:
    page = whole_page(shared_dir, name)
    (tmp_path / "cut").mkdir()
    (tmp_path / "whole").mkdir()
    (tmp_path / "other").mkdir()
    cut_copy, whole_copy = tmp_path / "cut" / "p.html", tmp_path / "whole" / "p.html"
    cut_copy.write_bytes(page[:cut])
    whole_copy.write_bytes(page)
    with Desk(resolve()) as desk:
        (aid,) = desk.import_paths([cut_copy]).imported_ids
        stub = desk.get(aid)
        assert stub is not None and stub.meta.word_count < 50
        desk.star([aid])
        summary = desk.import_paths([whole_copy])
        assert summary.imported == 0 and summary.updated == [(str(whole_copy), aid)]
        whole = desk.get(aid)
        assert whole is not None and whole.meta.word_count > 500 and whole.state.starred
        assert whole.meta.word_count > 10 * stub.meta.word_count
        # The whole page again, and the cut copy again: nothing changes.
        assert desk.import_paths([whole_copy]).updated == []
        assert desk.import_paths([cut_copy]).updated == []
        kept = desk.get(aid)
        assert kept is not None and kept.meta.body == whole.meta.body
        # Another page under the same address (not the stored page's continuation) is
        # still a duplicate: the stored text is not replaced by it.
        other = tmp_path / "other" / "p.html"
        other.write_bytes(page.replace(b"<body", b"<body><p>Live page edition two.</p>", 1))
        assert desk.import_paths([other]).updated == []
        assert desk.count() == 1
