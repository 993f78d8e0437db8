"""A byline that names the writer after the paper's "our reporter" ("Door onze verslaggever Lotte
de Boer", "From our correspondent Jane Doe", "Von unserem Korrespondenten Jan Berg", "De notre
envoyée spéciale Anne Roy", "Dal nostro inviato Marco Rossi"): the phrase goes, the name stays.

Only before a capitalised name: "By Our Foreign Staff" alone is the desk signing as itself.
"""

from __future__ import annotations

import re

_LEAD = r"(?:by|door|van|von|vom|from|de|par|por|di|da|dal|del|do)"
_OUR = r"(?:our|onze|unser(?:e|em|en|er)?|notre|nos|nuestr[oa]s?|nostr[oa]|noss[oa]s?)"
_ROLE = (
    r"(?:correspondent(?:en|e|s)?|correspondant(?:e|s)?|korrespondent(?:en|in)?"
    r"|verslaggever(?:s)?|verslaggeefster|reporter(?:in|s)?|redacteur|redakteur(?:in)?"
    r"|envoy[ée]e?(?:\s+sp[ée]ciale?)?|corresponsal(?:es)?|inviat[oa](?:\s+special[ea])?"
    r"|correspondente|staff\s+writer|journalist(?:e|in)?)"
)
_OUR_REPORTER = re.compile(
    rf"^(?:{_LEAD}\s+)?{_OUR}\s+(?:own\s+|eigenen?\s+|propre\s+)?(?:[\w-]+\s+){{0,2}}?{_ROLE}"
    r"\s*[:,]?\s+(?-i:(?=[A-ZÀ-Þ]))",
    re.IGNORECASE,
)


def without_our_reporter(text: str) -> str:
    """`text` without an "our reporter" phrase before the writer's name; as it is otherwise."""
    return _OUR_REPORTER.sub("", text.strip(), count=1)
