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
- a bare http(s) URL holding one of those characters is written as an autolink,
  ``<https://example.org/a_b>``, not escaped: a backslash inside a URL broke
  GitHub's link at the underscore (and an autolink takes no escapes);
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


#: A bare URL: what an autolink may hold (no space, control, "<" or ">").
_URL = re.compile(r"https?://[^\s<>\x00-\x1f\x7f]+", re.I)
#: Ends a URL only in prose ("see https://x.org/a_b."), as GFM's autolinks trim it.
_URL_TAIL = ".,:;!?'\"*_~"


def _url_end(url: str) -> int:
    """Where a URL found in prose ends: trailing punctuation and unmatched closers are
    the sentence's."""
    end = len(url)
    while end:
        last = url[end - 1]
        if last in _URL_TAIL or (
            last in ")]"
            and url.count(last, 0, end) > url.count("(" if last == ")" else "[", 0, end)
        ):
            end -= 1
            continue
        break
    return end


def _escape_inline(text: str) -> str:
    """Text with construct-starting characters escaped; URLs that need it as autolinks."""
    out: list[str] = []
    at = 0
    for match in _URL.finditer(text):
        url = match.group()[: _url_end(match.group())]
        if len(url) <= len(match.group(0).split("//", 1)[0]) + 2:
            continue
        out.append(_INLINE.sub(lambda m: "\\" + m.group(0), text[at : match.start()]))
        out.append(f"<{url}>" if _INLINE.search(url) else url)
        at = match.start() + len(url)
    out.append(_INLINE.sub(lambda m: "\\" + m.group(0), text[at:]))
    return "".join(out)


def escape_line(line: str) -> str:
    """One line (stripped) with every construct-starting character escaped."""
    line = _escape_inline(line.strip())
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
