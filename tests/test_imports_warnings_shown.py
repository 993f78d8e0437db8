"""`newsdesk imports` shows what each import warned about, as `import` printed it and
`imports --json` keeps it under `warned` ("text cut after its first 1,000,000
characters"): the human-readable log left the warnings out."""

from __future__ import annotations

import json
from pathlib import Path

from tests.reliability.helpers import main_in_process

GOOD = {"title": "Harbour board names new pilot chief", "body": "The board met on Monday."}


def test_the_log_shows_an_imports_warnings(tmp_path: Path) -> None:
    path = tmp_path / "board.jsonl"
    path.write_text(json.dumps(GOOD) + "\n{not json\n", encoding="utf-8")
    code, out, err = main_in_process(["import", str(path)])
    assert code == 0 and "line 2" in out + err  # said by the import itself
    code, out, _ = main_in_process(["imports"])
    assert code == 0
    assert "board.jsonl: line 2" in out


def test_many_warnings_say_how_many_more(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + "{not json\n" * 14, encoding="utf-8")
    main_in_process(["import", str(path)])
    code, out, _ = main_in_process(["imports"])
    assert code == 0
    assert out.count("many.jsonl: line") == 10
    assert "and 4 more warnings" in out and "imports --json" in out
