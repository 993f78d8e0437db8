"""Bytes to text: byte-order marks, UTF-8, declared charsets, detection, and binary refusal.

Order of trust: a BOM, then strict UTF-8 (valid UTF-8 is almost never
anything else), then UTF-8 with a few stray Windows-1252 bytes, then the
charset the document declares (HTML meta, XML prolog), then
charset-normalizer's guess (between single-byte Latin charsets, the one
whose accented words are real words: `charset_words`), then Windows-1252
with replacement, which never fails.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from newsdesk.ingest.charset_words import best_reading, candidates
from newsdesk.ingest.limits import SNIFF_BYTES
from newsdesk.ingest.result import Rejected

# Leading bytes of common non-text formats, and the name a reason gives them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xfd7zXZ\x00", "XZ archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", "Mach-O executable"),
    (b"\x00asm", "WebAssembly module"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_XML_ENCODING = re.compile(
    rb"""^\s{0,100}<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I
)

# Labels that browsers (WHATWG Encoding) read as Windows-1252, a superset.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp819"}

#: Share of control characters above which decoded "text" is really binary.
#: Escape and bell are not counted: terminal escapes in text are stripped later.
#: Random bytes hold 8-14 % of them (27 of 256 values); text a stray one or two, so
#: 10 % let a small binary file through about half the time.
_MAX_CONTROL_RATIO = 0.03
_NOT_COUNTED = "\t\n\r\f\v\x1b\x07"
# Category Cc is exactly U+0000-001F and U+007F-009F; one regex pass counts
# them ten times faster than asking unicodedata about every character.
_COUNTED_CONTROLS = re.compile(
    "["
    + "".join(
        f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in _NOT_COUNTED
    )
    + "]"
)


@dataclass
class Decoded:
    """Text and the encoding it was read with."""

    text: str
    encoding: str
    #: What the reader should know of how it was read (a file of two encodings).
    warning: str | None = None


def binary_kind(data: bytes) -> str | None:
    """Name the binary format `data` starts with, or None when it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data[257:262] == b"ustar":
        return "tar archive"
    return None


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(head) < 4:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _wide_by_nuls(head: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM in any script: the NULs are the high bytes of its
    spaces, digits and punctuation (and of every character, in UTF-32), so nearly all of
    them fall in one byte lane; and the text that lane gives reads as text. Binary data
    has its NULs in runs, in every lane."""
    quarter = len(head) // 4
    if quarter < 8:
        return None
    lanes = [head[i::4].count(0) for i in range(4)]
    candidates = []
    if lanes[3] >= 0.95 * quarter and lanes[2] >= 0.9 * quarter and lanes[0] < 0.5 * quarter:
        candidates.append("utf-32-le")
    if lanes[0] >= 0.95 * quarter and lanes[1] >= 0.9 * quarter and lanes[3] < 0.5 * quarter:
        candidates.append("utf-32-be")
    even, odd = lanes[0] + lanes[2], lanes[1] + lanes[3]
    if even + odd >= 8:
        if odd >= 0.95 * (even + odd):
            candidates.append("utf-16-le")
        if even >= 0.95 * (even + odd):
            candidates.append("utf-16-be")
    for encoding in candidates:
        text = head[: quarter * 4].decode(encoding, errors="replace")
        if _control_ratio(text) <= _MAX_CONTROL_RATIO and not _wide_garbage(text):
            return encoding
    return None


#: What Chinese, Japanese and Korean text is made of: ideographs, kana, hangul, their
#: punctuation and full-width forms, and ASCII with whitespace.
_CJK_TEXT = re.compile(
    r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
    r"\u0020-\u007e\s]"
)


def _wide_cjk(head: bytes) -> str | None:
    """UTF-16 without a BOM holding Chinese, Japanese or Korean: hardly a NUL (no ASCII),
    but read the right way round nearly every character is of those scripts (random
    bytes give well under two thirds)."""
    half = len(head) // 2
    if half < 8:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = head[: half * 2].decode(encoding, errors="replace")
        fitting = len(_CJK_TEXT.findall(text))
        if fitting >= 0.95 * len(text) and not _wide_garbage(text):
            return encoding
    return None


def _low_bytes(head: bytes) -> int:
    """Control bytes other than NUL and the usual whitespace (text with a stray NUL has none)."""
    return sum(1 for byte in head if 0 < byte < 32 and byte not in b"\t\n\r\f\v\x1b\x07")


#: Why a file of NUL bytes (a preallocated or zeroed file) is refused.
_NUL_FILE = "not a news file: binary data (NUL bytes)"


def _mostly_nul(head: bytes) -> bool:
    """NULs at least as many as the bytes that could be words: no stray NUL in text."""
    return head.count(0) >= len(head.translate(None, b"\x00 \t\n\r\f\v"))


def _bomless_utf32(head: bytes) -> str | None:
    """UTF-32 without a BOM: mostly-ASCII text has three NULs in every four bytes."""
    quarter = len(head) // 4
    if quarter < 2:
        return None
    lanes = [head[i::4].count(0) for i in range(4)]
    if lanes[0] < 0.05 * quarter and all(n > 0.9 * quarter for n in lanes[1:]):
        return "utf-32-le"
    if lanes[3] < 0.05 * quarter and all(n > 0.9 * quarter for n in lanes[:3]):
        return "utf-32-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an XML prolog or HTML meta tag declares in the first bytes."""
    head = data[:SNIFF_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess, or None when it has none."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 256 * 1024]).best()
    return best.encoding if best is not None else None


def _control_ratio(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    controls = len(sample) - len(_COUNTED_CONTROLS.sub("", sample))
    return controls / len(sample)


#: Code points random bytes read as UTF-16 or UTF-32 give and text does not: the
#: replacement for a broken surrogate pair, and the private-use area (a tenth of all
#: 16-bit values). Random bytes give 10-15 % of them; text in any script none.
_NOT_TEXT = re.compile("[\ufffd\ue000-\uf8ff]")
_MAX_NOT_TEXT_RATIO = 0.02
#: What text in every script has between its words or sentences: a space, a line break,
#: punctuation (ASCII, CJK or full-width). Random 16-bit values hit one 1 time in 200.
_TEXT_BREAK = re.compile(r"[\s!-/:-@\[-`{-~\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]")
#: Characters of wide text past which some break is expected.
_BREAK_WITHIN = 16

_ESCAPED = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray single-byte characters (a Windows-1252 apostrophe pasted into
    UTF-8 copy), each read as Windows-1252; None when the text is not mostly UTF-8.

    One stray byte made the whole file fail strict UTF-8, and the detector then read
    every curly quote and accent of it in another charset ("‚Äúthis"). Mostly UTF-8
    means valid multi-byte characters at least as many as the stray bytes, which are at
    most three or 1 % of the text: a Latin-1 file's accents are all stray bytes.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED.findall(text))
    wide = len(_NON_ASCII.findall(text)) - stray  # counted in C: a file may be megabytes
    if not stray or wide < stray or stray > max(3, 0.01 * len(text)):
        return None
    return _ESCAPED.sub(
        lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"), text
    )


#: Characters of valid multi-byte UTF-8 a file must hold to be read as one that mixes
#: UTF-8 lines with lines of another charset (a single-byte file's accidental pairs,
#: "Ã©" in Latin-1, are rarer still than two).
_MIXED_MIN_WIDE = 2


def _legacy(data: bytes) -> str:
    """The single-byte (or legacy) charset `data` reads best in: declared, detected, or
    Windows-1252, as for a whole file that is not UTF-8."""
    declared = declared_charset(data)
    if declared is not None and declared not in ("utf-8", "utf-16", "utf-32"):
        return declared
    detected = _detect(data)
    reading = best_reading(data, candidates(detected, data))
    if reading is not None:
        return reading[1]
    return detected or "cp1252"


def _as_cp1252(match: re.Match[str]) -> str:
    """A byte `surrogateescape` kept, read as Windows-1252."""
    return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", errors="replace")


def _stray_share(line: str) -> float:
    """Of a line's non-ASCII characters, the share that are bytes UTF-8 could not read."""
    stray = len(_ESCAPED.findall(line))
    return stray / max(1, len(_NON_ASCII.findall(line)))


def _mixed_lines(data: bytes) -> Decoded | None:
    """A file that joins UTF-8 lines with lines in another charset (a Latin-1 paragraph
    pasted into UTF-8 copy) read a line at a time: each UTF-8 line as UTF-8, the others
    in the charset they read best in together. Read as one charset, the whole file
    garbled one part ("cafÃ©"), and extraction then dropped the garbled paragraphs.
    None when no line is UTF-8 beyond ASCII (a file of one legacy charset)."""
    lines = data.split(b"\n")
    wide = 0
    bad: list[int] = []
    for n, line in enumerate(lines):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(n)
            continue
        wide += len(_NON_ASCII.findall(text))
    if wide < _MIXED_MIN_WIDE or not bad:
        return None
    decoded = [line.decode("utf-8", errors="surrogateescape") for line in lines]
    # A UTF-8 line with a stray byte or two keeps its UTF-8 (as `_mostly_utf8` does).
    legacy = [n for n in bad if _stray_share(decoded[n]) > 0.5]
    encoding = _legacy(b"\n".join(lines[n] for n in legacy)) if legacy else "cp1252"
    for n in bad:
        if n not in legacy:
            decoded[n] = _ESCAPED.sub(_as_cp1252, decoded[n])
            continue
        try:
            decoded[n] = lines[n].decode(encoding, errors="replace")
        except LookupError:
            decoded[n] = lines[n].decode("cp1252", errors="replace")
    where = ", ".join(str(n + 1) for n in bad[:5]) + (", …" if len(bad) > 5 else "")
    said = "line" if len(bad) == 1 else "lines"
    return Decoded(
        "\n".join(decoded),
        "utf-8",
        warning=f"mixed encodings: {said} {where} not UTF-8, read as {encoding}",
    )


#: Charsets of two bytes a character: many of their pairs are valid UTF-8 too (Korean
#: 천 is UTF-8 "õ"), so a file in one of them reads as "mixed" line by line.
_MULTIBYTE = (
    "euc",
    "cp949",
    "shift",
    "sjis",
    "gb",
    "big5",
    "iso2022",
    "iso-2022",
    "johab",
    "hz",
    "cp932",
    "cp936",
    "cp950",
)


def _reads_whole(data: bytes, detected: str | None) -> bool:
    """Whether `data` is all one multibyte charset the detector names, read strictly:
    then it is no mix of UTF-8 and a legacy charset, whatever some lines look like."""
    if detected is None or not detected.lower().replace("_", "-").startswith(_MULTIBYTE):
        return False
    try:
        data.decode(detected)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _decode_unicode(data: bytes) -> Decoded:
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, skip = bom
        return Decoded(data[skip:].decode(encoding, errors="replace"), encoding)
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        wide = _bomless_utf32(head) or _bomless_utf16(head) or _wide_by_nuls(head)
        if wide is not None:
            return Decoded(data.decode(wide, errors="replace"), wide)
        if _mostly_nul(head):
            # Eight NULs and a letter came in as a one-letter article with no words.
            raise Rejected(_NUL_FILE)
        if head.count(0) > max(8, len(head) // 100) or _low_bytes(head) > 0.01 * len(head):
            cjk = _wide_cjk(head)
            if cjk is not None:
                return Decoded(data.decode(cjk, errors="replace"), cjk)
            raise Rejected("not a news file: binary data")
        # A stray NUL or two in text (a bad copy, a terminated string): drop them.
        data = data.replace(b"\x00", b"")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass  # Not UTF-8: fall through to the declared or detected charset.
    patched = _mostly_utf8(data)
    if patched is not None:
        return Decoded(patched, "utf-8")
    declared = declared_charset(data)
    if declared is not None and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass  # The declaration lies; detection below decides.
    detected = _detect(data)
    mixed = _mixed_lines(data)
    if mixed is not None and not _reads_whole(data, detected):
        return mixed
    reading = best_reading(data, candidates(detected, data))
    if reading is not None:
        return Decoded(*reading)
    if detected is not None:
        try:
            return Decoded(data.decode(detected), detected)
        except (UnicodeDecodeError, LookupError):
            pass  # The guess was wrong after all; the last resort below never fails.
    return Decoded(data.decode("cp1252", errors="replace"), "cp1252")


def decode_bytes(data: bytes) -> Decoded:
    """Decode a whole input, or raise `Rejected` for binary or empty data."""
    if not data:
        raise Rejected("empty file")
    kind = binary_kind(data)
    if kind is not None:
        raise Rejected(f"not a news file: binary data ({kind})")
    decoded = _decode_unicode(data)
    if decoded.text.startswith("\ufeff"):
        decoded.text = decoded.text[1:]
    if not decoded.text.strip():
        # Blank once read as UTF-16 or UTF-32 for its NULs: NULs and whitespace, no text.
        wide_by_nuls = _bom_encoding(data) is None and b"\x00" in data[:SNIFF_BYTES]
        raise Rejected(_NUL_FILE if wide_by_nuls else "empty file")
    if _control_ratio(decoded.text) > _MAX_CONTROL_RATIO:
        raise Rejected("not a news file: binary data")
    if decoded.encoding.startswith(("utf-16", "utf-32")) and _wide_garbage(decoded.text):
        # A BOM (or NULs) made bytes read as 16- or 32-bit text: garbage reads as CJK.
        raise Rejected("not a news file: binary data")
    return decoded


def _wide_garbage(text: str) -> bool:
    sample = text[:SNIFF_BYTES]
    if len(_NOT_TEXT.findall(sample)) > _MAX_NOT_TEXT_RATIO * len(sample):
        return True
    return len(sample) >= _BREAK_WITHIN and _TEXT_BREAK.search(sample) is None
