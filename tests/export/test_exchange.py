"""Exports into an existing folder are all or nothing, even when killed (issue 17 item 5).

A kill is simulated exactly: a child process runs the file set and dies
(`os._exit`) just before its k-th file-system step (rename, link, unlink,
exchange, removal), for every k. After each death the folder must hold the
old set or the new one, never a mix, the user's own files untouched; and
`newsdesk doctor` finds the staging folder it left wherever it is.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsdesk.atomic
from newsdesk import pipeline
from newsdesk.atomic import atomic_file_set
from newsdesk.doctor import Doctor
from newsdesk.paths import resolve

pytestmark = pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(),
    reason="kills are simulated by children of the fork server",
)
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the folder exchange is Linux's"
)

OLD = {"a.md": "old a", "b.md": "old b", "c.md": "old c"}
NEW = {"a.md": "new a", "b.md": "new b", "c.md": "new c", "d.md": "new d", "e.md": "new e"}
MINE = {"notes.txt": "the editor's own file", "sub/keep.txt": "kept in a subfolder"}


def _fill(dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "sub").mkdir(parents=True)
    for name, text in {**OLD, **MINE}.items():
        (dest / name).write_text(text, encoding="utf-8")
    (dest / "link").symlink_to("notes.txt")


def _visible(dest: Path) -> dict[str, str]:
    return {
        str(p.relative_to(dest)): p.read_text(encoding="utf-8")
        for p in sorted(dest.rglob("*"))
        if p.is_file()
        and not p.is_symlink()
        and not any(part.startswith(".") for part in p.relative_to(dest).parts)
    }


def _write_set(dest: Path, journal: Path) -> None:
    with atomic_file_set(dest, overwrite=True, journal=journal) as files:
        for name, text in NEW.items():
            files.write_text(name, text)


def _child(step: int, dest: str, journal: str, fallback: str) -> None:  # pragma: no cover
    """Write the set, dying (`os._exit`) just before the `step`-th file-system step;
    `fallback` forces staging "inside" the folder or "beside" it without the exchange."""
    if fallback == "inside":
        newsdesk.atomic._can_stage_beside = lambda dest, st: False
    elif fallback == "beside":
        newsdesk.atomic._exchange = lambda a, b: False
    count = [0]

    def counted(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            count[0] += 1
            if count[0] == step:
                os._exit(9)  # a kill: no cleanup, no rollback
            return real(*args, **kwargs)

        return call

    for name in ("rename", "replace", "link", "unlink", "rmdir"):
        setattr(os, name, counted(getattr(os, name)))
    shutil.rmtree = counted(shutil.rmtree)  # type: ignore[assignment]
    if hasattr(newsdesk.atomic, "_exchange"):
        newsdesk.atomic._exchange = counted(newsdesk.atomic._exchange)
    try:
        _write_set(Path(dest), Path(journal))
    except BaseException:
        os._exit(1)
    os._exit(0)


def _die_before(step: int, dest: Path, journal: Path, fallback: str = "") -> int:
    """Write the set in a child that exits just before its `step`-th file-system step;
    the child's exit code (0: it finished before reaching that step).

    The child comes from the fork server, not `os.fork()` of this process: a test
    worker has other threads (the test runner's, an index writer's), and a child
    forked while one of them held a lock (an import, logging) waited for it forever."""
    # The import workers' server (one a process: started here first without their
    # preload, it would leave the workers cold for the rest of the run).
    process = pipeline._context().Process(  # type: ignore[attr-defined]
        target=_child, args=(step, str(dest), str(journal), fallback)
    )
    process.start()
    process.join()
    assert process.exitcode is not None
    return process.exitcode


@linux_only
def test_a_kill_at_any_step_leaves_the_old_set_or_the_new(tmp_path: Path) -> None:
    dest = tmp_path / "exports" / "desk"
    journal = tmp_path / "journal"
    old = {**OLD, **MINE}
    new = {**NEW, **MINE}
    outcomes = []
    for step in range(1, 60):
        _fill(dest)
        code = _die_before(step, dest, journal)
        seen = _visible(dest)
        assert seen in (old, new), f"killed before step {step}: a mixed set {sorted(seen)}"
        assert os.readlink(dest / "link") == "notes.txt"
        outcomes.append(seen == new)
        if code == 0:
            break
    else:
        pytest.fail("the file set never finished")
    assert outcomes[-1] and not outcomes[0]  # the kills covered before and after the switch
    # What the kills left are hidden staging folders beside the destination, each
    # noted in the journal; doctor finds and removes them (none is in a place it scans).
    left = sorted(p.name for p in (tmp_path / "exports").glob(".newsdesk-staging-*"))
    assert left, "no kill left a staging folder: the test did not test the cleanup"
    paths = resolve(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    shutil.copytree(journal, paths.staging_journal)
    report = Doctor(paths, stale_after=0).run()
    assert report.healthy
    assert sorted((tmp_path / "exports").iterdir()) == [dest]
    assert list(paths.staging_journal.iterdir()) == []
    assert _visible(dest) == new


@linux_only
def test_an_exchange_keeps_the_folder_and_what_else_it_holds(tmp_path: Path) -> None:
    dest = tmp_path / "desk"
    _fill(dest)
    os.chmod(dest, 0o750)
    inode = (dest / "notes.txt").stat().st_ino
    _write_set(dest, tmp_path / "journal")
    assert _visible(dest) == {**NEW, **MINE}
    assert (dest / "notes.txt").stat().st_ino == inode  # carried by a link, not copied
    assert oct(dest.stat().st_mode & 0o777) == oct(0o750)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk", "journal"]
    assert list((tmp_path / "journal").iterdir()) == []


def test_without_an_exchange_files_still_arrive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system that cannot exchange folders: files are moved in one by one."""
    monkeypatch.setattr(newsdesk.atomic, "_exchange", lambda a, b: False)
    dest = tmp_path / "desk"
    _fill(dest)
    _write_set(dest, tmp_path / "journal")
    assert _visible(dest) == {**NEW, **MINE}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk", "journal"]


@linux_only
def test_a_failed_exchange_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(a: Path, b: Path) -> bool:
        raise PermissionError(13, "Permission denied", str(b))

    monkeypatch.setattr(newsdesk.atomic, "_exchange", refused)
    dest = tmp_path / "desk"
    _fill(dest)
    with pytest.raises(PermissionError):
        _write_set(dest, tmp_path / "journal")
    assert _visible(dest) == {**OLD, **MINE}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk", "journal"]
    assert list((tmp_path / "journal").iterdir()) == []


@pytest.mark.parametrize("where", ["inside", "beside"])
def test_without_an_exchange_a_kill_is_rolled_back_from_the_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """The fallback where folders cannot be exchanged (not Linux: staged inside the
    folder; a file system without the exchange: staged beside it), forced here. Files
    move in one by one after a manifest of the plan is written; a kill part-way
    leaves a mix until `newsdesk doctor`, which rolls it back from the manifest to the
    old set before removing the staging folder. Killed before every step in turn."""
    if where == "inside":
        monkeypatch.setattr(newsdesk.atomic, "_can_stage_beside", lambda dest, st: False)
    else:
        monkeypatch.setattr(newsdesk.atomic, "_exchange", lambda a, b: False)
    dest = tmp_path / "exports" / "desk"
    journal = tmp_path / "journal"
    paths = resolve(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    old = {**OLD, **MINE}
    new = {**NEW, **MINE}
    outcomes = []
    mixed = 0
    for step in range(1, 80):
        _fill(dest)
        code = _die_before(step, dest, journal, where)
        seen = _visible(dest)
        mixed += seen not in (old, new)
        shutil.copytree(journal, paths.staging_journal, dirs_exist_ok=True)
        Doctor(paths, stale_after=0).run()
        seen = _visible(dest)
        assert seen in (old, new), f"killed before step {step}: a mixed set {sorted(seen)}"
        assert os.readlink(dest / "link") == "notes.txt"
        assert not list((tmp_path / "exports").rglob(".newsdesk-staging-*"))
        outcomes.append(seen == new)
        if code == 0:
            break
    else:
        pytest.fail("the file set never finished")
    assert outcomes[-1] and not outcomes[0]
    assert mixed, "no kill left a mix: the test did not test the roll-back"
