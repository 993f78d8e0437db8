"""The query language's lexer: query text into tokens (words, phrases, `field:value`,
parentheses and the operators), for `query.parse`.

An unclosed quote is the only thing it refuses (a `QuerySyntaxError`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from newsdesk.errors import QuerySyntaxError


@dataclass(frozen=True)
class Token:
    kind: Literal["(", ")", "OR", "AND", "NOT", "-", "word", "phrase", "field"]
    text: str = ""
    #: For "field" tokens: the field name; value kind is "word", "phrase" or "group".
    name: str = ""
    value_kind: str = ""


_FIELD = re.compile(r"^([A-Za-z][A-Za-z_-]*):(.*)$", re.DOTALL)
#: Typographic double quotes, as a word processor or a web page gives a pasted phrase:
#: plain quotes ("police officer" pasted as “police officer” found either word apart).
_DOUBLE_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»＂″", '"'))
#: A phrase in single typographic quotes (‘police officer’): the closing ’ ends a word
#: (inside one it is an apostrophe: O’Brien).
_SINGLE_QUOTED = re.compile(r"‘([^‘’]+(?:’\w[^‘’]*)*)’(?=[\s)]|$)")
_STOP_CHARS = frozenset('()"')


def _read_phrase(text: str, pos: int) -> tuple[str, int]:
    """Text between the quote at `pos` and the next quote; position after it."""
    end = text.find('"', pos + 1)
    if end < 0:
        raise QuerySyntaxError('unbalanced quotes: a phrase opened with " is never closed')
    return text[pos + 1 : end], end + 1


def lex(text: str) -> list[Token]:
    text = text.translate(_DOUBLE_QUOTES)
    if "‘" in text:
        text = _SINGLE_QUOTED.sub(r'"\1"', text)
    tokens: list[Token] = []
    pos = 0
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        if ch in "()":
            tokens.append(Token(ch))  # type: ignore[arg-type]
            pos += 1
            continue
        if ch == '"':
            phrase, pos = _read_phrase(text, pos)
            tokens.append(Token("phrase", phrase))
            continue
        if ch in "-!" and pos + 1 < n and not text[pos + 1].isspace() and text[pos + 1] != ")":
            tokens.append(Token("-"))
            pos += 1
            continue
        if ch == "+" and pos + 1 < n and not text[pos + 1].isspace():
            pos += 1  # "+word" is just "word": every word is required anyway
            continue
        start = pos
        while pos < n and not text[pos].isspace() and text[pos] not in _STOP_CHARS:
            pos += 1
        word = text[start:pos]
        match = _FIELD.match(word)
        if match:
            name = match.group(1).lower()
            value = match.group(2)
            if not value and pos < n and text[pos] == '"':
                phrase, pos = _read_phrase(text, pos)
                tokens.append(Token("field", phrase, name, "phrase"))
                continue
            if not value and pos < n and text[pos] == "(":
                tokens.append(Token("field", "", name, "group"))
                continue
            tokens.append(Token("field", value, name, "word"))
            continue
        if word in ("OR", "||", "|"):
            tokens.append(Token("OR"))
        elif word in ("AND", "&&", "&"):
            tokens.append(Token("AND"))
        elif word == "NOT":
            tokens.append(Token("NOT"))
        else:
            tokens.append(Token("word", word))
    return tokens
