"""Whose article an existing `.md` file in an md-files folder holds.

An md-files export names each file after its headline, numbering the second of
two alike ("a.md", "a-2.md") within one export. A later export of only the
second article would name its file "a.md" again and, with `--force`, write it
over the first article's file. The front matter's `id:` line says whose file a
name already holds, so names are chosen to skip other articles' files.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from newsdesk.ingest.markdown import split_front_matter

#: Front matter is short; reading more would only slow a folder of big files.
_HEAD_BYTES = 16_384


def exported_id(path: Path) -> str | None:
    """The `id:` in the front matter of newsdesk's Markdown file at `path`, else None
    (no such file, not a regular file, no front matter, or no id in it)."""
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode):
            return None
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None
    front, _body = split_front_matter(head.decode("utf-8", errors="replace"))
    for line in (front or "").splitlines():
        key, sep, value = line.partition(":")
        if sep and key == "id":
            return value.strip().strip("'\"") or None
    return None


def another_articles_file(folder: Path) -> Callable[[str, str], bool]:
    """A test for `(file name, article id)`: does the name in `folder` hold the file
    newsdesk exported for another article? A file without an id (the editor's own)
    is not another article's: it stays a conflict that only `force` replaces."""

    def held_by_other(name: str, article_id: str) -> bool:
        owner = exported_id(folder / name)
        return owner is not None and owner != article_id

    return held_by_other
