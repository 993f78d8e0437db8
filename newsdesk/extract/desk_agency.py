"""A newsroom's desk signing with a wire agency ("Por Redacción con EFE", "Redaktion mit dpa",
"Staff and agencies", "Newsroom with AFP", "Web Desk / Reuters"): nobody's name.

The story is the agency's copy, edited by the desk: the agency is its credit (the outlet
reader finds it in the text), and the desk is no person, in the six languages bylines are
read in.
"""

from __future__ import annotations

import re

from newsdesk.extract.outlet import KNOWN_AGENCIES

_DESK = (
    r"(?:(?:[\w-]+\s+){0,2}(?:redacci[óo]n|reda[çc][ãa]o|redazione|r[ée]daction|redaktion"
    r"|newsroom|news\s*desk|web\s*desk|desk|staff(?:\s+writers?|\s+reporters?)?|team))"
)
_JOIN = r"(?:con|with|mit|avec|com|and|y|e|und|et|&|/|,|\+|and\s+wires)"
_AGENCIES = r"(?:agencies|agencias|agenturen|agences|agenzie|ag[êe]ncias|wires|wire\s+services)"
_DESK_AGENCY = re.compile(
    rf"^(?:the\s+)?{_DESK}\s*,?\s*{_JOIN}\s*(?:(?:la|las|the|der|l')\s*)?(?P<agency>[^\W\d][\w.\s-]{{0,40}}?)\s*$",
    re.IGNORECASE,
)


def desk_with_agency(text: str) -> str | None:
    """The agency a desk's signature names ("Redacción con EFE" -> "EFE"); None for anything else."""
    m = _DESK_AGENCY.match(text.strip(" .,;:-–—|"))
    if m is None:
        return None
    agency = m["agency"].strip()
    words = [
        w.strip(".")
        for w in re.split(r"\s*(?:,|/|&|\band\b|\by\b|\bund\b|\bet\b|\be\b)\s*", agency)
        if w
    ]
    if all(w.casefold() in KNOWN_AGENCIES or re.fullmatch(_AGENCIES, w, re.I) for w in words):
        return agency
    return None
