"""From a page's visible text to an `Extracted`: the walk that ties the extractors together.

The page is read top to bottom once:
1. headline (or the hint's title, located in the text);
2. the header zone under it: standfirst, byline, date line, lone place line,
   photo captions and their credits;
3. the body from the first run of prose to the first end marker (topics box,
   comment form, copyright line) or a long stretch of page furniture, with
   captions, credits, appeals and related-link lists lifted out on the way;
4. the tail: more related lists, credits, standards and copyright lines
   (which name the outlet).
Then `enrich` fills what derives from the clean body.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsdesk.extract.boilerplate import (
    is_boilerplate,
    is_copyright,
    is_end_marker,
    link_list_marker,
    looks_like_link_title,
)
from newsdesk.extract.byline import (
    Byline,
    has_inline_credit,
    is_credit,
    parse_byline,
    parse_name_line,
    split_caption_credit,
)
from newsdesk.extract.dateline import AGENCY_NAMES, lone_place, parse_dateline
from newsdesk.extract.dates import (
    date_line,
    find_dates,
    first_date,
    normalise,
    parse_iso_date,
    resolve_month_day,
)
from newsdesk.extract.headline import (
    find_headline,
    is_caption_like,
    strip_site_suffix,
)
from newsdesk.extract.language import detect_language
from newsdesk.extract.lines import (
    is_list_item,
    is_prose,
    is_upper_line,
    lower_ratio,
    split_lines,
    strip_list_mark,
    words,
)
from newsdesk.extract.links import add_link
from newsdesk.model import Extracted, Link
from newsdesk.sanitize import clean_line, clean_text

#: Lines after the body still searched for link lists, credits and the outlet.
TAIL_LINES = 400
#: Non-prose lines in a row that mean the article is over.
FURNITURE_RUN = 8
#: Characters of body given to entity and quote finding (a long read is ~60,000).
ENRICH_CHARS = 100_000
#: Characters of text searched for an abbreviation's spelled-out form.
EXPANSION_CHARS = 300_000

_KNOWN_AGENCIES = {
    "associated press", "reuters", "agence france-presse", "afp", "bloomberg", "upi",
    "united press international", "dpa", "pa media", "press association", "efe", "ansa",
    "xinhua", "kyodo", "yonhap", "tass", "anadolu", "ap",
}  # fmt: skip
_CORPORATE_SUFFIX = re.compile(
    r"(?:,?\s+(?:Ltd\.?|Limited|LLC|L\.L\.C\.|Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|Plc|PLC|GmbH|S\.A\.|AG"
    r"|Holdings|Media Group Limited|or its affiliated companies|and its affiliates))+\.?$"
)
_STANDARDS = re.compile(r"\b(?:our\s+standards\s*:\s*)?the\s+(?P<name>.{2,60}?)\s+trust\s+principles\b", re.I)
_SOURCE_LABEL = re.compile(r"^(?:source|from)\s*:\s*(?P<name>.*)$", re.I)
_READ_MORE = re.compile(r"^(?:read|see)\s+more[^\w:]*$", re.I)
_INLINE_LINK = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:read\s+(?:more|also|next|(?:our|the)\s+(?:full\s+)?(?:report|story|article|explainer))"
    r"|see\s+also|related|also\s+read|more\s+on\s+this)\s*:\s*(?P<title>\S.{3,200})$",
    re.I,
)
#: A first line naming the site ("Kestrel News › Technology", "The Westerly Times | Blog").
_SITE_LINE_SPLIT = re.compile(r"\s*(?:›|»|\||/|>|·|•|—|–| - )\s*")
_OUTLET_WORD = re.compile(
    r"\b(?:News|Times|Post|Daily|Monitor|Tribune|Standard|Courant|Observer|Wire|Press|Herald|Journal"
    r"|Gazette|Chronicle|Express|Mail|Telegraph|Guardian|Review|Agency|Radio|Media|Sun|Star|Record"
    r"|Independent|Examiner|Courier|Dispatch|Bulletin|Register|Inquirer|Reporter|Weekly|Online|TV)\b"
)


_REPORTING = re.compile(
    r"\b(?:said|says|say|told|according to|announced|reported|on (?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)|yesterday|today|last (?:week|night|month)|this (?:week|morning))\b",
    re.I,
)


@dataclass
class _Found:
    """What the walk collects before it becomes an `Extracted`."""

    title: str = ""
    dek: str | None = None
    authors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    dateline: str | None = None
    dateline_month_day: str | None = None
    published: str | None = None
    credits: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    copyright_years: list[int] = field(default_factory=list)

    def add_credit(self, text: str | None) -> None:
        text = clean_line(text or "").strip(" ()")
        if text and text not in self.credits and len(self.credits) < 40:
            self.credits.append(text[:300])

    def add_caption(self, text: str) -> None:
        text = clean_line(text)
        if text and text not in self.captions and len(self.captions) < 60:
            self.captions.append(text[:1000])

    def add_source(self, text: str | None) -> None:
        text = clean_line(text or "").strip(" .,;:-–—")
        if text and 2 <= len(text) <= 80 and text not in self.sources:
            self.sources.append(text)


def extract_page(text: str, hints: Extracted | None = None) -> Extracted:
    """Extract an article from the visible text of a page, in reading order."""
    if not isinstance(text, str):
        text = ""
    lines = split_lines(text)
    found = _Found()
    head = _locate_headline(lines, hints, found)
    body_start = _find_body_start(lines, head)
    body_start = _read_header(lines, head, body_start, found)
    body_end = _read_body(lines, body_start, found)
    _read_tail(lines, body_end, found)
    meta = _assemble(found, hints, text)
    return enrich(meta)


# --- 1. headline ---------------------------------------------------------------


def _plausible_title(title: str, hints: Extracted) -> bool:
    """A hint title is kept unless it is empty, absurd, or only the site's name."""
    if not 3 <= len(title) <= 400 or not any(ch.isalnum() for ch in title):
        return False
    folded = _fold(title)
    if hints.source and folded == _fold(hints.source):
        return False
    tokens = words(title)
    if len(tokens) <= 4 and _OUTLET_WORD.search(title) and all(t[:1].isupper() for t in tokens):
        # "The Harbour Gazette", "BBC News": a masthead given as the title.
        return False
    return not _SECTION_ONLY.match(title)


_SECTION_ONLY = re.compile(
    r"^(?:home|news|live(?:\s+updates?)?|opinion|world|business|sport|sports|politics|technology|untitled)\W*$",
    re.I,
)


def _locate_headline(lines: list[str], hints: Extracted | None, found: _Found) -> int:
    """Index of the headline line (-1 when the text has none) and set `found.title`."""
    hint_title = clean_line(hints.title) if hints and hints.title else ""
    if hints is not None and hint_title:
        hint_title = strip_site_suffix(hint_title, {_fold(hints.source)} if hints.source else None)
    if hints is not None and hint_title and _plausible_title(hint_title, hints):
        found.title = hint_title
        key = _fold(hint_title)
        for i, line in enumerate(lines[:800]):
            if line and (_fold(line) == key or (len(line) < 400 and _fold(strip_site_suffix(line)) == key)):
                return i
        return -1
    choice = find_headline(lines)
    if choice is None:
        return _first_line_title(lines, found)
    found.title = clean_line(strip_site_suffix(choice.text) if choice.index == _first_nonblank(lines)
                             else choice.text)
    return choice.index


#: A title taken from a plain first line is cut here (at a word boundary).
FALLBACK_TITLE_CHARS = 300


def _first_line_title(lines: list[str], found: _Found) -> int:
    """Plain text with nothing headline-like: its first line is the title unless it is text.

    A first line that is a finished sentence of prose is the story itself, and
    a byline, date or notice is not a title; otherwise the convention of plain
    text files (title first) holds.
    """
    first = _first_nonblank(lines)
    if first < 0:
        return -1
    line = lines[first]
    if is_boilerplate(line) or is_credit(line) or date_line(line) is not None or parse_byline(line):
        return -1
    if is_prose(line) and line.rstrip().endswith((".", "!", "?", '"', "”")):
        return -1
    if not any(lines[first + 1 :]):
        return -1  # a single line of text is a body, not a title over nothing
    title = line
    if len(title) > FALLBACK_TITLE_CHARS:
        title = title[:FALLBACK_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-")
    found.title = clean_line(title)
    return first


def _first_nonblank(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line), -1)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


# --- 2. where the body starts -------------------------------------------------


def _skippable(line: str) -> bool:
    return not line or is_boilerplate(line) or is_caption_like(line)


def _caption_by_next_line(lines: list[str], i: int) -> bool:
    """A photo caption: the line right after it is the picture's credit."""
    nxt = next((lines[j] for j in range(i + 1, min(len(lines), i + 3)) if lines[j]), "")
    if nxt[:60] == lines[i][:60]:
        # Galleries print a caption twice (visible text and the enlarged view).
        return True
    if not nxt or len(nxt) > 120:
        return False
    return is_credit(nxt) or (has_inline_credit(nxt) and len(words(nxt)) <= 10) or bool(
        re.match(r"^\(?[A-Z][\w. ]{1,40}(?:/|\|)\s*[A-Z][\w. ]{1,40}\)?$", nxt))


def found_title_prefix(lines: list[str], head: int) -> str:
    """The headline text, which image alt text repeats at the start of a caption."""
    return lines[head] if 0 <= head < len(lines) and len(lines[head]) >= 20 else "\x00"


def _find_body_start(lines: list[str], head: int) -> int:
    """First line of running text after the headline (len(lines) when there is none)."""
    start = head + 1
    limit = min(len(lines), start + 2000)
    first_prose = -1
    in_list = False
    for i in range(start, limit):
        line = lines[i]
        if not line:
            continue
        if link_list_marker(line):
            in_list = True
            continue
        if in_list:
            # A "Most popular" list between headline and body: skip its headlines.
            if len(words(line)) < 25 and parse_dateline(line) is None:
                continue
            in_list = False
        if not is_prose(line) or _skippable(line) or is_credit(line) or is_list_item(line):
            continue
        if _caption_by_next_line(lines, i):
            continue
        if line.startswith(found_title_prefix(lines, head)):
            continue
        if parse_byline(line) is not None:
            continue
        if first_prose < 0:
            first_prose = i
        # Running text: another prose line follows soon, past captions and furniture.
        seen = 0
        for j in range(i + 1, min(len(lines), i + 40)):
            nxt = lines[j]
            if _skippable(nxt):
                continue
            if parse_byline(nxt) is not None or date_line(nxt) is not None:
                break
            if is_prose(nxt) and not nxt.startswith(found_title_prefix(lines, head)):
                return i
            seen += 1
            if seen >= 4:
                break
        if len(line) >= 400:
            return i
    if first_prose >= 0:
        return first_prose
    # No prose at all (a short note, a feed summary): the first line with words.
    for i in range(start, min(len(lines), start + 200)):
        line = lines[i]
        if (line and not _skippable(line) and len(words(line)) >= 4 and date_line(line) is None
                and parse_byline(line) is None and not is_credit(line)):
            return i
    return len(lines)


# --- 3. the header zone ---------------------------------------------------------


def _read_header(lines: list[str], head: int, body_start: int, found: _Found) -> int:
    """Standfirst, byline, date, place, captions and links between headline and body.

    Returns where the body starts, moved past a standfirst that sat right under
    the headline with nothing between.
    """
    zone_start = head + 1 if head >= 0 else 0
    zone_end = min(body_start, zone_start + 120, len(lines))
    content = [i for i in range(zone_start, zone_end) if lines[i]]
    byline: Byline | None = None
    meta_seen = False
    in_links = False
    previous_caption = False
    for n, i in enumerate(content):
        line = lines[i]
        following = [lines[j] for j in content[n + 1 : n + 4]]
        if link_list_marker(line):
            in_links = True
            continue
        if is_boilerplate(line):
            continue
        if is_credit(line):
            found.add_credit(line)
            previous_caption = False
            continue
        if is_caption_like(line):
            caption, credit = split_caption_credit(_strip_caption_label(line))
            caption = _strip_title_prefix(caption, found.title)
            if caption and len(words(caption)) >= 3:
                found.add_caption(caption)
            found.add_credit(credit)
            previous_caption = True
            continue
        if previous_caption and _credit_shaped(line):
            found.add_credit(line)
            previous_caption = False
            continue
        previous_caption = False
        if found.title and _fold(line).startswith(_fold(found.title)) and len(line) > len(found.title) + 20:
            # An image's alt text repeats the headline, then gives the caption.
            found.add_caption(_strip_title_prefix(line, found.title))
            previous_caption = True
            continue
        parsed = None if byline else (parse_byline(line, following) or
                                      (parse_name_line(line, following) if not is_prose(line) else None))
        if parsed is not None:
            byline = parsed
            meta_seen = True
            _take_byline(parsed, found)
            continue
        published = date_line(line)
        if published is not None:
            if (not found.published and not _updated_only(line)) or not found.published:
                found.published = published
            _agency_in_date_line(line, found)
            meta_seen = True
            in_links = False
            continue
        label = _SOURCE_LABEL.match(line)
        if label and label["name"]:
            found.add_source(label["name"])
            continue
        place = lone_place(line) if not found.dateline else None
        if place and (meta_seen or byline is not None):
            found.dateline = place
            continue
        if clean_line(line).lower() in _KNOWN_AGENCIES and meta_seen:
            found.add_source(line)
            continue
        if in_links:
            if looks_like_link_title(line) and not is_prose(line):
                add_link(found.links, line)
                continue
            in_links = False
        if (found.dek is None and not meta_seen and _dek_shaped(line)
                and parse_dateline(line) is None):
            found.dek = clean_line(strip_list_mark(line))
            continue
    if not found.published and head > 0:
        above = [i for i in range(max(0, head - 12), head) if lines[i]][-4:]
        for i in reversed(above):
            published = date_line(lines[i])
            if published is not None:
                found.published = published
                _agency_in_date_line(lines[i], found)
                break
    if (found.dek is None and body_start < len(lines)
            and _dek_from_first_paragraph(lines, head, body_start, found, meta_seen)):
        return _find_body_start(lines, body_start)
    return body_start


def _dek_from_first_paragraph(lines: list[str], head: int, body_start: int, found: _Found,
                              meta_seen: bool) -> bool:
    """'Headline / one-sentence standfirst / body' with nothing between: the first line is the dek."""
    if head < 0 or meta_seen:
        return False
    between = [i for i in range(head + 1, body_start) if lines[i] and not is_boilerplate(lines[i])]
    if between:
        return False
    line = lines[body_start]
    nxt = next((j for j in range(body_start + 1, min(len(lines), body_start + 6)) if lines[j]), None)
    if nxt is None or not is_prose(lines[nxt]):
        return False
    if parse_dateline(line) is not None or (parse_dateline(lines[nxt]) is None and len(words(line)) > 30):
        return False
    if _REPORTING.search(line):
        # "..., officials said on Monday": the story's first paragraph, not a standfirst.
        return False
    if _dek_shaped(line) and len(re.findall(r"[.!?](?:\s|$)", line)) <= 1:
        found.dek = clean_line(line)
        return True
    return False


def _dek_shaped(line: str) -> bool:
    core = strip_list_mark(line)
    tokens = words(core)
    if not 6 <= len(tokens) <= 60 or len(core) > 400:
        return False
    if has_inline_credit(core) or is_credit(core) or date_line(core) is not None:
        return False
    return lower_ratio(tokens) >= 0.4 or not any(c.isupper() or c.islower() for c in core[:50])


def _credit_shaped(line: str) -> bool:
    """A short credit line under a caption ("Jane Doe | Agency", "The Ministry of X")."""
    tokens = words(line)
    if not 1 <= len(tokens) <= 10 or len(line) > 100:
        return False
    if line.rstrip().endswith((".", "?", "!")) or is_prose(line) or date_line(line) is not None:
        return False
    if parse_byline(line) is not None:
        return False
    return lower_ratio(tokens) < 0.5 or "|" in line or "/" in line


def _strip_caption_label(line: str) -> str:
    return re.sub(r"^(?:media\s*caption|image\s*caption|caption|image\s*copyright)\s*:?\s*", "", line,
                  flags=re.I)


def _strip_title_prefix(caption: str, title: str) -> str:
    if title and caption.startswith(title):
        return caption[len(title) :].strip(" :-–—")
    return caption


def _updated_only(line: str) -> bool:
    return bool(re.match(r"^\W*(?:last\s+)?(?:updated|modified)\b", line, re.I))


def _agency_in_date_line(line: str, found: _Found) -> None:
    """'Reuters November 18, 2019 11:03 PM': the wire named beside the date."""
    dates = find_dates(line)
    if not dates:
        return
    lead = clean_line(line[: dates[0].start]).strip(" |-–—,")
    if lead.lower() in _KNOWN_AGENCIES:
        found.add_source(lead)


def _take_byline(byline: Byline, found: _Found) -> None:
    for name in byline.authors:
        if name not in found.authors and len(found.authors) < 20:
            found.authors.append(name)
    if byline.source:
        found.add_source(byline.source)
    if byline.place and not found.dateline:
        found.dateline = clean_line(byline.place)
    if byline.published and not found.published:
        found.published = byline.published
    for credit in byline.credits:
        found.add_credit(credit)


# --- 4. the body ------------------------------------------------------------------


def _read_body(lines: list[str], start: int, found: _Found) -> int:
    """Collect paragraphs from `start`; return the index where the article ended."""
    if start >= len(lines):
        return len(lines)
    dateline = parse_dateline(lines[start])
    if dateline is not None:
        if dateline.place:
            found.dateline = dateline.place
        if dateline.month_day:
            found.dateline_month_day = dateline.month_day
            if not found.published:
                # "NORTHPORT, March 3, 2025 --": a dateline with its year dates the piece.
                found.published = first_date(dateline.month_day)
        if dateline.agency:
            found.add_source(dateline.agency)
        if dateline.outlet:
            found.add_source(dateline.outlet)
    body = found.body
    pending: str | None = None  # a short line that is a subheading if prose follows
    in_links = False
    furniture = 0
    image_label = False
    i = start
    end = len(lines)
    while i < end:
        line = lines[i]
        i += 1
        if not line:
            continue
        if body and is_end_marker(line):
            _maybe_source_line(line, found)
            return i - 1
        if is_credit(line):
            found.add_credit(line)
            if body and re.match(r"^\W*(?:edited|editing)\b", line, re.I):
                return i
            continue
        inline = _INLINE_LINK.search(line)
        if inline and len(line) <= 300:
            add_link(found.links, inline["title"])
            continue
        if _READ_MORE.match(line):
            if pending:
                add_link(found.links, pending)
                pending = None
            continue
        if link_list_marker(line):
            in_links = True
            pending = None
            continue
        if is_boilerplate(line):
            furniture += 1
            if furniture >= FURNITURE_RUN * 2 and body:
                return i
            image_label = bool(re.match(r"^(?:image|photo|media caption)\W*$", line, re.I))
            continue
        if is_caption_like(line) or image_label:
            image_label = False
            caption, credit = split_caption_credit(_strip_caption_label(line))
            found.add_caption(caption)
            found.add_credit(credit)
            if i < end and lines[i] and _credit_shaped(lines[i]) and not is_prose(lines[i]):
                found.add_credit(lines[i])
                i += 1
            continue
        if _is_author_echo(line, found):
            # The author's name or bio box after the story: the article is over.
            if found.body and _BIO.match(line):
                found.add_credit(line)
                return i
            if len(found.body) >= 3:
                return i
            continue
        if parse_byline(line) is not None and not is_prose(line):
            # A byline inside the text belongs to a teaser or a contributor box.
            continue
        prev_next = _PREV_NEXT.match(line)
        if prev_next:
            add_link(found.links, prev_next["title"])
            continue
        prose = is_prose(line)
        if in_links:
            if not prose and looks_like_link_title(line):
                add_link(found.links, line)
                continue
            in_links = False
        if prose:
            furniture = 0
            if pending:
                body.append(pending)
                pending = None
            body.append(line)
            continue
        # A short line: subheading, bullet, caption without credit, or furniture.
        furniture += 1
        if body and furniture >= FURNITURE_RUN:
            return i - furniture
        tokens = words(line)
        if is_list_item(line) and len(tokens) >= 6:
            body.append(strip_list_mark(line))
            furniture = 0
            continue
        if len(tokens) >= 9 and lower_ratio(tokens) >= 0.4 and not line.rstrip().endswith((".", "?", "!", '"', "”")):
            found.add_caption(line)
            continue
        if (len(tokens) >= 4 and line.rstrip().endswith((".", "?", "!", '"', "”")) and not is_list_item(line)
                and not is_upper_line(line)):
            # A short paragraph ("Shares closed 4% lower.") is text, not a heading.
            if pending:
                body.append(pending)
                pending = None
            body.append(line)
            furniture = 0
        elif 3 <= len(tokens) <= 14 and not is_upper_line(line) and not is_list_item(line):
            pending = line
        else:
            pending = None
    return end


_PREV_NEXT = re.compile(r"^(?:PREVIOUS|NEXT|RELATED|READ MORE|WATCH|LISTEN)\s*:?\s+(?P<title>[A-Z].{8,200})$")


def _is_author_echo(line: str, found: _Found) -> bool:
    """The author's name alone, or a bio opening with it ('Jane Doe is a reporter ...')."""
    if not found.authors or len(line) > 400:
        return False
    folded = line.casefold()
    return any(folded == a.casefold() or (line.startswith(a + " ") and _BIO.match(line))
               for a in found.authors)


def _maybe_source_line(line: str, found: _Found) -> None:
    """A standards or copyright line names the outlet."""
    name = _outlet_from_footer(line)
    if name:
        found.add_source(name)


# --- 5. the tail ------------------------------------------------------------------


def _read_tail(lines: list[str], start: int, found: _Found) -> None:
    in_links = False
    end = min(len(lines), start + TAIL_LINES)
    tail_sources: list[str] = []
    for i in range(start, end):
        line = lines[i]
        if not line:
            continue
        if link_list_marker(line):
            in_links = True
            continue
        if is_credit(line):
            found.add_credit(line)
            continue
        label = _SOURCE_LABEL.match(line)
        if label:
            name = label["name"] or next((lines[j] for j in range(i + 1, min(end, i + 3)) if lines[j]), "")
            if name and len(words(name)) <= 6:
                tail_sources.append(name)
            continue
        name = _outlet_from_footer(line)
        if name:
            tail_sources.append(name)
            year = re.search(r"(?:19|20)\d{2}", line)
            if year:
                found.copyright_years.append(int(year.group(0)))
            in_links = False
            continue
        if in_links:
            if looks_like_link_title(line) and not is_prose(line) and len(found.links) < 40:
                add_link(found.links, line)
                continue
            in_links = False
    for name in tail_sources:
        found.add_source(name)
    # Copyright lines sit in the page footer, past the tail window of a long page.
    if not tail_sources:
        for line in lines[-60:]:
            name = _outlet_from_footer(line) if line else None
            if name:
                found.add_source(name)
                break


def _outlet_from_footer(line: str) -> str | None:
    """'© 2026 The Westerly Times Ltd.' -> 'The Westerly Times'; standards lines likewise."""
    if len(line) > 400:
        return None
    m = _STANDARDS.search(line)
    if m:
        return clean_line(m["name"])
    if not is_copyright(line):
        return None
    text = re.sub(r"(?i)copyright|©|\(c\)|all rights reserved\.?", " ", line)
    text = re.sub(r"\b(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2})?\b,?", " ", text)
    text = re.split(r"\s*[|•]\s*|(?<=[a-z]{2})\.(?=[A-Z\s]|$)|\.\s", text.strip(" -.,"), maxsplit=1)[0]
    text = clean_line(text).strip(" .,;:-–—")
    text = _CORPORATE_SUFFIX.sub("", text).strip(" .,")
    tokens = words(text)
    if not 1 <= len(tokens) <= 7 or (not text[:1].isupper() and not text[:1].isdigit()):
        return None
    if is_upper_line(text) and len(text) > 5:
        text = " ".join(w.capitalize() if len(w) > 3 else w for w in text.split())
    return text


# --- 6. assembling ------------------------------------------------------------------


def _assemble(found: _Found, hints: Extracted | None, text: str) -> Extracted:
    meta = Extracted()
    if hints is not None:
        meta = Extracted.from_dict(hints.to_dict())
    meta.title = clean_line(found.title or meta.title)
    if not meta.dek and found.dek:
        meta.dek = clean_line(found.dek)
    hint_authors = [clean_line(a) for a in meta.authors if _plausible_author(a)]
    meta.authors = hint_authors or [clean_line(a) for a in found.authors]
    meta.credits = _merge(meta.credits, found.credits)
    meta.captions = _merge(meta.captions, found.captions)
    if not meta.links:
        meta.links = [Link(clean_line(link.title), link.url) for link in found.links if clean_line(link.title)]
    hint_source = clean_line(meta.source) if meta.source else ""
    if not found.sources:
        site = _site_line_outlet(text)
        if site:
            found.add_source(site)
    source = hint_source or (found.sources[0] if found.sources else "")
    if source:
        full, short = _expand_source(source, text, found.sources)
        meta.source = full
        meta.source_short = meta.source_short or short
    else:
        meta.source = None
    if not meta.dateline and found.dateline:
        meta.dateline = clean_line(found.dateline)
    meta.published = normalise(meta.published) if meta.published else None
    if not meta.published:
        meta.published = found.published
    if not meta.published and found.dateline_month_day:
        anchor = _anchor_date(found)
        if anchor:
            meta.published = resolve_month_day(found.dateline_month_day, anchor)
    _drop_author_bio(found)
    if not meta.body:
        # Every line came out of split_lines, which ran clean_text over the page:
        # joining them adds only newlines, so a second pass would cost time for nothing.
        meta.body = "\n\n".join(p for p in found.body if p)
    else:
        meta.body = clean_text(meta.body)
    return meta


_BIO = re.compile(r"^\s*(?:\S+\s+){1,4}?(?:is|was|writes|covers|reports|has)\b", re.I)


def _drop_author_bio(found: _Found) -> None:
    """'Jane Doe writes about transport.' closing the body is about the author, not the story."""
    if not found.body or not found.authors:
        return
    last = found.body[-1]
    if len(words(last)) <= 40 and _BIO.match(last) and any(last.startswith(a) for a in found.authors):
        found.body.pop()
        found.add_credit(last)


def _site_line_outlet(text: str) -> str | None:
    """The outlet a page's first line names (a masthead or the head of a breadcrumb)."""
    first = next((line for line in split_lines(text[:2000])[:5] if line), "")
    if not first or len(first) > 120:
        return None
    head = _SITE_LINE_SPLIT.split(first, maxsplit=1)[0].strip()
    tokens = words(head)
    if not 1 <= len(tokens) <= 5 or not _OUTLET_WORD.search(head.title() if head.isupper() else head):
        return None
    if head.isupper():
        head = " ".join(w.capitalize() if len(w) > 3 or w in {"THE", "OF"} else w for w in head.split())
    return head


def _anchor_date(found: _Found) -> dt.date | None:
    """A date the page states elsewhere (a copyright year's last day) to resolve 'March 14'."""
    if found.published:
        return parse_iso_date(found.published)
    if found.copyright_years:
        return dt.date(max(found.copyright_years), 12, 31)
    return None


def _plausible_author(name: str) -> bool:
    """A hint's author is a person's name, not a URL, a handle, an outlet or 'Staff'."""
    name = clean_line(name)
    if not 2 <= len(name) <= 80 or name.lower().startswith(("http", "www.")) or "@" in name:
        return False
    if name.casefold() in _KNOWN_AGENCIES or _OUTLET_WORD.search(name):
        return False
    return len(words(name)) >= 2 or not name.isupper()


def _merge(first: list[str], second: list[str]) -> list[str]:
    out = [clean_line(x) for x in first if clean_line(x)]
    for item in second:
        item = clean_line(item)
        if item and item not in out:
            out.append(item)
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split()
                   if w[:1].isupper() and w.lower() not in {"of", "the", "and", "for"})


def _expand_source(source: str, text: str, candidates: Iterable[str]) -> tuple[str, str | None]:
    """(full name, abbreviation) for an outlet the text names both ways; else (source, None)."""
    source = clean_line(source)
    haystack = text[:EXPANSION_CHARS]
    if re.fullmatch(r"[A-Z][A-Z&]{1,6}", source):
        known = AGENCY_NAMES.get(source)
        if known:
            # A wire's abbreviation is spelled out only the way the wire spells it.
            return (known, source) if known in haystack else (source, None)
        for other in candidates:
            if other != source and _initials(other) == source:
                return clean_line(other), source
        full = _spelled_out(source, haystack)
        return (full, source) if full else (source, None)
    initials = _initials(source)
    if 2 <= len(initials) <= 6 and re.search(rf"\b{re.escape(initials)}\b", haystack):
        return source, initials
    return source, None


def _spelled_out(abbreviation: str, haystack: str) -> str | None:
    """'RFA' -> 'Radio Free Asia' when the text has capitalised words with those initials."""
    letters = [re.escape(c) for c in abbreviation if c.isalpha()]
    if len(letters) < 2:
        return None
    joiner = r"(?:\s+(?:of|the|and|for|&))?\s+"
    pattern = re.compile(r"\b" + joiner.join(rf"{c}[a-z]+" for c in letters) + r"\b")
    counts: dict[str, int] = {}
    for m in pattern.finditer(haystack):
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
        if len(counts) > 50:
            break
    if not counts:
        return None
    return max(counts.items(), key=lambda item: item[1])[0]


# --- enrich -----------------------------------------------------------------------


def enrich(meta: Extracted) -> Extracted:
    """Fill language, word count, entities and quotes from `meta.body`; keep what is set."""
    body = meta.body or ""
    if not meta.language:
        meta.language = detect_language(body or meta.title)
    if not meta.word_count:
        meta.word_count = sum(1 for token in body.split() if any(ch.isalnum() for ch in token))
    need_entities = not (meta.people or meta.organizations or meta.places)
    if need_entities or not meta.quotes:
        # Bounded so a pasted book cannot stall an import; the head names the story's people.
        _add_entities_and_quotes(meta, body[:ENRICH_CHARS], need_entities)
    return meta


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
    if not meta.quotes:
        meta.quotes = find_quotes(body, list(meta.people))
