"""A headline quoted in a notice or a question: “…”, cut on a word boundary.

Every notice and dialog that names an article by its headline goes through here. Each
cut its own way (`[:60]`, `[:80]`, `[:40]`), mid-word and with no mark of the cut:
“Floods close the port of Rott” read as a headline, not part of one.
"""

from __future__ import annotations

from newsdesk.sanitize import clean_line

#: The longest headline a notice quotes, the ellipsis included (characters).
QUOTED_CHARS = 60
#: A cut goes back to a word boundary only this far (a long word is cut inside, marked).
WORD_BACK = 20
#: Left hanging at the end of a cut headline they read as part of the sentence.
TRAILING = " ,;:-–—/"
#: What a headline-less article is quoted as.
NO_HEADLINE = "(no headline)"


def cut_headline(title: str, limit: int = QUOTED_CHARS) -> str:
    """`title` on one line, cut to `limit` characters at the last whole word that fits,
    "…" marking the cut."""
    text = clean_line(title)
    if len(text) <= limit:
        return text
    room = max(1, limit - 1)  # the ellipsis takes one
    space = text.rfind(" ", 0, room + 1)
    cut = text[:space] if space > 0 and room - space <= WORD_BACK else text[:room]
    return cut.rstrip(TRAILING) + "…"


def quoted_headline(title: str, limit: int = QUOTED_CHARS) -> str:
    """“The headline”, cut (`cut_headline`), or “(no headline)”."""
    return f"“{cut_headline(title, limit) or NO_HEADLINE}”"
