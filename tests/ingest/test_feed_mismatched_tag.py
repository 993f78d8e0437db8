"""A feed with a mismatched tag is malformed, not cut short, and its error names the
document's own line; only a document that ends before its elements close is cut short."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli.main import main

ITEM = "<item><title>Quay lights repaired</title><description>The quay lights work.</description>"


def _reason(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["import", "--json", str(path)]) == 1
    (failed,) = json.loads(capsys.readouterr().out)["failed"]
    return str(failed["reason"])


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("<rss><channel><item><title>x</title></channel>", 1),
        ("<rss><channel><item><title>x</title></channel>\n", 1),
        ("<rss>\n<channel>\n<item><title>x</title></channel>\n</rss>\n", 3),
        ('<?xml version="1.0"?>\n<rss><channel>\n<item><title>x</title></channel>', 3),
    ],
)
def test_a_mismatched_tag_is_malformed_at_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, line: int
) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(text, encoding="utf-8")
    reason = _reason(path, capsys)
    assert "cut short" not in reason
    assert f"malformed XML: mismatched tag at line {line}" in reason


def test_a_document_that_ends_inside_its_first_item_is_cut_short_at_its_last_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cut.xml"
    path.write_text(f"<rss><channel>{ITEM[:40]}", encoding="utf-8")
    reason = _reason(path, capsys)
    assert reason.startswith("feed cut short: the document ends inside its first item")
    assert "at line 1)" in reason
