"""Plain-text copies of web pages: the extractor does the work."""

from __future__ import annotations

from newsdesk.ingest.assemble import bounded, extract_article, finish
from newsdesk.ingest.limits import MAX_TEXT_CHARS
from newsdesk.model import Extracted


def load_text(text: str, warnings: list[str], hints: Extracted | None = None) -> list[Extracted]:
    """One article from a page's visible text."""
    text = bounded(text, MAX_TEXT_CHARS, warnings)
    meta = extract_article(text, hints or Extracted(format="text"), warnings)
    return [finish(meta, "text")]
