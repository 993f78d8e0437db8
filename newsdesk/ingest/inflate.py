"""Decompressing without ever holding more than the cap: feed bodies and gzip files.

httpx decodes each compressed piece whole: one 64 KB piece of a gzip bomb
inflates to about 64 MB before any cap can look at it. For gzip and deflate
(what feed servers send) we read the raw bytes and inflate them ourselves,
never asking zlib for more than the cap allows, so memory stays bounded by
the cap whatever the ratio. Other encodings (br, zstd, stacked ones) are left
to httpx. Gzip files given to import are inflated the same way.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

#: Inflated bytes asked of zlib at once: small enough that a piece never runs far past the cap.
STEP = 256 * 1024


class TooLarge(Exception):
    """The inflated body passed the cap."""


def wbits_for(encoding: str) -> int | None:
    """zlib's window setting for a Content-Encoding we inflate ourselves, else None."""
    name = encoding.strip().lower()
    if name in ("gzip", "x-gzip"):
        return zlib.MAX_WBITS | 16
    if name == "deflate":
        return zlib.MAX_WBITS
    return None


class Inflater:
    """Inflates raw pieces, refusing (TooLarge) once more than `cap` bytes come out."""

    def __init__(self, wbits: int, cap: int) -> None:
        self._wbits = wbits
        self._cap = cap
        self._out = 0
        self._started = False
        self._inflate = zlib.decompressobj(wbits)

    def feed(self, raw: bytes) -> Iterator[bytes]:
        """The inflated bytes of one raw piece, in steps of at most STEP."""
        if not self._started and raw:
            self._started = True
            if self._wbits == zlib.MAX_WBITS and not _zlib_header(raw):
                # Many servers send "deflate" as a raw stream without the zlib header.
                self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
        data = raw
        while data and not self._inflate.eof:
            room = self._cap - self._out + 1
            piece = self._inflate.decompress(data, min(STEP, room))
            self._out += len(piece)
            if self._out > self._cap:
                raise TooLarge
            if piece:
                yield piece
            data = self._inflate.unconsumed_tail

    @property
    def eof(self) -> bool:
        """The compressed stream's end was reached."""
        return self._inflate.eof

    def finish(self) -> bytes:
        """What is left once the raw stream ends (bounded by the same cap)."""
        tail = self._inflate.flush(self._cap - self._out + 1)
        self._out += len(tail)
        if self._out > self._cap:
            raise TooLarge
        return tail


def _zlib_header(raw: bytes) -> bool:
    # A zlib stream opens with CMF/FLG: deflate method 8 and a check that makes CMF*256+FLG % 31 == 0.
    return len(raw) >= 2 and raw[0] & 0x0F == 8 and (raw[0] * 256 + raw[1]) % 31 == 0
