"""Turn untrusted article text into Markdown that renders as exactly that text.

Article text comes from web pages and feeds; in a Markdown export a line that
starts with `#` would become a heading, `<script>` raw HTML, `[x](javascript:…)`
a link. `escape_markdown_text` makes every such construct literal while keeping
the source readable: only characters that can start a construct are escaped,
so "U.S. growth, 3.5%" stays as it is.

What is escaped, and why:
- inline, anywhere: ``\\ * _ [ ] < > ` # | ~`` (emphasis, links, autolinks,
  raw HTML, code spans and fences, headings, tables, strikethrough), ``!``
  before ``[`` (images), and ``&`` when it starts an entity (``&amp;``, ``&#39;``);
- at the start of a line: ``-`` ``+`` ``=`` ``:`` and ``1.`` / ``1)`` (lists,
  setext underlines, thematic breaks, definition lists);
- whitespace: leading spaces go (four would open a code block), trailing ones
  go (two make a hard line break), runs of blank lines become one.
Control characters and terminal escapes are removed first (`sanitize.clean_text`).
"""

from __future__ import annotations

import re

from newsdesk.sanitize import clean_line, clean_text

__all__ = ["escape_line", "escape_markdown_text", "paragraphs"]

_INLINE = re.compile(r"""[\\*_\[\]<>`#|~]|!(?=\[)|&(?=\#?[0-9A-Za-z]+;)""")
_LINE_START = re.compile(r"^(?:[-+=:]|\d+[.)])")
_BLANK_RUN = re.compile(r"\n{3,}")


def escape_line(line: str) -> str:
    """One line (stripped) with every construct-starting character escaped."""
    line = _INLINE.sub(lambda m: "\\" + m.group(0), line.strip())
    match = _LINE_START.match(line)
    if match:
        marker = match.group(0)
        # Escape the character that makes the marker: "-" itself, or the "." of "12.".
        line = (
            "\\" + line
            if len(marker) == 1
            else marker[:-1] + "\\" + marker[-1] + line[len(marker) :]
        )
    return line


def escape_markdown_text(text: str, *, single_line: bool = False) -> str:
    """Markdown source that renders as `text`, as plain paragraphs and nothing else.

    With `single_line`, all whitespace (newlines included) collapses to single
    spaces: for headings, table-of-contents entries and metadata lines.
    Otherwise lines and blank-line paragraph breaks are kept.
    """
    if single_line:
        return escape_line(clean_line(text))
    lines = [escape_line(line) for line in clean_text(text).split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str, *, clean: bool = True) -> list[str]:
    """The paragraphs of a stored body (separated by blank lines), stripped, none empty.

    `clean=False` skips `clean_text` for text that is already clean (it is
    the costly part on long bodies).
    """
    blocks = _PARAGRAPH_BREAK.split(clean_text(text) if clean else text)
    return [block.strip() for block in blocks if block.strip()]
