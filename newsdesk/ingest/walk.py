"""Which files a list of paths (files and folders) names for import."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

# A folder's own documentation is not news: README, LICENSE and the like are
# skipped when walking a folder (a file named explicitly is still imported).
_FOLDER_DOCS = ("readme", "license", "licence", "changelog", "copying", "contributing")


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _folder_doc(name: str) -> bool:
    stem = name.casefold().split(".", 1)[0]
    return stem in _FOLDER_DOCS


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _entries(folder: Path, resolved_root: Path) -> list[tuple[Path, bool]]:
    """(path, is_folder) for the visible entries of one folder, sorted by name."""
    try:
        scanned = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []  # Unreadable folder: nothing to offer from it.
    out: list[tuple[Path, bool]] = []
    for entry in scanned:
        if _hidden(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_symlink() and not _inside(path, resolved_root):
            continue
        try:
            if entry.is_dir():
                out.append((path, True))
            elif entry.is_file() and not _folder_doc(entry.name):
                out.append((path, False))
        except OSError:
            continue  # Vanished or unreadable entry.
    return out


def _walk_dir(root: Path) -> Iterator[Path]:
    """Depth-first in sorted order, without recursion (deep trees cannot overflow)."""
    resolved_root = root.resolve()
    seen_dirs = {resolved_root}
    stack: list[Iterator[tuple[Path, bool]]] = [iter(_entries(root, resolved_root))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path, is_folder = entry
        if not is_folder:
            yield path
            continue
        real = path.resolve()
        if real in seen_dirs:
            continue  # A symlink loop inside the root.
        seen_dirs.add(real)
        stack.append(iter(_entries(path, resolved_root)))


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Candidate files under the given files and folders, in a stable order.

    Folders are walked recursively and sorted; hidden files and folders are
    skipped, and so are symlinks that lead outside the folder given. A file
    named explicitly is yielded as is (even when hidden), and unknown
    extensions are yielded too: `load_file` sniffs them or says why not.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        candidates = _walk_dir(path) if path.is_dir() else iter([path])
        for candidate in candidates:
            # A file named twice (on its own and inside a folder given too) is offered once.
            key = _identity(candidate)
            if key in seen:
                continue
            seen.add(key)
            yield candidate


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def offered_by_folder(path: Path, roots: Iterable[Path]) -> bool:
    """Whether walking the folder among `roots` that holds `path` would offer it (the
    watch of a folder takes what importing the folder takes: no hidden files, no
    README, no symlink leading out); a path under none of them is offered as given."""
    absolute = Path(os.path.abspath(path))
    for root in roots:
        top = Path(os.path.abspath(root))
        try:
            relative = absolute.relative_to(top)
        except ValueError:
            continue
        if any(_hidden(part) for part in relative.parts) or _folder_doc(absolute.name):
            return False
        return not (absolute.is_symlink() and not _inside(absolute, top.resolve()))
    return True
