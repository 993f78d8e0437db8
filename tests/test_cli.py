"""The CLI on a temp data directory: in-process through `main()` where only the output
is checked (fast), and as a real `python -m newsdesk` subprocess where the process
itself matters (the environment it reads)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.paths import resolve
from newsdesk.store import open_store

PAGE_ONE = """Home » World

Fishing fleets idle as harbour strike enters third day

Dockworkers in Gdansk say talks with port operators have stalled.
By Marta Kowalczyk and Piotr Zielinski for Baltic Morning
November 18, 2026

GDANSK, Poland — Hundreds of dockworkers stayed off the quays on Wednesday as a strike over night-shift pay entered its third day, leaving fishing fleets idle in the harbour.

"We will not go back until the night rate is restored," said Ewa Nowak, the chair of the port workers' union.

The operators said in a statement that they remained open to talks.

© 2026 Baltic Morning. All rights reserved.
"""

PAGE_TWO = """Science

Glacier survey finds faster melt in northern valleys

Researchers mapped forty glaciers over two summers.
By Anders Lund
November 20, 2026

TROMSO, Norway — A two-year survey of forty glaciers found that ice in the northern valleys is thinning faster than models predicted, researchers said on Friday.

"The numbers surprised all of us," said Lund, who led the fieldwork.
"""


def run(
    args: list[str], env: dict[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    """`newsdesk ARGS` in this process (the environment is already the test's)."""
    from newsdesk.cli.main import main

    # The fixture's environment is this process's (isolated_dirs set it).
    assert all(os.environ.get(k) == v for k, v in env.items() if k.startswith("NEWSDESK_"))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
    proc = subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())
    assert "Traceback" not in proc.stderr, proc.stderr
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def run_process(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m newsdesk ARGS` as a user runs it."""
    proc = subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def env(isolated_dirs: Path) -> dict[str, str]:
    return dict(os.environ)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "nested").mkdir(parents=True)
    (folder / "strike.txt").write_text(PAGE_ONE, encoding="utf-8")
    (folder / "nested" / "glacier.txt").write_text(PAGE_TWO, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    return folder


def test_paths_json_honours_override(env: dict[str, str], isolated_dirs: Path) -> None:
    data = json.loads(run_process(["paths", "--json"], env).stdout)
    assert data["data_dir"] == str(isolated_dirs / "data")
    assert data["database"].startswith(str(isolated_dirs / "data"))


def test_import_reports_each_bad_file_and_keeps_the_rest(env: dict[str, str], corpus: Path) -> None:
    summary = json.loads(run(["import", str(corpus), "--json"], env).stdout)
    assert summary["imported"] == 2
    failed = {Path(f["path"]).name: f["reason"] for f in summary["failed"]}
    assert set(failed) == {"empty.txt", "picture.png"}
    assert "empty" in failed["empty.txt"].lower()
    assert "png" in failed["picture.png"].lower() or "binary" in failed["picture.png"].lower()
    # Which files brought the articles (a watcher's JSON line named none of them).
    brought = {Path(f["path"]).name: f["imported"] for f in summary["imported_files"]}
    assert sum(brought.values()) == 2 and not set(brought) & set(failed)

    again = json.loads(run(["import", str(corpus), "--json"], env).stdout)
    assert again["imported"] == 0 and again["duplicates"] == 2
    assert sum(f["duplicates"] for f in again["imported_files"]) == 2


def test_search_show_and_triage_round_trip(env: dict[str, str], corpus: Path) -> None:
    run(["import", str(corpus)], env)
    hits = json.loads(run(["search", "strike", "--json"], env).stdout)
    assert len(hits) == 1 and "strike" in hits[0]["title"].lower()
    aid = hits[0]["id"]

    shown = json.loads(run(["show", aid[:8], "--json"], env).stdout)
    assert shown["id"] == aid
    assert shown["authors"] == ["Marta Kowalczyk", "Piotr Zielinski"]
    assert "story" in shown
    # The note the app keeps is in `show` as it is in the app's detail pane.
    from newsdesk.desk import Desk

    with Desk() as desk:
        desk.set_note(aid, "ask the union for numbers")
    assert "note: ask the union for numbers" in run(["show", aid], env).stdout
    # ... and set from the command line as `n` sets it (empty removes it; undoable).
    run(["note", aid[:8], "call", "the", "port"], env)
    assert json.loads(run(["show", aid, "--json"], env).stdout)["note"] == "call the port"
    run(["undo"], env)
    assert json.loads(run(["show", aid, "--json"], env).stdout)["note"] == (
        "ask the union for numbers"
    )
    run(["note", aid], env)
    assert json.loads(run(["show", aid, "--json"], env).stdout)["note"] == ""

    starred = json.loads(run(["star", aid, "--json"], env).stdout)
    assert starred["changed"] == [aid]
    assert [h["id"] for h in json.loads(run(["search", "is:starred", "--json"], env).stdout)] == [
        aid
    ]

    tagged = json.loads(run(["tag", "glacier", "+climate", "+Science Desk", "--json"], env).stdout)
    assert len(tagged["changed"]) == 1
    found = json.loads(run(["search", "tag:climate", "--json"], env).stdout)
    assert len(found) == 1 and found[0]["tags"] == ["climate", "science-desk"]

    undone = json.loads(run(["undo", "--json"], env).stdout)
    assert undone["action"] == "undo tag"
    assert json.loads(run(["search", "tag:climate", "--json"], env).stdout) == []
    # The star, done before the tag, is still there.
    assert len(json.loads(run(["search", "is:starred", "--json"], env).stdout)) == 1


def test_list_is_newest_first(env: dict[str, str], corpus: Path) -> None:
    run(["import", str(corpus)], env)
    rows = json.loads(run(["list", "--json"], env).stdout)
    assert [r["published"][:10] for r in rows] == ["2026-11-20", "2026-11-18"]


def test_inspect_prints_exact_keys(env: dict[str, str], corpus: Path) -> None:
    items = json.loads(run(["inspect", str(corpus / "strike.txt"), "--json"], env).stdout)
    assert isinstance(items, list) and len(items) == 1
    assert list(items[0]) == [
        "title",
        "dek",
        "authors",
        "source",
        "dateline",
        "published",
        "people",
        "organizations",
        "places",
        "quotes",
        "links",
        "body",
        "language",
        "word_count",
    ]
    assert items[0]["title"] == "Fishing fleets idle as harbour strike enters third day"
    assert items[0]["source"] == "Baltic Morning"


def test_bad_query_and_unknown_id_are_one_line_errors(env: dict[str, str], corpus: Path) -> None:
    run(["import", str(corpus)], env)
    bad = run(["search", "published:>banana"], env, check=False)
    assert bad.returncode != 0 and bad.stderr.strip()
    missing = run(["show", "ffffffffffff"], env, check=False)
    assert missing.returncode == 1 and "no article" in missing.stderr
    nofile = run(["import", "/nonexistent/path/xyz"], env, check=False)
    assert nofile.returncode == 1 and "no such file" in nofile.stderr
    # A script reading --json gets JSON whatever happened: the path is a failed file.
    nofile = run(["import", "--json", "/nonexistent/path/xyz"], env, check=False)
    summary = json.loads(nofile.stdout)
    assert nofile.returncode == 1 and summary["imported"] == 0
    assert summary["failed"] == [
        {"path": "/nonexistent/path/xyz", "reason": "no such file or folder"}
    ]
    both = run(["import", "--json", "/nonexistent/path/xyz", str(corpus)], env, check=False)
    assert both.returncode == 0 and len(json.loads(both.stdout)["failed"]) >= 1


def test_export_stdout_and_file(env: dict[str, str], corpus: Path, tmp_path: Path) -> None:
    run(["import", str(corpus)], env)
    run(["star", "strike"], env)
    text = run(["export", "-o", "-"], env).stdout
    assert text.lstrip().startswith("#") and "harbour strike" in text
    dest = tmp_path / "out.md"
    run(["export", "is:starred", "--format", "md", "-o", str(dest)], env)
    assert dest.read_text(encoding="utf-8").count("harbour strike") >= 1
    again = run(["export", "is:starred", "-o", str(dest)], env, check=False)
    assert again.returncode == 1 and "--force" in again.stderr
    rows = json.loads(run(["search", "is:exported", "--json"], env).stdout)
    assert len(rows) == 1 and rows[0]["exported"] is True


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_an_export_to_stdout_that_cannot_be_written_marks_nothing(
    env: dict[str, str], corpus: Path
) -> None:
    # The articles were marked exported before the text was written: a full disk or a
    # reader that stopped early left every one of them marked.
    run(["import", str(corpus)], env)
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "newsdesk", "export", "-o", "-", "in:all"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
        )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "full" in proc.stderr.lower()
    assert json.loads(run(["search", "is:exported", "--json"], env).stdout) == []
    done = run(["export", "-o", "-", "in:all"], env)
    assert "harbour strike" in done.stdout
    assert len(json.loads(run(["search", "is:exported", "--json"], env).stdout)) == 2


def test_note_without_arguments_names_only_the_id_as_required(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from newsdesk.cli.main import main

    with pytest.raises(SystemExit) as stopped:
        main(["note"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "required: id" in err and "text" not in err.split("required:")[1]


def test_declining_a_big_action_at_the_terminal_is_no_usage_error(
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # "n" exited 2 (a usage error) and still said "add --yes".
    from newsdesk.cli.main import main
    from newsdesk.paths import sample_data_dir

    sample = sample_data_dir()
    assert sample is not None
    assert main(["import", str(sample)]) == 0
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda: "n")
    capsys.readouterr()
    assert main(["star", "is:unread"]) == 1
    err = capsys.readouterr().err
    assert "nothing was changed" in err and "--yes" not in err.split("[y/N]")[-1]
    assert json.loads(run(["search", "is:starred", "--json"], env).stdout) == []
    monkeypatch.setattr("builtins.input", lambda: "y")
    assert main(["star", "is:unread"]) == 0
    assert len(json.loads(run(["search", "is:starred", "--json", "--limit", "0"], env).stdout)) > 20


def test_an_empty_data_dir_is_refused(
    env: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `--data-dir ''` made a desk in the shell's folder without a word.
    from newsdesk.cli.main import main

    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", "", "list"])
    assert stopped.value.code == 2
    assert "an empty path names no folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_export_to_a_reader_that_stops_early_marks_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    # `export -o - | head -c 100` of a big export: the kernel took part of one large
    # write after head left, Python raised nothing, and every article was marked.
    big = tmp_path / "big.jsonl"
    body = " ".join(f"word{n % 977} harbour" for n in range(120_000))
    big.write_text(json.dumps({"title": "Huge", "source": "S", "body": body}) + "\n", "utf-8")
    run(["import", str(big)], env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", "export", "-o", "-", "in:all"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert len(proc.stdout.read(100)) == 100
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and "Traceback" not in err
    assert json.loads(run(["search", "is:exported", "--json"], env).stdout) == []


def test_words_starting_with_a_dash_are_not_options(env: dict[str, str], corpus: Path) -> None:
    run(["import", str(corpus)], env)
    run(["tag", "strike", "+labour", "+old"], env)
    changed = json.loads(run(["tag", "strike", "-old", "--json"], env).stdout)
    assert len(changed["changed"]) == 1
    hits = json.loads(run(["search", "tag:labour", "-tag:old", "--json"], env).stdout)
    assert len(hits) == 1 and hits[0]["tags"] == ["labour"]
    negated = json.loads(run(["list", "-strike", "--json"], env).stdout)
    assert [h["title"] for h in negated] == ["Glacier survey finds faster melt in northern valleys"]
    # A one-letter tag is removed as a longer one is ("-x" was taken for an option).
    run(["tag", hits[0]["id"], "+x"], env)
    run(["tag", hits[0]["id"], "-x"], env)
    assert json.loads(run(["show", hits[0]["id"], "--json"], env).stdout)["tags"] == ["labour"]
    # "#desk" adds a tag, as the app's tag dialog reads it (it was a query word).
    run(["tag", hits[0]["id"], "#Night-Desk"], env)
    shown = json.loads(run(["show", hits[0]["id"], "--json"], env).stdout)
    assert shown["tags"] == ["labour", "night-desk"]


def test_stories_and_diff_on_the_sample_queue(env: dict[str, str]) -> None:
    from conftest import SAMPLE_DATA

    run(["import", str(SAMPLE_DATA)], env)
    stories = json.loads(run(["stories", "--json"], env).stdout)
    assert stories, "the sample queue has several multi-outlet stories"
    # Wire versions of one item are one story from one agency; take the biggest of several outlets.
    biggest = next(s for s in stories if len(s["outlets"]) >= 2)
    assert biggest["size"] == len(biggest["articles"]) >= 2
    first, second = (a["id"] for a in biggest["articles"][:2])
    shown = json.loads(run(["show", first, "--json"], env).stdout)
    assert shown["story"] == biggest["story"] and second in shown["story_members"]
    diff = json.loads(run(["diff", first, second, "--json"], env).stdout)
    assert set(diff["only_in_a"]) == {"quotes", "people", "organizations", "places", "numbers"}
    assert any(diff["only_in_a"].values()) or any(diff["only_in_b"].values())
    strikes = json.loads(run(["stories", "rotterdam", "--json"], env).stdout)
    assert any("Rotterdam" in a["title"] for s in strikes for a in s["articles"])
    # --all lists single-article stories too: every article is in exactly one.
    every = json.loads(run(["stories", "--all", "--json"], env).stdout)
    listed = json.loads(run(["list", "--limit", "0", "--json"], env).stdout)
    assert len(every) > len(stories)
    # (earlier wire versions, hidden from the list, are members of their stories too)
    assert {a["id"] for a in listed} <= {a["id"] for s in every for a in s["articles"]}
    assert "1 version " in run(["stories", "--all"], env).stdout
    # A query whose articles are each alone in their story says so (it said "no story
    # has more than one version yet" while the desk had several), and one that matches
    # nothing says that.
    alone = next(s for s in every if s["size"] == 1)
    word = alone["articles"][0]["id"]
    said = run(["stories", f"id:{word}"], env)
    assert "no story of two or more versions among the 1 article matching" in said.stderr
    assert "no article matches 'zzqxnothing'" in run(["stories", "zzqxnothing"], env).stderr


@pytest.mark.parametrize("command", [["list", "--limit", "0", "--format", "tsv"], ["show"]])
def test_a_reader_that_stops_reading_ends_the_command_quietly(
    env: dict[str, str], corpus: Path, command: list[str]
) -> None:
    """`newsdesk list | head -1`: the pipe's reader is gone before the first line is
    written. No "Broken pipe" error, no traceback: the status of a process ended by
    SIGPIPE (141), as `git log | head` gives."""
    run(["import", str(corpus)], env)
    if command == ["show"]:
        hits = json.loads(run(["search", "strike", "--json"], env).stdout)
        command = ["show", hits[0]["id"]]
    # The reader is gone long before the interpreter has started and written anything.
    code, err = _reader_stops(command, env, after=0)
    assert code == 141, err
    assert err == ""


def _reader_stops(command: list[str], env: dict[str, str], *, after: int) -> tuple[int, str]:
    """`newsdesk COMMAND | head`: read `after` bytes, stop reading; (status, stderr)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    if after:
        assert proc.stdout.read(after)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    return proc.wait(timeout=120), err


def test_a_tag_edit_that_names_no_tag_is_refused(env: dict[str, str], corpus: Path) -> None:
    run(["import", str(corpus)], env)
    aid = json.loads(run(["search", "strike", "--json"], env).stdout)[0]["id"]
    for word in ("++", '+"#"', "-##", "###"):
        proc = run(["tag", aid, word], env, check=False)
        assert proc.returncode == 1 and "names no tag" in proc.stderr, word
        # Said as typed: "'###' names no tag", not the "'+##'" it was read as.
        assert proc.stderr.count(repr(word)) == 1, proc.stderr
    # Adding and removing one tag at once said "Tags -x on 0 of 1": refused, saying why.
    both = run(["tag", aid, "+x", "-X"], env, check=False)
    assert both.returncode == 1 and "+x and -x together" in both.stderr
    assert json.loads(run(["show", aid, "--json"], env).stdout)["tags"] == []
    assert run(["tag", aid, "+desk"], env).returncode == 0
    # A tag past 64 characters was cut without a word: the cut is said.
    long = run(["tag", aid, "+" + "dispatch" * 10], env)
    assert f"tag cut to 64 characters: {('dispatch' * 10)[:64]}" in long.stderr
    assert "tag cut" not in run(["tag", aid, "+desk2"], env).stderr


def test_tags_an_imported_file_gives_are_tags_like_typed_ones(
    env: dict[str, str], tmp_path: Path
) -> None:
    """Front matter's `tags: [Breaking News, Politics]` were kept as written, so
    `tag:politics` found nothing and `-politics` removed nothing."""
    page = tmp_path / "vote.md"
    page.write_text(
        "---\ntitle: Assembly passes the harbour bill\ntags: [Breaking News, Politics, '#Port']\n"
        "---\n\nThe assembly passed the harbour bill on Monday by 41 votes to 12.\n",
        encoding="utf-8",
    )
    run(["import", str(page)], env)
    (hit,) = json.loads(run(["search", "tag:politics", "--json"], env).stdout)
    assert json.loads(run(["show", hit["id"], "--json"], env).stdout)["tags"] == [
        "breaking-news",
        "politics",
        "port",
    ]
    assert "1 changed" in run(["tag", hit["id"], "-politics", '-"Breaking News"'], env).stdout
    assert json.loads(run(["show", hit["id"], "--json"], env).stdout)["tags"] == ["port"]


def test_a_failed_file_is_reported_once(env: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "truth.json"
    data.write_text('{"a": 1, "b": [1, 2]}\n', encoding="utf-8")
    proc = run(["import", str(data)], env, check=False)
    assert proc.returncode == 1
    lines = [line for line in proc.stdout.splitlines() if "truth.json" in line]
    assert len(lines) == 1 and "✗" in lines[0] and "no title and no text" in lines[0]


def test_a_reader_that_stops_partway_through_a_long_output_gives_141(
    env: dict[str, str],
) -> None:
    """A long output is one write, which the kernel takes in part once the reader has
    gone, with no error in Python: `list --limit 0 | head -1` ended with 0. (Each output
    here is well over a pipe's 64 KB: a shorter one may be taken whole before the
    reader stops, and then 0 is right.)"""
    # Stored in one transaction, not imported: what is checked is the commands' output,
    # and the import of 1,200 articles was nearly all of this test's time.
    store = open_store(resolve().database)
    with store.bulk_import(), store.transaction() as tx:
        for n in range(1200):
            meta = Extracted(
                title=f"Harbour report number {n} on the quay works",
                body=f"Report {n}. " + "The quay works went on through the night. " * 30,
            )
            store.insert(tx, f"harbour{n:05d}", meta, "many.jsonl", None)
    store.close()
    for command in (
        ["list", "--limit", "0"],
        ["list", "--limit", "0", "--json"],
        ["search", "quay", "--limit", "0"],
    ):
        code, err = _reader_stops(command, env, after=64)  # the first lines, as `head -1` reads
        assert code == 141, (command, err)
        assert "Traceback" not in err, command


def test_arguments_that_mean_nothing_are_refused_with_a_reason(
    env: dict[str, str], corpus: Path
) -> None:
    # Each was accepted: a saved search of a broken query ("0 articles" in the picker),
    # an article compared with itself ("Only in A ... Only in B"), history --limit -2.
    run(["import", str(corpus)], env)
    bad = run(["saved", "add", "broken", "title:("], env, check=False)
    assert bad.returncode != 0 and "parenthes" in bad.stderr
    assert "broken" not in run(["saved", "--json"], env).stdout
    # An empty name or query; a name already taken is not replaced without --replace.
    assert run(["saved", "add", "", "strike"], env, check=False).returncode != 0
    assert run(["saved", "add", "empty", ""], env, check=False).returncode != 0
    star = run(["saved", "add", "star", "*"], env, check=False)
    assert star.returncode != 0 and "means nothing" in star.stderr
    run(["saved", "add", "stars", "is:starred"], env)
    taken = run(["saved", "add", "stars", "is:read"], env, check=False)
    assert taken.returncode != 0 and "--replace" in taken.stderr
    assert {"name": "stars", "query": "is:starred"} in json.loads(
        run(["saved", "--json"], env).stdout
    )
    run(["saved", "add", "--replace", "stars", "is:read"], env)  # the flag first works too
    assert {"name": "stars", "query": "is:read"} in json.loads(run(["saved", "--json"], env).stdout)
    [first, *_] = json.loads(run(["list", "--json"], env).stdout)
    same = run(["diff", first["id"], first["id"]], env, check=False)
    assert same.returncode != 0 and "one article" in same.stderr
    negative = run(["history", "--limit", "-2"], env, check=False)
    assert negative.returncode != 0 and "--limit" in negative.stderr
    # 0 is every step, as for list and search.
    run(["tag", first["id"], "+checked"], env)
    every = json.loads(run(["history", "--limit", "0", "--json"], env).stdout)
    assert len(every) == 2  # the import and the tag


def test_an_action_on_an_article_that_does_not_exist_fails(
    env: dict[str, str], corpus: Path
) -> None:
    # "newsdesk star 0123456789ab" said "no article matched" and exited 0.
    run(["import", str(corpus)], env)
    missing = run(["star", "0123456789ab"], env, check=False)
    assert missing.returncode == 1 and "no article matched" in missing.stderr
    assert json.loads(run(["list", "is:starred", "--json"], env).stdout) == []
    [first, *_] = json.loads(run(["list", "--json"], env).stdout)
    assert run(["star", first["id"]], env).returncode == 0


def test_read_marks_every_version_when_the_config_says_so(
    env: dict[str, str], isolated_dirs: Path
) -> None:
    # `r` in the app did; `newsdesk read` marked the one version.
    from conftest import SAMPLE_DATA

    run(["import", str(SAMPLE_DATA)], env)
    stories = json.loads(run(["stories", "--json"], env).stdout)
    story = next(s for s in stories if len(s["articles"]) >= 2)
    first, second = (a["id"] for a in story["articles"][:2])
    config = isolated_dirs / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text("[stories]\nread_all_versions = true\n", "utf-8")
    run(["read", first], env)
    assert json.loads(run(["show", second, "--json"], env).stdout)["read"] is True


def test_a_redirected_import_writes_nothing_to_stderr_but_its_news(
    env: dict[str, str], corpus: Path, tmp_path: Path
) -> None:
    """`newsdesk import FILE >/dev/null 2>log` from cron: no progress bar's leftovers."""
    run_process(["import", str(corpus / "strike.txt")], env)
    other = tmp_path / "glacier.txt"
    other.write_text(PAGE_TWO.replace("Glacier", "Icefield"), encoding="utf-8")
    again = run_process(["import", str(other)], env)
    assert again.stderr == ""


def test_a_config_file_that_is_not_toml_is_said_by_every_command(
    env: dict[str, str], isolated_dirs: Path
) -> None:
    """Every command ignored it without a word (only the app said so)."""
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[history\nkeep_days = 90\n", encoding="utf-8")
    listed = run(["list"], env)
    assert "config.toml: invalid TOML" in listed.stderr and "defaults kept" in listed.stderr
    config.write_text("[history]\nkeep_days = 90\n", encoding="utf-8")
    assert "config.toml" not in run(["list"], env).stderr


def test_a_usage_error_never_prints_a_password(env: dict[str, str]) -> None:
    """`--store URL` after the command is no option of it: argparse echoed it whole."""
    bad = run(
        ["doctor", "--store", "postgresql://ana:WRONGSECRET@127.0.0.1/desk", "--json"],
        env,
        check=False,
    )
    assert bad.returncode == 2 and "WRONGSECRET" not in bad.stderr
    assert "postgresql://ana:***@127.0.0.1/desk" in bad.stderr
    from newsdesk.cli.main import hide_passwords

    assert hide_passwords("host=db password=s3cret dbname=x") == "host=db password=*** dbname=x"


def test_show_reads_a_standfirst_the_body_opens_with_once(
    env: dict[str, str], tmp_path: Path
) -> None:
    # The page's standfirst is also the first paragraph its body extraction keeps.
    lede = "The harbour board voted to close the north pier for repairs after a winter of storms."
    page = f"""<html><head><title>Harbour board shuts north pier</title>
<meta name="description" content="{lede}"></head><body><article>
<h1>Harbour board shuts north pier</h1><p>{lede}</p>
<p>Fishing crews will move to the south quay from Monday, the board's chair said on Tuesday,
and the work is expected to last until the spring tides have passed.</p>
<p>"We could not wait another season," said the chair, who asked crews for patience.</p>
</article></body></html>"""
    (tmp_path / "pier.html").write_text(page, encoding="utf-8")
    run(["import", str(tmp_path / "pier.html")], env)
    aid = json.loads(run(["list", "--json"], env).stdout)[0]["id"]
    shown = json.loads(run(["show", aid, "--json"], env).stdout)
    assert shown["dek"] == lede and shown["body"].startswith(lede)
    assert run(["show", aid], env).stdout.count("north pier for repairs") == 1


def test_a_short_word_that_could_start_an_id_is_read_as_a_query(
    env: dict[str, str], corpus: Path, tmp_path: Path
) -> None:
    # "cafe", "dead", "2026" are hex: they were refused as ids too short to use.
    page = tmp_path / "cafe.txt"
    page.write_text(
        "Harbour cafe reopens after the storm\n\nBy Ines Varga\n\n"
        "The harbour cafe reopened on Monday after two weeks of repairs, its owner said, "
        "and the ferry crews were its first customers of the morning.\n",
        encoding="utf-8",
    )
    run(["import", str(corpus), str(page)], env)
    starred = run(["star", "cafe", "--json"], env)
    assert len(json.loads(starred.stdout)["changed"]) == 1
    listed = run(["search", "is:starred", "--json"], env)
    assert [r["title"] for r in json.loads(listed.stdout)] == [
        "Harbour cafe reopens after the storm"
    ]
    # A short hex word that finds nothing still says what is wrong with it as an id.
    nothing = run(["star", "bead"], env, check=False)
    assert nothing.returncode == 1
    assert "id 'bead' is too short: give at least six characters of an id" in nothing.stderr


def test_a_folder_with_nothing_to_import_says_what_was_left_out(
    env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "walk"
    folder.mkdir()
    (folder / "README.md").write_text("# notes\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("Hidden story\n\nIts text.\n", encoding="utf-8")
    proc = run(["import", str(folder)], env)
    assert "(0 files)" in proc.stdout
    assert "found no file to import" in proc.stderr and "README" in proc.stderr


def test_unarchive_finds_what_archive_found_with_the_same_words(
    env: dict[str, str], corpus: Path
) -> None:
    run(["import", str(corpus)], env)
    archived = run(["archive", "glaciers", "--json"], env)
    assert len(json.loads(archived.stdout)["changed"]) == 1
    back = run(["unarchive", "glaciers", "--json"], env)
    assert len(json.loads(back.stdout)["changed"]) == 1
    listed = run(["search", "glaciers", "--json"], env)
    assert len(json.loads(listed.stdout)) == 1  # in the inbox again
    # Ids still work, and only what is named is brought back.
    run(["archive", "glaciers"], env)
    run(["archive", "strike"], env)
    (row,) = json.loads(run(["search", "is:archived glaciers", "--json"], env).stdout)
    one = run(["unarchive", row["id"][:10], "--json"], env)
    assert json.loads(one.stdout)["changed"] == [row["id"]]
    assert len(json.loads(run(["search", "is:archived", "--json"], env).stdout)) == 1


def test_reindex_on_a_read_only_folder_says_so(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a read-only data folder `reindex` printed the raw "Read-only file system:
    .../MAIN_x._stored.col" (every other command says the folder is read-only)."""
    import errno

    from newsdesk.cli.main import main
    from newsdesk.desk import Desk

    def refused(self: Desk, progress: object = None) -> int:
        raise OSError(errno.EROFS, "Read-only file system", "/data/index/MAIN_x._stored.col")

    monkeypatch.setattr(Desk, "reindex", refused)
    assert main(["reindex"]) != 0
    err = capsys.readouterr().err
    assert "the search index cannot be rebuilt: Read-only file system" in err
    assert "the index as it was is kept" in err


def test_an_unknown_option_is_said_with_the_command_s_own_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`newsdesk undo --bogus` printed the top-level usage (`newsdesk ... COMMAND ...`)."""
    from newsdesk.cli.main import main

    with pytest.raises(SystemExit) as exited:
        main(["undo", "--bogus"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "usage: newsdesk undo" in err
    assert "newsdesk undo: error: unrecognized arguments: --bogus" in err
    # A negated search word is still no option.
    assert main(["search", "-harbour", "--json"]) in (0, 1)


def import_piped(name: str, lines: str, env: dict[str, str], dirs: Path) -> None:
    """`newsdesk import NAME --json` with `lines` piped in: one article, kept in piped/."""
    proc = subprocess.run(
        [sys.executable, "-m", "newsdesk", "import", name, "--json"],
        input=lines,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["imported"] == 1
    kept = list((dirs / "data" / "piped").iterdir())
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == lines


def test_import_dash_reads_standard_input(env: dict[str, str], isolated_dirs: Path) -> None:
    """`cat f.jsonl | newsdesk import -` said "no such file or folder: -"."""
    lines = (
        '{"title": "Harbour cranes repaired after the storm", "body": "The two cranes on '
        'the east quay work again, the port said on Monday."}\n'
    )
    import_piped("-", lines, env, isolated_dirs)
    listed = run(["list", "--json"], env)
    assert [r["title"] for r in json.loads(listed.stdout)] == [
        "Harbour cranes repaired after the storm"
    ]
    # Nothing piped in: a clear refusal, nothing stored.
    empty = subprocess.run(
        [sys.executable, "-m", "newsdesk", "import", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert empty.returncode == 1 and "nothing on standard input" in empty.stderr


def test_a_mistyped_data_dir_is_said_not_made_into_an_empty_desk(
    env: dict[str, str], tmp_path: Path
) -> None:
    """`newsdesk --data-dir /mistyped/x list` made an empty desk there and said "no
    matches", exit 0."""
    missing = tmp_path / "no-such" / "desk"
    proc = run(["--data-dir", str(missing), "list"], env, check=False)
    assert proc.returncode == 1
    assert "no desk at" in proc.stderr and "does not exist" in proc.stderr
    assert not (tmp_path / "no-such").exists()
    # A command that makes a desk still may.
    page = tmp_path / "story.txt"
    page.write_text(
        "Harbour cranes repaired after the storm\n\nThe two cranes on the east quay work "
        "again, the port said on Monday.\n",
        encoding="utf-8",
    )
    assert run(["--data-dir", str(missing), "import", str(page)], env).returncode == 0
    assert run(["--data-dir", str(missing), "list"], env).returncode == 0


def test_nothing_to_undo_exits_1_with_json_a_script_can_read(
    env: dict[str, str], corpus: Path
) -> None:
    """`undo --json` with nothing left printed `null` and exited 0, so a script could not
    tell "nothing left" from an undo; an action that changes nothing exits 1."""
    plain = run(["undo"], env, check=False)
    assert plain.returncode == 1 and "nothing to undo" in plain.stderr
    as_json = run(["undo", "--json"], env, check=False)
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout) == {"action": None, "changed": [], "requested": 0}
    run(["import", str(corpus)], env)
    assert json.loads(run(["undo", "--json"], env).stdout)["action"] == "undo import"
