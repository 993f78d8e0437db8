"""A story written as text set apart by `<br>`s: its opening, when main-text detection lost
it, put back.

Old CMS templates print a story as loose text in one `<div>`, its paragraphs parted by
`<br> <br>`. trafilatura keeps the text after each `<br>` (the tails) but, when it reads
the page's paragraphs one by one, can drop the text before the first one: the lede. A
MacRumors page lost its first paragraph so, and the cut meta description stood in for it.
The lost opening goes back in front of the paragraph the main text kept that follows it in
the same container (past a picture, its caption or a subheading), never in front of a
story that only stands somewhere below it. (Wrapping it in a `<p>` before detection kept it
too, but moved trafilatura's choice of container on other pages.)
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
#: The most words of the blocks (a figure, its caption) between the opening and the next
#: loose text of its container: a site's welcome over the whole story is no lede.
MAX_BETWEEN_WORDS = 30
#: Containers whose loose opening text is looked at.
_CONTAINERS = ("div", "td", "section", "article")
#: How much of a paragraph's start identifies it in its container's text.
_KEY_CHARS = 50


def _flat(text: str) -> str:
    return " ".join(text.split())


def _runs(element: HtmlElement) -> tuple[str, str, set[str]]:
    """The loose text that opens a container (its text and the inline tags after it, up to
    the first `<br>` or empty block such as `<p></p>`), the container's own loose text that
    comes next, up to the next `<br>` or block, and the texts of the blocks passed over on
    the way (a picture's caption, a subheading). The next text is "" when no break ends
    the opening, or when the blocks between hold more than a caption's words (the story
    itself, under a site's welcome)."""
    before, after = [element.text or ""], [""]
    broken = False
    between: set[str] = set()
    for child in element:
        if not isinstance(child.tag, str):  # a comment: no break, its tail runs on
            (after if broken else before).append(child.tail or "")
            continue
        tag = child.tag
        if tag in INLINE_TAGS:
            (after if broken else before).append(f"{child.text_content()}{child.tail or ''}")
            continue
        text = _flat(child.text_content())
        if not broken and tag != "br" and text:
            break  # a block with text of its own ends the opening: no break of a paragraph
        if "".join(after).strip():
            break  # the paragraph after the opening ends at the next <br> or block
        broken = True
        if text:
            between.add(text)
        after.append(child.tail or "")
    opening = _flat("".join(before))
    if not broken or sum(len(text.split()) for text in between) > MAX_BETWEEN_WORDS:
        return opening, "", between
    return opening, _flat("".join(after)), between


def _opening(text: str) -> bool:
    """Whether a container's loose opening is a sentence or more: a label or a line of
    furniture ("Reviews for") is no lede."""
    return len(text.split()) >= MIN_WORDS and text.endswith(_SENTENCE_ENDS)


def restore_loose_openings(tree: HtmlElement, main_text: str) -> str:
    """`main_text` with each loose opening it lost put back before the paragraph it kept
    that follows the opening's `<br>` in the same container. (Any later paragraph of the
    container was too loose a tie: an outer cell whose own text is the site's welcome
    held the whole story below it, and the welcome became the story's first paragraph.)"""
    for element in tree.iter(*_CONTAINERS):
        if not (element.text or "").strip():
            continue
        opening, following, between = _runs(element)
        if not _opening(opening) or len(following) < _KEY_CHARS:
            continue
        if opening[:_KEY_CHARS] in _flat(main_text):
            continue
        paragraphs = main_text.split("\n\n")
        for n, paragraph in enumerate(paragraphs):
            if _flat(paragraph).startswith(following[:_KEY_CHARS]):
                while n and _flat(paragraphs[n - 1]) in between:
                    n -= 1  # before a subheading or caption the main text kept with it
                paragraphs.insert(n, opening)
                main_text = "\n\n".join(paragraphs)
                break
    return main_text
