"""Furniture set inside the story itself, line by line (`boilerplate.is_boilerplate` asks).

Main-text detection keeps what sits inside the article's container: a paywall's
offer, a donation box, an affiliate disclaimer, a "follow us" or "was this
useful" prompt, a letters-page appeal, a betting ad's small print, a reporter's
contact line, a republishing licence, an embedded post's sign-off, a wire
desk's initials ("afp/sb/lpt"). Each is a shape many sites share, in the
languages the extractor reads.
"""

from __future__ import annotations

import re

from newsdesk.extract.gated import GatedSearch
from newsdesk.extract.triggers import any_in

_FLAGS = re.IGNORECASE

_INLINE = re.compile(
    r"""
      ^\W*already\ a\ (?:member|subscriber)\b|\bunlimited\ (?:digital\ )?access\ to\b
    | ^\W*support\ (?:nonprofit|non-profit|independent|local|public-interest)\ (?:news|journalism|reporting)\b
    | ^\W*disclaimer\s*:|\bmay\ (?:earn|receive)\ (?:a\ )?(?:small\ )?(?:commission|affiliate)|\baffiliate\ links?\b
    | ^\W*(?:s(?:í|i)gue(?:nos)?|suivez(?:-nous)?|folgen\ sie\ (?:uns|der|dem)|seguici|siga(?:-nos)?|volg\ ons)\b.{0,80}\b(?:en|sur|auf|su|no|op|in)\ (?:facebook|twitter|x|instagram|linkedin|telegram|whatsapp|google\ news)\b
    | \b(?:cet\ article\ vous\ a[- ]t-il\ (?:été\ )?|cet\ article\ vous\ a\ été\ )utile\b|\bte\ (?:ha\ )?(?:result(?:ó|o|ado)|parec(?:ió|io))\ (?:útil|util)\b|\bti\ (?:è|e)\ stato\ utile\b
    | \b(?:este|esse)\ (?:artigo|conte(?:ú|u)do)\ foi\ (?:útil|util)\b|\bwas\ dit\ artikel\ nuttig\b
    | ^\W*do\ you\ have\ an\ opinion\ on\b|\bsubmit\ (?:a|your)\ (?:response|letter)\b.{0,60}\bletters?\b
    | \bbegambleaware\b|\bgamble\ responsibly\b|\bgambling\ helpline\b|\bbet\ [£$€]?\d+\ (?:and\ )?get\b|\b18\+\ (?:only|t&cs|new\ customers)\b
    | \bcan\ be\ reached\ (?:at|by|via)\b|\b(?:contact|reach)\ (?:the\ )?(?:reporter|writer|author)\ at\b
    | \bcreative\ commons\b.{0,40}\blicen[cs]e\b|\brepublish\ (?:this|our)\ (?:article|story)\b
    | ^\W*pic\.twitter\.com/\S+\W*$|^[—–-]\ .{1,80}\(@\w{1,30}\)\ \w+\ \d{1,2},?\ \d{4}\W*$
    | ^(?-i:(?:[a-z]{2,5}/){1,5}[a-z]{2,5})$
    """,
    _FLAGS | re.VERBOSE,
)
INLINE_TRIGGERS = (
    "already a", "unlimited", "support", "disclaimer", "commission", "affiliate", "sigue",
    "suivez", "folgen", "seguici", "siga", "volg ons", "utile", "útil", "util", "nuttig",
    "opinion on", "letter", "gambl", "bet ", "18+", "reached", "reporter at", "writer at",
    "author at", "creative commons", "republish", "pic.twitter", "(@", "/",
)  # fmt: skip

#: `_INLINE` tried only for the alternatives whose words the line has (the same answer).
_inline = GatedSearch(_INLINE.pattern, _INLINE.flags)


#: `any(t in lower for t in _TRIGGERS)`, its `in` tests run by `map` (a short line's by a trie).
_has_trigger = any_in(INLINE_TRIGGERS)


def is_inline_furniture(line: str, lower: str) -> bool:
    """`line` (and its lower-cased form) is one of the shapes above."""
    return _has_trigger(lower) and _inline(line, lower)
