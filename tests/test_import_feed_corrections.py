"""A feed file imported again with an item corrected in place says "updated".

The stored article took the new text (`is:updated` finds it), but the import said
"imported 0  duplicates 1", as if nothing had changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk

BODY = (
    "The harbour authority said the northern pier would stay shut while engineers "
    "checked its pilings after the storm. Ferries will use the southern berth. "
)


def _feed(path: Path, figure: str, extra_items: int = 1) -> Path:
    items = [
        f"""<item><title>Harbour pier stays shut after storm</title>
<link>https://news.example/pier</link><guid>pier-1</guid>
<pubDate>Tue, 17 Nov 2026 08:00:00 GMT</pubDate>
<description>{BODY * 3} Repairs will cost {figure} euros, the authority said.</description></item>"""
    ]
    for n in range(extra_items):
        items.append(
            f"""<item><title>Council opens library number {n} in the old market hall</title>
<link>https://news.example/lib{n}</link><guid>lib-{n}</guid>
<pubDate>Tue, 17 Nov 2026 09:00:00 GMT</pubDate>
<description>The council opened a library in the market hall on Tuesday, its
{n}th branch, with reading rooms for children and a cafe run by volunteers.</description></item>"""
        )
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>'
        "<link>https://news.example/</link>" + "".join(items) + "</channel></rss>",
        encoding="utf-8",
    )
    return path


def test_an_item_corrected_in_a_feed_file_counts_as_updated(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "harbour.xml", "4 million")
    with Desk() as desk:
        first = desk.import_paths([feed])
        assert first.imported == 2 and not first.updated
        _feed(feed, "5 million")
        again = desk.import_paths([feed])
        assert again.imported == 0
        assert again.duplicates == 1  # the library item, unchanged
        assert [aid for _path, aid in again.updated] == [
            next(i for i in first.imported_ids if "5 million" in desk.get(i).meta.body)  # type: ignore[union-attr]
        ]
        # The same file once more changes nothing.
        third = desk.import_paths([feed])
        assert (third.imported, third.duplicates, third.updated) == (0, 2, [])


def test_the_cli_says_updated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = _feed(tmp_path / "harbour.xml", "4 million", extra_items=0)
    assert main(["import", str(feed)]) == 0
    capsys.readouterr()
    _feed(feed, "5 million", extra_items=0)
    assert main(["import", str(feed)]) == 0
    said = capsys.readouterr().out
    assert said.split()[:6] == ["imported", "0", "updated", "1", "duplicates", "0"]
    _feed(feed, "6 million", extra_items=0)
    assert main(["import", "--json", str(feed)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] == 0 and data["duplicates"] == 0
    assert [f["path"] for f in data["updated_files"]] == [str(feed)]
