"""A name line that an outlet's or section's name opens ("Ouest Littoral    Yann Le Goff", a text
browser's table row whose columns the line reader ran together): the person is the known given
name and what follows it, not the whole line.
"""

from __future__ import annotations

from collections.abc import Callable

#: A person's name after the label: a given name and up to three more words.
MAX_NAME_WORDS = 4
#: Words of a name a line this short may be whole, its given name listed or not ("Ruwaida
#: Kamal Amer"); a label and a name together are longer ("Ouest Littoral Yann Le Goff").
_ONE_NAME_WORDS = 3
_PARTICLES = frozenset({"de", "da", "di", "del", "du", "la", "le", "van", "von", "der", "den"})


def name_after_label(
    line: str, is_given: Callable[[str], bool], is_person: Callable[[str], bool]
) -> str:
    """The person's name closing `line` when the words before it are no given name (an
    outlet's or section's label); `line` unchanged otherwise."""
    tokens = line.split()
    if len(tokens) < 3 or is_given(tokens[0]):
        return line
    if sum(t.lower() not in _PARTICLES for t in tokens) <= _ONE_NAME_WORDS:
        return line  # one name, whose given name is not among the known ones
    for k in range(1, len(tokens) - 1):
        tail = tokens[k:]
        if is_given(tokens[k]) and len(tail) <= MAX_NAME_WORDS and is_person(" ".join(tail)):
            head = tokens[:k]
            if any(t.endswith((",", ";", "&")) or t.lower() == "and" for t in head):
                return line  # names in a list ("Ibtisam Mahdi, Ruwaida Kamal Amer"), no label
            if all(t[:1].isupper() for t in head):
                return " ".join(tail)
            return line
    return line
