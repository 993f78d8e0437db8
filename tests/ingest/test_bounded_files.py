"""Huge feeds and JSON Lines are capped while they are read (issue 17 item 9).

The cap used to apply to the parsed result: feedparser built every entry of a
900,000-item feed (1 GB, 75 s) before 5,000 were kept, and JSON Lines had no
cap at all. Here the caps are lowered so small files show it; what the parser
is handed is counted, and peak memory on real sizes is
`benchmarks/bench_memory.py`'s.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsdesk.ingest import feed as feed_mod
from newsdesk.ingest import jsonl as jsonl_mod
from newsdesk.ingest import load_bytes
from newsdesk.ingest.feed import first_items

CAP = 20


def _rss(n: int, *, prefix: str = "") -> str:
    items = "".join(
        f"<{prefix}item><{prefix}title>Tide note {i}</{prefix}title>"
        f"<{prefix}guid>t{i}</{prefix}guid></{prefix}item>"
        for i in range(n)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour wire</title>'
        f"{items}<image><url>http://127.0.0.1/x.png</url></image></channel></rss>"
    )


def _atom(n: int) -> str:
    entries = "".join(f"<entry><title>Pier log {i}</title><id>p{i}</id></entry>" for i in range(n))
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quay</title>{entries}</feed>'


@pytest.fixture
def low_caps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Caps of 20, and the number of entries each parse returned (feedparser's, or the
    quick RSS reader's)."""
    import feedparser

    from newsdesk.ingest import feed_fast

    monkeypatch.setattr(feed_mod, "MAX_FEED_ITEMS", CAP)
    monkeypatch.setattr(jsonl_mod, "MAX_FILE_RECORDS", CAP)
    parsed: list[int] = []
    real = feedparser.parse

    def counting(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        parsed.append(len(result.get("entries") or []))
        return result

    def counting_quick(*args: Any, **kwargs: Any) -> Any:
        result = quick(*args, **kwargs)
        if result is not None:
            parsed.append(len(result[1]))
        return result

    quick = feed_fast.read_plain_rss
    monkeypatch.setattr(feedparser, "parse", counting)
    monkeypatch.setattr(feed_fast, "read_plain_rss", counting_quick)
    return parsed


@pytest.mark.parametrize(("text", "name"), [(_rss(500), "big.xml"), (_atom(500), "big.atom")])
def test_a_big_feed_is_cut_before_it_is_parsed(low_caps: list[int], text: str, name: str) -> None:
    result = load_bytes(text.encode(), name)
    assert result.error is None
    assert len(result.items) == CAP
    assert result.items[0].title.endswith(" 0") and result.items[-1].title.endswith(f" {CAP - 1}")
    assert low_caps == [CAP]  # the parser never saw the other 480
    assert f"feed has 500 items; only the first {CAP} are read" in result.warnings
    assert not any("malformed" in w for w in result.warnings)  # the cut feed still closes


def test_a_feed_at_the_cap_is_whole_and_says_nothing(low_caps: list[int]) -> None:
    result = load_bytes(_rss(CAP).encode(), "feed.xml")
    assert len(result.items) == CAP and result.warnings == []


def test_first_items_keeps_the_closing_tags() -> None:
    text = _rss(5, prefix="")
    cut, count = first_items(text, 2)
    assert count == 5
    assert cut.count("</item>") == 2 and cut.endswith("</channel></rss>")
    assert "<image>" in cut  # what follows the items stays
    assert first_items(text, 9) == (text, 5)
    prefixed = '<rdf:RDF xmlns:rss="x"><rss:item>a</rss:item><rss:item>b</rss:item></rdf:RDF>'
    assert first_items(prefixed, 1) == (
        '<rdf:RDF xmlns:rss="x"><rss:item>a</rss:item></rdf:RDF>',
        2,
    )


def _records(n: int) -> list[str]:
    return [json.dumps({"title": f"Ferry minute {i}", "body": "The board met."}) for i in range(n)]


def test_json_lines_stop_at_the_cap_and_say_so(low_caps: list[int]) -> None:
    lines = _records(100)
    lines.insert(50, "")  # blank lines are not records
    result = load_bytes("\n".join(lines).encode(), "queue.jsonl")
    assert [i.title for i in result.items] == [f"Ferry minute {i}" for i in range(CAP)]
    assert (
        f"file has 100 lines; only the first {CAP} are read (split it to import the rest)"
        in result.warnings
    )


def test_a_json_list_stops_at_the_cap_and_says_so(low_caps: list[int]) -> None:
    result = load_bytes(("[\n" + ",\n".join(_records(100)) + "\n]\n").encode(), "queue.json")
    assert [i.title for i in result.items] == [f"Ferry minute {i}" for i in range(CAP)]
    assert any(
        w.startswith("file has 100 items; only the first 20 are read") for w in result.warnings
    )


def test_json_list_reading_keeps_its_old_answers() -> None:
    """Read one value at a time, a list still reads as before: empty, nested, broken."""
    assert load_bytes(b"[]", "empty.json").items == []
    listed = load_bytes(
        b'[ {"title": "A", "body": "x [1, 2] y"} , {"title": "B", "body": "z"}]', "l.json"
    )
    assert [i.title for i in listed.items] == ["A", "B"]
    broken = load_bytes(b'[{"title": "A", "body": "x"}, {"title": ', "b.json")
    assert broken.error is not None and "malformed JSON at line 1" in broken.error
    # Several lines that are not one list: read line by line, the bad one a warning.
    lines = b'[1, 2]\n{"title": "C", "body": "w"}\n'
    mixed = load_bytes(lines, "m.jsonl")
    assert [i.title for i in mixed.items] == ["C"]
    # A line separator inside a JSON string does not split the record.
    sep = load_bytes(
        json.dumps({"title": "D\u2028E", "body": "v"}, ensure_ascii=False).encode(), "s.jsonl"
    )
    assert len(sep.items) == 1


def test_a_long_csv_says_what_is_read_not_what_is_imported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`inspect` shows the same warnings as `import`, and inspecting imports nothing:
    the cap is worded as what is read."""
    from newsdesk.ingest import csv_table

    monkeypatch.setattr(csv_table, "MAX_FILE_RECORDS", CAP)
    rows = "".join(f"Ferry minute {i},The board met.\n" for i in range(100))
    result = load_bytes(("title,body\n" + rows).encode(), "queue.csv")
    assert [i.title for i in result.items] == [f"Ferry minute {i}" for i in range(CAP)]
    capped = [w for w in result.warnings if w.startswith("file has 100 rows")]
    assert capped == [
        f"file has 100 rows; only the first {CAP} are read (split it to import the rest)"
    ]
    assert not any("imported" in w for w in result.warnings)
