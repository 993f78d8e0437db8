"""The name before a hyphenated adjective ("Osaka-based", "US-led", "NATO-backed")."""

from __future__ import annotations

from newsdesk.extract.data.cues import ACRONYMS, PLACE_ACRONYMS
from newsdesk.extract.entities.result import ORG, PLACE
from newsdesk.extract.entities.spans import Found
from newsdesk.extract.gazetteer import Gazetteer


def prefix_names(places: Gazetteer, k: int, where: str) -> list[Found]:
    """The place or body token `k` names before its suffix: a known place, else an acronym
    ("US-led" is the United States, "EU-backed" the European Union); a small town no one."""
    if places.kind(where) not in (None, "small_city"):
        return [Found(k, k + 1, places.display(where), PLACE)]
    if where in PLACE_ACRONYMS:
        return [Found(k, k + 1, PLACE_ACRONYMS[where], PLACE)]
    if where in ACRONYMS:
        return [Found(k, k + 1, ACRONYMS[where] or where, ORG)]
    return []
