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

# Bidi embedding/override/isolate controls can reorder what the reader sees.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


# Unicode category Cc (C0 and C1 controls) minus tab and newline, plus lone surrogates.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str, *, keep_newlines: bool = True) -> str:
    """Strip escape sequences and control characters; normalise line endings."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    text = text.translate(_BIDI_CONTROLS)
    text = _CONTROLS.sub("", text)
    if not keep_newlines:
        text = text.replace("\t", " ").replace("\n", " ")
    return text


def clean_line(text: str) -> str:
    """One-line fields (headline, source, names): controls gone, spaces collapsed."""
    return " ".join(clean_text(text, keep_newlines=False).split())
