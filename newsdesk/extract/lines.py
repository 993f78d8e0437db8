"""Split page text into bounded, cleaned lines and tell prose from page furniture.

Every other extractor works on the list this module returns, so the limits
here are what keep extraction time bounded on hostile input (a 50 MB paste,
one 100,000-character line).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

from newsdesk.sanitize import clean_text

_T = TypeVar("_T")

#: Lines longer than this are classified afresh each time rather than cached.
CACHE_LINE_CHARS = 2000


def line_cache(func: Callable[[str], _T]) -> Callable[[str], _T]:
    """Memoise a per-line test: the walk asks the same question of a line several times.

    Only short lines are cached, so hostile input cannot fill memory.
    """
    cached = lru_cache(maxsize=8192)(func)

    @wraps(func)
    def wrapper(line: str) -> _T:
        if len(line) > CACHE_LINE_CHARS:
            return func(line)
        return cached(line)

    return wrapper


#: Characters of input looked at; real article pages are far below this.
MAX_CHARS = 1_000_000
#: Lines kept; beyond this a page is not an article.
MAX_LINES = 20_000
#: A line longer than this is cut (a whole article on one line still fits).
MAX_LINE_CHARS = 60_000

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
#: The same patterns for an ASCII line, most of them: on ASCII text they match exactly as
#: the Unicode ones do, at half the cost (no Unicode category look-up a character).
_WORD_ASCII = re.compile(_WORD.pattern, re.ASCII)
_SENTENCE_END = re.compile(r"""[.!?…:;。！？]["'”’»)\]」』）]*$""")
#: A listicle's number before a heading ("2. Sir Ian McKellen").
NUMBERED_HEADING = re.compile(r"^\d{1,3}[.)]\s+(?=\S)")
_LIST_MARK = re.compile(r"^(?:[-*•·▪►>]|\d{1,2}[.)])\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
#: The runs `_SPACES` finds less the lone plain spaces, most of a text's gaps: replacing
#: these by one space gives the same text without rewriting every gap as itself.
_SPACE_RUNS = re.compile(
    r" [ \t\u00a0\u2000-\u200b\u3000]+|[\t\u00a0\u2000-\u200b\u3000][ \t\u00a0\u2000-\u200b\u3000]*"
)


#: The characters `_SPACE_RUNS` finds but the plain space: rare (2 of 82 shared copies).
_OTHER_SPACES = re.compile(r"[\t\u00a0\u2000-\u200b\u3000]")
#: Two plain spaces or more: all `_SPACE_RUNS` finds in a text without the others. Its
#: literal prefix is searched for in C, where `_SPACE_RUNS` is tried at every space.
_PLAIN_RUNS = re.compile("   *")


def fold_space_runs(text: str) -> str:
    """`_SPACE_RUNS.sub(" ", text)`: on ASCII text it can only find two spaces or a tab,
    and most texts (a feed item's) have neither, so their scan is skipped."""
    if text.isascii() and "  " not in text and "\t" not in text:
        return text
    if _OTHER_SPACES.search(text) is None:
        return _PLAIN_RUNS.sub(" ", text)
    return _SPACE_RUNS.sub(" ", text)


def split_lines(text: str) -> list[str]:
    """Cleaned, stripped lines (blank ones kept as ""), capped in count and width.

    A paragraph hard-wrapped over several lines (plain-text mail, Markdown) is
    joined back where a line plainly continues the one before it.
    """
    if not text:
        return []
    # The page extractor and the outlet readers split the same page: once is enough.
    return list(_split_lines(text))


@lru_cache(maxsize=2)
def _split_lines(text: str) -> tuple[str, ...]:
    text = clean_text(text[:MAX_CHARS])
    raws = text.split("\n", MAX_LINES)[:MAX_LINES]
    width = wrap_width(raws)
    # No line can be longer than the text: the spaces are folded in one pass over it
    # (they never span a line break), not one regex call a line.
    short = len(text) <= MAX_LINE_CHARS
    lines = fold_space_runs(text).split("\n", MAX_LINES)[:MAX_LINES] if short else raws
    out: list[str] = []
    full = False  # the line before reached the wrap width: the next one carries it on
    for raw, folded in zip(raws, lines, strict=True):
        line = folded.strip() if short else fold_space_runs(raw).strip()
        # `_continues` wants a line opening in lower case: most lines are passed over here.
        joins = (
            out
            and line
            and (
                (full and not _BULLET.match(line))
                or (line[0].islower() and _continues(out[-1], line))
            )
        )
        if joins and len(out[-1]) + 1 + len(line) <= MAX_LINE_CHARS:
            out[-1] = f"{out[-1]} {line}"
        elif len(line) > MAX_LINE_CHARS or joins:
            # Too long for one line: paragraphs cut at sentence ends, none of it lost.
            if out and out[-1]:
                out.append("")
            out.extend(_paragraphs(line))
        else:
            out.append(line)
        if width:
            # Wrapped: the next line's first word would not have fitted on this one.
            full = bool(line) and len(raw.rstrip()) + 1 + WRAP_WORD > width
    return tuple(out)


#: Where a long paragraph may be cut: after a sentence's end and its space.
_SENTENCE_BREAK = re.compile(r"""[.!?…。！？]["'”’»)\]]*\s""")


def _paragraphs(line: str) -> list[str]:
    """`line` as paragraphs of at most MAX_LINE_CHARS, cut after the last sentence end
    before each limit (else the last space, else anywhere), blank lines between them."""
    out: list[str] = []
    while len(line) > MAX_LINE_CHARS:
        window = line[:MAX_LINE_CHARS]
        ends = [m.end() for m in _SENTENCE_BREAK.finditer(window, MAX_LINE_CHARS // 2)]
        cut = ends[-1] if ends else window.rfind(" ") + 1 or MAX_LINE_CHARS
        out += [line[:cut].strip(), ""]
        line = line[cut:].strip()
    out.append(line)
    return out


#: A hard-wrapped text's width lies between these (wire copy 69, mail 72-76, lynx 79).
WRAP_WIDTHS = (60, 100)
#: Share of a hard-wrapped text's lines that end within 20 characters of its width.
WRAP_SHARE = 0.5
#: A line this close to the wrap width was broken by the wrapping, not by its writer.
WRAP_WORD = 8
_BULLET = re.compile(r"^[-*•·▪►]\s")


def wrap_width(raws: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at (most of its lines end near one
    column), or None for text whose lines are its paragraphs."""
    lengths = sorted(len(raw.rstrip()) for raw in raws if raw.strip())
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return None
    near = sum(1 for n in lengths if width - 20 <= n <= width + 2)
    return width if near >= WRAP_SHARE * len(lengths) else None


_CONTINUATION = re.compile(r"^[a-zß-öø-ÿ(“\"‘'][\w'’]*")
_NOT_CONTINUATION = re.compile(
    r"^(?:by|par|por|von|via|and|or|more|is sponsored by|selected)\b", re.I
)


def _continues(previous: str, line: str) -> bool:
    """`line` carries on the sentence `previous` broke off (wrapped text)."""
    if not _CONTINUATION.match(line) or not line[:1].islower() or _NOT_CONTINUATION.match(line):
        return False
    if (
        len(previous) < 30
        or is_list_item(line)
        or previous.endswith((".", "!", "?", ":", "”", '"', "|"))
    ):
        return False
    return previous[-1].isalnum() or previous[-1] in ",;-–—'’)"


def words(line: str) -> list[str]:
    """Word-like tokens (letters first), for counting and casing tests."""
    head = line[:2000]
    return (_WORD_ASCII if head.isascii() else _WORD).findall(head)


def strip_list_mark(line: str) -> str:
    """'- Item' / '1. Item' -> 'Item'."""
    return _LIST_MARK.sub("", line, count=1)


_BULLET = re.compile(r"^[-*•·▪]\s+")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")


def body_line(line: str) -> str:
    """A line as the story's text keeps it: a bulleted item as "• item" (a list stays a
    list in the app and in Markdown), a numbered one with its number; a promotion's
    arrow or a mail quote's ">" goes."""
    bullet = _BULLET.match(line)
    if bullet:
        return "• " + line[bullet.end() :]
    if _NUMBERED.match(line):
        return line
    return strip_list_mark(line)


def is_list_item(line: str) -> bool:
    return bool(_LIST_MARK.match(line))


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line[-12:]))


def lower_ratio(tokens: list[str]) -> float:
    """Share of tokens starting lower-case: high in prose, low in names and nav."""
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t[0].islower()) / len(tokens)


#: A word as a count of words sees it: whitespace-separated, holding a letter or digit.
_WORD_TOKEN = re.compile(r"[^\W_]\S*")


#: The counts below on ASCII text without a regex: `str.translate` maps a character's class
#: in one C pass and `split` counts the runs left (a feed item's body: about 870k -> 70k
#: instructions for `count_words`, 2.3M -> 0.3M for `is_prose` over its lines).
#: `_WORD_TOKEN` counts the whitespace-separated runs holding a letter or digit: other
#: characters are dropped, so a run of none of them leaves nothing to count. (Whitespace is
#: what `\s` and `str.split` agree on: ASCII's six and \x1c-\x1f.)
_COUNTED_WORDS = {
    code: " " if chr(code).isspace() else None for code in range(128) if not chr(code).isalnum()
}
#: ASCII `_WORD` matches run over letters, digits and _ ' . - from their first letter to the
#: run's end: a run counts once when it holds a letter, so the rest of it is dropped.
_PROSE_WORDS = {
    code: None if chr(code) in "0123456789_'.-" else " "
    for code in range(128)
    if not ("a" <= chr(code) <= "z" or "A" <= chr(code) <= "Z")
}
#: ASCII `_LOWER_START`: a lower-case letter after no letter or digit. Lower-case letters
#: become "a", capitals and digits "0", the rest " ": each match is one " a".
_LOWER_INITIALS = {
    code: "a" if "a" <= chr(code) <= "z" else "0" if chr(code).isalnum() else " "
    for code in range(128)
}


def count_words(text: str) -> int:
    """Words in `text`; in Chinese and Japanese, written without spaces, each ideograph
    or kana counts as one (a whole paragraph was one "word")."""
    if text.isascii():
        return len(text.translate(_COUNTED_WORDS).split())
    if not _DENSE.search(text):
        return len(_WORD_TOKEN.findall(text))
    dense = sum(1 for char in _DENSE.findall(text) if char.isalnum())
    return len(_WORD_TOKEN.findall(_DENSE.sub(" ", text))) + dense


@line_cache
def is_upper_line(line: str) -> bool:
    head = line[:400]
    return head.upper() == head and head.lower() != head and sum(c.isalpha() for c in head) >= 3


#: Han ideographs, kana and their punctuation: scripts written without spaces.
_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Scripts written without spaces between words: those, and Thai, Lao, Khmer, Myanmar.
_SPACELESS = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]"
)
_LOWER_START = re.compile(r"(?<![^\W_])[a-zß-öø-ÿ]")


@line_cache
def is_prose(line: str) -> bool:
    """A paragraph of running text: long enough, mostly lower-case words, sentence-shaped."""
    head = line[:2000]
    ascii = head.isascii()
    # Chinese, Japanese and Thai write no spaces between words: two characters make about
    # a word, and a short line of them says as much as a long Latin one (a 26-character
    # Chinese sentence was too short to be a paragraph, and was left out of the body).
    dense = 0 if ascii else len(_SPACELESS.findall(head))
    width = len(line) + 2 * dense
    if width < 60:
        return False
    if ascii:
        n_tokens = len(head.translate(_PROSE_WORDS).split())
    else:
        n_tokens = max(len(_WORD.findall(head)), dense // 2)
    if n_tokens < 10:
        return False
    # Counted with one pass (speed); Latin lower-case initials suffice here,
    # and caseless scripts are let through below.
    if ascii:
        lower = (" " + head.translate(_LOWER_INITIALS)).count(" a")
    else:
        lower = len(_LOWER_START.findall(head))
    if lower < 0.3 * n_tokens and not _caseless(line):
        return False
    return ends_sentence(line) or width >= 140


def _caseless(line: str) -> bool:
    """Scripts without letter case (CJK, Arabic, Hebrew...) count as prose-capable."""
    sample = [c for c in line[:200] if c.isalpha()]
    if not sample:
        return False
    return sum(1 for c in sample if not (c.isupper() or c.islower())) / len(sample) > 0.5


def paragraphs(lines: list[str]) -> str:
    """Join body lines into text with one blank line between paragraphs."""
    return "\n\n".join(line for line in lines if line)


def repeated_phrase(line: str) -> bool:
    """One phrase said two or more times over, and nothing else."""
    words = line.split()
    # A repeat starts with the first word again: most lines' first word comes once.
    return (
        len(words) > 1
        and words.count(words[0]) > 1
        and any(
            len(words) % n == 0 and words == words[: len(words) // n] * n
            for n in range(2, min(len(words), 8) + 1)
        )
    )
