"""What a word's capitals say, read before a text is folded (the index sees it folded).

- An abbreviation in capitals ("US", "UK", "EU", "FBI") is read as its dotted form
  ("U.S"), which the index holds both dotted and not (`search.words`): `U.S.` then finds
  the articles that write "US", as `US` finds those that write "U.S.". Not in a run of
  capitals ("TELL US MORE": the pronoun), and never a glue word ("IT", "OR", "THE").
- "Labour" with a capital is the party (the Labour Party, Labour MPs, "voted Labour")
  except at a sentence's start, where it is the party only before a word of party
  politics (`Labour leader`, `Labour government`). The party's word is kept as
  written, as a name's is, so `labor` (work, unions) no longer finds the party, while
  `labour` and `Labour` still find both. Over the real-world text copies and the peer
  pages' text copies this reads 19 of the 21 capitalised "Labour" (in 13 files) as the
  party: the Labour Party, Labour MPs, "take on Labour", and two names ("University
  of Labour", "Landscapes of Labour"); the other two, a menu line "Labour Matters",
  stay labor, as do the 7 lowercase "labour" and every "Labor" (the Labor Department).
  The stories corpus has none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.search.words import STOP_WORDS, UNITS

#: Two or three capitals standing alone (not in a compound, not "U.S" itself), not
#: after another word in capitals. The look-behinds come after the first capital, so
#: the search skips to capitals (a third of the instructions over real bodies).
_CAPS = re.compile(
    r"([A-Z])(?<![\w&'’.\-\u2010\u2011][A-Z])(?<![A-Z][A-Z] [A-Z])([A-Z])([A-Z])?"
    r"(?![\w&\-\u2010\u2011]|['’.]\w(?<![’'][sS]))"
)
_PARTY = re.compile(r"(?<![\w\-])Labour(?!\w|[-\u2010\u2011]\w)")
#: Words after "Labour" that say it is the party even at a sentence's start.
_PARTY_WORDS = re.compile(
    r"(?:['’]s)?\s+(?:Party|party|leader|leaders|leadership|MPs?|MSPs?|government|"
    r"councillors?|candidates?|manifesto|members|voters|conference|peers?|mayor|"
    r"minister|ministers|frontbench\w*|backbench\w*|spokes\w+|deputy|chancellor|shadow|"
    r"figures?|sources|politicians?|administration|victory|won|wins|lost|loses|has|had|"
    r"said|says|will|would)\b"
)
#: What ends a sentence, or starts a line, a quotation or an item, before a word.
_OPENERS = frozenset(".!?:;\"“”‘'([\n\u2014\u2013-*•")


def _dotted(match: re.Match[str]) -> str:
    word = match.group(0)
    if word.lower() in STOP_WORDS:
        return word
    return ".".join(word)


def dotted_capitals(text: str) -> str:
    """`text` with its abbreviations in capitals dotted ("US" -> "U.S"; module doc)."""
    return _CAPS.sub(_dotted, text)


def capitals_dotted(word: str) -> str:
    """One word as written, dotted when it is an abbreviation in capitals."""
    return dotted_capitals(word) if 2 <= len(word) <= 3 else word


def party_starts(text: str) -> list[int]:
    """Where `text` (as written) names the Labour Party (module doc)."""
    if "Labour" not in text:
        return []
    out = []
    for found in _PARTY.finditer(text):
        at = found.start()
        head = text[max(0, at - 8) : at].rstrip(" \t")
        opens = not head or head[-1] in _OPENERS
        if opens and not _PARTY_WORDS.match(text, found.end()):
            continue
        out.append(at)
    return out


def party_units(text: str, fold_text: Callable[[str], str]) -> frozenset[int]:
    """The units of `text` (as written) that name the party, counted as `UNITS` counts
    them in the text folded by `fold_text`: their index words are kept as written."""
    starts = party_starts(text)
    if not starts:
        return frozenset()
    # The folded text's units up to each start: folding may change lengths (ß, Han).
    return frozenset(len(UNITS.findall(fold_text(text[:at]))) for at in starts)
