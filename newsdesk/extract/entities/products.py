"""Names that read as organisations but name a product or a security.

A model code or an unknown acronym that a product noun follows ("the popular
RAV4 small SUV", "a performance GT version") or a model year leads ("the 2021
RAV4") is a product at all its mentions; "U.S. Treasury yields" are bonds, not
the department.
"""

from __future__ import annotations

import re

from newsdesk.extract.data.cues import ACRONYMS, KNOWN_ORGS
from newsdesk.extract.entities.result import ORG
from newsdesk.extract.entities.spans import Found
from newsdesk.extract.entities.tokens import Token

#: A product noun after the name, past at most one lower-case adjective. A plural
#: after a brand ("two PNY models") names its products, not it: only a model
#: code ("RAV4") takes one.
_PRODUCT_AFTER = re.compile(
    r"[ \t]+(?:[a-z][a-z-]*[ \t]+)?(?:version|model|trim|edition|variant|"
    r"SUV|sedan|hatchback|coupe|pickup|crossover|minivan|smartphone|handset)\b"
)
_PRODUCTS_AFTER = re.compile(
    r"[ \t]+(?:[a-z][a-z-]*[ \t]+)?(?:versions|models|trims|editions|variants|SUVs)\b"
)
#: A model year right before the name ("the 2021 RAV4").
_MODEL_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d[ \t]+$")
#: Bonds and bills, not the department that issues them.
_SECURITY_AFTER = re.compile(
    r"[ \t]+(?:yields?|bonds?|notes|bills|securities|futures|prices|auctions?)\b"
)
_SECURITY_HEADS = frozenset({"Treasury", "Treasuries", "Bund", "Bunds", "Gilt", "Gilts"})


def _product(text: str, tokens: list[Token], f: Found) -> bool:
    if f.kind != "acronym" or f.name in ACRONYMS or f.name in KNOWN_ORGS:
        return False
    end = tokens[f.j - 1].end
    if _PRODUCT_AFTER.match(text, end):
        return True
    return any(c.isdigit() for c in f.name) and bool(
        _PRODUCTS_AFTER.match(text, end) or _MODEL_YEAR_BEFORE.search(text, 0, tokens[f.i].start)
    )


def _security(text: str, tokens: list[Token], f: Found) -> bool:
    return (
        f.kind == ORG
        and f.name.split()[-1] in _SECURITY_HEADS
        and bool(_SECURITY_AFTER.match(text, tokens[f.j - 1].end))
    )


def drop_products(text: str, tokens: list[Token], found: list[Found]) -> list[Found]:
    """`found` without products and securities read as organisations (see the module)."""
    products = {f.name for f in found if _product(text, tokens, f)}
    kept = [f for f in found if not (f.kind == "acronym" and f.name in products)]
    return [f for f in kept if not _security(text, tokens, f)]
