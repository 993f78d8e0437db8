"""An HTML (or trafilatura XML) element -> readable paragraphs of plain text.

Used for feed item HTML and for the main-text element trafilatura returns:
block elements become paragraph breaks, `<br>` a line break, scripts,
styles, media and forms vanish, and the feed furniture that is not article
text ("The post X appeared first on Y", "Continue reading") is dropped.
"""

from __future__ import annotations

import html
import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from newsdesk.ingest.assemble import tidy_paragraphs
from newsdesk.ingest.html_flatten import cut_at_depth, deep_parser, flatten
from newsdesk.ingest.limits import MAX_TEXT_CHARS
from newsdesk.ingest.markup import looks_like_html

# Block-level tags of HTML, plus trafilatura's XML (head, list, item, quote, row).
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tr",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "hr",
        "address",
        "details",
        "summary",
        "center",
        "head",
        "list",
        "item",
        "quote",
        "row",
    ]
)
DROP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "img",
        "picture",
        "source",
        "video",
        "audio",
        "iframe",
        "frame",
        "frameset",
        "svg",
        "math",
        "object",
        "embed",
        "canvas",
        "map",
        "form",
        "button",
        "input",
        "select",
        "textarea",
        "option",
        "label",
        "figure",
        "figcaption",
        "graphic",
        "link",
        "meta",
        "nav",
    ]
)
_PRE_TAGS = frozenset(("pre", "code"))
# Table cells stay on their row's line, separated by " | ".
_CELL_TAGS = frozenset(("td", "th", "cell"))
_ROW_TAGS = frozenset(("tr", "row"))

# Trailing furniture of feed items (WordPress, Medium, newsletters): not article text.
_FURNITURE = re.compile(
    r"""^(?:
        the\s+post\s+.+\s+appeared\s+first\s+on\s+.+
      | (?:continue|keep)\s+reading.*
      | read\s+(?:more|the\s+(?:full|rest|original)).*
      | (?:view|see)\s+(?:the\s+)?(?:full\s+)?(?:article|story|post)\s+(?:on|at)\s+.+
      | \[?(?:…|\.\.\.)\]?
      | \[\s*(?:…|\.\.\.)\s*\]
    )$""",
    re.I | re.X,
)
_LINK_FURNITURE = re.compile(
    r"^\s*(?:(?:continue|keep)\s+reading|read\s+more\b"
    # IDG's and others' jump link: "To read this article in full, please click here".
    r"|to\s+read\s+(?:this|the)\s+(?:full\s+)?(?:article|story|post)\s+in\s+full\b"
    r"|click\s+here\s+to\s+(?:read|continue)\b)",
    re.I,
)
#: Class or id words of the boxes a feed item's HTML carries beside its text: a
#: publisher's company-data module ("Company: / Website: / IPO:"), FeedBurner's share
#: flare, an embedded tweet's reply/retweet actions, share and follow buttons,
#: related-links, newsletter and advertising boxes. Whole words or known compounds only:
#: "subscriber-only", "ad-free", "text-module", "legal-action", "related-coverage" and
#: "promoted-story" hold article text.
_WIDGET_WORD = re.compile(
    r"""^(?:
        module-(?:crunchbase|company|profile|data|info|related|share|social|newsletter)
      | widgets? | widget-.+ | .+-widget | feedflare
      | (?:twitter|tweet|social|share)-(?:actions?|meta|follow-button)
      | (?:follow|share|tweet|like)-buttons?
      | sharing | share-(?:buttons?|links|tools|bar|box) | social-(?:share|links|buttons?)
      | sharedaddy | related | related-(?:posts|links|articles|stories|content)
      | newsletter-(?:signup|box|form|promo|cta) | subscribe-(?:box|form|cta|promo)
      | sidebar | advert | advertisement | ads? | ad-(?:slot|unit|container|wrapper|banner)
      | sponsored | sponsor-box | promo-(?:box|unit|banner)
    )$""",
    re.I | re.X,
)
#: A box holding at least this share of the fragment's text is the text (a wrapper
#: named "entry widget", a paywalled part), never a box beside it.
_WIDGET_MAX_SHARE = 0.5


def _is_widget(element: etree._Element, whole: list[int], root: etree._Element) -> bool:
    """`whole` holds the fragment's text length once measured (measured at most once)."""
    classes, ident = element.get("class"), element.get("id")
    if classes is None and ident is None:
        return False  # most elements: no names to read
    names = f"{classes or ''} {ident or ''}".split()
    if not any(_WIDGET_WORD.match(name) for name in names):
        return False
    return not _holds_text(element, whole, root)


def _holds_text(element: etree._Element, whole: list[int], root: etree._Element) -> bool:
    """The element holds half the fragment's text or more, so it is the text whatever its
    name or tag: a wrapper named like a box, a slideshow's slide, a figure left unclosed
    that swallowed the paragraphs after it. `whole` keeps the fragment's length, measured
    once."""
    if not whole:
        whole.append(len("".join(root.itertext())))
    return len("".join(element.itertext())) >= whole[0] * _WIDGET_MAX_SHARE


#: A run of spaces or tabs (not line breaks) that is not already one plain space:
#: a lone space, most of a text's gaps, is left alone rather than replaced by
#: itself (same text as replacing every run, in half the time).
_SPACES = re.compile(r" [ \t\r\f\v\u00a0]+|[\t\r\f\v\u00a0][ \t\r\f\v\u00a0]*")
#: What every `_SPACES` match holds: text without it (most text) is left as it is
#: without running the substitution (a fifth of reading a feed item's HTML).
_ODD_SPACE = re.compile(r"[\t\r\f\v\u00a0]")


def _squeezed(text: str) -> str:
    """`text` with `_SPACES` runs made one space."""
    if "  " not in text and _ODD_SPACE.search(text) is None:
        return text
    return _SPACES.sub(" ", text)


_PARA = "\x00P"
_LINE = "\x00L"


#: Local names by tag, as `_local` gives them: a document repeats a few tags many times.
_local_names: dict[str, str] = {}


def _local(tag: Any) -> str:
    """Tag name without namespace, lower case; "" for comments and processing instructions."""
    if not isinstance(tag, str):
        return ""
    name = _local_names.get(tag)
    if name is None:
        if len(_local_names) > 5_000:
            _local_names.clear()  # bounded: a hostile page may invent many tag names
        name = _local_names[tag] = tag.rsplit("}", 1)[-1].lower()
    return name


_ITEM_TAGS = frozenset(("li", "item"))


def _item_mark(item: etree._Element) -> str:
    """ "• " for an item of a bulleted list, "3. " for the third of a numbered one."""
    parent = item.getparent()
    if parent is None:
        return "• "
    kind = _local(parent.tag)
    if kind == "ol" or (kind == "list" and (parent.get("rend") or "").lower() == "ol"):
        earlier = sum(1 for s in item.itersiblings(preceding=True) if _local(s.tag) in _ITEM_TAGS)
        # A countdown or a list continued after a paragraph starts elsewhere (`start="4"`).
        start = (parent.get("start") or "").strip()
        first = int(start) if start.isdigit() and len(start) <= 6 else 1
        return f"{first + earlier}. "
    return "• "


def _pieces(
    root: etree._Element, limit: int, lists: bool = False, widgets: bool = False
) -> list[str]:
    """`widgets`: leave out the boxes `_WIDGET_WORD` names (a feed item's HTML; a page's
    own furniture is judged later, line by line, by the page extraction)."""
    pieces: list[str] = []
    whole: list[int] = []  # the fragment's text length, measured when first needed
    size = 0
    pre_depth = 0
    cells = 0
    # Comments and processing instructions are walked for their tails: the text after
    # "<!-- ad -->" up to the next tag is the tail of the comment, and was lost.
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if size > limit:
            break  # Enough text for any article; the rest of a huge page is not read.
        if event in ("comment", "pi"):
            if element.tail and element is not root:
                pieces.append(element.tail if pre_depth else _squeezed(element.tail))
                size += len(element.tail)
            continue
        tag = _local(element.tag)
        if event == "start":
            if not tag:
                walker.skip_subtree()
                continue
            if (
                (
                    tag in DROP_TAGS
                    and not (widgets and tag == "figure" and _holds_text(element, whole, root))
                )
                or (tag == "a" and _LINK_FURNITURE.match("".join(element.itertext())))
                or (widgets and element is not root and _is_widget(element, whole, root))
            ):
                walker.skip_subtree()
                continue
            if tag in _ROW_TAGS:
                cells = 0
            if tag in _CELL_TAGS:
                if cells:
                    pieces.append(" | ")
                cells += 1
            if tag in BLOCK_TAGS:
                pieces.append(_PARA)
                if lists and tag in _ITEM_TAGS:
                    pieces.append(_item_mark(element))
            elif tag in ("br", "lb"):
                pieces.append(_LINE)
            if tag in _PRE_TAGS:
                pre_depth += 1
            if element.text:
                pieces.append(element.text if pre_depth else _squeezed(element.text))
                size += len(element.text)
        else:
            if tag in _PRE_TAGS and pre_depth:
                pre_depth -= 1
            if tag in BLOCK_TAGS:
                pieces.append(_PARA)
            if element is not root and element.tail:
                pieces.append(_squeezed(element.tail))
                size += len(element.tail)
    return pieces


def element_to_text(
    root: etree._Element, limit: int = MAX_TEXT_CHARS, *, lists: bool = False, widgets: bool = False
) -> str:
    """Paragraphs of the element's readable text, one blank line between them.

    Reading stops after about `limit` characters of text. `lists`: a list's items keep
    their bullet or number (an article's text; not a whole page's, whose menus are lists).
    """
    text = "".join(_pieces(root, limit, lists, widgets))
    paragraphs: list[str] = []
    for block in text.split(_PARA):
        lines = [
            _one_spaced(line) if "\n" not in line else line.strip() for line in block.split(_LINE)
        ]
        paragraph = "\n".join(line for line in (ln.strip() for ln in lines) if line)
        if paragraph and not (len(paragraph) < 500 and _FURNITURE.match(paragraph)):
            paragraphs.append(paragraph)
    return tidy_paragraphs("\n\n".join(paragraphs))


#: The ASCII characters `str.split()` splits at, but the plain space.
_ASCII_BREAKS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"


def _one_spaced(line: str) -> str:
    """`" ".join(line.split())`: an ASCII line whose words are already one plain space
    apart (most paragraphs of a feed item) is that already, and is not split and joined."""
    if (
        line.isascii()
        and "  " not in line
        and line[:1] != " "
        and line[-1:] != " "
        and not any(ch in line for ch in _ASCII_BREAKS)
    ):
        return line
    return " ".join(line.split())


def _reflow(text: str) -> str:
    paragraphs = re.split(r"\n[ \t]*\n", text)
    return tidy_paragraphs("\n\n".join(" ".join(p.split()) for p in paragraphs))


def html_fragment_to_text(fragment: str) -> str:
    """Readable text of an HTML fragment (a feed item's content or summary)."""
    if not looks_like_html(fragment, len(fragment)):
        # HTML without tags (a feed field), or text holding a bare "<" ("a<b and c>d"):
        # decode entities, reflow each paragraph.
        return _reflow(html.unescape(fragment) if "&" in fragment else fragment)
    parser = deep_parser()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div", parser=parser)
        if cut_at_depth(parser):
            # Nested past libxml2's limit: read shallower, or the rest of the text is lost.
            root = lxml_html.fragment_fromstring(
                flatten(fragment), create_parent="div", parser=parser
            )
    except (etree.ParserError, ValueError):
        return _reflow(fragment)
    return element_to_text(root, lists=True, widgets=True)
