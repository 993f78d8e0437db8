"""A story written as text set apart by `<br>`s: its opening, when main-text detection lost
it, put back.

Old CMS templates print a story as loose text in one `<div>`, its paragraphs parted by
`<br> <br>`. trafilatura keeps the text after each `<br>` (the tails) but, when it reads
the page's paragraphs one by one, can drop the text before the first one: the lede. A
MacRumors page lost its first paragraph so, and the cut meta description stood in for it.
The lost opening goes back in front of the first paragraph the main text kept from the
same container. (Wrapping it in a `<p>` before detection kept it too, but moved
trafilatura's choice of container on other pages.)
"""

from __future__ import annotations

from lxml.html import HtmlElement

#: Tags that stay inside a line of running text: the opening run goes on past them.
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span",
     "strong", "sub", "sup", "time", "u"}
)  # fmt: skip
#: The fewest words of an opening that is a paragraph of the story, a sentence or more.
MIN_WORDS = 12
_SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "’", "'")
#: Containers whose loose opening text is looked at.
_CONTAINERS = ("div", "td", "section", "article")
#: How much of a paragraph's start identifies it in its container's text.
_KEY_CHARS = 50


def _flat(text: str) -> str:
    return " ".join(text.split())


def _opening(element: HtmlElement) -> str | None:
    """The loose text that opens a container of `<br>`-parted paragraphs (its text and the
    inline tags after it, up to the first `<br>` or block), when it is a sentence or more."""
    if not (element.text or "").strip() or element.find("br") is None:
        return None
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str) or child.tag not in INLINE_TAGS:
            break
        parts.append(f"{child.text_content()}{child.tail or ''}")
    text = _flat("".join(parts))
    if len(text.split()) < MIN_WORDS or not text.endswith(_SENTENCE_ENDS):
        return None  # a label or a line of furniture ("Reviews for"), no lede
    return text


def restore_loose_openings(tree: HtmlElement, main_text: str) -> str:
    """`main_text` with each loose opening it lost put back before the first paragraph it
    kept from the same container."""
    for element in tree.iter(*_CONTAINERS):
        opening = _opening(element)
        if opening is None or opening[:_KEY_CHARS] in _flat(main_text):
            continue
        rest = _flat(element.text_content())[len(opening) :]
        paragraphs = main_text.split("\n\n")
        for n, paragraph in enumerate(paragraphs):
            key = _flat(paragraph)[:_KEY_CHARS]
            if len(key) == _KEY_CHARS and key in rest:
                paragraphs.insert(n, opening)
                main_text = "\n\n".join(paragraphs)
                break
    return main_text
