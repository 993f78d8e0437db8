"""Plain-text copies of web pages: the extractor does the work."""

from __future__ import annotations

from newsdesk.ingest.assemble import extract_article, finish
from newsdesk.ingest.limits import MAX_TEXT_CHARS, human_size
from newsdesk.model import Extracted


def bounded(text: str, limit: int, warnings: list[str], what: str = "text") -> str:
    """Cut text beyond `limit` characters (at a line end) and say so."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    warnings.append(f"{what} truncated to its first {human_size(limit)} of characters")
    return text[: cut if cut > limit // 2 else limit]


def load_text(text: str, warnings: list[str], hints: Extracted | None = None) -> list[Extracted]:
    """One article from a page's visible text."""
    text = bounded(text, MAX_TEXT_CHARS, warnings)
    meta = extract_article(text, hints or Extracted(format="text"), warnings)
    return [finish(meta, "text")]
