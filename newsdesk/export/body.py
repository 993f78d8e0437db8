"""An article body as Markdown that shows every line as it was: lists stay lists.

`escape.escape_markdown_text` makes text render as plain paragraphs, and in
Markdown the lines of a paragraph run together: a live blog's "12:05 ..."
entries became one line, a code sample one run-on sentence, a bullet list a
column of "- " text. Here each paragraph keeps its shape with the fewest
constructs, every one of them harmless:

- a line starting with a bullet (`-`, `*`, `+`, `•`...) and a space is a list
  item, its text escaped;
- other lines are kept apart by hard line breaks (a trailing backslash), and
  their leading indentation is kept as no-break spaces (spaces would open a
  code block);
- a list and the lines around it are separated by a blank line (a line after
  an item would otherwise continue it).

Everything else is escaped line by line exactly as `escape_markdown_text` does:
no heading, link, HTML, table, quote or code can come from an article.
"""

from __future__ import annotations

import re

from newsdesk.export.escape import escape_line

__all__ = ["markdown_paragraph"]

_BULLET = re.compile(r"^[ \t]*[-*+•‣◦▪][ \t]+(?=\S)")
_NBSP = "\u00a0"


def _indent(line: str) -> str:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4
        else:
            break
    return _NBSP * width


def markdown_paragraph(paragraph: str) -> str:
    """One body paragraph (clean text, no blank lines inside) as safe Markdown."""
    out: list[str] = []
    previous = ""  # "item", "line" or "" (nothing yet)
    for line in paragraph.split("\n"):
        if not line.strip():
            continue
        bullet = _BULLET.match(line)
        if bullet:
            if previous == "line":
                out.append("")
            # "•" (what import makes of a list's bullet) as "*", any other mark as "-": both
            # are Markdown list items, and the Markdown importer gives each its mark back.
            mark = "* " if line.lstrip().startswith("•") else "- "
            out.append(mark + escape_line(line[bullet.end() :]))
            previous = "item"
            continue
        if previous == "item":
            out.append("")
        elif previous == "line":
            out[-1] += "\\"  # a hard break: the next line starts a line of its own
        out.append(_indent(line) + escape_line(line))
        previous = "line"
    return "\n".join(out)
