"""A form's prompts in a text browser's copy: the words beside a text field's mark.

A search box prints its prompt beside the field ("____ Keress receptre vagy hozzávalóra"),
and the copy may print the prompt again as a heading over the box; that heading is the
form's, never the page's headline.
"""

from __future__ import annotations

import re

#: A text field, as a text browser draws it.
_FIELD = re.compile(r"_{4,}")


def field_labels(text: str) -> frozenset[str]:
    """The words printed beside a form's text field ("____ Keress receptre vagy hozzávalóra"):
    a search box's prompt, which the copy may print again as a heading over the box."""
    labels = set()
    for line in text.split("\n"):
        if "____" in line and len(line) < FIELD_LINE_CHARS:
            rest = " ".join(_FIELD.sub(" ", line).split())
            if 2 <= len(rest.split()) <= FIELD_LABEL_WORDS:
                labels.add(rest)
    return frozenset(labels)


#: A form field's line is short; the words beside its field, a prompt of a few words.
FIELD_LINE_CHARS = 120
FIELD_LABEL_WORDS = 8
