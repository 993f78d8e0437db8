"""Markdown to plain text, lightly: the words stay, the syntax goes.

Not a renderer: headings become lines, links their text, emphasis and
code markers vanish, images and HTML comments are dropped, so the
extractor sees the article as a reader would.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(```|~~~)[^\n]*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_LIST = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+")
# Bounded repeats: an unclosed "[text](" on a long line cannot make the scan quadratic.
# Link text excludes brackets and the target excludes spaces and parentheses (one
# nested pair allowed), so every "[" or "(" scans only to the next one: linear time.
_TARGET = r"\(<?[^()\s]{0,2000}(?:\([^()\s]{0,200}\)[^()\s]{0,500})?>?(?:\s+\"[^\"\n]{0,300}\")?\)"
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,1000})\]" + _TARGET)
_LINK = re.compile(r"\[([^\[\]\n]{1,1000})\]" + _TARGET)
_REF_LINK = re.compile(r"\[([^\[\]\n]{1,1000})\]\[[^\[\]\n]{0,200}\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s+\S+.*$")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]{1,2000})>")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]{0,200}>")
# The inner text may not contain the marker, so each opener scans at most to the
# next marker: linear time even on a megabyte line of unmatched "**".
_STRONG = re.compile(r"\*\*(?=\S)([^*\n]{1,1000})(?<=\S)\*\*|__(?=\S)([^_\n]{1,1000})(?<=\S)__")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]{1,1000})(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]{1,1000})(?<=\S)_(?![\w_])"
)
_STRIKE = re.compile(r"~~(?=\S)([^~\n]{1,1000})(?<=\S)~~")
_CODE = re.compile(r"`+([^`\n]{1,1000})`+")
#: Any ASCII punctuation may be escaped (CommonMark): "\\<b\\>" is the text "<b>".
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _inner(match: re.Match[str]) -> str:
    return match.group(1) if match.group(1) is not None else match.group(2)


#: An escaped character stands in the private-use area while the constructs are read, so
#: "\\`x\\`" or "\\*x\\*" (literal backticks and stars) open no code span or emphasis.
_HIDDEN = 0xE000
_HIDDEN_CHAR = re.compile("[\ue000-\ue07f]")


def _inline(line: str) -> str:
    line = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(_inner, line)
    line = _EMPHASIS.sub(_inner, line)
    line = _STRIKE.sub(r"\1", line)
    return _HIDDEN_CHAR.sub(lambda m: chr(ord(m.group()) - _HIDDEN), line)


def markdown_to_text(markdown: str) -> str:
    """The readable text of a Markdown document, paragraphs kept apart by blank lines."""
    markdown = _HTML_COMMENT.sub("", markdown)
    out: list[str] = []
    in_fence = False
    for raw in markdown.splitlines():
        if _FENCE.match(raw.strip()):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(raw)
            continue
        if _REF_DEF.match(raw) or _RULE.match(raw):
            out.append("")
            continue
        if _SETEXT.match(raw) and out and out[-1].strip():
            # The underline of a setext heading: the heading line above stays.
            out.append("")
            continue
        line = _QUOTE.sub("", raw)
        heading = _HEADING.match(line)
        if heading:
            # Closing hashes and spaces are stripped in Python: a regex doing it backtracks.
            out.extend(["", _inline(heading.group(1).rstrip().rstrip("#").rstrip()), ""])
            continue
        # List items lose their indentation (plain text has no nesting to show); "* item"
        # is "• item", what newsdesk's own export writes for it, "- item" stays, a
        # numbered item keeps its number.
        item = _LIST.match(line)
        if item:
            mark = item.group(0).strip()
            shown = {"*": "•", "+": "-"}.get(mark, mark)
            line = f"{shown} " + line[item.end() :]
        out.append(_inline(line).rstrip())
    return "\n".join(out)
