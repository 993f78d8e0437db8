"""The editor's note travels with the export: JSON/CSV field, front matter, the article section."""

from __future__ import annotations

import json

from newsdesk.desk import Desk
from newsdesk.export import ExportOptions
from newsdesk.paths import resolve
from tests.tui.conftest import sample_articles


def test_note_in_json_and_markdown() -> None:
    with Desk(resolve()) as desk:
        ids = desk.add_extracted(sample_articles(2), "fixture")
        desk.set_note(ids[0], "Call the basin authority")
        rendered = desk.render_export(ids, ExportOptions(format="json"))
        records = json.loads(str(getattr(rendered, "text", rendered)))
        notes = {r["id"]: r["note"] for r in records}
        assert notes == {ids[0]: "Call the basin authority", ids[1]: None}
        digest = desk.render_export(ids[:1], ExportOptions(format="md"))
        assert "Note: Call the basin authority" in str(getattr(digest, "text", digest))


def test_a_note_of_several_lines_keeps_its_lines_in_markdown() -> None:
    """A note of several lines (calls to make, one a line) came out as one run-on line."""
    from markdown_it import MarkdownIt

    note = "Call the basin authority\nAsk for the 2019 figures\n\nCheck with the desk first"
    with Desk(resolve()) as desk:
        ids = desk.add_extracted(sample_articles(1), "fixture")
        desk.set_note(ids[0], note)
        digest = desk.render_export(ids, ExportOptions(format="md")).text
    html = MarkdownIt("commonmark").render(digest)
    assert "<p>Note: Call the basin authority<br />\nAsk for the 2019 figures</p>" in html
    assert "<p>Check with the desk first</p>" in html
