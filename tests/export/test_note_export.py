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
