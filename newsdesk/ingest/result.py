"""What loading one input file yields: its articles, or the reason it was refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.model import Extracted

if TYPE_CHECKING:
    from newsdesk.ingest.drafts import Drafted


@dataclass
class LoadResult:
    """The outcome of importing one file.

    `error` is set when the whole file was rejected (then `items` is empty);
    `warnings` name per-item problems while the rest of the file imported.
    """

    path: Path
    #: One per article (a feed or a JSON Lines file gives several).
    items: list[Extracted]
    #: Human reason the whole file was rejected, else None.
    error: str | None = None
    #: Per-item problems: an item skipped, a feed recovered from malformed XML.
    warnings: list[str] = field(default_factory=list)
    #: The importer used: text, html, feed, markdown, jsonl (None if undetected).
    format: str | None = None
    #: The decoded input text, kept as the raw copy of a single-article file.
    text: str | None = None
    #: A many-item file read but not yet extracted (`loader.load_draft`), else None.
    drafted: Drafted | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Rejected(Exception):
    """A whole input refused, with the human reason that `LoadResult.error` shows."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
