"""From a page's visible text to an `Extracted`: the walk that ties the extractors together.

The page is read top to bottom once:
1. headline: the hint's title located in the text, else `headline.find_headline`;
2. `header`: where the body starts, and above it the standfirst, byline, date
   line, lone place line, photo captions and their credits;
3. `body`: paragraphs up to the first end marker or long stretch of furniture,
   with captions, credits, appeals and related-link lists lifted out; then the
   tail's link lists, credits and footer lines;
4. here: hints and findings merged, the outlet named (`outlet`), `enrich`.
"""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.extract.body import FURNITURE_RUN, read_body
from newsdesk.extract.boilerplate import (
    is_boilerplate,
)
from newsdesk.extract.byline import known_person, parse_byline
from newsdesk.extract.company_masthead import company_masthead, holder_brand
from newsdesk.extract.copy_header import DATE_LINE_CHARS
from newsdesk.extract.credits import is_credit
from newsdesk.extract.dates import (
    date_line,
    find_dates,
    normalise,
    numeric_order,
    resolve_month_day,
)
from newsdesk.extract.found import Found, first_nonblank, fold
from newsdesk.extract.header import find_body_start, read_header
from newsdesk.extract.headline import (
    find_headline,
    site_suffix,
    strip_site_suffix,
    title_shaped,
    without_section_lead,
)
from newsdesk.extract.language import detect_language
from newsdesk.extract.lines import (
    body_line,
    count_words,
    ends_sentence,
    is_prose,
    split_lines,
    strip_list_mark,
    words,
)
from newsdesk.extract.outlet import (
    KNOWN_AGENCIES,
    OUTLET_WORD,
    appeal_outlet,
    expand_source,
    is_media_group,
    owned_outlet,
    site_line_outlet,
)
from newsdesk.extract.page_clock import on_page_clock
from newsdesk.extract.site_furniture import furniture_outlet
from newsdesk.extract.tail import (
    credited_reporters,
    drop_author_bio,
    drop_contact_lines,
    read_tail,
)
from newsdesk.extract.textbrowser import signed_heading
from newsdesk.isodates import parse_iso_date
from newsdesk.model import Extracted, Link
from newsdesk.sanitize import clean_line, clean_text

#: Characters of body given to entity and quote finding (a long read is ~60,000).
ENRICH_CHARS = 100_000


def extract_page(
    text: str, hints: Extracted | None = None, *, main_text: bool = False
) -> Extracted:
    """Extract an article from the visible text of a page, in reading order.

    With `main_text` the text is a main-text detector's output (an HTML
    page's), not a whole page: the body keeps its short lines (tables, lists,
    subheadings) and no run of them is taken for the page's furniture.
    """
    if not isinstance(text, str):
        text = ""
    lines = split_lines(text)
    found = Found()
    with numeric_order((hints.language if hints else None) or page_language(lines), text):
        head = _locate_headline(lines, hints, found, main_text=main_text)
        body_start = find_body_start(lines, head)
        body_start = read_header(lines, head, body_start, found)
        if not found.published and found.title:
            found.published = _dated_title(lines, found.title, found)
        body_end = read_body(lines, body_start, found, main_text=main_text)
        if main_text:
            _keep_header_text(lines, found)
        read_tail(lines, body_end, found)
        meta = _assemble(found, hints, text)
    return enrich(meta)


#: The longest lines of a page, which are its running text, tell its language.
LANGUAGE_LINES = 12


def page_language(lines: list[str]) -> str | None:
    """The language of a page's running text (its menus and footers are too short to count)."""
    return detect_language(" ".join(sorted(lines, key=len, reverse=True)[:LANGUAGE_LINES]))


def _keep_header_text(lines: list[str], found: Found) -> None:
    """A main text's lines above the first paragraph that are no header part stay in the body.

    A main-text detector has already dropped most of the page's furniture, so
    a subheading or a list there is the article's (a recipe's ingredients), and
    so is a lead paragraph set apart as the standfirst (it stays the dek too).
    """
    keep = set(found.header_text)
    if found.dek_at >= 0:
        keep.add(found.dek_at)
    lead: list[str] = []
    run: list[str] = []  # consecutive short lines
    for i in sorted(keep):
        if is_boilerplate(lines[i]):
            continue
        if is_prose(lines[i]):
            lead.extend(_unless_menu(run))
            run = []
            lead.append(body_line(lines[i]))
        else:
            run.append(body_line(lines[i]))
    lead.extend(_unless_menu(run))
    found.body[:0] = lead


def _unless_menu(run: list[str]) -> list[str]:
    """A run of short lines, unless it is a site menu: many entries, next to no figures."""
    if len(run) < FURNITURE_RUN:
        return run
    figures = sum(1 for line in run if any(ch.isdigit() for ch in line))
    return run if figures * 10 >= len(run) else []


def _plausible_title(title: str, hints: Extracted) -> bool:
    """A hint title is kept unless it is empty, absurd, or only the site's name."""
    if not 3 <= len(title) <= 400 or not any(ch.isalnum() for ch in title):
        return False
    folded = fold(title)
    if hints.source and folded == fold(hints.source):
        return False
    tokens = words(title)
    if (
        len(tokens) <= 4
        and ":" not in title  # "Solopreneur Social Media: LinkedIn" is a headline
        and any(OUTLET_WORD.fullmatch(t) for t in tokens)
        and all(t[:1].isupper() for t in tokens)
    ):
        # "The Harbour Gazette", "BBC News": a masthead given as the title (a word of one,
        # not part of a compound: "Neue DJV-Online-Seminare" is a headline).
        return False
    return not _SECTION_ONLY.match(title)


_SECTION_ONLY = re.compile(
    r"^(?:home|news|live(?:\s+updates?)?|opinion|world|business|sport|sports|politics|technology|untitled)\W*$",
    re.I,
)


def _locate_headline(
    lines: list[str], hints: Extracted | None, found: Found, *, main_text: bool = False
) -> int:
    """Index of the headline line (-1 when the text has none) and set `found.title`.

    In a main text (an HTML page's), the title after paragraphs of the story is the story
    repeating it (a recipe card's heading): the story began above it, without its headline.
    """
    hint_title = clean_line(hints.title) if hints and hints.title else ""
    if hints is not None and hint_title:
        hint_title = strip_site_suffix(hint_title, {fold(hints.source)} if hints.source else None)
    if hints is not None and hint_title and _plausible_title(hint_title, hints):
        found.title = hint_title
        key = fold(hint_title)
        # A line that folds to the title (or whose head does) holds the title's longest word:
        # casefolding is per character. Most lines (the body's) are passed without folding.
        probe = _longest_word(key)
        for i, line in enumerate(lines[:HINT_TITLE_LINES]):
            if (
                line
                and probe in line.casefold()
                and (
                    fold(line) == key or (len(line) < 400 and fold(strip_site_suffix(line)) == key)
                )
            ):
                # The page's title printed at the top; the story's own heading, which sets
                # the headline after its label and date, is further down (no story between).
                dated = _dated_heading(lines, hint_title, found)
                if (
                    dated is not None
                    and dated[0] > i
                    and not any(
                        is_prose(between) and ends_sentence(between)
                        for between in lines[i + 1 : dated[0]]
                    )
                ):
                    found.published = dated[1]
                    return dated[0]
                if main_text and _story_above(lines[:i]):
                    return -1
                return i
        # Only as the story's heading with its date run in ("27.01.2022MineralölINFO ...").
        dated = _dated_heading(lines, hint_title, found)
        if dated is not None:
            found.published = dated[1]
            return dated[0]
        return -1
    choice = find_headline(lines)
    if choice is None:
        # No headline near the top (a site menu hundreds of lines long above the story): the
        # story's header, a headline over a signed line over the first paragraph, wherever
        # it sits; else the first line.
        signed = signed_heading("\n".join(lines))
        if signed is not None:
            found.title = clean_line(signed)
            return next(i for i, line in enumerate(lines) if line.strip() == signed)
        return _first_line_title(lines, found)
    found.title = clean_line(
        without_section_lead(
            strip_site_suffix(choice.text) if choice.index == first_nonblank(lines) else choice.text
        )
    )
    _note_title_suffix(lines, found)
    return choice.index


#: Paragraphs of running text above a line that show the story has begun.
STORY_BEGUN = 2


def _story_above(lines: list[str]) -> bool:
    return sum(1 for line in lines if is_prose(line) and ends_sentence(line)) >= STORY_BEGUN


def _dated_heading(lines: list[str], title: str, found: Found) -> tuple[int, str] | None:
    """(index, date) of a heading that sets the headline after the story's label and date
    ("Nachricht | 30.10.2021 Migration / Flucht «Wir waren fast 40 Tage in Quarantäne»"),
    looked up once a headline (`found` keeps it)."""
    if found.dated_heading_of != title:
        found.dated_heading = _find_dated_heading(lines, title)
        found.dated_heading_of = title
    return found.dated_heading


def _find_dated_heading(lines: list[str], title: str) -> tuple[int, str] | None:
    key = fold(title)
    probe = _probe(title)
    for i in range(min(len(lines), HINT_TITLE_LINES)):
        line = lines[i]
        if not line or len(line) >= 400 or probe not in line.casefold() or key not in fold(line):
            continue
        core = strip_list_mark(line)
        folded = fold(core)
        # The date may run into the headline ("27.01.2022MineralölINFO ...").
        if not folded.endswith(key) or folded == key or folded[-len(key) - 1] not in _GLUE:
            continue
        lead = core[: max(0, len(core) - len(title))]
        dates = find_dates(lead) if len(lead) <= DATE_LINE_CHARS else []
        if dates:
            return i, dates[0].iso
    return None


def _probe(title: str) -> str:
    """The title's longest word, casefolded: a line without it cannot hold the title (a cheap
    look before folding the whole line)."""
    return _longest_word(fold(title))


def _longest_word(folded: str) -> str:
    return max(folded.split() or [""], key=len)


def _dated_title(lines: list[str], title: str, found: Found) -> str | None:
    """The date the page prints in a line with the headline: a heading that sets it after
    the story's label and date ("Nachricht | 30.10.2021 Migration / Flucht «Wir waren fast
    40 Tage in Quarantäne»"), or a list of recent posts that gives it with its date
    ("* 3 Jahre im Amt 12 Dezember, 2015")."""
    key = fold(title)
    if not key:
        return None
    dated = _dated_heading(lines, title, found)
    if dated is not None:
        return dated[1]
    probe = _probe(title)
    for i, line in enumerate(lines[:HINT_TITLE_LINES]):
        if len(line) >= 400 or probe not in line.casefold() or key not in fold(line):
            continue
        core = strip_list_mark(line)
        if fold(core).startswith(key + " ") and core.startswith(title):
            published = date_line(core[len(title) :].strip())
            if published is not None:
                return published
        if core == title:
            # A teaser of the story in a list: its headline over a line that opens with the
            # date ("26.01.2022Strava wertet ...").
            nxt = next((lines[j] for j in range(i + 1, min(len(lines), i + 3)) if lines[j]), "")
            dates = find_dates(strip_list_mark(nxt)[:DATE_LINE_CHARS])
            if dates and dates[0].start == 0:
                return dates[0].iso
    return None


#: Lines searched for the headline a page's markup or layout gave, and for the headline printed
#: with its date (a text browser's copy may print a site menu of a thousand lines above it).
HINT_TITLE_LINES = 2000
#: What may stand right before a headline set after its date: a space or the date's digit.
_GLUE = frozenset(" 0123456789")


def _note_title_suffix(lines: list[str], found: Found) -> None:
    """A page-title line at the top ("Headline | Outlet") names the site after the headline."""
    first = first_nonblank(lines)
    if first < 0 or not found.title:
        return
    line = lines[first]
    if len(line) < 400 and fold(strip_site_suffix(line)) == fold(found.title):
        found.title_suffix = site_suffix(line)


#: A title taken from a plain first line is cut here (at a word boundary).
FALLBACK_TITLE_CHARS = 300


def _first_line_title(lines: list[str], found: Found) -> int:
    """Plain text with nothing headline-like: its first line is the title unless it is text.

    A first line that is a finished sentence of prose is the story itself, and
    a byline, date or notice is not a title; otherwise the convention of plain
    text files (title first) holds.
    """
    first = first_nonblank(lines)
    if first < 0:
        return -1
    line = lines[first]
    if is_boilerplate(line) or is_credit(line) or date_line(line) is not None or parse_byline(line):
        return -1
    core = strip_site_suffix(line)
    if core != line and title_shaped(core) and any(lines[first + 1 :]):
        # "Headline | Outlet", the page's title, over the story.
        found.title = clean_line(core)
        found.title_suffix = site_suffix(line)
        return first
    if is_prose(line) and line.rstrip().endswith((".", "!", "?", '"', "”")):
        return -1
    if len(line) <= 320 and not title_shaped(line) and len(words(line)) >= 2:
        return -1  # a breadcrumb, a section label
    if not _plausible_title(line, Extracted()):
        return -1  # the site's masthead
    if not any(lines[first + 1 :]):
        return -1  # a single line of text is a body, not a title over nothing
    title = line
    if len(title) > FALLBACK_TITLE_CHARS:
        title = title[:FALLBACK_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-")
    found.title = clean_line(title)
    return first


def _assemble(found: Found, hints: Extracted | None, text: str) -> Extracted:
    meta = Extracted()
    if hints is not None:
        meta = Extracted.from_dict(hints.to_dict())
    meta.title = clean_line(found.title or meta.title)
    if not meta.dek and found.dek:
        meta.dek = clean_line(found.dek)
    hint_authors = [clean_line(a) for a in meta.authors if _plausible_author(a)]
    # A byline under the story counts only when no paragraph follows it (one
    # between paragraphs introduces another piece: a video, a contributor box).
    late = found.late_authors if found.late_authors_at == len(found.body) else []
    meta.authors = hint_authors or [clean_line(a) for a in (found.authors or late)]
    if not meta.authors:
        meta.authors = credited_reporters(found.credits)
    meta.credits = _merge(meta.credits, found.credits)
    meta.captions = _merge(meta.captions, found.captions)
    if not meta.links:
        meta.links = [
            Link(clean_line(link.title), link.url) for link in found.links if clean_line(link.title)
        ]
    hint_source = clean_line(meta.source) if meta.source else ""
    # A dateline's credit the page repeats (a masthead "KXAN Austin" over "AUSTIN (KXAN) -")
    # is the site itself and outranks a parent company's copyright line; one named
    # only in the dateline is a wire whose copy the outlet carries.
    repeated = [name for name in found.dateline_sources if text.count(name, 0, 200_000) >= 2]
    found.sources[:0] = [name for name in repeated if name not in found.sources]
    if found.sources:
        # "Live Science is part of Future US Inc": the masthead outranks its owner.
        site = owned_outlet(text, found.sources)
        if site:
            found.sources.insert(0, site)
        # "© Danube Daily Media GmbH" under a first line "Danube Daily": the company
        # is named after its masthead, and the masthead is what an editor knows.
        masthead = site_line_outlet(text, found.title)
        if masthead and _named_after(found.sources[0], masthead):
            found.sources.insert(0, masthead)
        else:
            # "© Northwoods Media Co." beside "Northwoods News Tribune": the same, publisher
            # and masthead named apart.
            published = company_masthead(found.sources[0], text, found.title)
            if published:
                found.sources.insert(0, published)
        rights = found.sources[0] in found.copyright_holders
        brand = holder_brand(found.sources[0], text, found.sources[1:], rights=rights)
        if brand and brand != found.sources[0]:
            found.sources.insert(0, brand)  # "Cable News Network" goes by "CNN"
        if is_media_group(found.sources[0]):
            # "© Hearst Communications" under a Houston Chronicle story: the page's own
            # masthead evidence names the outlet; the group only when there is none.
            own = found.title_suffix or masthead or appeal_outlet(text) or furniture_outlet(text)
            if own and not is_media_group(own):
                found.sources.insert(0, own)
    if not found.sources:
        # Weaker evidence, best first: the page title's site part, a masthead
        # line, a subscription appeal, and last a wire the dateline credits.
        site = (
            found.title_suffix
            or site_line_outlet(text, found.title)
            or appeal_outlet(text)
            or furniture_outlet(text)  # "Follow The Sun", "TheHill.com": the site's own name
            or (found.dateline_sources[0] if found.dateline_sources else None)
        )
        if site:
            found.add_source(site)
    source = hint_source or (found.sources[0] if found.sources else "")
    if source:
        full, short = expand_source(source, text, found.sources)
        meta.source = full
        meta.source_short = meta.source_short or short
    else:
        meta.source = None
    if (
        not meta.authors
        and meta.source
        and fold(meta.source) in {fold(holder) for holder in found.copyright_holders}
        and _one_persons_site(meta.source)
    ):
        # "© 2009-2012 Jana Berg" on a page nobody signed: one person's site, and its author.
        meta.authors = [meta.source]
    if not meta.dateline and found.dateline:
        meta.dateline = clean_line(found.dateline)
    meta.published = normalise(meta.published) if meta.published else None
    if meta.published and found.published and local_day_shown(meta.published, found.published):
        # The stated moment stays, on the clock of the day the page shows, when the two agree.
        meta.published = on_page_clock(meta.published, found.published) or found.published
    if not meta.published:
        meta.published = found.published or found.late_published
    if not meta.published and found.dateline_month_day:
        anchor = _anchor_date(found)
        if anchor:
            meta.published = resolve_month_day(found.dateline_month_day, anchor)
        else:
            # Wire copy's "HARBOUR CITY, Dec 5 (Agency) -" states no year: the story is
            # fresh, so the latest such day up to tomorrow (a dateline runs ahead of UTC).
            today = dt.datetime.now(dt.UTC).date()
            meta.published = resolve_month_day(found.dateline_month_day, today, ahead=1)
    drop_contact_lines(found)
    drop_author_bio(found)
    if not meta.body:
        # Every line came out of split_lines, which ran clean_text over the page:
        # joining them adds only newlines, so a second pass would cost time for nothing.
        meta.body = "\n\n".join(p for p in found.body if p)
    else:
        meta.body = clean_text(meta.body)
    return meta


def local_day_shown(markup: str, shown: str) -> bool:
    """The markup gives a time in UTC and the page shows its readers the day next to
    it: a story filed late in the evening west of Greenwich (or early in the morning
    east of it) carries the next (or the previous) UTC day in its markup, while the
    day the page prints is the local one, which an editor means by its date."""
    if not re.search(r"T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]00:?00)$", markup):
        return False
    day, seen = parse_iso_date(markup[:10]), parse_iso_date(shown[:10])
    return day is not None and seen is not None and abs((day - seen).days) == 1


def _anchor_date(found: Found) -> dt.date | None:
    """A date the page states elsewhere (a copyright year's last day) to resolve 'March 14'."""
    if found.published:
        return parse_iso_date(found.published)
    if found.copyright_years:
        return dt.date(max(found.copyright_years), 12, 31)
    return None


def _one_persons_site(outlet: str) -> bool:
    """The outlet a page names is a person (a known given name, then a family name)."""
    return known_person(outlet)


def _plausible_author(name: str) -> bool:
    """A hint's author is a person's name, not a URL, a handle, an outlet or 'Staff'."""
    name = clean_line(name)
    if not 2 <= len(name) <= 80 or name.lower().startswith(("http", "www.")) or "@" in name:
        return False
    if name.casefold() in KNOWN_AGENCIES or OUTLET_WORD.search(name):
        return False
    return len(words(name)) >= 2 or not name.isupper()


def _merge(first: list[str], second: list[str]) -> list[str]:
    out = [clean_line(x) for x in first if clean_line(x)]
    for item in second:
        item = clean_line(item)
        if item and item not in out:
            out.append(item)
    return out


def enrich(meta: Extracted) -> Extracted:
    """Fill language, word count, entities and quotes from `meta.body`; keep what is set."""
    body = meta.body or ""
    if not meta.language:
        meta.language = detect_language(body or meta.title)
    if not meta.word_count:
        # Whitespace-separated tokens holding a letter or digit ("—" alone is no word).
        meta.word_count = count_words(body)
    need_entities = not (meta.people or meta.organizations or meta.places)
    if need_entities or not meta.quotes:
        # Bounded so a pasted book cannot stall an import; the head names the story's people.
        _add_entities_and_quotes(meta, body[:ENRICH_CHARS], need_entities)
    return meta


def _add_dateline_places(meta: Extracted) -> None:
    """The dateline's town is a place of the story, even one no gazetteer knows
    ("RIVERBEND —"); its region or country too when it is a known place."""
    from newsdesk.extract.gazetteer import gazetteer
    from newsdesk.extract.placenames import is_known_place_name

    if not meta.dateline:
        return
    # "München / Berlin": two towns, as "Brussels, Belgium" is a town and its country.
    parts = [clean_line(part) for part in re.split(r"[,/]", meta.dateline)]
    have = {p.casefold() for p in meta.places}
    names = gazetteer()
    for n, part in enumerate(parts):
        if not part or "." in part:
            continue  # "N.M.": an abbreviation, not a name to list
        if n > 0 and not is_known_place_name(part):
            continue
        # Listed as the places list names it ("Rom" is Rome, already there or not).
        part = names.display(part) if is_known_place_name(part) else part
        if part.casefold() in have:
            continue
        meta.people = [p for p in meta.people if p != part]
        meta.organizations = [o for o in meta.organizations if o != part]
        meta.places.append(part)
        have.add(part.casefold())


def _add_entities_and_quotes(meta: Extracted, body: str, need_entities: bool) -> None:
    # Imported here: the entity tables load on first use, not when the package is imported.
    from newsdesk.extract.entities import find_entities
    from newsdesk.extract.quotes import find_quotes

    if need_entities:
        result = find_entities(body, title=meta.title)
        meta.people = [clean_line(p) for p in result.people]
        meta.organizations = [clean_line(o) for o in result.organizations]
        meta.places = [clean_line(p) for p in result.places]
        if not meta.mention_counts:
            meta.mention_counts = dict(result.counts)
        _add_dateline_places(meta)
    if not meta.quotes:
        meta.quotes = find_quotes(body, list(meta.people))


def _named_after(company: str, masthead: str) -> bool:
    """True when `company` is `masthead` and more ("Guardian News & Media" after
    "The Guardian"): the words of the masthead, a leading "The" aside, begin it."""

    def folded(name: str) -> list[str]:
        tokens = [w.casefold() for w in words(name)]
        return tokens[1:] if tokens[:1] == ["the"] else tokens

    head, whole = folded(masthead), folded(company)
    return bool(head) and len(whole) > len(head) and whole[: len(head)] == head
