"""Gzip input (".html.gz", or any gzip data), decompressed with a hard size cap."""

from __future__ import annotations

import zlib

from newsdesk.ingest.inflate import Inflater, TooLarge
from newsdesk.ingest.limits import MAX_DECOMPRESSED_BYTES, human_size
from newsdesk.ingest.result import Rejected

GZIP_MAGIC = b"\x1f\x8b"


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def gunzip(data: bytes, limit: int = MAX_DECOMPRESSED_BYTES) -> bytes:
    """Decompress one gzip stream, stopping (and refusing) as soon as it passes `limit`.

    Output is produced a step at a time, so a bomb never allocates more than
    `limit` plus one step.
    """
    inflater = Inflater(zlib.MAX_WBITS | 16, limit)
    try:
        parts = list(inflater.feed(data))
        parts.append(inflater.finish())
    except TooLarge:
        raise Rejected(
            f"gzip data expands beyond {human_size(limit)} (limit); refused as a possible gzip bomb"
        ) from None
    except zlib.error as exc:
        raise Rejected(f"corrupt gzip data: {exc}") from exc
    if not inflater.eof:
        raise Rejected("corrupt gzip data: truncated stream")
    return b"".join(parts)
