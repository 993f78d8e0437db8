"""Where a body's quotations are: the spans between quote marks, paragraph by paragraph.

Double marks, straight ("...") or curly (“...”), guillemets and German („...“);
single marks too (‘...’, and straight '...' on lines without double ones), with
apostrophes told apart. A quote left open at the end of a paragraph is the first
part of one that continues in the next. Spanish, Italian and Portuguese dialogue opens a
paragraph with a dash and sets the reporting clause off with dashes ("—No queremos
echar a nadie —dijo Ferrer—. Pero hay que pagar."). Whether the words are a quotation
or a scare quote or title is read here too; who said each is `quotes`' work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.extract.data import word_set
from newsdesk.extract.data.speech import SPEECH_PERFECTS, SPEECH_VERBS
from newsdesk.extract.reporting_clause import LABELLED

#: Fewer words than this between quote marks is a scare quote, not a quotation.
MIN_WORDS = 4

#: ‘...’ with an opening mark after a space or bracket and a closing mark right
#: after the quote's own punctuation or right before punctuation: "‘It felt
#: like the river came in,’ said Peiro", never "the neighbours’ homes".
_SINGLE_QUOTE = re.compile(
    r"(?:^|(?<=[\s(\[—–-]))‘([^‘\n]{1,2000}?)(?:(?<=[,.!?…])’|’(?=[,.;:!?)\]—–]|\s*$))"
)
#: The same with straight marks ('...,' said Peiro), as some British and Dutch copy writes
#: them: the opening mark also needs a capital after it, so "rock 'n' roll" and "the '90s"
#: open nothing.
_STRAIGHT_SINGLE_QUOTE = re.compile(
    r"(?:^|(?<=[\s(\[—–-]))'(?=[A-ZÀ-Þ])([^\n]{1,2000}?)(?:(?<=[,.!?…])'|'(?=[,.;:!?)\]—–]|\s*$))"
)
#: A paragraph of dash dialogue: a dash, the words, then a dash before the reporting
#: clause, whose first word (or an auxiliary and a participle) is a verb of saying.
_DASH_OPEN = re.compile(r"[ \t]*[—―][ \t]*(?=\S)")
_DASH_CLAUSE = re.compile(r"[ \t]+[—―][ \t]*(?:(?:ha|a|há)[ \t]+)?([^\W\d_]+)")
_CLAUSE_VERBS = SPEECH_VERBS | SPEECH_PERFECTS
QUOTE_MARK = re.compile(r"[\"“”«»„]")
_OPENERS = '"“«„'
_CLOSERS = '"”»'


@dataclass
class QuoteSpan:
    """A quotation found in the text, by offsets of its content."""

    start: int
    end: int
    #: Offset just past the closing mark, or the paragraph end if left open.
    after: int
    closed: bool
    #: True when the paragraph starts inside a quote left open before.
    continues: bool


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation's span in `text`, in order."""
    found: list[QuoteSpan] = []
    pending_open = False  # the previous paragraph ended inside a quote
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if not line.strip():
            line_start = line_end + 1
            continue
        continues = pending_open and line.lstrip()[:1] in _OPENERS
        pending_open = False
        open_at = -1
        open_ch = ""
        for mark in QUOTE_MARK.finditer(text, line_start, line_end):
            ch = mark.group()
            if open_at < 0:
                if ch in _OPENERS:
                    open_at = mark.end()
                    open_ch = ch
            elif ch in _CLOSERS or (open_ch == "„" and ch == "“"):
                # German quotes open low and close with “: „Wir geben nur ...“
                found.append(QuoteSpan(open_at, mark.start(), mark.end(), True, continues))
                continues = False
                open_at = -1
            else:
                open_at = mark.end()  # a new opening mark: the previous one was stray
                open_ch = ch
        if open_at >= 0 and line_end > open_at:
            found.append(QuoteSpan(open_at, line_end, line_end, False, continues))
            pending_open = True
        if line.lstrip()[:1] in "—―" and not QUOTE_MARK.search(line):
            found.extend(_dash_dialogue(text, line_start, line_end))
        if "‘" in line:
            found.extend(_single_quotes_in(text, line_start, line_end, found))
        elif "'" in line and not any(q.start >= line_start for q in found):
            # Straight single quotes only on a line without double ones (there they are
            # quotes within quotes, or apostrophes).
            found.extend(_single_quotes_in(text, line_start, line_end, found, straight=True))
        line_start = line_end + 1
    found.sort(key=lambda q: q.start)
    return found


def _single_quotes_in(
    text: str, start: int, end: int, doubles: list[QuoteSpan], *, straight: bool = False
) -> list[QuoteSpan]:
    """British single curly quotes (‘...’) on one line, apostrophes told apart.

    An opening ‘ follows a space or bracket; a closing ’ comes right after
    punctuation (‘...,’ said Kim) or right before it (‘...’.), so apostrophes
    ("don’t", "Harry’s", "the neighbours’ homes") do not close a quote. Single quotes
    inside a double-quoted quote are the inner quotes of that quote, not quotes of their
    own.
    """
    found: list[QuoteSpan] = []
    pattern = _STRAIGHT_SINGLE_QUOTE if straight else _SINGLE_QUOTE
    for match in pattern.finditer(text, start, end):
        inner_start, inner_end = match.start(1), match.end(1)
        if any(d.start <= inner_start < d.end for d in doubles):
            continue
        found.append(QuoteSpan(inner_start, inner_end, match.end(), True, False))
    return found


def _dash_dialogue(text: str, start: int, end: int) -> list[QuoteSpan]:
    """A paragraph of dash dialogue: the words before the reporting clause, and those
    after the dash that closes it ("—No queremos ... —dijo Ferrer—. Pero ...").

    Only with a reporting clause that opens with a verb of saying: a dash before a
    list item or a paragraph that is all dialogue names no one and is left alone.
    """
    opening = _DASH_OPEN.match(text, start, end)
    if opening is None:
        return []
    for clause in _DASH_CLAUSE.finditer(text, opening.end(), end):
        if clause.group(1).lower() in _CLAUSE_VERBS:
            break
    else:
        return []
    words_end = clause.start()
    while words_end > opening.end() and text[words_end - 1] in " \t":
        words_end -= 1
    found = [QuoteSpan(opening.end(), words_end, clause.start(1), True, False)]
    closing = min(
        (k for k in (text.find(d, clause.end(), end) for d in "—―") if k >= 0), default=-1
    )
    if closing >= 0:
        rest = closing + 1
        while rest < end and text[rest] in " \t.,;:":
            rest += 1
        if rest < end:
            found.append(QuoteSpan(rest, end, end, True, False))
    return found


#: Fewer words than this, no speaker and no sentence's end: a phrase set off, not a quote.
MIN_BARE_WORDS = 8

#: Finite verbs and subject pronouns that make a short quote a clause ("Short staffed is
#: not safe"), in the languages read; a phrase without one is a title or a scare quote.
_CLAUSE_WORDS = word_set(
    """
    is are was were am be has have had will would can could shall should must may might
    do does did i we you isn't aren't wasn't weren't don't doesn't didn't won't can't
    ist sind war waren wird werden hat haben kann können muss müssen soll sollen hatte
    hatten habe bin bist sei wurde wurden würde gibt gab darf ich du er sie wir
    había habían he hemos tengo tiene tienen soy somos estoy estamos yo
    je il elle nous vous ils elles suis ai avons avez
    io ho abbiamo siamo eu sou somos estou tenho temos
    es son está están fue era eran ha han hay será puede pueden
    est sont était étaient ont sera peut
    è sono era ha hanno
    é são foi tem
    """
)
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
_WORD = re.compile(r"\w+")
_CONTRACTION = re.compile(r"\w['’](?:s|re|m|ve|ll|d)\b", re.IGNORECASE)


def bare_phrase(text: str) -> bool:
    """A short quoted phrase that is no sentence ("fault detection, isolation and recovery",
    a paper's title): with no one to say it, it is a scare quote or a name, not speech."""
    words = text.split()
    if len(words) >= MIN_BARE_WORDS or _LATIN_LETTER.search(text) is None:
        return False  # scripts whose verbs this cannot read ("제 여자친구랑 ...") are left be
    if text.rstrip(" ”’\"'»)").endswith((".", "!", "?", "…")):
        return False
    return not any(w.strip(",;:").lower() in _CLAUSE_WORDS for w in words) and (
        _CONTRACTION.search(text) is None
    )


#: Words a title leaves in lower case ("Once Upon a Time in Hollywood").
TITLE_SMALL_WORDS = word_set("a an and the of in on at to for with by from or nor but as vs")


def attributed_phrase(
    text: str, q: QuoteSpan, speaker: str | None, *, introduced: bool = False
) -> bool:
    """A three-word quote someone said ("the terms were “tough but workable”").

    Kept when the speaker is known and the words are not a label the writer
    puts on something ("calling them “a good start”", "described as ..."), or when
    a reporting clause introduces it and it is a sentence ("The mayor said: “It is
    done.”"): someone's words, though the story does not name whose.
    """
    words = text[q.start : q.end]
    said = introduced and words.rstrip()[-1:] in (".", "!", "?")
    if (speaker is None and not said) or len(words.split()) != MIN_WORDS - 1 or is_title(words):
        return False  # "the magazine “Swim & More”"
    before = text[max(0, q.start - 40) : q.start]
    return LABELLED.search(before) is None


def is_quotation(text: str) -> bool:
    """Words between quote marks that are a quotation: `MIN_WORDS` or more, not a title."""
    if len(text.split()) < MIN_WORDS:  # "It’s over" is two words, not three
        return False
    # A title in quote marks ("Once Upon a Time in Hollywood") is not speech.
    return not is_title(text)


def is_title(text: str) -> bool:
    """Every word capitalised but the small ones: a title, not speech."""
    content = [w for w in _WORD.findall(text) if w.lower() not in TITLE_SMALL_WORDS]
    return all(w[0].isupper() for w in content)
