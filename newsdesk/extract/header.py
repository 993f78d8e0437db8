"""The header zone: from the headline to the first paragraph of the story.

Finds where the body starts, then reads what sits above it: standfirst,
byline, date line, lone place line, photo captions and their credits.
"""

from __future__ import annotations

import re

from newsdesk.extract.boilerplate import is_boilerplate, is_ranked_run, looks_like_link_title
from newsdesk.extract.byline import Byline, parse_byline, parse_name_line, signed_off
from newsdesk.extract.credits import has_inline_credit, is_credit, split_caption_credit
from newsdesk.extract.data.speech import REPORTING_VERBS
from newsdesk.extract.dateline import lone_place, parse_dateline
from newsdesk.extract.dates import (
    date_line,
    find_dates,
)
from newsdesk.extract.found import Found, fold
from newsdesk.extract.headline import (
    is_caption_like,
    staff_line,
    title_shaped,
)
from newsdesk.extract.lines import (
    is_list_item,
    is_prose,
    lower_ratio,
    strip_list_mark,
    words,
)
from newsdesk.extract.links import add_link
from newsdesk.extract.list_headings import link_list_marker, popular_list_marker
from newsdesk.extract.outlet import KNOWN_AGENCIES
from newsdesk.sanitize import clean_line

# "Jane Doe/Agency", "(Jane Doe | Agency)": a picture credit under a caption.
_AGENCY_CREDIT = re.compile(r"^\(?[A-Z][\w. ]{1,40}(?:/|\|)\s*[A-Z][\w. ]{1,40}\)?$")
_PICTURE_CREDIT = re.compile(
    r"^\(?(?:photo(?:graph)?s?|pictures?|images?|illustrations?|credits?|sources?)\b", re.I
)
#: A caption is never longer than this; a paragraph over a "Credits" box is the story's.
CAPTION_CHARS = 500
_ONE_WORD = re.compile(r"^\W*\w+$")
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
_SENTENCE_CLOSE = re.compile(r"[.!?:][\"'”’»]?$")
_UPDATED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified)\b", re.I)

#: A label over summary bullets that belong to the article ("Key points").
SUMMARY_LABEL = re.compile(
    r"^(?:key\s+(?:points|facts|takeaways)|highlights|summary|in\s+brief|at\s+a\s+glance|what\s+we\s+know)\W*$",
    re.I,
)
#: A bare name this few header lines under the story's date line signs it ("21. Januar 2022" /
#: "Jana Berg").
DATED_NAME_LINES = 2
#: A line that names where the story comes from: "Source: dpa", or a press release's "News
#: provided by" over the company that issued it.
SOURCE_LABEL = re.compile(
    r"^(?:(?:source|from)\s*:|(?:news\s+|content\s+)?(?:provided|distributed|issued)\s+by\b:?)"
    r"\s*(?P<name>.*)$",
    re.I,
)
#: The most words of an outlet named on the line under its label.
SOURCE_NAME_WORDS = 6


#: A verb of saying or a time word: a paragraph that reports news, not a standfirst.
_REPORTING = re.compile(
    r"\b(?:"
    + "|".join(sorted(REPORTING_VERBS | {"according to"}, key=len, reverse=True))
    + r"|on (?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)|yesterday|today|last (?:week|night|month)|this (?:week|morning))\b",
    re.I,
)


def _short_name(line: str) -> bool:
    return 1 <= len(words(line)) <= SOURCE_NAME_WORDS and not any(ch.isdigit() for ch in line)


def _skippable(line: str) -> bool:
    return not line or is_boilerplate(line) or is_caption_like(line)


def _lines_under(lines: list[str], i: int) -> tuple[str, str]:
    """The next two lines holding text within five lines of line `i` ("" for none)."""
    following = [lines[j] for j in range(i + 1, min(len(lines), i + 6)) if lines[j]][:2]
    following += ["", ""]
    return following[0], following[1]


def _picture_credit(line: str) -> bool:
    """A picture's credit line ("Photo: ...", "Jane Doe/Agency"), not a box's one-word
    heading ("Credits") over a list of them."""
    if not line or len(line) > 120 or _ONE_WORD.match(line):
        return False
    return bool(_PICTURE_CREDIT.match(line) or _AGENCY_CREDIT.match(line))


def caption_by_next_line(lines: list[str], i: int, *, repeated: bool = True) -> bool:
    """A photo caption: the line right after it is the picture's credit.

    With `repeated`, a line printed twice in a row also counts (galleries show
    a caption under the thumbnail and again in the enlarged view); inside the
    body that is left out, since a story may repeat a line.
    """
    if not repeated and len(lines[i]) > CAPTION_CHARS:
        return False  # the length test below, before the lines under it are looked for
    nxt, after = _lines_under(lines, i)
    if repeated and nxt[:60] == lines[i][:60] and after[:60] != nxt[:60]:
        # Exactly twice (a run of identical lines is text, or junk, not a caption pair).
        return True
    if not nxt or len(nxt) > 120 or len(lines[i]) > CAPTION_CHARS:
        return False
    if _ONE_WORD.match(nxt) and _PICTURE_CREDIT.match(nxt):
        return False  # a box's heading ("Credits") over a list of them, not a credit
    # Only a picture credit makes a caption: "Reporting by ..." under the last
    # paragraph of a story credits the story.
    return _picture_credit(nxt) or (has_inline_credit(nxt) and len(words(nxt)) <= 10)


def _credit_alone_under(lines: list[str], i: int) -> bool:
    """Whether the next line is a picture credit and nothing else ("Credit: X",
    "(Jane Doe / Agency)"), where `caption_by_next_line` also takes a caption that
    ends in its credit ("Rep. Jane Doe. | Alex Roe/Agency")."""
    nxt = _lines_under(lines, i)[0]
    if not nxt or len(nxt) > 120 or _ONE_WORD.match(nxt):
        return False
    if _AGENCY_CREDIT.match(nxt) and not _PICTURE_CREDIT.match(nxt) and parse_byline(nxt):
        return False  # "Por Lucía Ferrer | Huelva": the byline, with the place it was filed from
    return _picture_credit(nxt) or is_credit(nxt)


def found_title_prefix(lines: list[str], head: int) -> str:
    """The headline text, which image alt text repeats at the start of a caption."""
    return lines[head] if 0 <= head < len(lines) and len(lines[head]) >= 20 else "\x00"


def find_body_start(lines: list[str], head: int) -> int:
    """First line of running text after the headline (len(lines) when there is none)."""
    start = head + 1
    limit = min(len(lines), start + 2000)
    first_prose = -1
    in_list = False
    in_summary = False
    for i in range(start, limit):
        line = lines[i]
        if not line:
            continue
        if SUMMARY_LABEL.match(line):
            in_summary = True
            continue
        if in_summary and is_list_item(line) and len(words(line)) >= 6:
            # "Key points" bullets open the article: they are its text, not furniture.
            return i
        if link_list_marker(line):
            in_list = True
            continue
        if in_list:
            # A "Most popular" list between headline and body: skip its headlines (one a line,
            # or run into one line after their ranks).
            if (len(words(line)) < 25 and parse_dateline(line) is None) or is_ranked_run(line):
                continue
            in_list = False
        if not is_prose(line) or _skippable(line) or is_credit(line) or is_list_item(line):
            continue
        if caption_by_next_line(lines, i):
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
        if (
            line
            and not _skippable(line)
            and len(words(line)) >= 4
            and date_line(line) is None
            and parse_byline(line) is None
            and not is_credit(line)
        ):
            return i
    return len(lines)


def read_header(lines: list[str], head: int, body_start: int, found: Found) -> int:
    """Standfirst, byline, date, place, captions and links between headline and body.

    Returns where the body starts, moved past a standfirst that sat right under
    the headline with nothing between.
    """
    zone_start = head + 1 if head >= 0 else 0
    zone_end = min(body_start, zone_start + 120, len(lines))
    content = [i for i in range(zone_start, zone_end) if lines[i]]
    byline: Byline | None = None
    meta_seen = False
    dated_at = -DATED_NAME_LINES - 1
    in_links = False
    keep_links = True
    previous_caption = False
    named: set[int] = set()
    meta_at = -1  # the last byline or date line
    for n, i in enumerate(content):
        line = lines[i]
        following = [lines[j] for j in content[n + 1 : n + 4]]
        if link_list_marker(line):
            in_links = True
            keep_links = not popular_list_marker(line)
            continue
        if is_boilerplate(line):
            continue
        if is_credit(line):
            found.add_credit(line)
            previous_caption = False
            continue
        if is_caption_like(line):
            caption, credit = split_caption_credit(strip_caption_label(line))
            caption = _strip_title_prefix(caption, found.title)
            if caption and len(words(caption)) >= 3:
                found.add_caption(caption)
            found.add_credit(credit)
            previous_caption = True
            continue
        if previous_caption and credit_shaped(line):
            found.add_credit(line)
            previous_caption = False
            continue
        previous_caption = False
        if found.title and fold(line) == fold(found.title):
            # The headline printed again (the page title above, the article's <h1> here).
            continue
        if (
            found.title
            and fold(line).startswith(fold(found.title))
            and len(line) > len(found.title) + 20
        ):
            # An image's alt text repeats the headline, then gives the caption.
            found.add_caption(_strip_title_prefix(line, found.title))
            previous_caption = True
            continue
        if n in named:
            continue  # the outlet a label line above named
        label = SOURCE_LABEL.match(line)
        if label and not label["name"] and following and _short_name(following[0]):
            # "News provided by" / "Brightline Robotics": the issuer, not a byline.
            found.add_source(following[0])
            named.add(n + 1)
            continue
        parsed = (
            None
            if byline
            else (
                parse_byline(line, following)
                or (
                    parse_name_line(line, following, dated=n - dated_at <= DATED_NAME_LINES)
                    if not is_prose(line)
                    else None
                )
            )
        )
        if parsed is not None:
            byline = parsed
            meta_seen = True
            meta_at = i
            _take_byline(parsed, found)
            if not found.dateline and "|" in line:
                # "Por Lucía Ferrer | Huelva": the place the story was filed from.
                found.dateline = lone_place(line.rsplit("|", 1)[1])
            continue
        if staff_line(line):
            meta_seen = True  # a byline that names no one ("Courier staff and wire reports")
            meta_at = i
            continue
        published = date_line(line)
        if published is not None:
            dated_at = n
            meta_at = i
            if (not found.published and not _updated_only(line)) or not found.published:
                found.published = published
            if not found.dateline:
                # "Nairobi, 21 November 2026": the place the story was filed from, then its date.
                found.dateline = _place_before_date(line)
            _agency_in_date_line(line, found)
            meta_seen = True
            in_links = False
            continue
        label = SOURCE_LABEL.match(line)
        if label and label["name"]:
            found.add_source(label["name"])
            continue
        place = lone_place(line) if not found.dateline else None
        if place and (
            meta_seen
            or byline is not None
            # The place line right above the byline: "NAIROBI" / "By Jane Doe".
            or (bool(following) and parse_byline(following[0]) is not None)
        ):
            found.dateline = place
            continue
        if clean_line(line).lower() in KNOWN_AGENCIES and meta_seen:
            # Right under the byline or date it is the story's wire; under a picture
            # ("Enlarge Image", its caption, "AP") it is the picture's credit.
            if n and content[n - 1] == meta_at:
                found.add_source(line)
            else:
                found.add_credit(line)
            continue
        if in_links:
            if looks_like_link_title(line) and not is_prose(line):
                if keep_links:
                    add_link(found.links, line)
                continue
            in_links = False
        if (
            found.dek is None
            and (
                not meta_seen
                # A live page's standfirst under its date line, the story's entries further
                # down ("03/03/2026" / "Councillors are debating ... Follow the latest below.").
                or (byline is None and n == dated_at + 1 and _SENTENCE_CLOSE.search(line))
            )
            and (_dek_shaped(line) or (n == 0 and _short_standfirst(line, following)))
            and parse_dateline(line) is None
        ):
            if _credit_alone_under(lines, i):
                # A picture's credit alone right under it: the lead photo's caption, not
                # a standfirst ("... at State House" / "Credit: HARARE HERALD"). A
                # standfirst over the photo's own caption and credit stays one.
                found.add_caption(_strip_title_prefix(line, found.title))
                previous_caption = True
                continue
            found.dek = clean_line(strip_list_mark(line))
            found.dek_at = i
            continue
        found.header_text.append(i)
    if not found.published and head > 0:
        # The last lines above the headline, past a share bar's one- and two-word buttons
        # ("Share", "› Drucken") set between the date and the headline.
        above = [i for i in range(max(0, head - 12), head) if lines[i] and not _button(lines[i])][
            -4:
        ]
        for i in reversed(above):
            published = date_line(lines[i])
            if published is not None:
                found.published = published
                _agency_in_date_line(lines[i], found)
                break
    if byline is None and not found.authors and head > 0:
        signed = _byline_above(lines, head)
        if signed is not None:
            _take_byline(signed, found)
    if not found.authors and head > 0:
        portrait = _portrait_above(lines, head)
        if portrait:
            found.authors.append(portrait)
    lead = _short_lead(lines, meta_at, body_start, found) if meta_seen else None
    if lead is not None:
        return lead
    if (
        found.dek is None
        and body_start < len(lines)
        and _dek_from_first_paragraph(lines, head, body_start, found, meta_seen)
    ):
        return find_body_start(lines, body_start)
    return body_start


def _short_lead(lines: list[str], meta_at: int, body_start: int, found: Found) -> int | None:
    """Where a story opens with a sentence too short to read as running text ("Police closed
    the quay on Saturday."), right under its byline or date line: that line, which is the
    story's first paragraph, not furniture. Only sentences, each on its way to the body."""
    extra = set(found.header_text)
    start = None
    for i in range(min(body_start, len(lines)) - 1, meta_at, -1):
        if not lines[i]:
            continue
        if i not in extra or not _sentence_shaped(lines[i]):
            return None
        start = i
    if start is not None:
        found.header_text = [i for i in found.header_text if i < start]
    return start


def _sentence_shaped(line: str) -> bool:
    """A sentence of the story: opens with a capital, ends with a stop, mostly small words."""
    core = line.strip()
    tokens = words(core)
    first = next((c for c in core if c.isalnum()), "")
    return (
        len(tokens) >= 4
        and (first.isupper() or first.isdigit())
        and _SENTENCE_CLOSE.search(core) is not None
        and lower_ratio(tokens) >= 0.4
        and not is_boilerplate(core)
    )


#: Lines above the headline that an opinion page's byline may stand in ("Opinion by Jane Doe" /
#: "Contributing columnist" / the date / the headline).
BYLINE_ABOVE_LINES = 4


def _byline_above(lines: list[str], head: int) -> Byline | None:
    """A byline with its lead word right above the headline, only a role or date line between."""
    above = [i for i in range(max(0, head - 12), head) if lines[i]][-BYLINE_ABOVE_LINES:]
    for n in range(len(above) - 1, -1, -1):
        line = lines[above[n]]
        if is_prose(line) or len(line) > 80:
            return None
        parsed = parse_byline(line)
        if parsed is not None and parsed.authors:
            return parsed
    return None


#: An image's mark and the words after it ("[jana-berg-50x50.jpg] Jana Berg").
_IMAGE_THEN_TEXT = re.compile(r"^\[(?P<image>[^\]]{3,120})\]\s*(?P<text>.+)$")
#: Lines after the headline in which a portrait's name must not appear for it to sign the story.
PORTRAIT_STORY_LINES = 300


def _portrait_above(lines: list[str], head: int) -> str | None:
    """The author's portrait and name right above the headline: an image named after the
    person, then the name ("[jana-lowres-50x50.jpg] Jana Berg"), a person the story itself
    does not name (a photo of its subject is captioned with the subject's name)."""
    above = next((lines[i] for i in range(head - 1, max(-1, head - 4), -1) if lines[i]), "")
    m = _IMAGE_THEN_TEXT.match(above)
    name = signed_off(m["text"]) if m else None
    if not m or not name or name.split()[0].casefold() not in m["image"].casefold():
        return None
    story = lines[head + 1 : head + 1 + PORTRAIT_STORY_LINES]
    named = any(name in line and "©" not in line for line in story if line and not is_credit(line))
    return None if named else name  # (a photo credit names the author as photographer)


def _button(line: str) -> bool:
    """A share bar's or a menu's button: furniture, or a word or two with no figure."""
    core = strip_list_mark(line).strip(" ›‹»«>")
    return is_boilerplate(line) or (len(words(core)) <= 2 and not any(c.isdigit() for c in core))


def _dek_from_first_paragraph(
    lines: list[str], head: int, body_start: int, found: Found, meta_seen: bool
) -> bool:
    """'Headline / one-sentence standfirst / body' with nothing between: the first line is the dek."""
    if head < 0 or meta_seen:
        return False
    between = [i for i in range(head + 1, body_start) if lines[i] and not is_boilerplate(lines[i])]
    if between:
        return False
    line = lines[body_start]
    nxt = next(
        (j for j in range(body_start + 1, min(len(lines), body_start + 6)) if lines[j]), None
    )
    if nxt is None or not is_prose(lines[nxt]):
        return False
    if parse_dateline(line) is not None or (
        parse_dateline(lines[nxt]) is None and len(words(line)) > 30
    ):
        return False
    if _REPORTING.search(line):
        # "..., officials said on Monday": the story's first paragraph, not a standfirst.
        return False
    if _dek_shaped(line) and len(_SENTENCE_STOP.findall(line)) <= 1:
        found.dek = clean_line(line)
        found.dek_at = body_start
        return True
    return False


#: A standfirst shorter than this many words is read by its place, not its shape.
SHORT_STANDFIRST_WORDS = 6
#: A handle, an address or a file name inside a line ("j.doe", "@jdoe", "a/b"): no sentence.
_HANDLE = re.compile(r"[^\W\d][./@][^\W\d]|@\w")


def _short_standfirst(line: str, following: list[str]) -> bool:
    """A standfirst of a few words right under the headline, which the byline or date line
    right below signs with it ("Commuters face long detours" / "By ..."): a sentence, not
    a label, a masthead, a place or a picture's text ("Profile picture for user j.doe").
    A longer one is `_dek_shaped`'s to judge."""
    tokens = words(line)
    return (
        bool(following)
        and len(tokens) < SHORT_STANDFIRST_WORDS
        and not _HANDLE.search(line)
        and title_shaped(line)
        and line[:1].isupper()
        and not line.isupper()
        and any(t[:1].islower() and len(t) >= 3 for t in tokens[1:])
        and (parse_byline(following[0]) is not None or date_line(following[0]) is not None)
    )


def _dek_shaped(line: str) -> bool:
    core = strip_list_mark(line)
    tokens = words(core)
    if not 6 <= len(tokens) <= 60 or len(core) > 400:
        return False
    if has_inline_credit(core) or is_credit(core) or date_line(core) is not None:
        return False
    return lower_ratio(tokens) >= 0.4 or not any(c.isupper() or c.islower() for c in core[:50])


def credit_shaped(line: str) -> bool:
    """A short credit line under a caption ("Jane Doe | Agency", "The Ministry of X")."""
    tokens = words(line)
    if not 1 <= len(tokens) <= 10 or len(line) > 100:
        return False
    if line.rstrip().endswith((".", "?", "!")) or is_prose(line) or date_line(line) is not None:
        return False
    if parse_byline(line) is not None:
        return False
    return lower_ratio(tokens) < 0.5 or "|" in line or "/" in line


def strip_caption_label(line: str) -> str:
    return re.sub(
        r"^(?:media\s*caption|image\s*caption|caption|image\s*copyright)\s*:?\s*",
        "",
        line,
        flags=re.I,
    )


def _strip_title_prefix(caption: str, title: str) -> str:
    if title and caption.startswith(title):
        return caption[len(title) :].strip(" :-–—")
    return caption


def _place_before_date(line: str) -> str | None:
    dates = find_dates(line)
    if not dates or dates[0].start < 3:
        return None
    lead = line[: dates[0].start].strip(" ,|-–—:")
    return lone_place(lead) if lead and len(lead) <= 60 else None


def _updated_only(line: str) -> bool:
    return bool(_UPDATED.match(line))


def _agency_in_date_line(line: str, found: Found) -> None:
    """'Reuters November 18, 2019 11:03 PM': the wire named beside the date."""
    dates = find_dates(line)
    if not dates:
        return
    lead = clean_line(line[: dates[0].start]).strip(" |-–—,")
    if lead.lower() in KNOWN_AGENCIES:
        found.add_source(lead)


def _take_byline(byline: Byline, found: Found) -> None:
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
