"""Another way a searched word is written: German's umlauts and their two-letter forms.

An editor on an English keyboard types "muenchen" for München and "oesterreich" for
Österreich; a wire may spell Muenchen where a page writes München. Accent folding
makes "münchen" read "munchen", so neither found the other. A word typed with umlauts
also finds their two-letter spelling, in the search and the rules on arrival alike
(`two_letter_spelling`). The way back is a guess ("michael" is no "michäl", "blue" no
"blü"), so the search takes it only for a word the index does not hold at all
(`umlaut_spelling`: "muenchen" finds München where nothing is spelled Muenchen), and a
rule never does.
"""

from __future__ import annotations

import re

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_DIGRAPH = re.compile(r"(?<=[a-z])(ae|oe|ue)|^(ae|oe|ue)", re.IGNORECASE)
_UMLAUT_OF = {"ae": "ä", "oe": "ö", "ue": "ü"}


def two_letter_spelling(word: str) -> str | None:
    """The word with its umlauts written ae, oe, ue ("münchen" -> "muenchen"); None
    when it has none."""
    if any(c in word for c in "äöüÄÖÜ"):
        return word.translate(_UMLAUTS)
    return None


def umlaut_spelling(word: str) -> str | None:
    """The word with ae, oe, ue read as umlauts ("oesterreich" -> "österreich"); None
    when it has none of them."""
    if _DIGRAPH.search(word) is None:
        return None
    return _DIGRAPH.sub(lambda m: _UMLAUT_OF[m.group(0).lower()], word)
