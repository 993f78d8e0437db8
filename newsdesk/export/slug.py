"""File names and anchors made from headlines: readable, portable, never a path.

A headline is untrusted text ("../../etc/passwd", "CON", 300 characters of
Thai). `slugify` keeps letters and digits of any script, joins the words with
hyphens and drops everything else, so a slug can hold no separator, dot,
control character or leading hyphen; reserved Windows device names are
suffixed and the length is bounded in characters and in UTF-8 bytes (file
systems count bytes). `UniqueNames` adds -2, -3 … so no two files of one
export collide, also on case-insensitive file systems.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

__all__ = ["MAX_SLUG_CHARS", "UniqueNames", "github_anchor", "slugify"]

MAX_SLUG_CHARS = 80
# 255 bytes is the usual NAME_MAX; keep room for "-NNN" and an extension.
MAX_SLUG_BYTES = 200

_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"com{i}" for i in range(10)]
    + [f"lpt{i}" for i in range(10)]
)


def _is_word_char(ch: str) -> bool:
    # Letters, marks (accents in decomposed scripts) and digits of every script.
    return unicodedata.category(ch)[0] in "LMN"


def _truncate(slug: str, max_chars: int, max_bytes: int) -> str:
    if len(slug) <= max_chars and len(slug.encode("utf-8")) <= max_bytes:
        return slug
    cut = slug[:max_chars]
    while len(cut.encode("utf-8")) > max_bytes:
        cut = cut[:-1]
    # Prefer ending on a word boundary when one is reasonably close.
    boundary = cut.rfind("-")
    if boundary >= len(cut) // 2:
        cut = cut[:boundary]
    return cut.strip("-")


def slugify(
    text: str,
    *,
    fallback: str = "article",
    max_chars: int = MAX_SLUG_CHARS,
    max_bytes: int = MAX_SLUG_BYTES,
) -> str:
    """A file-name-safe slug: "Zürich Überschwemmung" → "zürich-überschwemmung".

    Never empty (`fallback`, itself slugified), never contains anything but
    letters, marks, digits and single inner hyphens.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    words: list[str] = []
    current: list[str] = []
    for ch in text:
        if _is_word_char(ch):
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    # NFC so the same headline gives the same bytes on every platform (macOS decomposes).
    slug = unicodedata.normalize("NFC", "-".join(words))
    slug = _truncate(slug, max_chars, max_bytes)
    if not slug:
        return slugify(fallback, max_chars=max_chars, max_bytes=max_bytes) if fallback else "x"
    if slug in _WINDOWS_RESERVED:
        slug += "-article"
    return slug


class UniqueNames:
    """Hands out names unique within one export: "a", "a-2", "a-3" …

    Compared case-insensitively, since exports land on case-insensitive file
    systems too.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(
        self, slug: str, suffix: str = "", *, unusable: Callable[[str], bool] | None = None
    ) -> str:
        """A free name `slug + suffix`, numbering it when the plain one is taken
        (or, given `unusable`, when that says the name must not be used)."""
        candidate = slug
        number = 1
        while (candidate + suffix).casefold() in self._taken or (
            unusable is not None and unusable(candidate + suffix)
        ):
            number += 1
            tail = f"-{number}"
            candidate = _truncate(slug, MAX_SLUG_CHARS - len(tail), MAX_SLUG_BYTES) + tail
        self._taken.add((candidate + suffix).casefold())
        return candidate + suffix


def github_anchor(heading: str, seen: dict[str, int]) -> str:
    """The fragment GitHub-style renderers give a heading (github-slugger's rules).

    Lower case; letters, marks, digits, "-", "_" and spaces kept; each space
    becomes "-"; the n-th repeat of a slug gets "-n". `seen` carries the
    counts across one document's headings.
    """
    kept = []
    for ch in heading.strip().lower():
        if ch == " ":
            kept.append("-")
        elif ch in "-_" or _is_word_char(ch):
            kept.append(ch)
    base = "".join(kept)
    anchor = base
    while anchor in seen:
        seen[base] += 1
        anchor = f"{base}-{seen[base]}"
    seen[anchor] = 0
    return anchor
