"""Two tellings of one page, or a page and its corrected copy?

A page and its text copy (or two browsers' copies) carry the same paragraphs,
give or take the page's furniture: menus, captions and link lists are whole
paragraphs one copy has and the other lacks. A corrected copy changes words
inside a paragraph ("4 euros" becomes "5 euros"): a paragraph of one nearly
matches a paragraph of the other but is not the same. The importer folds
copies into one article and keeps a corrected copy as a version of its own.
"""

from __future__ import annotations

from newsdesk.model import normalise_for_id

#: Paragraphs this short are furniture or datelines more often than prose.
MIN_WORDS = 8
#: Word overlap (Jaccard) above which two different paragraphs are one edited.
EDITED_OVERLAP = 0.6


def _paragraphs(body: str) -> list[str]:
    found = []
    for block in body.split("\n"):
        normal = normalise_for_id(block)
        if len(normal.split()) >= MIN_WORDS:
            found.append(normal)
    return found


def edited(first: str, second: str) -> bool:
    """True when a paragraph of one body is a paragraph of the other with words changed."""
    a, b = _paragraphs(first), _paragraphs(second)
    only_a = [p for p in a if p not in set(b)]
    only_b = [p for p in b if p not in set(a)]
    if not only_a or not only_b:
        return False
    words_b = [(set(p.split()), p) for p in only_b]
    for paragraph in only_a:
        words = set(paragraph.split())
        for other, text in words_b:
            if paragraph in text or text in paragraph:
                continue  # one cut short (a copy without its last line), not edited
            overlap = len(words & other) / len(words | other)
            if overlap >= EDITED_OVERLAP:
                return True
    return False
