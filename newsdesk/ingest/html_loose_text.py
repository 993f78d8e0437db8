"""A story written as text set apart by `<br>`s, its opening wrapped in a paragraph.

Old CMS templates print a story as loose text in one `<div>`, its paragraphs parted by
`<br> <br>`. trafilatura keeps the text after each `<br>` (the tails) but, when it takes
the div together with its neighbours, drops the text before the first one: the lede. A
MacRumors page lost its first paragraph so, and the cut meta description stood in for it.
Wrapping that opening run in a `<p>` of its own keeps it, as a paragraph.
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
#: Containers whose loose opening text is wrapped.
_CONTAINERS = ("div", "td", "section", "article")


def wrap_loose_openings(tree: HtmlElement) -> None:
    """Wrap, in place, the loose text that opens a container of `<br>`-parted paragraphs
    (its text and the inline tags after it, up to the first `<br>` or block) in a `<p>`,
    when it is a sentence or more of prose."""
    for element in list(tree.iter(*_CONTAINERS)):
        if not (element.text or "").strip() or element.find("br") is None:
            continue
        run: list[HtmlElement] = []
        for child in element:
            if not isinstance(child.tag, str) or child.tag not in INLINE_TAGS:
                break
            run.append(child)
        text = " ".join(
            [element.text or "", *(f"{c.text_content()}{c.tail or ''}" for c in run)]
        ).strip()
        if len(text.split()) < MIN_WORDS or not text.endswith(_SENTENCE_ENDS):
            continue  # a label or a line of furniture ("Reviews for"), no lede
        paragraph = element.makeelement("p", {})
        paragraph.text, element.text = element.text, None
        for child in run:
            paragraph.append(child)  # moves it, with its tail
        element.insert(0, paragraph)
