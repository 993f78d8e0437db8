"""HTML nested deeper than libxml2 reads, written again shallow enough that every word is kept.

libxml2 stops building the tree at a fixed depth (256 levels, 2,048 with `huge_tree`) and
drops the rest of the document without raising: a page of legacy markup whose `<font>`
tags are never closed, or a template that wraps a story in thousands of `<div>`s, lost
its text. `flatten` re-emits the markup with the tags past `FLAT_DEPTH` left out (their
text stays, a block tag's start becomes a line break), for the parser to read again.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from lxml import etree, html

#: libxml2's depth limit under `huge_tree`: deeper, it stops reading the document.
LIBXML_MAX_DEPTH = 2048
#: Tags deeper than this are left out of the flattened page; real articles nest far less.
FLAT_DEPTH = 200
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
#: Tags whose start begins a new line of text: left out, they become a `<br>`.
_BLOCK = frozenset(
    {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
     "article", "table", "ul", "ol", "dl", "dt", "dd", "pre", "center", "header", "footer"}
)  # fmt: skip
_RAW_TEXT = frozenset({"script", "style"})


def _attributes(attrs: list[tuple[str, str | None]]) -> str:
    return "".join(
        f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
        for name, value in attrs
    )


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        # Each open tag, and whether it was written (past FLAT_DEPTH it is not).
        self.open: list[tuple[str, bool]] = []
        self.written = 0
        #: A left-out block tag's break was the last thing written: the next one adds
        #: nothing (100,000 nested divs were 100,000 breaks, too many elements to read).
        self.broke = False

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.out.append(f"<{tag}{_attributes(attrs)}>")
            return
        keep = self.written < FLAT_DEPTH
        if keep:
            self.out.append(f"<{tag}{_attributes(attrs)}>")
            self.written += 1
            self.broke = False
        elif tag in _BLOCK and not self.broke:
            self.out.append("<br>")
            self.broke = True
        self.open.append((tag, keep))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.out.append(f"<{tag}{_attributes(attrs)}>")
        elif self.written < FLAT_DEPTH:
            self.out.append(f"<{tag}{_attributes(attrs)}></{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if not any(name == tag for name, _ in self.open):
            return  # a stray end tag closes nothing
        while self.open:
            name, kept = self.open.pop()
            if kept:
                self.out.append(f"</{name}>")
                self.written -= 1
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1][0] in _RAW_TEXT:
            if self.open[-1][1]:  # a script past the depth is left out, not shown as text
                self.out.append(data)
            return
        if data.strip():
            self.broke = False
        self.out.append(escape(data, quote=False))


def flatten(markup: str) -> str:
    """`markup` with no element nested deeper than `FLAT_DEPTH`, and all of its text."""
    parser = _Flattener()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


def deep_parser(**options: bool | str) -> html.HTMLParser:
    """An lxml HTML parser that reads 2,048 levels deep, not 256 (`huge_tree`); the input
    size caps of `limits` still bound what it is given."""
    return html.HTMLParser(huge_tree=True, **options)


def cut_at_depth(parser: html.HTMLParser) -> bool:
    """Whether `parser`'s last document went deeper than libxml2 reads (its tree is cut)."""
    return any(
        error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in error.message
        for error in parser.error_log
    )
