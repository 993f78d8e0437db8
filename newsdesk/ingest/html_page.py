"""HTML article pages: trafilatura finds the main text, the page's markup gives the metadata.

The page's own metadata (see `html_meta`) becomes the hints; the main text
goes to `extract_page`, which fills dateline, quotes and entities and keeps
the plausible hints. Only the first `MAX_HTML_PARSE_BYTES` are parsed, so a
huge page costs bounded time.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy

from lxml.html import HtmlElement

from newsdesk.extract.byline import known_person, parse_byline
from newsdesk.extract.copy_header import DATE_LINE_CHARS, date_near_headline, says_updated
from newsdesk.extract.dates import date_line, declared_locale, find_dates, numeric_order
from newsdesk.extract.found import fold
from newsdesk.extract.outlet import credits_a_wire, is_squashed, respell
from newsdesk.extract.page import local_day_shown
from newsdesk.extract.page_clock import on_page_clock
from newsdesk.ingest.assemble import bounded, drop_leading_title, extract_article, finish
from newsdesk.ingest.html_byline import (
    address_authors,
    full_names,
    signed_under,
    visible_byline,
    visible_lines,
    without_initials,
)
from newsdesk.ingest.html_coauthors import (
    repeated_author_names,
    with_coauthors,
    without_credited,
    without_rights_holder,
)
from newsdesk.ingest.html_dateline import signature_place
from newsdesk.ingest.html_dates import other_zone_day, swapped
from newsdesk.ingest.html_live import keep_entry_times, opens_with_entry_time
from newsdesk.ingest.html_loose_text import restore_loose_openings
from newsdesk.ingest.html_meta import (
    PageMeta,
    not_the_site,
    parse_document,
    read_page_meta,
    site_masthead,
)
from newsdesk.ingest.html_nodes import node_classes, node_text
from newsdesk.ingest.html_quote_tables import drop_quote_tables
from newsdesk.ingest.html_text import element_to_text, html_fragment_to_text
from newsdesk.ingest.limits import (
    MAX_HTML_ELEMENTS,
    MAX_HTML_PARSE_BYTES,
    MAX_HTML_TEXT_CHARS,
    MAX_ITEM_CHARS,
    human_size,
)
from newsdesk.ingest.markup import looks_like_html
from newsdesk.ingest.names import as_printed, author_names, mail_addresses, without_mail_names
from newsdesk.ingest.result import Rejected
from newsdesk.ingest.site_names import host_bears, host_key
from newsdesk.ingest.xml_guard import check_entities, strip_doctype
from newsdesk.isodates import normalise_date, parse_iso_date
from newsdesk.model import Extracted

_CODE_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed")
# Text no reader sees until hovering or with a screen reader: tooltips and hover cards.
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:[\w-]*(?:tooltip|popover|hovercard|sr-only|visually-hidden)[\w-]*"
    r"|[\w-]*(?:rollover|hover)[\w-]*-(?:block|card|box|popup))(?:$|\s)",
    re.I,
)
_NO_TEXT_TAGS = (*_CODE_TAGS, "nav", "header", "footer", "aside", "form")
#: Lines of the page's text under and over its headline that are its header (its date).
SHOWN_DATE_AFTER = 3
SHOWN_DATE_BEFORE = 1


def _main_text_trafilatura(tree: HtmlElement) -> str:
    """The main text trafilatura finds in the (script-free) tree.

    Balanced mode, not `favor_precision`: on the real-world pages precision
    mode dropped lede paragraphs set apart from the body (CNN's dateline
    paragraph), while `extract_page` trims the little furniture balanced
    mode lets through. Fast mode and no metadata pass: the metadata comes
    from `html_meta`, and the two skipped passes cost more than half the
    time on a typical page and most of it on a huge one. Full mode runs
    only when fast mode's text is thin (`THIN_WORDS`).
    """
    text = _trafilatura_text(tree, fast=True)
    if len(text.split()) < THIN_WORDS:
        # A page whose body fast mode missed: full mode also tries trafilatura's fallback
        # extractors (readability, jusText). Only then, as it costs ~14 ms a page, and its text
        # is taken only when longer.
        full = _trafilatura_text(tree, fast=False)
        if len(full.split()) > len(text.split()):
            return full
    return text


#: A main text of fewer words than this is thin: trafilatura's full mode gets a second look.
#: (Short enough that a real brief of 120-150 words keeps fast mode's cleaner text.)
THIN_WORDS = 100


def _trafilatura_text(tree: HtmlElement, *, fast: bool) -> str:
    from trafilatura import bare_extraction

    # trafilatura logs every page it finds thin at WARNING; our result says it instead.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    document = bare_extraction(
        tree,
        fast=fast,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=False,
        with_metadata=False,
        deduplicate=False,
    )
    if document is None or isinstance(document, dict):
        return ""
    body = getattr(document, "body", None)
    if body is None:
        return getattr(document, "text", "") or ""
    return element_to_text(body, lists=True)


def _without_code(tree: HtmlElement) -> HtmlElement:
    """A copy of the tree without scripts, styles, graphics and hidden text.

    Scripts are often most of a page's bytes; hidden elements (hover cards,
    tooltips, `display:none` blocks) are text no reader sees, which main-text
    detection would otherwise splice into sentences.
    """
    copy = deepcopy(tree)
    for element in list(copy.iter(*_CODE_TAGS)):
        element.drop_tree()
    hidden = [
        e for e in copy.iter() if isinstance(e.tag, str) and (_hidden(e) or _furniture_box(e))
    ]
    for element in hidden:
        if element.getparent() is not None:
            element.drop_tree()
    return copy


#: Parts of a class or id name ("inline-ad", "c-advertising", "poll__question") that
#: mark an ad slot or a reader poll set inside the story.
_FURNITURE_PARTS = frozenset(
    [
        "ad",
        "ads",
        "advert",
        "adslot",
        "adunit",
        "advertising",
        "advertisement",
        "dfp",
        "outbrain",
        "taboola",
        "poll",
        "polls",
    ]
)
_NAME_PARTS = re.compile(r"[\s_-]+")
#: A box with more words than this is no ad slot or poll, whatever its name says
#: ("article ad-free" wraps a whole story).
FURNITURE_BOX_WORDS = 40


#: Class or id names of a story's summary list ("Key points", "Takeaways", "Highlights").
_SUMMARY_BOX = re.compile(
    r"key[-_]?(?:points|takeaways|facts|moments)|takeaways|highlights|at[-_]a[-_]glance"
    r"|tl-?dr|summary[-_]?(?:list|points|box|bullets)|bullet[-_]?summary",
    re.I,
)
#: A summary list holds a few short points, not the story.
SUMMARY_ITEMS, SUMMARY_WORDS = 8, 100


def take_summary_points(tree: HtmlElement) -> list[str]:
    """The points of a "Key points" list set before the story, taken out of `tree`: they
    sum the story up (a standfirst when the page has none) and are not its opening."""
    for element in tree.iter("ul", "ol", "div", "section", "aside"):
        if not _SUMMARY_BOX.search(node_classes(element)):
            continue
        items = [text for li in element.iter("li") if (text := node_text(li))]
        words = sum(len(item.split()) for item in items)
        if not 1 <= len(items) <= SUMMARY_ITEMS or words > SUMMARY_WORDS:
            continue
        if words < 0.6 * len(node_text(element).split()):
            continue  # mostly other text (an address, opening hours): a box, not a list
        if element.getparent() is not None:
            element.drop_tree()
        return items
    return []


def _furniture_box(element: HtmlElement) -> bool:
    """An ad slot or a reader poll inside the article (small, and named so)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    if not names.strip() or not _FURNITURE_PARTS.intersection(_NAME_PARTS.split(names)):
        return False
    return len(element.text_content().split()) <= FURNITURE_BOX_WORDS


def _hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return bool(_HIDDEN_CLASS.search(element.get("class") or ""))


def _authors_trafilatura(tree: HtmlElement) -> list[str]:
    """The names in the author slot trafilatura finds, lone handles included ("HansG").

    Its search of a page's author elements skips related-story teasers and
    comment boxes, where our own byline-class scan picks up their names too.
    """
    from trafilatura.metadata import extract_author

    # Read before trafilatura, which takes the byline's element out of the tree.
    page = " ".join(
        [t for t in tree.itertext() if "@" in t]
        + [str(h) for h in tree.xpath("//a/@href[starts-with(., 'mailto:')]")[:200]]
    )
    try:
        found = extract_author(tree)
    except (ValueError, TypeError, AttributeError) as exc:
        logging.getLogger(__name__).debug("trafilatura author failed: %s", exc)
        return []
    if not found:
        return []
    names = author_names(as_printed(name, tree) for name in found.split(";"))
    # trafilatura turns an address beside the byline into a name ("Dtrammell Example").
    return without_mail_names(names, mail_addresses(page))


def _date_from_page(tree: HtmlElement) -> str | None:
    """htmldate's reading of the page (URL patterns, visible dates) when the markup states none.

    The quick search first; the extensive one (free text such as "Veröffentlicht
    am 3. März 2021", as trafilatura runs it) only when that finds nothing: it
    costs ten times as much.
    """
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=False, original_date=True) or find_date(
            tree, extensive_search=True, original_date=True
        )
    except (ValueError, TypeError, AttributeError) as exc:
        logging.getLogger(__name__).debug("htmldate failed: %s", exc)
        return None
    if found and found[4:10] == "-01-01" and not _new_years_day_shown(tree, found[:4]):
        # htmldate makes a year alone (a "© 2026" footer) 1 January: no publication date.
        return None
    return normalise_date(found) if found else None


def _new_years_day_shown(tree: HtmlElement, year: str) -> bool:
    """Whether the page writes 1 January of `year` as a date, in its text or its links."""
    text = " ".join(tree.itertext())[:200_000]
    if any(d.iso.startswith(f"{year}-01-01") for d in find_dates(text)):
        return True
    links = " ".join(str(href) for href in tree.xpath("//@href")[:2000])
    return re.search(rf"{year}[-/_]?01[-/_]?01(?!\d)", links) is not None


def _stated_body(body: str | None) -> str:
    """JSON-LD `articleBody` as paragraphs of text ("" when there is none)."""
    if not body:
        return ""
    if looks_like_html(body, len(body)):
        return html_fragment_to_text(body[:MAX_ITEM_CHARS])
    paragraphs = re.split(r"\n\s*\n|\n", body[:MAX_ITEM_CHARS])
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def _within_budget(tree: HtmlElement) -> bool:
    count = 0
    for count, _ in enumerate(tree.iter(), 1):
        if count > MAX_HTML_ELEMENTS:
            return False
    return len(tree.text_content()) <= MAX_HTML_TEXT_CHARS


def _fallback_text(tree: HtmlElement) -> str:
    """Visible text of the whole body, minus navigation, when trafilatura finds no article."""
    for element in list(tree.iter(*_NO_TEXT_TAGS)):
        element.drop_tree()
    body = tree.find(".//body")
    return element_to_text(body if body is not None else tree)


def _shown_date(
    page_text: str, headings: list[str], language: str | None, *, stated: bool
) -> str | None:
    """The date the page prints in its header, beside the headline, or None.

    A reader dates a story by what its header says; the markup's date is often
    a CMS's: the day the page was last changed or moved, or first drafted. The
    header is the few lines just under the headline (else just over it); the
    headline is the article's title, else the page's first <h1>.
    """
    lines = [line.strip() for line in page_text.split("\n") if line.strip()]
    for heading in headings:
        key = fold(heading)
        at = next((i for i, line in enumerate(lines) if fold(line) == key), None) if key else None
        if at is not None:
            shown = "\n".join(lines)
            with numeric_order(language, shown):
                return (
                    # A date the page says it was updated on is no publication date the
                    # markup's stated one gives way to.
                    date_near_headline(
                        shown,
                        lines[at],
                        after=SHOWN_DATE_AFTER,
                        before=SHOWN_DATE_BEFORE,
                        updated_ok=not stated,
                    )
                    or _labelled_date(lines[at + 1 : at + 1 + LABELLED_DATE_AFTER])
                    or _signed_header_date(
                        lines[at + 1 : at + 1 + HEADER_LINES], updated_ok=not stated
                    )
                )
    return None


#: Short lines under the headline that may be its header (byline, role, reading time, date).
HEADER_LINES = 8
_READING_TIME = re.compile(r"(?i)^\W*(?:ca\.\s*)?\d{1,3}\s*(?:min\.?|minutes?|minuten)\b")


def _signed_header_date(lines: list[str], *, updated_ok: bool = True) -> str | None:
    """The date line of a header under the headline that a byline or a reading time opens
    ("Christoph Hein" / "Chefredakteur" / "ca. 8 Min." / "12.01.2022", "von Marianne1" /
    "am 20.09.2020"), before the story's first paragraph. Without `updated_ok` (the
    markup states the publication date) a line that says the story was updated is passed
    over: the day it was changed is no publication date."""
    signed = False
    for line in lines:
        if len(line) > DATE_LINE_CHARS:
            return None  # the story has begun
        published = date_line(line)
        if published is not None and not updated_ok and _updated_line(line):
            continue
        if published is not None:
            return published if signed else None
        signed = signed or parse_byline(line) is not None or bool(_READING_TIME.match(line))
    return None


def _updated_line(line: str) -> bool:
    dates = find_dates(line[:DATE_LINE_CHARS])
    return bool(dates) and says_updated(line, dates[0].start)


#: A line that says when the story was published ("Veröffentlicht am 16.08.2019").
_PUBLISHED_LABEL = re.compile(
    r"(?i)^\W*(?:published|posted|veröffentlicht|erschienen|publié|publicado|publicada"
    r"|pubblicato|publicat)\b"
)
#: How far under the headline such a line still dates the story (a player or a lead
#: image between them).
LABELLED_DATE_AFTER = 12


def _labelled_date(lines: list[str]) -> str | None:
    """The date of the first line under the headline that says it is the publication's."""
    for line in lines:
        if _PUBLISHED_LABEL.match(line):
            dates = find_dates(line[:DATE_LINE_CHARS])
            if dates:
                return dates[0].iso
    return None


def _dates_another_day(markup: str | None, shown: str, *, stated: bool = True) -> bool:
    """The page's header dates the story apart from its markup, which it then outranks.

    A day apart may be the same moment in two time zones: a markup time with its own
    offset stands when the page shows its day in UTC, one in UTC is the next (or
    previous) day of the local one the page shows; no zone makes noon of one day the
    day before, so the header's day wins there. A numeric date that is the markup's with day and month exchanged
    was read in the wrong order, unless the "markup" date is not `stated` but htmldate's
    guess from the same numbers, read in its order rather than the page's language's.
    """
    if markup is None:
        return True
    a, b = parse_iso_date(markup[:10]), parse_iso_date(shown[:10])
    if a is None or b is None:
        return b is not None
    if not stated:
        # htmldate's guess is a day, no moment in a zone: the header outranks it (it took
        # "Updated ... March 1" over the "Published ... Feb. 29" the header opens with).
        return a != b
    if abs((a - b).days) == 1:
        return local_day_shown(markup, shown) or not other_zone_day(markup, shown)
    return abs((a - b).days) > 1 and (not stated or not swapped(markup, shown))


def _label_run_in(dek: str, opening: str) -> bool:
    """Whether the description runs the text's opening line, a label of a few words ("Staff
    Reports"), into the paragraph after it: the text's start cut to a length, not a standfirst
    an editor wrote (a description that is that paragraph alone may be one)."""
    first, _, rest = opening.partition("\n\n")
    label = " ".join(first.split())
    if not 1 <= len(label.split()) <= RUN_IN_LABEL_WORDS or not rest.strip():
        return False
    after = " ".join(rest[:200].split())[:40]
    folded = " ".join(dek.split())
    return folded.startswith(f"{label} {after}")


#: The most words of a label line (a byline naming no one, a kicker) run into a description.
RUN_IN_LABEL_WORDS = 4


def _hints(meta: PageMeta, main_text: str, opening: str) -> Extracted:
    """The page's metadata as hints for `extract_page`.

    The site name is not among them: it is the fallback when the text names
    no outlet itself, so a wire story republished by a site ("WASHINGTON
    (AP) -") is credited to the agency, as a reader of the text would. `opening`: the main
    text without the headline trafilatura repeats at its top.
    """
    dek = meta.dek
    if dek and (
        main_text[:200].replace("\n", " ").startswith(dek[:60]) or _label_run_in(dek, opening)
    ):
        # The description is the first paragraph again, or the text cut short: no standfirst.
        dek = None
    return Extracted(
        title=meta.title,
        dek=dek,
        authors=meta.authors,
        source=None,
        published=meta.published,
        url=meta.url,
        language=meta.language,
        captions=meta.captions,
        credits=meta.credits,
        links=meta.links,
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
    tree = parse_document(strip_doctype(text), warnings)
    if tree is None:
        raise Rejected("no article found in the HTML page")
    meta = read_page_meta(tree)
    with declared_locale(meta.locale):
        return _read_html(tree, meta, warnings)


def _read_html(tree: HtmlElement, meta: PageMeta, warnings: list[str]) -> list[Extracted]:
    # Stated in the markup (JSON-LD, Open Graph, <time>), or htmldate's guess from the
    # page's text, which reads "3/4/2024" on an American page as 3 April.
    guessed = meta.published is None
    if guessed:
        meta.published = _date_from_page(tree)
    lines = visible_lines(tree)
    printed = visible_byline(tree, lines)
    on_page = not_the_site(printed, meta.site, meta.url)
    # The site is its own author only where the byline the reader sees prints its name
    # ("By Wikimedia Foundation"); a name in the markup alone is the outlet's tag.
    site_signed = printed if printed and not on_page else []
    credits_site = bool(meta.authors) and not not_the_site(meta.authors, meta.site, meta.url)
    if credits_site:
        # The markup credits the site itself ("Badische Zeitung"): a byline on the page
        # ("Von Lisa Petrich") names the writer, else the page names none, unless the
        # site is a person's ("Pamela Anderson").
        meta.authors = on_page or site_signed or [n for n in meta.authors if known_person(n)]
    elif not meta.authors:
        # An article's <address> is markup for its author, as sure as trafilatura's reading.
        found = not_the_site(
            address_authors(tree) or _authors_trafilatura(tree), meta.site, meta.url
        )
        byline = not_the_site(meta.byline_authors, meta.site, meta.url)
        meta.authors = found or byline or on_page or (site_signed and meta.byline_authors)
    meta.authors = without_initials(meta.authors)
    if meta.authors:
        # The first author alone, where the byline the reader sees names more.
        repeated = [
            not_the_site(names, meta.site, meta.url) for names in repeated_author_names(tree)
        ]
        meta.authors = with_coauthors(meta.authors, *repeated, shown=on_page)
        meta.authors = without_credited(meta.authors, lines)
    clean = _without_code(tree)
    live = keep_entry_times(clean) > 0
    points = take_summary_points(clean)
    if points and not meta.dek:
        meta.dek = "; ".join(point.rstrip(".;") for point in points)
    body = clean.find(".//body")
    page_text = element_to_text(body if body is not None else clean)
    # A first name in the markup ("Todd") that the page prints in full ("Todd Bates").
    page_lines = [line.strip() for line in page_text.splitlines()]
    meta.authors = without_rights_holder(
        full_names(meta.authors, page_lines, meta.site), page_lines
    )
    first_h1 = [" ".join(h1.text_content().split()) for h1 in clean.iter("h1")][:1]
    main_text = ""
    if _within_budget(clean):
        drop_quote_tables(clean)
        main_text = restore_loose_openings(clean, _main_text_trafilatura(clean))
    else:
        warnings.append("page too large for main-text detection; kept its visible text")
    stated = _stated_body(meta.body)
    if stated and len(stated.split()) > 2 * len(main_text.split()):
        # A page drawn by script ("Loading…") or a teaser before a paywall: the whole story
        # is in its JSON-LD `articleBody`, and the page's text is not.
        main_text = stated
    if not main_text.strip():
        main_text = _fallback_text(tree)
        if main_text.strip() and not warnings:
            warnings.append("no article body recognised; kept the page's visible text")
    if not main_text.strip() and not meta.title:
        raise Rejected("no article found in the HTML page")
    folded_text = fold(main_text)
    for note in meta.corrections:
        if fold(note) not in folded_text:
            main_text = f"{main_text.rstrip()}\n\n{note}"  # where most outlets print them
    opening = drop_leading_title(main_text, meta.title)
    hints = _hints(meta, main_text, opening)
    # trafilatura often repeats the headline as the first line; the hint carries it.
    main_text = bounded(opening, MAX_ITEM_CHARS, warnings)
    article = extract_article(main_text, hints, warnings, text_is_article=True)
    if not article.authors and not credits_site:
        # Signed under its last paragraph, a line the main text leaves out.
        article.authors = signed_under(tree, lines, main_text)
    if live and article.dek and opens_with_entry_time(article.dek):
        article.dek = None  # the newest entry of a live blog, no standfirst
    if not article.dateline:
        # Set beside the byline rather than at the head of the story ("São Paulo").
        article.dateline = signature_place(tree)
    shown = _shown_date(page_text, [article.title, *first_h1], article.language, stated=not guessed)
    if shown and _dates_another_day(article.published, shown, stated=not guessed):
        # A stated moment the header shows on a zoneless clock stays, on that clock.
        clocked = on_page_clock(article.published, shown) if article.published else None
        article.published = clocked if clocked and not guessed else shown
    if (
        meta.site
        and meta.url
        and article.source
        and not host_bears(article.source, host_key(meta.url))
        and not credits_a_wire(article.source, main_text)
    ):
        # og:site_name (borne out by the host) outranks a name the text offered that the
        # host does not bear ("Review", a photographer's credit); a wire's story keeps it.
        article.source, article.source_short = None, None
    if not article.source and meta.site:
        article.source = site_masthead(meta.site, meta.url)
        if is_squashed(article.source):
            # A handle or host name for a site name ("usatoday") as the page spells it.
            article.source = respell(article.source, " ".join(tree.itertext()))
    return [finish(article, "html")]
