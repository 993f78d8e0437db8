"""The bundled sample queue and its hand-written annotations agree with each other.

The annotations are the ground truth for the extraction benchmark, so a file
added without an annotation, or an annotation whose text is not in its file,
would silently skew the scores.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = REPO_ROOT / "sample_data"
ANNOTATIONS = REPO_ROOT / "benchmarks" / "annotations" / "sample_data.json"

LIST_KEYS = ("authors", "people", "organizations", "places", "quotes", "links", "credits")
TEXT_KEYS = ("file", "title", "source", "body_starts", "body_ends")
OPTIONAL_TEXT_KEYS = ("dek", "dateline", "published")
ITEM_RE = re.compile(r"<item[\s>]")
ENTRY_RE = re.compile(r"<entry[\s>]")
TAG_RE = re.compile(r"<[^>]+>")
SPACE_RE = re.compile(r"\s+")


def load_annotations() -> list[dict[str, Any]]:
    data = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def read_raw(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    return path.read_text(encoding="utf-8")


def item_count(path: Path) -> int:
    """How many articles one file holds: feed items, JSON lines, or one."""
    if path.suffix == ".jsonl":
        return sum(1 for line in read_raw(path).splitlines() if line.strip())
    if path.parent.name == "feeds":
        raw = read_raw(path)
        return len(ITEM_RE.findall(raw)) + len(ENTRY_RE.findall(raw))
    return 1


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLE_DATA.rglob("*") if p.is_file() and p.name != "README.md")


def normalise(text: str) -> str:
    return SPACE_RE.sub(" ", text).strip().lower()


def article_text(file: str, item: int) -> str:
    """The visible text of one annotated article, entities decoded, tags dropped."""
    path = SAMPLE_DATA / file
    raw = read_raw(path)
    if path.suffix == ".jsonl":
        record = json.loads(raw.splitlines()[item])
        return normalise(" ".join(str(v) for v in record.values()))
    if path.parent.name == "feeds":
        raw = re.split(r"<item[\s>]|<entry[\s>]", raw)[item + 1]
        # Feed HTML is escaped once for XML; titles of type="html" twice.
        raw = html.unescape(TAG_RE.sub(" ", html.unescape(raw)))
        return normalise(TAG_RE.sub(" ", raw))
    if path.parent.name == "html":
        return normalise(html.unescape(TAG_RE.sub(" ", raw)))
    return normalise(raw)


ANNOTATED = load_annotations()


def test_annotations_have_the_documented_shape() -> None:
    assert ANNOTATED, "no annotations"
    for entry in ANNOTATED:
        for key in TEXT_KEYS:
            assert isinstance(entry[key], str) and entry[key], (entry["file"], key)
        for key in OPTIONAL_TEXT_KEYS:
            assert entry[key] is None or isinstance(entry[key], str), (entry["file"], key)
        for key in LIST_KEYS:
            assert isinstance(entry[key], list), (entry["file"], key)
        assert isinstance(entry["item"], int) and entry["item"] >= 0
        for quote in entry["quotes"]:
            assert set(quote) == {"speaker", "text"} and quote["text"]
        for link in entry["links"]:
            assert set(link) == {"title", "url"} and link["title"]
        published = entry["published"]
        if published is not None:
            assert re.match(r"2026-11-(1[4-9]|2[0-2])", published), (entry["file"], published)


def test_every_annotated_file_exists() -> None:
    missing = sorted({e["file"] for e in ANNOTATED if not (SAMPLE_DATA / e["file"]).is_file()})
    assert missing == []


def test_every_sample_article_is_annotated_exactly_once() -> None:
    keys = Counter((e["file"], e["item"]) for e in ANNOTATED)
    assert [k for k, n in keys.items() if n > 1] == []
    expected = {
        (path.relative_to(SAMPLE_DATA).as_posix(), index)
        for path in sample_files()
        for index in range(item_count(path))
    }
    assert set(keys) == expected


def test_queue_has_the_promised_size_and_mix() -> None:
    files = sample_files()
    pages = [p for p in files if p.parent.name == "pages" and p.suffix == ".txt"]
    html_pages = [p for p in files if p.parent.name == "html"]
    feeds = [p for p in files if p.parent.name == "feeds"]
    rss = [p for p in feeds if ITEM_RE.search(read_raw(p))]
    atom = [p for p in feeds if ENTRY_RE.search(read_raw(p))]
    markdown = [p for p in files if p.suffix == ".md"]
    wire = SAMPLE_DATA / "wire.jsonl"

    assert len(ANNOTATED) >= 46
    assert len(pages) >= 30
    assert len(html_pages) >= 5
    assert len(rss) == 1 and item_count(rss[0]) >= 4
    assert len(atom) == 1 and item_count(atom[0]) >= 3
    assert len(markdown) >= 3
    assert item_count(wire) >= 3
    assert len({e["source"] for e in ANNOTATED}) >= 8


@pytest.mark.parametrize("entry", ANNOTATED, ids=[f"{e['file']}#{e['item']}" for e in ANNOTATED])
def test_annotated_text_occurs_in_its_article(entry: dict[str, Any]) -> None:
    text = article_text(entry["file"], entry["item"])
    wanted = [entry["title"], entry["body_starts"], entry["body_ends"]]
    wanted += entry["authors"] + entry["people"]
    wanted += [quote["text"] for quote in entry["quotes"]]
    absent = [w for w in wanted if normalise(w) not in text]
    assert absent == []
