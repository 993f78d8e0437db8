"""Every CLI command, run over a store full of escape-laden text, prints nothing a terminal acts on.

The store is written behind the importer's back (as another tool or an older
version could), so the cleaning at import does not help: every output path has
to clean for itself. The walk is checked against the parser, so a new command
fails here until it is walked too.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsdesk.cli.main import build_parser, main
from newsdesk.desk import Desk
from newsdesk.paths import name_from_text, resolve
from newsdesk.sanitize import display, display_json

SAMPLE_WIRE = Path(__file__).resolve().parents[1] / "sample_data" / "wire"

#: OSC 0 (title), OSC 52 (clipboard), CSI clear screen, 8-bit CSI and OSC, a bidi override.
PAYLOAD = "\x1b]0;PWNED\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\u009b31m\u009d0;t\u009c\u202eRTL\u2066"
#: What must never reach a terminal: ESC, BEL, C1 controls, bidi controls, lone surrogates.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

#: Commands not walked here, and why.
NOT_WALKED = {
    "app": "the app: tests/tui/test_hostile_names.py walks its notifications and pickers",
    "watch": "runs until stopped; prints through the same consoles (output.out/err)",
}


def _poison_json(value: Any) -> Any:
    if isinstance(value, str):
        return value + PAYLOAD
    if isinstance(value, list):
        return [_poison_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _poison_json(v) for k, v in value.items()}
    return value


#: Columns left alone: keys other rows point at, and dates the store sorts by.
_KEEP = {"id", "article_id", "story_id", "key", "published", "imported_at", "ts", "seen_at"}


def poison(db: Path) -> None:
    """Append the payload to every stored text (and every string inside JSON text)."""
    con = sqlite3.connect(db)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        if table.startswith("sqlite_") or table == "meta":
            continue
        columns = [
            r[1]
            for r in con.execute(f"PRAGMA table_info({table})")
            if r[2].upper() == "TEXT" and r[1] not in _KEEP
        ]
        for column in columns:
            rows = con.execute(f"SELECT rowid, {column} FROM {table}").fetchall()
            for rowid, value in rows:
                if not isinstance(value, str):
                    continue
                try:
                    parsed = json.loads(value)
                except ValueError:
                    parsed = None
                new = (
                    json.dumps(_poison_json(parsed))
                    if isinstance(parsed, dict | list)
                    else value + PAYLOAD
                )
                con.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (new, rowid))
    con.commit()
    con.close()


@pytest.fixture
def hostile_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A data dir (itself with a hostile name) whose store holds escapes everywhere."""
    data = tmp_path / f"data{PAYLOAD}"
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(data))
    paths = resolve()
    with Desk(paths) as desk:
        desk.import_paths([SAMPLE_WIRE])
        desk.tag(desk.inbox_ids()[:3], add=["tagged"])
        desk.save_search("saved", "portugal")
        desk.add_feed("http://127.0.0.1:9/feed.xml", name="local")
    poison(paths.database)
    con = sqlite3.connect(paths.database)
    story = con.execute(
        "SELECT story_id FROM articles WHERE story_id IS NOT NULL "
        "GROUP BY story_id HAVING COUNT(*) > 1 LIMIT 1"
    ).fetchone()[0]
    a, b = (
        r[0] for r in con.execute("SELECT id FROM articles WHERE story_id = ? LIMIT 2", (story,))
    )
    name = con.execute("SELECT name FROM saved_searches").fetchone()[0]
    feed = con.execute("SELECT name FROM feeds").fetchone()[0]
    con.close()
    hostile_file = tmp_path / f"in{PAYLOAD}.txt"
    hostile_file.write_text("A headline\n\nA body of two words and a few more.\n", "utf-8")
    empty_file = tmp_path / f"empty{PAYLOAD}.txt"
    empty_file.write_text("", "utf-8")
    return {
        "a": a,
        "b": b,
        "saved": name,
        "feed": feed,
        "file": str(hostile_file),
        "empty": str(empty_file),
        "out": str(tmp_path / f"out{PAYLOAD}"),
        "opml": str(tmp_path / f"feeds{PAYLOAD}.opml"),
        "copy": str(tmp_path / f"copy{PAYLOAD}.sqlite3"),
    }


def walk(h: dict[str, str]) -> list[list[str]]:
    """One or more runs of every command, with hostile arguments where a command takes names."""
    return [
        ["paths"],
        ["paths", "--json"],
        ["import", h["file"], h["empty"], h["file"] + "-missing"],
        ["import", "--json", h["file"], h["empty"]],
        ["inspect", h["file"]],
        ["inspect", h["empty"]],
        ["search", "portugal"],
        ["search", "portugal", "--format", "json"],
        ["search", f"{PAYLOAD}portugal("],
        ["list"],
        ["list", "--format", "tsv"],
        ["list", "--json"],
        ["list", f"tag:x{PAYLOAD}"],
        ["show", h["a"]],
        ["show", h["a"], "--json"],
        ["show", f"nope{PAYLOAD}"],
        ["tag", h["a"], f"+new{PAYLOAD}"],
        ["tag", h["a"], "+tagged", "--json"],
        ["star", h["a"]],
        ["unstar", h["a"], "--json"],
        ["read", h["a"]],
        ["unread", h["a"]],
        ["archive", h["b"]],
        ["unarchive", h["b"]],
        ["delete", h["b"]],  # the undo below brings it back for the rest of the walk
        ["delete", f"nope{PAYLOAD}", "--json"],
        ["delete", f"nope{PAYLOAD}"],
        ["delete", h["b"], "--json"],
        ["undo"],
        ["undo", "--json"],
        ["history"],
        ["history", "--json"],
        ["imports"],
        ["imports", "--json"],
        ["claim", h["a"]],
        ["claim", h["a"], "--json"],
        ["release", h["a"]],
        ["release", f"nope{PAYLOAD}"],
        ["reindex"],
        ["export", "in:all", "-o", "-"],
        ["export", "in:all", "-f", "json", "-o", "-"],
        ["export", "in:all", "-f", "csv", "-o", "-"],
        ["export", "in:all", "-f", "md-files", "-o", h["out"]],
        ["export", "in:all", "-f", "md-files", "-o", h["out"]],
        ["stories"],
        ["stories", "--all", "--json"],
        ["diff", h["a"], h["b"]],
        ["diff", h["a"], h["b"], "--json"],
        ["note", h["a"], f"call{PAYLOAD}"],
        ["show", h["a"]],
        ["note", f"nope{PAYLOAD}", "x"],
        ["saved"],
        ["saved", "--json"],
        ["saved", "add", f"name{PAYLOAD}", "portugal"],
        ["saved", "remove", f"gone{PAYLOAD}"],
        ["rules"],
        ["rules", "list", "--json"],
        ["rules", "add", f"r{PAYLOAD}", "portugal", "star"],
        ["rules", "add", "ok", f"portugal {PAYLOAD}", f"+t{PAYLOAD}", "notify"],
        ["rules", "add", "bad", "portugal", f"boom{PAYLOAD}"],
        ["rules", "list"],
        ["rules", "test", f"portugal {PAYLOAD}"],
        ["rules", "export"],
        ["rules", "remove", f"gone{PAYLOAD}"],
        ["feeds", "list"],
        ["feeds", "list", "--json"],
        ["feeds", "add", f"http://127.0.0.1:9/{PAYLOAD}"],
        ["feeds", "add", f"gopher://x{PAYLOAD}"],
        ["feeds", "pause", h["feed"]],
        ["feeds", "resume", f"nope{PAYLOAD}"],
        ["feeds", "export"],
        ["feeds", "export", "-o", h["opml"]],
        ["feeds", "import", h["opml"]],
        ["feeds", "import", h["file"]],
        ["feeds", "remove", h["feed"]],
        ["fetch", f"nope{PAYLOAD}"],
        ["store", "migrate", "--from", "sqlite", "--to", h["copy"]],
        ["store", "migrate", "--from", "sqlite", "--to", h["copy"], "--json"],  # not empty now
        ["doctor"],
        ["doctor", "--json"],
    ]


def test_the_walk_covers_every_command() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    commands = set(sub.choices or {})
    walked = {
        argv[0]
        for argv in walk(
            dict.fromkeys(("a", "b", "saved", "feed"), "x")
            | {"file": "f", "empty": "e", "out": "o", "opml": "p", "copy": "c"}
        )
    }
    assert commands - walked - set(NOT_WALKED) == set()


def test_no_command_prints_escapes_from_stored_or_typed_names(
    hostile_desk: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    dirty: list[str] = []
    for argv in walk(hostile_desk):
        code = main(argv)
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err, (argv, captured.err)
        assert "unexpected error" not in captured.err, (argv, captured.err)
        for stream, text in (("stdout", captured.out), ("stderr", captured.err)):
            # CSV rows end in CRLF by its standard; a lone CR is still caught.
            found = FORBIDDEN.search(text.replace("\r\n", "\n"))
            if found:
                at = found.start()
                dirty.append(
                    f"{argv[0]} {argv[1:2]} rc={code} {stream}: {text[at - 40 : at + 20]!r}"
                )
    assert dirty == [], "\n".join(dirty)


def test_json_output_is_lossless_and_inert() -> None:
    data = {"name": f"n{PAYLOAD}\udcff", "list": [PAYLOAD]}
    text = display_json(data)
    assert not FORBIDDEN.search(text)
    # A lone surrogate is no JSON strict parsers take: the name comes as `name_text`
    # stores it, from which `name_from_text` gives it back.
    assert "\\udc" not in text
    read = json.loads(text)
    assert read["list"] == data["list"] and name_from_text(read["name"]) == data["name"]


def test_display_is_one_line_and_inert_for_any_value() -> None:
    shown = display(OSError(2, "No such file", f"a{PAYLOAD}\nb"))
    assert not FORBIDDEN.search(shown) and "\n" not in shown
    assert "PWNED" in shown and "RTL" in shown  # the visible text stays


def test_a_failed_files_name_is_shown_so_it_names_that_very_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "a\\nb.txt" was printed as "a b.txt" and "\\u202eevil.txt" as "evil.txt": inert, but
    naming another file that may well exist. Escapes keep the name and stay inert."""
    names = ["a\nb.txt", "tab\there.txt", "\u202eevil.txt", "x\x1b[31m.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"")  # empty: refused, so named as failed
    assert main(["import", str(tmp_path)]) == 1  # every file failed
    out = capsys.readouterr()
    text = out.out + out.err
    assert not FORBIDDEN.search(text.replace("\r\n", "\n"))
    for shown in ("a\\nb.txt", "tab\\there.txt", "\\u202eevil.txt", "x\\x1b[31m.txt"):
        assert shown in text, shown
    assert display("caf\udce9.txt", name=True) == "caf\\xe9.txt"
