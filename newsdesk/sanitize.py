"""Make untrusted text inert: no escape sequences, no control characters.

Applied to every string an importer produces, so nothing stored can change a
terminal's state (colours, title, clipboard, hyperlinks) when shown or printed.
`display` is THE function every output path uses for text that came from
outside (file names, saved-search names, tags, feed names, a database another
tool wrote): the CLI's consoles apply it to everything they print, the app to
every notification and picker, and `display_json` keeps JSON output lossless
while escaping what a terminal would act on.
Rich markup needs no stripping here: the UI renders article text as `Text`,
never as markup; only terminal-level bytes are removed.
"""

from __future__ import annotations

import json
import re

# CSI, OSC (terminated by BEL or ST), DCS/SOS/PM/APC strings, and lone two-byte escapes.
# A string sequence is removed with its payload only when it ends on the same line
# within 512 characters: an unterminated one is a stray byte (web mojibake has U+009D
# in the middle of a quote), and taking everything up to the end of the text as its
# payload deleted the rest of the article. Its introducer alone goes (below, with
# the other controls); what follows stays as the inert text it is.
_ANSI = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                          # CSI ... final byte
    | \x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)        # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b\n]{0,512}\x1b\\                 # DCS, SOS, PM, APC ... ST
    | \x1b[@-Z\\-_]                                  # other Fe escapes
    | \x9b[0-?]*[ -/]*[@-~]                          # 8-bit CSI
    | \x9d[^\x07\x9c\n]{0,512}(?:\x07|\x9c)            # 8-bit OSC
    """,
    re.VERBOSE,
)

# Unicode category Cc (C0 and C1 controls) minus tab and newline, the line and paragraph
# separators (made newlines by `_BREAKS` first), lone surrogates,
# and the bidi embedding/override/isolate controls (U+202A-202E, U+2066-2069),
# which can reorder what the reader sees. One pass: `str.translate` with a
# table was 20 times slower on non-ASCII text and dominated page imports.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
#: Controls and separators that break a line (as `str.splitlines` reads them): each
#: becomes a newline rather than nothing, which glued the words either side together
#: ("returns\vvertical" read "returnsvertical"); a one-line field then makes it a space.
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
#: Characters that start what `_ANSI` removes: text without them skips that pass.
_ESCAPE_STARTS = ("\x1b", "\x9b", "\x9d")


#: A character outside the basic plane written as two UTF-16 halves: what YAML and
#: JSON parsers give for "\\ud83d\\ude80" escapes. Joined, not stripped as lone
#: surrogates (every emoji of a front matter title was lost).
_SURROGATE = re.compile("[\ud800-\udfff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _joined(pair: re.Match[str]) -> str:
    halves = pair.group()
    return chr(0x10000 + ((ord(halves[0]) - 0xD800) << 10) + (ord(halves[1]) - 0xDC00))


#: Characters a browser draws as nothing inside a word: soft hyphens (German and Dutch
#: pages hyphenate with them), zero-width spaces, word joiners, a stray byte-order mark,
#: the Mongolian vowel separator; and a zero-width (non-)joiner between Latin letters,
#: where it joins nothing. Kept, they split words ("Zel\u200benskyy" read "Zel enskyy":
#: two names, and a search for the whole word found nothing) or hid them from search.
#: (Between other letters a joiner stays: emoji sequences and Persian words need it.)
_INVISIBLE = re.compile(
    "[\u00ad\u200b\u2060\ufeff\u180e]"
    "|(?<=[A-Za-z\u00c0-\u024f])[\u200c\u200d](?=[A-Za-z\u00c0-\u024f])"
)
#: The characters `_INVISIBLE` removes: looked for one by one with `in` first (a fast
#: search; a regex class over the text cost a body 30 microseconds, doubling the
#: cleaner's time, and nearly every text holds none).
_INVISIBLE_CHARS = "\u00ad\u200b\u2060\ufeff\u180e\u200c\u200d"


def clean_text(text: str, *, keep_newlines: bool = True) -> str:
    """Strip escape sequences, control characters and invisible characters inside words;
    normalise line endings."""
    if not text:
        return ""
    if not text.isascii() and any(ch in text for ch in _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Escapes and surrogates are among the controls: text without any (nearly all of
    # it) is looked through once, not once per step.
    if _CONTROLS.search(text) is not None:
        if any(start in text for start in _ESCAPE_STARTS):
            text = _ANSI.sub("", text)
        if _SURROGATE.search(text):
            text = _PAIR.sub(_joined, text)
        text = _CONTROLS.sub("", _BREAKS.sub("\n", text))
    if not keep_newlines:
        text = text.replace("\t", " ").replace("\n", " ")
    return text


def clean_line(text: str) -> str:
    """One-line fields (headline, source, names): controls and invisible characters gone
    (kept in a headline, they shifted the inbox's columns a cell or two in terminals that
    give them a width), spaces collapsed."""
    return " ".join(clean_text(text, keep_newlines=False).split())


def display(value: object, *, one_line: bool = True, name: bool = False) -> str:
    """Any value as text safe to put on a terminal (one line unless asked).

    Non-strings are formatted first, so an exception or a path carrying a
    hostile name is cleaned too. With `name` (a file name or path) its control and
    direction characters are written as escapes (``\\n``, ``\\x1b``, ``\\u202e``)
    rather than dropped: "a\\nb.txt" shown as "a b.txt" names another file.
    """
    text = value if isinstance(value, str) else str(value)
    if _UNDECODABLE.search(text):
        # A file name that is not UTF-8 (read with surrogate escapes): its odd bytes as \xNN.
        text = _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    if name:
        return _NAME_ESCAPED.sub(_escaped, text)
    return clean_line(text) if one_line else clean_text(text)


_UNDECODABLE = re.compile("[\udc80-\udcff]")

#: What a file name may hold that a terminal acts on or that reorders the line.
_NAME_ESCAPED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# What `json.dumps(..., ensure_ascii=False)` leaves raw but a terminal acts on or
# reorders: DEL and C1 controls (U+009B is CSI on many terminals), the bidi
# controls, the line/paragraph separators, and lone surrogates (names read with
# surrogateescape), which could not even be written to a UTF-8 stream.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def display_json(data: object, *, indent: int | None = 2) -> str:
    """JSON for a terminal or a pipe: lossless, with nothing a terminal acts on.

    Outside strings JSON has only ASCII, so every match below sits inside a
    string, where a \\uXXXX escape decodes back to the very same character.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if _SURROGATE.search(text):
        # A lone surrogate (a name read with surrogateescape) escaped as \udcff is JSON
        # strict parsers refuse: such a name is written as `paths.name_text` stores it.
        text = json.dumps(_no_surrogates(data), ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(data: object) -> object:
    """`data` with each string that holds surrogate escapes written as `name_text` does
    (its odd bytes as \\xNN, lossless), any other lone surrogate as U+FFFD."""
    from newsdesk.paths import name_text

    if isinstance(data, str):
        return _SURROGATE.sub("\ufffd", name_text(data)) if _SURROGATE.search(data) else data
    if isinstance(data, dict):
        return {_no_surrogates(k): _no_surrogates(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_no_surrogates(v) for v in data]
    return data


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
