"""Names on a headline-case line: only known places, organisations and acronyms count.

A title-case line capitalises every word, so its runs of capitals say nothing about
names; the longest known n-gram wins, and a capitalised word left is a "headline"
word that counts only when the body uses it as a name.
"""

from __future__ import annotations

from newsdesk.extract.data.cues import ACRONYMS, KNOWN_ORGS, PLACE_ACRONYMS
from newsdesk.extract.entities.context import Context
from newsdesk.extract.entities.result import ORG, PLACE
from newsdesk.extract.entities.spans import Found, surface


def headline_pieces(context: Context, i: int, j: int) -> list[Found]:
    """In title-case lines only known names count: the longest known n-gram wins."""
    found: list[Found] = []
    k = i
    while k < j:
        for size in (4, 3, 2, 1):
            if k + size > j:
                continue
            name = surface(context.text, context.tokens, k, k + size)
            if name in KNOWN_ORGS:
                found.append(Found(k, k + size, name, ORG))
                break
            place = context.places.kind(name)
            if place is not None and place != "small_city":
                found.append(Found(k, k + size, context.places.display(name), PLACE))
                break
            if size == 1 and name in ACRONYMS:
                found.append(Found(k, k + 1, ACRONYMS[name] or name, ORG))
                break
            if size == 1 and name in PLACE_ACRONYMS:
                found.append(Found(k, k + 1, PLACE_ACRONYMS[name], PLACE))
                break
            if size == 1 and context.tokens[k].cap and not context.tokens[k].allcaps:
                found.append(Found(k, k + 1, name, "headline"))
        k += size if found and found[-1].i == k else 1
    return found
