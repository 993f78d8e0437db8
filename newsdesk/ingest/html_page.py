"""HTML article pages: trafilatura finds the main text, the page's markup gives the metadata.

The page's own metadata (see `html_meta`) becomes the hints; the main text
goes to `extract_page`, which fills dateline, quotes and entities and keeps
the plausible hints. Only the first `MAX_HTML_PARSE_BYTES` are parsed, so a
huge page costs bounded time.
"""

from __future__ import annotations

import logging

from newsdesk.ingest.assemble import drop_leading_title, extract_article, finish
from newsdesk.ingest.html_meta import PageMeta, parse_document, plausible_site, read_page_meta
from newsdesk.ingest.html_text import element_to_text
from newsdesk.ingest.limits import MAX_HTML_PARSE_BYTES, human_size
from newsdesk.ingest.names import person_names
from newsdesk.ingest.result import Rejected
from newsdesk.ingest.xml_guard import check_entities, strip_doctype
from newsdesk.model import Extracted

_NO_TEXT_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "template",
)


def _main_text_trafilatura(page: str) -> tuple[str, dict[str, str | None]]:
    """(main text, trafilatura's own metadata) favouring precision; ("", {}) when it finds none."""
    from trafilatura import bare_extraction

    # trafilatura logs every page it finds thin at WARNING; our result says it instead.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    document = bare_extraction(
        page,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=True,
        with_metadata=True,
        deduplicate=False,
    )
    if document is None:
        return "", {}
    body = getattr(document, "body", None)
    text = element_to_text(body) if body is not None else (getattr(document, "text", "") or "")
    extra = {
        "author": getattr(document, "author", None),
        "date": getattr(document, "date", None),
        "sitename": getattr(document, "sitename", None),
        "title": getattr(document, "title", None),
    }
    return text, extra


def _fallback_text(page: str) -> str:
    """Visible text of the whole body, minus navigation, when trafilatura finds no article."""
    tree = parse_document(page)
    if tree is None:
        return ""
    for tag in _NO_TEXT_TAGS:
        for element in list(tree.iter(tag)):
            parent = element.getparent()
            if parent is not None:
                element.drop_tree()
    body = tree.find(".//body")
    return element_to_text(body if body is not None else tree)


def _hints(meta: PageMeta, extra: dict[str, str | None], main_text: str) -> Extracted:
    dek = meta.dek
    if dek and main_text[:200].replace("\n", " ").startswith(dek[:60]):
        # The description is the first paragraph again, not a standfirst.
        dek = None
    authors = meta.authors or person_names([extra.get("author") or ""])
    return Extracted(
        title=meta.title or (extra.get("title") or ""),
        dek=dek,
        authors=authors,
        source=meta.site or plausible_site([extra.get("sitename")], meta.url),
        published=meta.published or extra.get("date"),
        url=meta.url,
        language=meta.language,
        captions=meta.captions,
        format="html",
    )


def load_html(text: str, warnings: list[str]) -> list[Extracted]:
    """One article from an HTML page."""
    if len(text) > MAX_HTML_PARSE_BYTES:
        warnings.append(
            f"page larger than {human_size(MAX_HTML_PARSE_BYTES)}; only its start was read"
        )
        text = text[:MAX_HTML_PARSE_BYTES]
    check_entities(text)
    page = strip_doctype(text)
    tree = parse_document(page)
    meta = read_page_meta(tree) if tree is not None else PageMeta()
    main_text, extra = _main_text_trafilatura(page)
    if not main_text.strip():
        main_text = _fallback_text(page)
        if main_text.strip():
            warnings.append("no article body recognised; kept the page's visible text")
    if not main_text.strip() and not meta.title:
        raise Rejected("no article found in the HTML page")
    hints = _hints(meta, extra, main_text)
    # trafilatura often repeats the headline as the first line; the hint carries it.
    main_text = drop_leading_title(main_text, hints.title)
    article = extract_article(main_text, hints, warnings, text_is_article=True)
    return [finish(article, "html")]
