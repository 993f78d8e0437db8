"""Where an export goes: the default folder and name, a free variant of a name that is
taken, and what a typed destination means (one ending in a separator is a folder).

A name newsdesk chose never collides: two exports in the same minute were given the
same `digest-…-1405.md`, and the second was refused. A name the editor typed still
needs `force` to replace a file (the writer's rule).
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import platformdirs

from newsdesk.export.options import FORMAT_SUFFIX, ExportFormat

__all__ = [
    "FOLDER_ENDINGS",
    "default_destination",
    "default_export_dir",
    "default_file_name",
    "free_variant",
    "local_now",
    "typed_destination",
]

_STEM = {"md": "digest", "md-files": "articles", "json": "articles", "csv": "articles"}
#: A default name's stamp with a variant's number after it (`…-2026-11-23-1405-2`).
_NUMBERED = re.compile(r"(.*-\d{4}-\d{2}-\d{2}-\d{4})-(\d+)")

#: A typed destination ending in one of these names a folder, even one not made yet.
FOLDER_ENDINGS: tuple[str, ...] = tuple(dict.fromkeys(s for s in ("/", os.sep, os.altsep) if s))


def local_now() -> datetime:
    """The time that stamps a default name (a function, so a test can hold it still)."""
    return datetime.now().astimezone()


def default_export_dir() -> Path:
    """`<Documents>/newsdesk` when the user has a Documents folder, else the current directory."""
    documents = Path(platformdirs.user_documents_dir())
    if documents.is_dir():
        return documents / "newsdesk"
    return Path.cwd()


def default_file_name(fmt: ExportFormat, now: datetime | None = None) -> str:
    """E.g. `digest-2026-11-23-1405.md`; a folder name for md-files."""
    stamp = (now or local_now()).strftime("%Y-%m-%d-%H%M")
    return f"{_STEM[fmt]}-{stamp}{FORMAT_SUFFIX[fmt]}"


def free_variant(path: Path, fmt: ExportFormat) -> Path:
    """`path` when nothing is there, else the first free `name-2.md`, `name-3.md`, ...

    Anything at all in the way counts (a file, a folder, a dangling link), so the
    name chosen is never one the writer would refuse or replace.
    """
    if not os.path.lexists(path):
        return path
    suffix = FORMAT_SUFFIX[fmt]
    stem, tail = path.name, ""
    if suffix and stem.endswith(suffix):
        stem, tail = stem[: -len(suffix)], suffix
    n = 2
    numbered = _NUMBERED.fullmatch(stem)
    if numbered:  # `digest-…-1405-3.md` taken goes on to `-4`, not `-3-2`
        stem, n = numbered[1], int(numbered[2]) + 1
    while os.path.lexists(candidate := path.with_name(f"{stem}-{n}{tail}")):
        n += 1
    return candidate


def default_destination(fmt: ExportFormat, now: datetime | None = None) -> Path:
    """Where an export goes when the user names no destination (a name not taken)."""
    return free_variant(default_export_dir() / default_file_name(fmt, now), fmt)


def typed_destination(
    typed: str, fmt: ExportFormat, now: datetime | None = None
) -> tuple[Path, bool]:
    """The path a destination the editor typed means, and whether its name is newsdesk's
    own (then a taken name gets `-2`, `-3`, ... instead of being refused).

    A path ending in a separator is a folder, made when missing, that gets the default
    name (for md-files it is the folder the files go in). An existing folder typed
    without the separator is found by the writer, which does the same.
    """
    path = Path(typed).expanduser()
    if typed.endswith(FOLDER_ENDINGS) and fmt != "md-files":
        return path / default_file_name(fmt, now), True
    return path, False
