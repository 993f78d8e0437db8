"""Authors a record states (JSON Lines, CSV) are read as a byline would give them:
no section label, no job title, no role alone; any other name as given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.extract.byline import stated_author
from newsdesk.ingest import load_file

BODY = (
    "The harbour board approved the new ferry timetable on Tuesday after a month of "
    "complaints from commuters about the early crossings."
)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("Editorial", None),
        ("The Editorial Board", None),
        ("Opinion", None),
        ("Jane Roe Africa correspondent", "Jane Roe"),
        ("Tomas Berg Environment editor", "Tomas Berg"),
        ("Africa correspondent", None),
        ("Chief Political Correspondent", None),
        ("Staff Writer", "Staff Writer"),  # a desk that signs stays, as in bylines
        ("HansG", "HansG"),
        ("Jane Washington", "Jane Washington"),
        ("Mary Editor", "Mary Editor"),
    ],
)
def test_stated_author(given: str, kept: str | None) -> None:
    assert stated_author(given) == kept


def test_json_lines_and_csv_authors(tmp_path: Path) -> None:
    lines = tmp_path / "queue.jsonl"
    rows = [
        {"title": "Ferry timetable approved", "author": "Editorial", "body": BODY},
        {
            "title": "Ferry timetable approved again",
            "author": "Jane Roe Africa correspondent",
            "body": BODY,
        },
        {"title": "Ferry fares", "authors": ["Ana Reis", "Opinion"], "body": BODY},
    ]
    lines.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert [m.authors for m in load_file(lines).items] == [[], ["Jane Roe"], ["Ana Reis"]]
    table = tmp_path / "queue.csv"
    table.write_text(
        f'title,author,body\nFerry fares,"Jane Roe, Africa correspondent","{BODY}"\n',
        encoding="utf-8",
    )
    assert [m.authors for m in load_file(table).items] == [["Jane Roe"]]
