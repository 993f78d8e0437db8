"""Every real page, text copy and feed in ../shared/realworld imports, or says why not."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from newsdesk.ingest import iter_input_files, load_file

pytestmark = pytest.mark.realworld


def _files(shared: Path, kind: str) -> list[Path]:
    files = list(iter_input_files([shared / "realworld" / kind]))
    assert files, f"no files in realworld/{kind}"
    return files


@pytest.mark.parametrize("kind", ["html", "text"])
def test_pages_and_text_copies_import(shared_dir: Path, kind: str) -> None:
    failures: list[str] = []
    for path in _files(shared_dir, kind):
        result = load_file(path)
        if result.error is not None or not result.items:
            failures.append(f"{path.name}: {result.error}")
            continue
        item = result.items[0]
        if not item.title.strip() or not item.body.strip():
            failures.append(f"{path.name}: empty title or body")
        if item.format != ("html" if kind == "html" else "text"):
            failures.append(f"{path.name}: read as {item.format}")
    assert failures == []


def _well_formed(path: Path) -> bool:
    try:
        etree.fromstring(
            path.read_bytes().lstrip(), etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError:
        return False
    return True


def test_feeds_import_or_report(shared_dir: Path) -> None:
    problems: list[str] = []
    broken_seen = 0
    for path in _files(shared_dir, "feeds"):
        result = load_file(path)
        if _well_formed(path):
            if result.error is not None or not result.items:
                problems.append(f"{path.name}: {result.error}")
                continue
            if any(not item.title.strip() for item in result.items):
                problems.append(f"{path.name}: an item without a title")
            if not any(item.body.strip() for item in result.items):
                problems.append(f"{path.name}: no item with text")
            if any(item.format != "feed" or not item.url for item in result.items):
                problems.append(f"{path.name}: an item without format or link")
        else:
            broken_seen += 1
            reasons = [result.error or "", *result.warnings]
            if not any("malformed XML" in r for r in reasons):
                problems.append(f"{path.name}: broken but no reason given: {reasons}")
    assert problems == []
    assert broken_seen >= 1
