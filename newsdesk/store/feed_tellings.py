"""How a feed item is stored, as the importer compares a new telling with it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Told:
    """A feed item as stored: its article, text, and the feed whose telling it is."""

    article_id: str
    title: str
    body: str
    told_by: int | None
    #: The item's link as stored ("" when it had none).
    url: str = ""
