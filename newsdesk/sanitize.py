"""Make untrusted text inert: no escape sequences, no control characters.

Applied to every string an importer produces, so nothing stored can change a
terminal's state (colours, title, clipboard, hyperlinks) when shown or printed.
Rich markup needs no stripping here: the UI renders article text as `Text`,
never as markup; only terminal-level bytes are removed.
"""

from __future__ import annotations

import re

# CSI, OSC (terminated by BEL or ST), DCS/SOS/PM/APC strings, and lone two-byte escapes.
_ANSI = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]          # CSI ... final byte
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?   # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?  # DCS, SOS, PM, APC
    | \x1b[@-Z\\-_]                  # other Fe escapes
    | \x9b[0-?]*[ -/]*[@-~]          # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)? # 8-bit OSC
    """,
    re.VERBOSE,
)

# Unicode category Cc (C0 and C1 controls) minus tab and newline, lone surrogates,
# and the bidi embedding/override/isolate controls (U+202A-202E, U+2066-2069),
# which can reorder what the reader sees. One pass: `str.translate` with a
# table was 20 times slower on non-ASCII text and dominated page imports.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: Characters that start what `_ANSI` removes: text without them skips that pass.
_ESCAPE_STARTS = ("\x1b", "\x9b", "\x9d")


def clean_text(text: str, *, keep_newlines: bool = True) -> str:
    """Strip escape sequences and control characters; normalise line endings."""
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(start in text for start in _ESCAPE_STARTS):
        text = _ANSI.sub("", text)
    text = _CONTROLS.sub("", text)
    if not keep_newlines:
        text = text.replace("\t", " ").replace("\n", " ")
    return text


def clean_line(text: str) -> str:
    """One-line fields (headline, source, names): controls gone, spaces collapsed."""
    return " ".join(clean_text(text, keep_newlines=False).split())


_WEB_SCHEMES = ("http", "https")


def safe_web_url(url: str) -> str | None:
    """The URL if a browser may be handed it, else None.

    Only absolute http/https URLs with a host pass. Anything else (javascript:,
    file:, data:, a bare word) or a value that a browser launcher could read as
    an option (leading `-`), or one carrying whitespace or control characters,
    is refused rather than repaired: a stored URL we would have to fix is not
    one we should open.
    """
    from urllib.parse import urlsplit

    if not url or url != url.strip() or url.startswith("-"):
        return None
    if _CONTROLS.search(url) or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.hostname:
        return None
    return url
