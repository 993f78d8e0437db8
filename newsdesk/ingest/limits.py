"""Bounds on the work one input file may cause, so no file can hang or exhaust an import."""

from __future__ import annotations

from newsdesk.counting import counted

#: Files larger than this are refused before being read.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Decompression stops here (a gzip bomb expands by a factor of ~1000).
MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024
#: Only this much HTML goes to the parsers; article text lives near the top.
MAX_HTML_PARSE_BYTES = 5 * 1024 * 1024
#: Beyond this many elements (after scripts are gone) main-text detection is skipped:
#: trafilatura's cost grows fast with tree size, and real articles stay far below it.
MAX_HTML_ELEMENTS = 25_000
#: ... or beyond this much visible text.
MAX_HTML_TEXT_CHARS = 1024 * 1024
#: A plain-text page longer than this is cut before extraction, and said so: the
#: extractor reads no further (`extract.lines.MAX_CHARS`), and a cut it made on its own
#: was silent (a 20 MB page stored as its first million characters, no warning).
MAX_TEXT_CHARS = 1_000_000
#: One article body (feed item, JSON Lines record) longer than this is cut.
MAX_ITEM_CHARS = 1024 * 1024
#: A feed with more items than this imports the first ones and says so
#: (real feeds hold tens to hundreds; each item costs an extraction).
MAX_FEED_ITEMS = 5000
#: ... and so does a JSON Lines file or JSON list with more records than this (one
#: file is one transaction: 20,000 records held it for 106 s).
MAX_FILE_RECORDS = 5000
#: Headlines longer than this are truncated.
MAX_TITLE_CHARS = 500
#: Short one-line fields (source, author, dateline, tag) are cut here.
MAX_LINE_CHARS = 300
#: Front matter larger than this is refused (YAML is slow on large documents).
MAX_FRONT_MATTER_BYTES = 256 * 1024
#: At most this many authors or tags are kept from one item.
MAX_LIST_ITEMS = 100
#: Binary sniffing looks at this many leading bytes.
SNIFF_BYTES = 8192


def human_size(size: int) -> str:
    """Bytes as the short figure a reason string shows ("52.3 MB")."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            figure = f"{size / scale:.1f}".removesuffix(".0")
            return f"{figure} {unit}"
    return f"{size} bytes"


def sizes_apart(size: int, other: int) -> tuple[str, str]:
    """Two sizes as short figures that differ when the sizes do: "8.04 MB" and "8 MB"
    (one decimal showed 8,427,209 bytes as the 8 MB of its 8,388,608-byte limit)."""
    if size == other:
        return human_size(size), human_size(other)
    for digits in (1, 2, 3):
        shown = _figure(size, digits), _figure(other, digits)
        if shown[0] != shown[1]:
            return shown
    return counted(size, "byte"), counted(other, "byte")


def _figure(size: int, digits: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            figure = f"{size / scale:.{digits}f}".rstrip("0").removesuffix(".")
            return f"{figure} {unit}"
    return counted(size, "byte")
