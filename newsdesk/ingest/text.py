"""Plain-text copies of web pages: the extractor does the work."""

from __future__ import annotations

from newsdesk.extract.copy_header import (
    HEADER_AFTER,
    HEADER_BEFORE,
    authors_near_headline,
    date_near_headline,
    first_date_line,
    name_under_headline,
)
from newsdesk.extract.dates import numeric_order
from newsdesk.extract.form_fields import field_labels
from newsdesk.extract.textbrowser import (
    dump_headline,
    feed_link_title,
    headline_first,
    is_text_browser_copy,
    title_on_its_line,
    without_date,
    without_kicker,
    without_marks,
)
from newsdesk.ingest.assemble import bounded, extract_article, finish
from newsdesk.ingest.limits import MAX_TEXT_CHARS
from newsdesk.ingest.mail_header import read_mail_header
from newsdesk.ingest.setext import underlined_headline
from newsdesk.isodates import normalise_date
from newsdesk.model import Extracted


def load_text(text: str, warnings: list[str], hints: Extracted | None = None) -> list[Extracted]:
    """One article from a page's visible text.

    A text browser's copy gives its headline away by layout, and its form and
    frame marks are dropped before extraction (`textbrowser`).
    """
    text = bounded(text, MAX_TEXT_CHARS, warnings)
    hints = hints or Extracted(format="text")
    mail = read_mail_header(text)
    if mail is not None:
        # A story forwarded by e-mail: the header is the message's, the subject the
        # headline when the text gives none of its own (a line of its own saying it).
        text = text[mail.body_start :]
        if mail.subject and not hints.title and not _opens_with(text, mail.subject):
            text = f"{mail.subject}\n\n{text}"
    text, underlined = underlined_headline(text)
    if underlined and not hints.title:
        hints.title = underlined
        text = headline_first(text, underlined)
    dump = is_text_browser_copy(text)
    if dump:
        # Read before the marks go: a search box's prompt, printed again as a heading.
        labels = field_labels(text)
        text = without_marks(text)
        if not hints.title:
            linked = feed_link_title(text)[0]
            if linked:
                text = title_on_its_line(text, linked)
            heading = dump_headline(text, labels)
            if heading and not linked:
                heading = without_kicker(text, without_date(heading))
                # On a line of its own when the copy runs something into it (a kicker, a
                # date, an image's text), so that its byline and date are read beside it.
                text = title_on_its_line(text, heading)
            hints.title = linked or heading or ""
            text = headline_first(text, hints.title) if hints.title else text
    meta = extract_article(text, hints, warnings)
    if dump and meta.title:
        # A date in the story's header (the few lines at the headline) outranks one the
        # extractor found elsewhere: an "updated" note, a related list, a sidebar.
        with numeric_order(meta.language, text):
            header = date_near_headline(text, meta.title, after=HEADER_AFTER, before=HEADER_BEFORE)
            if header and header[:10] != (meta.published or "")[:10]:
                meta.published = header
            elif not meta.published:
                meta.published = date_near_headline(text, meta.title)
    if not meta.published:
        # Any copy of a whole page, a text browser's or not: a date line away from the headline.
        with numeric_order(meta.language, text):
            meta.published = first_date_line(text)
    if not meta.published and mail is not None and mail.sent:
        meta.published = normalise_date(mail.sent)  # the day it reached the desk, at least
    if dump and meta.title:
        # A byline that says "by" beside the headline outranks a bare name line found lower.
        meta.authors = (
            authors_near_headline(text, meta.title)
            or meta.authors
            or authors_near_headline(text, meta.title, wide=True)
            or name_under_headline(text, meta.title)
        )
    return [finish(meta, "text")]


def _opens_with(text: str, subject: str) -> bool:
    """Whether the text's first line is the subject, or its end ("AP -- Boeing to pay ..."
    over "Boeing to pay ..."): a forwarded story keeps its own headline."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    folded = " ".join(first.casefold().split())
    return bool(folded) and " ".join(subject.casefold().split()).endswith(folded)
