"""Text plus what the format knows -> a finished, sanitised `Extracted`.

Every importer ends here: `extract_article` runs the page extractor with the
importer's hints, and `finish` makes every string that leaves the importers
inert (no escapes, no control characters) and bounded in length.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta

from newsdesk.extract import enrich, extract_page
from newsdesk.extract.headline import LINK_TITLES, headline_from_lead
from newsdesk.extract.lines import count_words, ends_sentence, split_lines
from newsdesk.ingest.limits import MAX_LINE_CHARS, MAX_LIST_ITEMS, MAX_TITLE_CHARS
from newsdesk.ingest.long_tokens import shorten_long_tokens
from newsdesk.ingest.markup import looks_like_html
from newsdesk.isodates import normalise_date
from newsdesk.model import (
    Extracted,
    Link,
    Quote,
    dek_cut_from_body,
    normalise_for_id,
    plain_fold,
)
from newsdesk.sanitize import clean_line, clean_text, safe_web_url
from newsdesk.tags import normalise_tags

_BLANK_LINES = re.compile(r"\n[ \t]*\n+")
# Matched only from the start of a run of spaces: otherwise every position in a
# long run not ending a line is retried, quadratic on hostile input.
_TRAILING_SPACE = re.compile(r"(?<![ \t])[ \t]+\n")


def bounded(text: str, limit: int, warnings: list[str], what: str = "text") -> str:
    """Cut text beyond `limit` characters (at a line end) and say so."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    warnings.append(f"{what} cut after its first {limit:,} characters")
    return text[: cut if cut > limit // 2 else limit]


def tidy_paragraphs(text: str) -> str:
    """Paragraphs separated by exactly one blank line, no trailing spaces.

    Layout only: `extract_article` and `finish` sanitise, once each.
    """
    text = text.replace("\r\n", "\n")
    if " \n" in text or "\t\n" in text:
        # Only then can the pattern match: most texts (lines already stripped) are not
        # scanned by it at all.
        text = _TRAILING_SPACE.sub("\n", text)
    paragraphs = (p.strip() for p in _BLANK_LINES.split(text))
    return "\n\n".join(p for p in paragraphs if p)


#: Paragraphs before the headline in a main text that may be the story's own sentences.
LEADING_SENTENCES = 3


def drop_leading_title(text: str, title: str) -> str:
    """The text without the headline's paragraph when it comes first, or after no more
    than a few of the story's own sentences: trafilatura sometimes sets a live blog's
    newest entry ("12:05 — Ferries cancelled, the operator says.") above the <h1>, and the
    headline then cut the entry off as if it were furniture above it."""
    if not title:
        return text
    paragraphs = text.split("\n\n", LEADING_SENTENCES + 1)
    key = normalise_for_id(title)
    for n, paragraph in enumerate(paragraphs[: LEADING_SENTENCES + 1]):
        if normalise_for_id(paragraph) == key:
            if n == len(paragraphs) - 1:
                return text  # nothing after the headline: keep the text as it is
            return "\n\n".join(paragraphs[:n] + paragraphs[n + 1 :])
        if not (ends_sentence(paragraph.strip()) and len(paragraph.split()) >= 6):
            break
    return text


def _plain_article(text: str, hints: Extracted) -> Extracted:
    """What an importer can say without the extractor: hints, first line as headline, text."""
    meta = dataclasses.replace(hints)
    body = tidy_paragraphs(clean_text(text))
    if not meta.title:
        first = next((line for line in body.splitlines() if line.strip()), "")
        meta.title = first
        body = body[len(first) :].lstrip() if len(body) > len(first) else body
    meta.body = body
    meta.word_count = count_words(body)
    return meta


def _first_line_as_title(meta: Extracted, text: str) -> None:
    """Every imported article needs a headline: without one, the text's first line serves
    (past a text browser's list of the page's link titles, which is never the story's)."""
    # Read by paragraphs as the extractor reads them: wire copy wrapped at 69 columns opens
    # with half a sentence on its first line.
    first = next(
        (s for line in split_lines(text) if (s := line.strip()) and not LINK_TITLES.match(s)), ""
    )
    if not first:
        return
    made = headline_from_lead(first)
    if made:
        # The text opens with its lead paragraph, which stays the body's first.
        meta.title = made
        return
    meta.title = first
    body_first, _, rest = meta.body.partition("\n\n")
    if rest and normalise_for_id(body_first) == normalise_for_id(first):
        meta.body = rest


def extract_article(
    text: str,
    hints: Extracted,
    warnings: list[str],
    label: str = "",
    *,
    text_is_article: bool = False,
) -> Extracted:
    """Run `extract_page` on `text` with `hints`; never raises.

    A failure inside extraction is reported as a warning and the article is
    kept with the hints and the plain text, so one odd page never loses the
    rest of an import. With `text_is_article` (feed items, records, front
    matter bodies, an HTML page's main text: no navigation around it), an
    empty body from the extractor means it judged short text as furniture,
    and the text itself is kept as the body.
    """
    text = shorten_long_tokens(clean_text(text), warnings)
    hints = _hint_title_cut(hints, warnings, label)
    try:
        meta = extract_page(text, hints, main_text=text_is_article)
    except Exception as exc:  # any extractor bug must not abort an import
        where = f"{label}: " if label else ""
        warnings.append(
            f"{where}extraction failed ({type(exc).__name__}: {exc}); kept the plain text"
        )
        return _plain_article(text, hints)
    if not meta.title.strip():
        _first_line_as_title(meta, text)
    if text_is_article and not meta.body.strip() and text.strip():
        meta.body = drop_leading_title(tidy_paragraphs(text), meta.title)
        meta.word_count = 0
        if meta.dek and meta.dek != hints.dek and meta.dek in meta.body:
            # The extractor had taken the only paragraph as a standfirst.
            meta.dek = hints.dek
        try:
            meta = enrich(meta)  # entities, quotes and language of the restored body
        except Exception as exc:  # as above: a bug there must not lose the article
            warnings.append(
                f"{label + ': ' if label else ''}enrichment failed ({type(exc).__name__}: {exc})"
            )
    return meta


#: A given headline longer than this the extractor takes for no headline (`page._plausible_title`).
PLAUSIBLE_TITLE_CHARS = 400


def _hint_title_cut(hints: Extracted, warnings: list[str], label: str) -> Extracted:
    """`hints` with a stated headline too long to be one cut as `finish` cuts it, and said.

    The extractor refused a title of more than 400 characters and looked for a headline in
    the text: the body's first paragraph became the headline, and when `impose` put the
    stated title back, that paragraph was lost from the body (a 508-character JSON Lines
    title, a Markdown front matter title, a feed item's <title>). Cut first, the title is
    the input's, and the text stays the body."""
    title = clean_line(hints.title) if hints.title else ""
    if len(title) <= PLAUSIBLE_TITLE_CHARS:
        return hints
    cut = truncate_title(title)
    where = f"{label}: " if label else ""
    warnings.append(f"{where}headline cut to {len(cut):,} characters (it had {len(title):,})")
    return dataclasses.replace(hints, title=cut)


def clean_short(value: str | None, limit: int = MAX_LINE_CHARS) -> str | None:
    """A one-line field cleaned and cut; None when nothing is left."""
    if value is None:
        return None
    cleaned = clean_line(str(value))[:limit].strip()
    return cleaned or None


def clean_list(values: list[str], limit: int = MAX_LIST_ITEMS) -> list[str]:
    """One-line values cleaned, de-duplicated in order, empties dropped, count bounded."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        cleaned = clean_short(value)
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            out.append(cleaned)
        if len(out) >= limit:
            break
    return out


#: The longest headline kept whole: a real one is seldom over 170 characters; more is a
#: paragraph taken for one (a feed item with an empty <title>: 495 characters in a row).
HEADLINE_CHARS = 200
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘'(])")


def truncate_title(title: str) -> str:
    title = clean_line(title)
    if len(title) <= HEADLINE_CHARS:
        return title
    # Its first sentence, when that is headline-sized; else cut at a word boundary when
    # one is near, and say the headline was cut.
    first = _SENTENCE_END.split(title, maxsplit=1)[0]
    if len(first) <= HEADLINE_CHARS:
        return first.rstrip()
    limit = min(HEADLINE_CHARS, MAX_TITLE_CHARS)
    cut = title[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def impose(meta: Extracted, hints: Extracted, names: tuple[str, ...]) -> None:
    """Where the input states a field explicitly, its value wins over extraction."""
    for name in names:
        value = getattr(hints, name)
        if value not in (None, "", []):
            setattr(meta, name, value)


#: Markup a description may carry escaped once too often ("&lt;p&gt;...").
#: A standfirst is a sentence or two; one this long that the body opens with is the article.
LONG_DEK = 500


def _plain_dek(meta: Extracted) -> str | None:
    """The dek as text, or None when it only repeats the headline or the article itself."""
    dek = meta.dek
    if not dek:
        return None
    if looks_like_html(dek, len(dek)):
        from newsdesk.ingest.html_text import html_fragment_to_text

        dek = " ".join(html_fragment_to_text(dek).split())
    dek = clean_short(dek, 2000)
    if not dek:
        return None
    folded = plain_fold(dek)
    if folded == plain_fold(meta.title or ""):
        return None
    if len(dek) > LONG_DEK and folded[:200] in plain_fold((meta.body or "")[: len(dek) * 2]):
        return None  # the whole article was taken for its standfirst
    return dek


def _said_once(meta: Extracted) -> None:
    """A page description that is the start of the opening, cut ("..."), is no standfirst:
    it goes. A dek the body opens with whole stays in both (the body is what it is) and is
    shown once (`model.dek_to_show`)."""
    if dek_cut_from_body(meta.dek, meta.body):
        meta.dek = None


#: How far past this machine's clock a publication date may lie: a date years ahead
#: (9999-12-31, 2099 from a template) is a placeholder, and as the newest article the
#: item would head the inbox for good. A year, so that a clock set months behind
#: still keeps real dates.
FUTURE_DAYS = 366


def _plausible(published: str | None) -> str | None:
    """The date, unless it is the Unix epoch a page prints for an empty date field
    (1970-01-01: a story would sort as 56 years old) or more than `FUTURE_DAYS` ahead."""
    if published is None or published.startswith("1970-01-01"):
        return None
    latest = datetime.now(UTC) + timedelta(days=FUTURE_DAYS)
    # ISO 8601 in UTC compares as text; a year past 9999 has more digits.
    if len(published.split("-", 1)[0]) > 4 or published > latest.strftime("%Y-%m-%dT%H:%M:%S"):
        return None
    return published


def finish(meta: Extracted, fmt: str) -> Extracted:
    """Sanitise and bound every field; stamp the format."""
    meta.format = fmt
    meta.title = truncate_title(meta.title or "")
    meta.dek = _plain_dek(meta)
    _said_once(meta)
    meta.authors = clean_list(list(meta.authors))
    meta.source = clean_short(meta.source)
    meta.source_short = clean_short(meta.source_short)
    meta.dateline = clean_short(meta.dateline)
    meta.published = _plausible(normalise_date(meta.published) if meta.published else None)
    meta.people = clean_list(list(meta.people), 1000)
    meta.organizations = clean_list(list(meta.organizations), 1000)
    meta.places = clean_list(list(meta.places), 1000)
    meta.mention_counts = {
        key: count
        for name, count in meta.mention_counts.items()
        if (key := clean_short(name)) is not None and isinstance(count, int)
    }
    # A quote the text repeats (a pull quote, a recap) is one quote, listed once.
    quotes: dict[tuple[str, str | None], Quote] = {}
    for q in meta.quotes:
        text = clean_line(q.text)
        if text:
            quote = Quote(text=text, speaker=clean_short(q.speaker))
            quotes.setdefault((text.casefold(), quote.speaker), quote)
    meta.quotes = list(quotes.values())
    meta.links = [
        Link(title=clean_line(link.title)[:MAX_TITLE_CHARS], url=clean_short(link.url, 2000))
        for link in meta.links
    ]
    meta.body = clean_text(meta.body or "")
    meta.language = clean_short(meta.language, 20)
    meta.credits = clean_list(list(meta.credits))
    meta.captions = [c for c in (clean_short(c, 2000) for c in meta.captions) if c]
    # Only a web address is kept as the article's link (`o` opens it, exports print it):
    # never javascript:, data: or a bare word.
    meta.url = safe_web_url(clean_short(meta.url, 2000) or "")
    meta.guid = clean_short(meta.guid, 2000)
    # As a tag typed in the app would be: `tag:politics` finds it, `-politics` removes it.
    meta.tags = normalise_tags(meta.tags)
    if meta.starred is not None:
        meta.starred = bool(meta.starred)
    _finish_wire_fields(meta)
    if not meta.word_count and meta.body:
        meta.word_count = count_words(meta.body)
    return meta


def _finish_wire_fields(meta: Extracted) -> None:
    """Wire fields (urgency, slugline, version, GUID, embargo, status, subjects) bounded and valid."""
    from newsdesk.wire import MAX_VERSION, STATUSES, valid_urgency

    meta.urgency = valid_urgency(meta.urgency)
    version = meta.version
    meta.version = version if isinstance(version, int) and 0 < version <= MAX_VERSION else None
    meta.slugline = clean_short(meta.slugline)
    meta.item_id = clean_short(meta.item_id, 2000)
    meta.embargo_until = normalise_date(meta.embargo_until) if meta.embargo_until else None
    meta.status = meta.status if meta.status in STATUSES else None
    meta.subjects = clean_list(list(meta.subjects), 200)
