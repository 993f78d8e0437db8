"""newsdesk.atomic: whole files or nothing, no symlinks followed, file sets all-or-nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import newsdesk.atomic
from newsdesk.atomic import (
    FileSetConflictError,
    SymlinkRefusedError,
    atomic_file_set,
    atomic_replace,
    atomic_write_bytes,
    atomic_write_text,
)


def entries(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    atomic_write_text(target, "one\r\nline")
    assert target.read_bytes() == b"one\r\nline"  # written as given
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert entries(tmp_path) == ["f.txt"]


def test_replacing_keeps_the_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write_text(tmp_path / "f.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "f.txt").stat().st_mode) == 0o640


def test_symlink_target_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(victim)
    with pytest.raises(SymlinkRefusedError):
        atomic_write_text(link, "overwrite")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert link.is_symlink()


def test_replace_moves_a_finished_file_over_the_target_and_refuses_a_symlink(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "store.db"
    target.write_bytes(b"old")
    built = tmp_path / "store.db.salvage-1"
    built.write_bytes(b"new")
    synced: list[int] = []
    real_fsync = os.fsync

    def counting_fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(newsdesk.atomic.os, "fsync", counting_fsync)
    atomic_replace(built, target)
    assert target.read_bytes() == b"new" and not built.exists()
    assert len(synced) >= 2  # the file before the rename, the folder after it
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    link = tmp_path / "link"
    link.symlink_to(victim)
    other = tmp_path / "other"
    other.write_bytes(b"new")
    with pytest.raises(SymlinkRefusedError):
        atomic_replace(other, link)
    assert victim.read_bytes() == b"precious" and other.exists()


def test_failed_replace_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f.txt"
    target.write_text("old", encoding="utf-8")

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(newsdesk.atomic.os, "replace", failing_replace)
    with pytest.raises(OSError, match="Input/output"):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert entries(tmp_path) == ["f.txt"]


def test_file_set_into_a_new_folder(tmp_path: Path) -> None:
    dest = tmp_path / "a" / "b"
    with atomic_file_set(dest) as files:
        files.write_text("one.md", "1")
        files.write_text("two.md", "2")
        assert not dest.exists()  # nothing visible before the block ends
    assert entries(dest) == ["one.md", "two.md"]
    assert entries(tmp_path / "a") == ["b"]


def test_file_set_exception_leaves_nothing(tmp_path: Path) -> None:
    dest = tmp_path / "a" / "b"
    with pytest.raises(RuntimeError), atomic_file_set(dest) as files:
        files.write_text("one.md", "1")
        raise RuntimeError("render failed")
    assert entries(tmp_path) == []


def test_file_set_into_existing_folder_conflicts(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text("old", encoding="utf-8")
    with pytest.raises(FileSetConflictError) as caught, atomic_file_set(tmp_path) as files:
        files.write_text("one.md", "new")
        files.write_text("two.md", "new")
    assert caught.value.conflicts == [tmp_path / "one.md"]
    assert entries(tmp_path) == ["one.md"]
    with atomic_file_set(tmp_path, overwrite=True) as files:
        files.write_text("one.md", "new")
    assert (tmp_path / "one.md").read_text(encoding="utf-8") == "new"
    assert entries(tmp_path) == ["one.md"]


@pytest.mark.parametrize("name", ["", ".", "..", "../x", "a/b", "a\\b", "nul\x00"])
def test_file_set_accepts_only_plain_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError), atomic_file_set(tmp_path / "out") as files:
        files.write_text(name, "x")
    assert entries(tmp_path) == []


def test_file_set_rejects_the_same_name_twice(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="twice"), atomic_file_set(tmp_path / "out") as files:
        files.write_text("a.md", "x")
        files.write_text("A.md", "y")
    assert entries(tmp_path) == []


def test_file_set_refuses_a_symlinked_folder(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    with pytest.raises(SymlinkRefusedError), atomic_file_set(tmp_path / "link") as files:
        files.write_text("a.md", "x")
    assert entries(real) == []


def test_file_set_without_syncfs_fsyncs_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def counting_fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(newsdesk.atomic, "_syncfs", lambda directory: False)
    monkeypatch.setattr(newsdesk.atomic.os, "fsync", counting_fsync)
    with atomic_file_set(tmp_path / "out") as files:
        files.write_text("a.md", "a")
        files.write_text("b.md", "b")
    assert entries(tmp_path / "out") == ["a.md", "b.md"]
    assert len(synced) >= 2  # one per staged file, plus the directory


def test_file_set_never_moves_a_folder_aside(tmp_path: Path) -> None:
    (tmp_path / "a.md").mkdir()
    (tmp_path / "a.md" / "keep").write_text("mine", encoding="utf-8")
    with pytest.raises(IsADirectoryError), atomic_file_set(tmp_path, overwrite=True) as files:
        files.write_text("a.md", "x")
    assert (tmp_path / "a.md" / "keep").read_text(encoding="utf-8") == "mine"
    assert entries(tmp_path) == ["a.md"]
