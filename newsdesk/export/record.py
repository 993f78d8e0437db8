"""One article as an export record: the single source every format draws from.

Markdown, front matter, JSON and CSV all start from `export_record`, so a field
added here reaches every format and the formats cannot disagree. Strings are
cleaned again (control characters, terminal escapes): stored text should be
clean already, but an export may be printed to a terminal or opened elsewhere.
"""

from __future__ import annotations

from typing import Any

from newsdesk.export.escape import paragraphs
from newsdesk.export.options import ExportOptions
from newsdesk.feeds.urls import without_password
from newsdesk.model import DESCRIPTIVE_FIELDS, ENTITY_FIELDS, EXTRA_FIELDS, Article
from newsdesk.sanitize import clean_line
from newsdesk.wire import article_wire

__all__ = ["RECORD_FIELDS", "body_for_export", "export_record"]

#: The keys of a record, in order (JSON objects and CSV columns follow it).
RECORD_FIELDS: tuple[str, ...] = (
    "id",
    *DESCRIPTIVE_FIELDS,
    "url",
    "tags",
    "note",
    "starred",
    "read",
    "archived",
    *ENTITY_FIELDS,
    *EXTRA_FIELDS,
    "language",
    "word_count",
    "body",
    "origin",
    "origins",
    "imported_at",
    "updated_at",
    "story",
    "story_size",
)


def _line(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = clean_line(value)
    return cleaned or None


def _lines(values: list[str]) -> list[str]:
    return [c for c in (clean_line(v) for v in values) if c]


def body_for_export(article: Article, options: ExportOptions) -> tuple[str | None, bool]:
    """The body as the options want it, and whether it was cut short.

    None when the body is left out; the first `summary_paragraphs`
    paragraphs in summary mode.
    """
    if not options.include_body:
        return None, False
    parts = paragraphs(article.meta.body)
    if options.summary and len(parts) > options.summary_paragraphs:
        return "\n\n".join(parts[: options.summary_paragraphs]), True
    return "\n\n".join(parts), False


def export_record(article: Article, options: ExportOptions | None = None) -> dict[str, Any]:
    """The article as plain JSON-ready data, keys in RECORD_FIELDS order.

    Wire copy adds one more key, "wire" (`newsdesk.wire.WIRE_FIELDS`); a web
    page has no such key at all.
    """
    options = options or ExportOptions()
    meta = article.meta
    body, _cut = body_for_export(article, options)
    record: dict[str, Any] = {
        "id": article.id,
        "title": clean_line(meta.title),
        "dek": _line(meta.dek),
        "authors": _lines(meta.authors),
        "source": _line(meta.source),
        "dateline": _line(meta.dateline),
        "published": _line(meta.published),
        "url": _line(meta.url),
        "tags": _lines(article.state.tags),
        # Its lines kept (a list of calls to make is not one run-on line), its paragraphs too.
        "note": "\n\n".join(paragraphs(article.state.note or "")) or None,
        "starred": article.state.starred,
        "read": article.state.read,
        "archived": article.state.archived,
        "people": _lines(meta.people),
        "organizations": _lines(meta.organizations),
        "places": _lines(meta.places),
        "quotes": [
            {"text": clean_line(q.text), "speaker": _line(q.speaker)}
            for q in meta.quotes
            if clean_line(q.text)
        ],
        "links": [{"title": clean_line(link.title), "url": _line(link.url)} for link in meta.links],
        "language": _line(meta.language),
        "word_count": meta.word_count,
        "body": body,  # cleaned by body_for_export
        # A feed's URL as it is shown everywhere: no password (an article fetched before
        # passwords were left out of origins may still hold one).
        "origin": clean_line(without_password(article.origin)),
        # As `show --json` has them: every file or feed it arrived from, and when its
        # feed last corrected it (the copy handed on may differ from what was read).
        "origins": _lines([without_password(o) for o in article.origins or [article.origin]]),
        "imported_at": article.imported_at,
        "updated_at": article.updated_at,
        # As `show --json` has them: the story's id and how many versions the desk holds,
        # so a script or a spreadsheet can keep one story's versions together.
        "story": article.story_id,
        "story_size": article.story_size,
    }
    wire = article_wire(article)
    if wire is not None:
        record["wire"] = {
            key: _line(value) if isinstance(value, str) else value for key, value in wire.items()
        }
        record["wire"]["subjects"] = _lines(meta.subjects)
    return record
