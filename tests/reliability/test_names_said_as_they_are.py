"""Names in messages and JSON as they are: `export -o` printed a name with its escape
sequence stripped ("bad0;Tname.md", another file's name) while the file written kept
it; `import --json` wrote a non-UTF-8 name as a lone surrogate (\\udcff), which strict
JSON parsers refuse; refused standard input was still kept in data/piped/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.paths import name_from_text
from tests.test_cli import run

TEXT = (
    "Harbour cranes repaired after the storm\n\n"
    "The two cranes on the east quay work again, the port said on Monday, after a "
    "week of repairs to their motors.\n"
)


def test_export_names_its_file_with_the_escapes_written_out(tmp_path: Path) -> None:
    story = tmp_path / "cranes.txt"
    story.write_text(TEXT, encoding="utf-8")
    env = dict(os.environ)
    run(["import", str(story)], env)
    target = tmp_path / "bad\x1b]0;T\x07name.md"
    said = run(["export", "--format", "md", "-o", str(target), "in:all"], env).stdout
    assert target.exists()
    assert "bad\\x1b]0;T\\x07name.md" in said
    again = run(["export", "--format", "md", "-o", str(target), "in:all"], env, check=False)
    assert "bad\\x1b]0;T\\x07name.md" in again.stderr


@pytest.mark.skipif(sys.platform == "darwin", reason="names must be valid UTF-8 there")
def test_import_json_names_a_non_utf8_file_in_strict_json(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xff.txt")
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    proc = run(["import", str(tmp_path / name), "--json"], dict(os.environ))
    assert "\\ud" not in proc.stdout.lower()
    proc.stdout.encode("utf-8")  # strict: a lone surrogate does not encode
    (listed,) = json.loads(proc.stdout)["imported_files"]
    assert name_from_text(listed["path"]) == str(tmp_path / name)


def test_standard_input_refused_is_not_kept(isolated_dirs: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsdesk", "import", "-", "--json"],
        input=b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8,
        capture_output=True,
        timeout=120,
    )
    assert json.loads(proc.stdout)["failed"], proc.stderr
    piped = isolated_dirs / "data" / "piped"
    assert not piped.exists() or list(piped.iterdir()) == []
