"""Watched folders with real files, real renames and moves; results polled, no fixed sleeps."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.config import load_settings
from newsdesk.desk import Desk, ImportSummary
from newsdesk.paths import resolve
from newsdesk.watch import Settler, is_temporary


def story(n: int) -> str:
    return (
        f"---\ntitle: Allotment society report number {n}\nsource: Hill Road Bulletin\n---\n\n"
        f"The allotment society met on Thursday evening for meeting number {n} and agreed "
        f"to share the new water butts between plots {n} and {n + 1}, the secretary said.\n\n"
        "Members also asked the council to mend the gate by the lane before winter.\n"
    )


class Watcher:
    """`Desk.watch_folders` in a thread, as `newsdesk watch` and the app run it."""

    def __init__(self, folders: list[Path]) -> None:
        self.stop = threading.Event()
        self.summaries: list[ImportSummary] = []
        self.errors: list[str] = []
        self._lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, args=(folders,), daemon=True)

    def _run(self, folders: list[Path]) -> None:
        with Desk() as desk:
            desk.watch_folders(
                folders,
                stop=self.stop,
                on_import=self._add,
                on_error=self.errors.append,
                settle_s=0.3,
            )

    def _add(self, summary: ImportSummary) -> None:
        with self._lock:
            self.summaries.append(summary)

    def files(self) -> dict[str, tuple[int, str | None]]:
        with self._lock:
            return {
                Path(f.path).name: (f.imported, f.error) for s in self.summaries for f in s.files
            }


def wait_for(
    check: Callable[[], bool], timeout: float = 60.0, shown: Callable[[], str] | None = None
) -> None:
    """Poll `check` (the timeout only stops a hang: a loaded machine may be slow);
    `shown` says what there was to see when it times out."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting" + (f": {shown()}" if shown else ""))
        time.sleep(0.05)


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    folder = tmp_path / "drop"
    folder.mkdir()
    return folder


@pytest.fixture
def watcher(drop: Path) -> Iterator[Watcher]:
    (drop / "already.md").write_text(story(0), encoding="utf-8")
    running = Watcher([drop])
    running.thread.start()
    wait_for(lambda: "already.md" in running.files())
    yield running
    running.stop.set()
    running.thread.join(10)
    assert not running.thread.is_alive()


def test_partial_names_wait_for_the_rename(watcher: Watcher, drop: Path) -> None:
    part = drop / "one.md.part"
    part.write_text(story(1), encoding="utf-8")
    (drop / "notes.md~").write_text(story(9), encoding="utf-8")
    (drop / "two.md.tmp").write_text(story(2), encoding="utf-8")
    (drop / "#three.md#").write_text(story(3), encoding="utf-8")  # Emacs's auto-save
    os.rename(part, drop / "one.md")
    wait_for(lambda: "one.md" in watcher.files())
    files = watcher.files()
    assert files["one.md"] == (1, None)
    assert not any(is_temporary(Path(name)) for name in files)
    assert "#three.md#" not in files
    assert not is_temporary(Path("#1 story.md")) and not is_temporary(Path("#"))


class HeldClock:
    """The watcher's clock, which the test can hold still (then let run on)."""

    def __init__(self) -> None:
        self.held: float | None = None

    def monotonic(self) -> float:
        return time.monotonic() if self.held is None else self.held


def test_moved_in_and_growing_files(
    watcher: Watcher, drop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsdesk.watch as watch_mod

    outside = tmp_path / "elsewhere.md"
    outside.write_text(story(3), encoding="utf-8")
    os.rename(outside, drop / "moved.md")
    # What the watcher looked at: names, and every size of the growing file.
    looked: set[str] = set()
    sizes: set[int] = set()
    real_stat = watch_mod._stat

    def stat(path: Path) -> os.stat_result | None:
        found = real_stat(path)
        looked.add(path.name)
        if found is not None and path.name == "slow.md":
            sizes.add(found.st_size)
        return found

    monkeypatch.setattr(watch_mod, "_stat", stat)
    sub = drop / "desk-b"
    sub.mkdir()
    # The file goes in once the watcher has seen the new folder (and so watches it):
    # a file written at once into a folder made a moment before can go unseen.
    wait_for(lambda: "desk-b" in looked)
    growing = sub / "slow.md"
    text = story(4)
    # A writer slower than the watcher's polls, and (on the watcher's clock, held
    # still while it writes) faster than the settle time, however loaded the machine:
    # each part is written once the watcher has seen the one before.
    clock = HeldClock()
    monkeypatch.setattr(watch_mod, "time", clock)
    clock.held = time.monotonic()
    with growing.open("w", encoding="utf-8") as handle:
        for start in range(0, len(text), 60):
            handle.write(text[start : start + 60])
            handle.flush()
            wait_for(lambda: os.fstat(handle.fileno()).st_size in sizes)
    clock.held = None
    wait_for(lambda: {"moved.md", "slow.md"} <= watcher.files().keys())
    files = watcher.files()
    assert files["moved.md"] == (1, None) and files["slow.md"] == (1, None)
    # Each file once: the growing file was not read half-written and then again.
    assert sum(1 for s in watcher.summaries for f in s.files if f.path.endswith("slow.md")) == 1
    with Desk() as desk:
        titles = {row.title for row in desk.rows(desk.inbox_ids())}
    assert "Allotment society report number 4" in titles


def test_a_bad_file_does_not_stop_the_watch(watcher: Watcher, drop: Path) -> None:
    (drop / "broken.xml").write_bytes(b"<rss><channel><item><title>x</ti")
    wait_for(lambda: "broken.xml" in watcher.files())
    imported, error = watcher.files()["broken.xml"]
    assert imported == 0 and error
    (drop / "after.md").write_text(story(5), encoding="utf-8")
    wait_for(lambda: "after.md" in watcher.files())
    assert watcher.files()["after.md"] == (1, None)


def test_an_empty_file_dropped_in_is_reported_as_import_reports_it(
    watcher: Watcher, drop: Path
) -> None:
    (drop / "empty.txt").write_bytes(b"")
    wait_for(lambda: "empty.txt" in watcher.files())
    imported, error = watcher.files()["empty.txt"]
    assert imported == 0 and error is not None and "empty" in error


def test_settler_releases_only_still_files(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("one", encoding="utf-8")
    settler = Settler(settle_s=5)
    settler.saw(path, now=100.0)
    settler.saw(tmp_path / "b.part", now=100.0)
    assert len(settler) == 1
    assert settler.ready(now=104.0) == []
    path.write_text("one and more", encoding="utf-8")
    assert settler.ready(now=106.0) == []  # it changed: the clock starts again
    assert settler.ready(now=110.0) == []
    assert settler.ready(now=111.5) == [path]
    assert len(settler) == 0


def test_watch_command_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["watch"]) == 2
    assert "no folder to watch" in capsys.readouterr().err
    assert main(["watch", str(tmp_path / "nope")]) == 2
    said = capsys.readouterr()
    assert "not a folder" in said.err and "Traceback" not in said.err
    assert "watching" not in said.out + said.err  # it never said it was watching


def test_watch_folders_from_config(tmp_path: Path) -> None:
    paths = resolve()
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(
        '[watch]\nfolders = ["~/drop", "/srv/wire", 3]\n', encoding="utf-8"
    )
    settings = load_settings(paths)
    assert settings.watch_folders == [Path("~/drop").expanduser(), Path("/srv/wire")]
    assert any("watch.folders" in e for e in settings.errors)


def test_background_fetch_setting_from_config() -> None:
    paths = resolve()
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    assert load_settings(paths).fetch_in_background is True
    paths.config_file.write_text("[feeds]\nbackground = false\n", encoding="utf-8")
    assert load_settings(paths).fetch_in_background is False
    paths.config_file.write_text('[feeds]\nbackground = "no"\n', encoding="utf-8")
    settings = load_settings(paths)
    assert settings.fetch_in_background is True
    assert any("feeds.background must be true or false" in e for e in settings.errors)


def test_files_in_a_new_subfolder_are_imported(watcher: Watcher, drop: Path) -> None:
    """Written the moment the folder is made, before any watch on it can start; and a
    folder of files moved in whole."""
    fresh = drop / "desk-b"
    fresh.mkdir()
    (fresh / "at-once.md").write_text(story(3), encoding="utf-8")
    elsewhere = drop.parent / "outside"
    elsewhere.mkdir()
    (elsewhere / "moved-one.md").write_text(story(4), encoding="utf-8")
    (elsewhere / "moved-two.md").write_text(story(5), encoding="utf-8")
    os.rename(elsewhere, drop / "moved-in")
    wanted = {"at-once.md", "moved-one.md", "moved-two.md"}
    wait_for(lambda: wanted <= set(watcher.files()))
    files = watcher.files()
    assert all(files[name] == (1, None) for name in wanted)


def test_the_watch_command_prints_a_files_warnings_as_import_does(drop: Path) -> None:
    # It printed "+ mixed.jsonl: 1 new" and nothing of the line it left out.
    watching, lines = _watch_command(str(drop), "--settle", "0.2")

    def warned() -> bool:
        return any(line.lstrip().startswith("!") and "line 2" in line for line in lines)

    try:
        wait_for(lambda: any("watching" in line for line in lines))
        (drop / "mixed.jsonl").write_text(
            '{"title": "Harbour opens", "body": "The harbour opened at dawn."}\n{not json at all\n',
            encoding="utf-8",
        )
        wait_for(
            lambda: any("mixed.jsonl: 1 new" in line for line in lines),
            shown=lambda: "".join(lines),
        )
        wait_for(warned, timeout=30, shown=lambda: "".join(lines))
    finally:
        watching.terminate()
        watching.wait(10)
    assert warned(), "".join(lines)


def _watch_command(*args: str) -> tuple[subprocess.Popen[str], list[str]]:
    """`newsdesk watch ARGS` in a process of its own, and the lines it prints as they come."""
    watching = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", "watch", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=os.environ,
    )
    lines: list[str] = []

    def read() -> None:
        assert watching.stdout is not None
        lines.extend(iter(watching.stdout.readline, ""))

    threading.Thread(target=read, daemon=True).start()
    return watching, lines


def test_ctrl_c_stops_the_watch_command(drop: Path) -> None:
    # Ctrl-C ended one watch and the loop started another: it never stopped.
    watching, lines = _watch_command(str(drop), "--no-initial")
    try:
        wait_for(lambda: any("watching" in line for line in lines))
        time.sleep(0.3)  # inside the watch's loop, as a person pressing keys later is
        watching.send_signal(signal.SIGINT)
        # As `import` ends on Ctrl-C: 130 and what was kept (it said nothing, exit 0).
        assert watching.wait(timeout=15) == 130
    finally:
        if watching.poll() is None:
            watching.kill()
            watching.wait(10)
    assert "Traceback" not in "".join(lines)
    assert "stopped: 0 articles reported stored from 0 files" in "".join(lines)


def test_a_watched_folder_removed_and_made_again_is_watched_again(
    watcher: Watcher, drop: Path
) -> None:
    """`rm -rf drop; mkdir drop`: the operating system's watch went with the old folder,
    and nothing dropped into the new one was ever imported."""
    shutil.rmtree(drop)
    # The folder is made again once the watch has seen it gone, not at a guessed time.
    wait_for(lambda: any("no watched folder exists" in e for e in watcher.errors), timeout=30)
    drop.mkdir()
    (drop / "first-in-new.md").write_text(story(6), encoding="utf-8")
    wait_for(lambda: "first-in-new.md" in watcher.files(), timeout=30)
    (drop / "later.md").write_text(story(7), encoding="utf-8")
    wait_for(lambda: "later.md" in watcher.files(), timeout=30)
    # Moved away and another put in its place.
    drop.rename(drop.parent / "old-drop")
    drop.mkdir()
    (drop / "after-move.md").write_text(story(8), encoding="utf-8")
    wait_for(lambda: "after-move.md" in watcher.files(), timeout=30)


def test_the_watch_skips_what_importing_the_folder_skips(
    watcher: Watcher, drop: Path, tmp_path: Path
) -> None:
    """README, CHANGELOG.json, hidden files and a symlink leading out of the folder were
    imported by the watch and skipped by `newsdesk import FOLDER`."""
    outside = tmp_path / "elsewhere.md"
    outside.write_text(story(11), encoding="utf-8")
    (drop / "README.md").write_text(story(12), encoding="utf-8")
    (drop / "CHANGELOG.json").write_text('{"title": "x", "body": "y"}', encoding="utf-8")
    (drop / ".hidden.md").write_text(story(13), encoding="utf-8")
    (drop / "link.md").symlink_to(outside)
    (drop / "news.md").write_text(story(14), encoding="utf-8")
    wait_for(lambda: "news.md" in watcher.files())
    # Files are imported in the order they settle: once one written after them all is
    # in, anything skipped would have been imported by now (no fixed wait).
    (drop / "after-all.md").write_text(story(15), encoding="utf-8")
    wait_for(lambda: "after-all.md" in watcher.files())
    names = set(watcher.files())
    assert not names & {"README.md", "CHANGELOG.json", ".hidden.md", "link.md"}


def test_files_whose_import_failed_as_a_whole_are_tried_again(
    drop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shared desk out of reach when a file arrived: the file was never imported
    once the desk came back."""
    from newsdesk import watch as watching
    from newsdesk.errors import StoreUnreachableError

    monkeypatch.setattr(watching, "RETRY_S", 0.5)
    calls: list[list[str]] = []
    imported: list[str] = []
    errors: list[str] = []

    def import_files(paths: list[Path]) -> ImportSummary:
        calls.append([p.name for p in paths])
        if len(calls) == 1:
            raise StoreUnreachableError("cannot reach the shared desk")
        imported.extend(p.name for p in paths)
        return ImportSummary()

    # The file is written once the watch has taken its first look (a file there before
    # it is not imported with `initial` False), not after a guessed time.
    looked = threading.Event()
    existing_files = watching.existing_files

    def first_look(folders: list[Path]) -> list[Path]:
        found = existing_files(folders)
        looked.set()
        return found

    monkeypatch.setattr(watching, "existing_files", first_look)
    stop = threading.Event()
    thread = threading.Thread(
        target=watching.watch,
        args=([drop], import_files),
        kwargs={
            "stop": stop,
            "on_import": lambda summary: None,
            "on_error": errors.append,
            "settle_s": 0.2,
            "initial": False,
        },
        daemon=True,
    )
    thread.start()
    try:
        wait_for(looked.is_set)
        (drop / "during-outage.md").write_text(story(21), encoding="utf-8")
        wait_for(lambda: imported == ["during-outage.md"], timeout=30)
        assert len(calls) == 2 and any("trying again" in e for e in errors)
    finally:
        stop.set()
        thread.join(10)


def test_sigterm_stops_the_first_look_at_a_big_folder_after_the_files_in_hand(
    drop: Path,
) -> None:
    """It went on through all of them and exited 0 without a word."""
    for n in range(400):
        (drop / f"s{n:04d}.md").write_text(story(1000 + n), encoding="utf-8")
    watching, lines = _watch_command(str(drop), "--settle", "0")
    try:
        wait_for(lambda: any(line.startswith("+ ") for line in lines), timeout=60)
        watching.send_signal(signal.SIGTERM)
        assert watching.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        if watching.poll() is None:
            watching.kill()
            watching.wait(10)
    said = "".join(lines)
    assert "Traceback" not in said and "stopped (SIGTERM): " in said
    assert sum(line.startswith("+ ") for line in lines) < 400  # not every file


def test_watch_json_lines_count_what_the_rules_archived_as_import_does(drop: Path) -> None:
    """`watch --json` lacked `archived_on_arrival`, which `import --json` gives."""
    from newsdesk.cli.main import main

    assert main(["rules", "add", "quiet", "title:harbour", "archive"]) == 0
    # Written first: the watch imports what the folder holds when it starts (and says
    # nothing before that under --json).
    (drop / "two.jsonl").write_text(
        '{"title": "Harbour opens", "body": "The harbour opened at dawn."}\n'
        '{"title": "Ferry returns", "body": "The ferry sailed again on Monday."}\n',
        encoding="utf-8",
    )
    watching, lines = _watch_command(str(drop), "--settle", "0.2", "--json")
    try:
        wait_for(
            lambda: any('"imported": 2' in line for line in lines),
            timeout=60,
            shown=lambda: "".join(lines),
        )
    finally:
        watching.terminate()
        watching.wait(10)
    record = next(json.loads(line) for line in lines if '"imported": 2' in line)
    assert record["archived_on_arrival"] == 1
