"""The one entry point: bytes or a file -> `LoadResult`, whatever the content.

Order: size check (before reading), gzip with a cap, decoding with binary
refusal, format detection (content over extension), then the format's
importer. Every refusal becomes `LoadResult.error`; nothing raises.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from newsdesk.ingest.compressed import gunzip, is_gzip
from newsdesk.ingest.decode import decode_bytes
from newsdesk.ingest.drafts import Drafted, Finished, conclude
from newsdesk.ingest.limits import MAX_FILE_BYTES, sizes_apart
from newsdesk.ingest.result import LoadResult, Rejected
from newsdesk.ingest.sniff import detect_format, format_from_name, not_an_article
from newsdesk.model import Extracted
from newsdesk.sanitize import clean_line

_log = logging.getLogger(__name__)
#: Reasons and warnings longer than this are cut (a parser may quote a whole line).
MAX_REASON_CHARS = 500

Importer = Callable[[str, str, list[str]], list[Extracted]]


def _too_large(size: int) -> Rejected:
    shown, limit = sizes_apart(size, MAX_FILE_BYTES)
    return Rejected(f"file too large: {shown}; the limit is {limit}")


def _import_text(text: str, name: str, warnings: list[str]) -> list[Extracted]:
    from newsdesk.ingest.text import load_text

    return load_text(text, warnings)


def _import_html(text: str, name: str, warnings: list[str]) -> list[Extracted]:
    from newsdesk.ingest.html_page import load_html

    return load_html(text, warnings)


def _import_feed(text: str, name: str, warnings: list[str]) -> list[Extracted]:
    from newsdesk.ingest.feed import load_feed

    return load_feed(text, warnings)


def _import_markdown(text: str, name: str, warnings: list[str]) -> list[Extracted]:
    from newsdesk.ingest.markdown import load_markdown

    # Only a file named as Markdown makes bad front matter an error.
    return load_markdown(text, warnings, strict=format_from_name(name) == "markdown")


def _import_jsonl(text: str, name: str, warnings: list[str]) -> list[Extracted]:
    from newsdesk.ingest.jsonl import load_jsonl

    return load_jsonl(text, warnings)


def _import_csv(text: str, name: str, warnings: list[str]) -> list[Extracted]:
    from newsdesk.ingest.csv_table import load_csv

    return load_csv(text, warnings)


def _import_nitf(text: str, name: str, warnings: list[str]) -> list[Extracted]:
    from newsdesk.ingest.wire.nitf import load_nitf

    return load_nitf(text, warnings)


def _import_newsml(text: str, name: str, warnings: list[str]) -> list[Extracted]:
    from newsdesk.ingest.wire.newsml import load_newsml

    return load_newsml(text, warnings)


def _import_ninjs(text: str, name: str, warnings: list[str]) -> list[Extracted]:
    from newsdesk.ingest.wire.ninjs import load_ninjs

    return load_ninjs(text, warnings)


IMPORTERS: dict[str, Importer] = {
    "text": _import_text,
    "html": _import_html,
    "feed": _import_feed,
    "markdown": _import_markdown,
    "jsonl": _import_jsonl,
    "csv": _import_csv,
    "nitf": _import_nitf,
    "newsml": _import_newsml,
    "ninjs": _import_ninjs,
}


def _usable(item: Extracted) -> bool:
    return bool(item.title.strip() or item.body.strip())


def _drafter(format: str | None) -> Callable[[str, list[str]], Drafted] | None:
    """The first step of a many-item format (see `drafts`), or None."""
    if format == "feed":
        from newsdesk.ingest.feed import draft_feed

        return draft_feed
    if format == "jsonl":
        from newsdesk.ingest.jsonl import draft_jsonl

        return lambda text, warnings: draft_jsonl(text)
    if format == "csv":
        from newsdesk.ingest.csv_table import draft_csv

        return lambda text, warnings: draft_csv(text)
    return None


def _failure(exc: BaseException) -> str:
    """Why a file could not be imported, from what stopped its importer."""
    if isinstance(exc, Rejected):
        return exc.reason
    if isinstance(exc, RecursionError):
        return "input nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "input too large to read in memory"
    return f"could not import ({type(exc).__name__}: {exc})"


def _accept(result: LoadResult, items: list[Extracted]) -> None:
    result.items = [item for item in items if _usable(item)]
    if not result.items:
        raise Rejected("no article found: no headline and no text")


def _tidy(result: LoadResult) -> LoadResult:
    # Reasons may quote the input (a parser's message): they are untrusted text too.
    result.error = clean_line(result.error)[:MAX_REASON_CHARS] if result.error else None
    result.warnings = [clean_line(w)[:MAX_REASON_CHARS] for w in result.warnings]
    return result


def _fail(result: LoadResult, exc: BaseException, name: str) -> None:
    if not isinstance(exc, Rejected | RecursionError | MemoryError):
        _log.debug("import of %s failed", name, exc_info=True)
    result.items = []
    result.drafted = None
    result.error = _failure(exc)


def _load(
    data: bytes, name: str, path: Path, *, draft: bool = False, extract: bool = True
) -> LoadResult:
    """Load one input; with `draft`, a many-item file stops after reading its items.

    Such a result has `drafted` set and no items yet: `complete` finishes it
    once the drafts are extracted (`drafts.finish`, in any process). Without
    `extract`, any other file stops before extraction too: no items, no error.
    """
    result = LoadResult(path=path, items=[])
    try:
        if len(data) > MAX_FILE_BYTES:
            raise _too_large(len(data))
        if is_gzip(data):
            data = gunzip(data)
            name = name[:-3] if name.lower().endswith(".gz") else name
            if is_gzip(data):
                raise Rejected("not a news file: gzip inside gzip")
        # One line-ending convention from here on (front matter fences, JSON Lines, paragraphs).
        decoded = decode_bytes(data)
        if decoded.warning:
            result.warnings.append(decoded.warning)
        text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
        result.format = detect_format(name, text)
        if result.format == "text" and (why := not_an_article(name, text)):
            raise Rejected(why)
        result.text = text
        drafter = _drafter(result.format) if draft else None
        if drafter is not None:
            result.drafted = drafter(text, result.warnings)
            return result  # warnings are tidied once, by `complete`
        if not extract:
            result.text = None
            return result
        _accept(result, IMPORTERS[result.format](text, name, result.warnings))
    except Exception as exc:  # a parser bug on hostile input must not stop an import
        _fail(result, exc, name)
    return _tidy(result)


def complete(result: LoadResult, finished: Sequence[Finished]) -> LoadResult:
    """A drafted file (`_load(..., draft=True)`) with its drafts extracted: as `load_file` gives.

    `finished` holds one entry per draft, in order (`drafts.finish` over runs of them).
    """
    drafted = result.drafted
    if drafted is None:
        return result
    try:
        _accept(result, conclude(drafted, finished, result.warnings))
    except Exception as exc:  # as in `_load`
        _fail(result, exc, str(result.path))
    result.drafted = None
    return _tidy(result)


def load_draft(path: Path) -> LoadResult:
    """`load_file`, stopping a many-item file after reading its items (see `_load`)."""
    return _load_path(path, draft=True)


def draft_only(path: Path) -> LoadResult | None:
    """`load_draft` for a file of many items; None for any other file (nothing extracted)
    and for one that could not be read (whoever loads it next reports why)."""
    result = _load_path(path, draft=True, extract=False)
    return result if result.drafted is not None and result.error is None else None


def load_bytes(data: bytes, name: str) -> LoadResult:
    """Import one input given as bytes (tests, stdin); `name` gives the extension hint."""
    return _load(data, name, Path(name))


def _read_regular_file(path: Path) -> bytes:
    """The file's bytes, after checking (on the open descriptor) that it is a regular file.

    Opening without blocking and checking with fstat means a FIFO or device
    swapped in after a stat() can neither hang the import nor be read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise Rejected("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise Rejected("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise _too_large(info.st_size)
        # One byte more than the limit tells a file that grew since fstat().
        return handle.read(MAX_FILE_BYTES + 1)


def load_file(path: Path) -> LoadResult:
    """Import one file. Never raises: unreadable files report the OSError as the error."""
    return _load_path(path, draft=False)


def _load_path(path: Path, *, draft: bool, extract: bool = True) -> LoadResult:
    path = Path(path)
    try:
        if path.is_dir():
            return LoadResult(path=path, items=[], error="is a folder, not a file")
        data = _read_regular_file(path)
    except Rejected as exc:
        return LoadResult(path=path, items=[], error=exc.reason)
    except OSError as exc:
        return LoadResult(path=path, items=[], error=exc.strerror or str(exc))
    return _load(data, path.name, path, draft=draft, extract=extract)
