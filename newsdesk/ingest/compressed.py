"""Gzip input (".html.gz", or any gzip data), decompressed with a hard size cap."""

from __future__ import annotations

import zlib

from newsdesk.ingest.limits import MAX_DECOMPRESSED_BYTES, human_size
from newsdesk.ingest.result import Rejected

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1024 * 1024


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def gunzip(data: bytes, limit: int = MAX_DECOMPRESSED_BYTES) -> bytes:
    """Decompress one gzip stream, stopping (and refusing) as soon as it passes `limit`.

    Output is produced chunk by chunk, so a bomb never allocates more than
    `limit` plus one chunk.
    """
    inflater = zlib.decompressobj(wbits=31)
    parts: list[bytes] = []
    total = 0
    pending = data
    try:
        while pending:
            chunk = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            total += len(chunk)
            if total > limit:
                raise Rejected(
                    f"gzip data expands beyond {human_size(limit)} (limit); refused as a possible gzip bomb"
                )
            parts.append(chunk)
            if inflater.eof:
                break
            if not chunk and not pending:
                break
    except zlib.error as exc:
        raise Rejected(f"corrupt gzip data: {exc}") from exc
    if not inflater.eof:
        raise Rejected("corrupt gzip data: truncated stream")
    return b"".join(parts)
