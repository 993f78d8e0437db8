"""Fixtures for the reliability tests: populated data directories, read-only and full disks."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from tests.reliability.helpers import build_store


@pytest.fixture(scope="session")
def _populated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with 60 articles and an up-to-date index, built once."""
    data = tmp_path_factory.mktemp("template") / "data"
    data.mkdir()
    build_store(data / "newsdesk.sqlite3", 60)
    with Desk(resolve(data)) as desk:
        desk.sync_index()
    return data


@pytest.fixture
def populated(tmp_path: Path, _populated_template: Path) -> Path:
    """A fresh copy of the 60-article data directory for one test."""
    data = tmp_path / "data"
    shutil.copytree(_populated_template, data)
    return data


def _mount(*args: str) -> bool:
    try:
        return subprocess.run(["mount", *args], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@contextlib.contextmanager
def read_only(directory: Path) -> Iterator[None]:
    """Make `directory` unwritable for this process: chmod, or a read-only bind mount for root."""
    if os.geteuid() != 0:
        # The files too: SQLite could otherwise write through an existing -wal/-shm.
        modes = {p: p.stat().st_mode for p in [directory, *directory.iterdir()]}
        for path in modes:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    if not _mount("--bind", "-o", "ro", str(directory), str(directory)):
        pytest.skip("running as root and cannot bind-mount read-only")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(directory)], capture_output=True, timeout=10)


@contextlib.contextmanager
def tiny_disk(directory: Path, size: str = "700k") -> Iterator[Path]:
    """A real, nearly full file system at `directory` (tmpfs; needs root, else skips)."""
    directory.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount(
        "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(directory)
    ):
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield directory
    finally:
        subprocess.run(["umount", "-l", str(directory)], capture_output=True, timeout=10)
