"""Find the real headline among a page's first lines.

A whole-page copy opens with navigation, section labels and breadcrumbs; the
headline is the title-shaped line that the article's furniture gathers
under: a byline or date line a few lines below, a standfirst right after, the
body's first paragraphs soon after. Each title-shaped line is scored on that
neighbourhood and the best one wins.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsdesk.extract.boilerplate import is_boilerplate, is_copyright
from newsdesk.extract.byline import parse_byline, parse_name_line
from newsdesk.extract.credits import has_inline_credit, is_credit
from newsdesk.extract.dateline import parse_dateline
from newsdesk.extract.dates import date_line
from newsdesk.extract.lines import (
    ends_sentence,
    is_list_item,
    is_prose,
    is_upper_line,
    line_cache,
    lower_ratio,
    words,
)
from newsdesk.extract.list_headings import link_list_marker

#: Below this score nothing on the page reads as a headline (body-only text).
MIN_SCORE = 2.0
_SENTENCE_END = re.compile(r"[a-z0-9)\]”\"'’]\.[\s\"”’']*$")
#: Only this many lines are searched for a headline (bounded work on huge input).
SCAN_LINES = 700
#: A line this many words long under a headline is its standfirst, not another title.
STANDFIRST_WORDS = 15

_BREADCRUMB = re.compile(r"\s(?:»|›|>|/|\\|\|)\s|^\s*(?:home|news)\s*(?:»|›|>|/)", re.IGNORECASE)
_SECTION_WORDS = (
    r"(?:live(?:\s+updates?)?|breaking(?:\s+news)?|opinion|analysis|editorial|exclusive|watch|video|"
    r"podcast|review|explainer|comment|news|world|business|technology|sport|sports|politics|"
    r"latest|update|updated|advertisement|sponsored(?:\s+content)?|in\s+pictures|most\s+read)"
)
_SECTION_LABEL = re.compile(rf"^{_SECTION_WORDS}\b\W*$", re.IGNORECASE)
#: A section's name set before the headline on its line ("Opinion | Edinburgh should ...").
_SECTION_LEAD = re.compile(rf"^{_SECTION_WORDS}\s*\|\s+(?=\S)", re.IGNORECASE)
_SITE_SUFFIX = re.compile(r"\s+[-|–—·•]\s+(?P<site>[^-|–—·•]{2,60})$")


@dataclass
class HeadlineChoice:
    """The chosen headline line and how sure the choice is."""

    index: int
    text: str
    score: float


#: Two or more arrows between words, or a trail that starts at the home page: a slash or a bar
#: alone is not one ("Können Fische Schmerzen spüren / empfinden?" is a headline).
_TRAIL = re.compile(
    r"\s[»›>]\s.*\s[»›>]\s|^\s*(?:home|start(?:seite)?|inicio|accueil)\s*[»›>/|]", re.IGNORECASE
)


#: A field with its label ("Herausgeber: Nordex SE", "Foto: Jana Berg [CC BY-SA 3.0]",
#: "Adresse: Große Straße 1"): never a headline.
_FIELD_LABEL = re.compile(
    r"(?i)^\W*(?:herausgeber|publisher|autor(?:in)?|author|quelle|source|kontakt|contact|datum"
    r"|date|tags?|kategorien?|categories|category|rubrik|ressort|stand|editor|redaktion|éditeur"
    r"|auteur|editorial|fuente|fonte|autore|foto|fotos|photo|photos|bild|bilder|image|credit"
    r"|copyright|adresse|address|homepage|website|telefon|phone|e-?mail|öffnungszeiten)\s*:\s"
)


def labelled_field(line: str) -> bool:
    """A field with its label: a photo credit, the publisher, an address."""
    return _FIELD_LABEL.match(line) is not None


def section_label(line: str) -> bool:
    """'Opinion', 'Live updates', 'Most read': a section's name, never a headline."""
    return bool(_SECTION_LABEL.match(line))


def without_section_lead(line: str) -> str:
    """`line` without a section's name set before it ("Opinion | ")."""
    lead = _SECTION_LEAD.match(line)
    return line[lead.end() :] if lead else line


def staff_line(line: str) -> bool:
    """'Staff and agencies', 'Courier staff and wire reports': a byline that names no one."""
    return _STAFF_LINE.match(line) is not None


def breadcrumb(line: str) -> bool:
    """'Home » Ente Parco » Comunicazione » News': a trail of sections, not a headline."""
    return bool(_TRAIL.search(line))


@line_cache
def title_shaped(line: str) -> bool:
    """Could this line be a headline at all?"""
    if not 10 <= len(line) <= 320 or is_list_item(line):
        return False
    if _SECTION_LEAD.match(line):
        # "Opinion | headline": the headline, under its section's name.
        return title_shaped(without_section_lead(line))
    tokens = words(line)
    if not 3 <= len(tokens) <= 50:
        return False
    if _BREADCRUMB.search(line) or section_label(line) or LINK_TITLES.match(line):
        return False
    if (
        line.startswith(("http://", "https://", "www.", "@", "#", "(", "["))
        and " " not in line[:30]
    ):
        return False
    if is_boilerplate(line) or is_copyright(line) or is_credit(line) or link_list_marker(line):
        return False
    if date_line(line) is not None or _BY_LIKE.match(line) or _STAFF_LINE.match(line):
        return False
    return not (is_upper_line(line) and len(tokens) <= 4)


#: A text browser's list of the page's <link> titles, atop its copy ("#Site » Feed ... alternate").
LINK_TITLES = re.compile(r"^#\S.*\b(?:alternate|Feed|RSS|Atom)\b")
_BY_LIKE = re.compile(r"^(?:by|posted|published|updated|written)\b", re.IGNORECASE)
#: "Staff and agencies", "Courier staff", "Political Editor", "Contributors": a byline
#: that names no one, never a headline.
_STAFF_LINE = re.compile(
    r"^(?i:the\s+|our\s+)?(?:[A-Z][\w.'’&-]*\s+){0,2}?(?i:staff|agencies|wires|newsroom|desk"
    r"|editorial\s+board|(?:staff\s+)?(?:reporters?|writers?|correspondents?|contributors?|editors?))"
    r"(?i:\s+(?:and|&)\s+(?:agencies|wires?|staff|wire\s+services))?(?i:\s+reports?)?\W*$"
)


_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.IGNORECASE)
_OPENING_QUOTES = "«„“‚‘\"'"
_CLOSING_QUOTES = "»“”‘’\"'"


def _reads_as_site(part: str, head: str) -> bool:
    """Could `part`, after the headline's last dash or bar, be a site's name?

    A short part is taken for one ("AOC media", "Rezept von Backen.de", "Teil 49"); a
    subtitle reads as a phrase: it ends a question or closes a quote the headline opened
    ("... – was ist günstiger?", "«Liebe kennt keine Pause – gegen Homophobie in Katar»"),
    or half or more of its three or four words are lower case ("– Danke an die Community").
    """
    if _DOMAIN.fullmatch(part):
        return True
    if part[-1:] in "?!" or (
        part[-1:] in _CLOSING_QUOTES and any(q in head for q in _OPENING_QUOTES)
    ):
        return False
    tokens = [w for w in part.split() if w[:1].isalpha() and not _DOMAIN.fullmatch(w)]
    if len(tokens) <= 2:
        return True  # "AOC media", "Rezept von Backen.de", "Teil 49"
    return sum(1 for w in tokens if w[:1].islower()) * 2 < len(tokens)


def strip_site_suffix(title: str, site_names: set[str] | None = None) -> str:
    """'Headline - BBC News' -> 'Headline' (only a short trailing site part)."""
    m = _SITE_SUFFIX.search(title)
    if not m:
        return title
    site = m["site"].strip()
    if len(words(site)) <= 4 and (
        (site_names and site.lower() in site_names) or _reads_as_site(site, title[: m.start()])
    ):
        head = title[: m.start()].strip()
        if len(words(head)) >= 3:
            return head
    return title


def site_suffix(title: str) -> str | None:
    """'Headline | The Harbour Ledger' -> 'The Harbour Ledger' (what `strip_site_suffix` cuts)."""
    head = strip_site_suffix(title)
    if head == title:
        return None
    return title[len(head) :].strip(" -|–—·•") or None


_CAPTION_START = re.compile(
    r"^(?:media\s*caption|image\s*caption|image\s*copyright|\d{1,3}\s*of\s*\d{1,3}(?=[A-Z])|(?:caption|photo|image)\b)",
    re.IGNORECASE,
)
_INNER_SENTENCE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")


#: A gallery's counter alone ("1 of 6"), or a picture credited at the end of its caption
#: ("Jana Berg Submitted photo", "File photo").
_CAPTION_END = re.compile(
    r"^\d{1,3}\s+of\s+\d{1,3}$"
    r"|\b(?:submitted|file|staff|courtesy|contributed|handout|supplied)\s+(?:photo|image|picture)s?$",
    re.IGNORECASE,
)
#: What every credited caption `_CAPTION_END` finds ends with: a quick test that passes
#: over most lines, where the whole pattern is tried at every word.
_PICTURE_END = re.compile(r"(?:photo|image|picture)s?$", re.IGNORECASE)
_GALLERY_COUNTER = re.compile(r"\d")


def _caption_end_possible(line: str) -> bool:
    """False only where `_CAPTION_END` cannot match: neither a gallery's counter (a digit
    first) nor an ending with a picture word."""
    # The picture word is at the end: searched for there, not tried at every position
    # (it is at most 8 characters, and may stand before a final newline).
    return bool(_GALLERY_COUNTER.match(line) or _PICTURE_END.search(line, max(0, len(line) - 9)))


@line_cache
def is_caption_like(line: str) -> bool:
    """Photo captions and credits sit between headline and byline; never a headline."""
    return (
        bool(
            _CAPTION_START.match(line)
            or (_caption_end_possible(line) and _CAPTION_END.search(line))
        )
        or has_inline_credit(line)
        or is_credit(line)
    )


class _Page:
    """Per-line facts computed once, on demand, for the scanned lines."""

    def __init__(self, lines: list[str], limit: int) -> None:
        self.lines = lines
        self.content = [
            i
            for i in range(min(len(lines), limit + 60))
            if lines[i] and not is_boilerplate(lines[i])
        ]
        self.prose = {i: is_prose(lines[i]) for i in self.content}
        self.caption = {i: is_caption_like(lines[i]) for i in self.content}
        self._date: dict[int, bool] = {}
        self._title: dict[int, bool] = {}
        self._by: dict[int, bool] = {}
        self._tokens: dict[int, int] = {}
        # Content positions where running text starts (a prose line with prose soon after).
        self.runs = [
            n
            for n, i in enumerate(self.content)
            if self.prose[i]
            and not self.caption[i]
            and any(self.prose[j] for j in self.content[n + 1 : n + 5])
        ]

    def n_words(self, i: int) -> int:
        if i not in self._tokens:
            self._tokens[i] = len(words(self.lines[i]))
        return self._tokens[i]

    def title_shaped(self, i: int) -> bool:
        if i not in self._title:
            self._title[i] = not self.caption[i] and title_shaped(self.lines[i])
        return self._title[i]

    def is_date(self, i: int) -> bool:
        if i not in self._date:
            self._date[i] = date_line(self.lines[i]) is not None
        return self._date[i]

    def signed(self, i: int) -> bool:
        """A byline with its lead word ("Opinion by Jane Doe"), however title-like it reads."""
        line = self.lines[i]
        return len(line) <= 80 and parse_byline(line) is not None

    def is_byline(self, n: int) -> bool:
        i = self.content[n]
        if i not in self._by:
            following = [self.lines[j] for j in self.content[n + 1 : n + 4]]
            line = self.lines[i]
            self._by[i] = (
                len(line) <= 200
                and not self.prose[i]
                and (
                    parse_byline(line, following) is not None
                    or parse_name_line(line, following) is not None
                )
            )
        return self._by[i]


def find_headline(lines: list[str], *, stop: int | None = None) -> HeadlineChoice | None:
    """The most headline-like line in the first SCAN_LINES lines, or None."""
    limit = min(len(lines), SCAN_LINES if stop is None else min(stop, SCAN_LINES))
    page = _Page(lines, limit)
    content = page.content
    if not content:
        return None
    first_line = next(line for line in lines if line)
    page_title = strip_site_suffix(first_line)
    best: HeadlineChoice | None = None
    best_n = -1
    prose_since_best = 0
    for n, i in enumerate(content):
        if i >= limit:
            break
        line = lines[i]
        if page.prose[i] and not page.caption[i]:
            prose_since_best += 1
            if best is not None and best.score >= 4.0 and prose_since_best >= 4:
                # The story itself has begun below the best headline: related
                # headlines further down the page are not this page's title.
                break
        if not page.title_shaped(i) or (
            page.prose[i] and (page.n_words(i) > 30 or _SENTENCE_END.search(line))
        ):
            # A paragraph of text ending in a full stop is the story, not its headline.
            continue
        if page.signed(i):
            continue  # "Opinion by Marcus Ellery": a byline over the headline, not one
        if best is not None and (
            (best.score >= 6.0 and n > best_n + 40)
            or (best.score >= MIN_SCORE and n > best_n + 150)
        ):
            # A strong headline is never followed far below by a better one.
            break
        score = _score(page, n) - 0.004 * n
        if page_title != first_line and line == page_title and i != content[0]:
            score += 3.0
        if best is None or score > best.score:
            best = HeadlineChoice(i, line, score)
            best_n = n
            prose_since_best = 0
    if best is None or best.score < MIN_SCORE:
        return None
    return _prefer_line_above(page, best, best_n)


def _prefer_line_above(page: _Page, best: HeadlineChoice, n: int) -> HeadlineChoice:
    """When the winner reads like a standfirst and a title sits above it, take the title.

    Climbs a block of sentence-like lines (a headline over one or several
    standfirst lines) to the one that sits under navigation, a label or a date:
    that is where a headline starts.
    """
    if n == 1 and _typed_header(page, n):
        top = page.content[0]
        return HeadlineChoice(top, page.lines[top], best.score)
    if (
        n >= 2
        and _nav_like(page, page.content[n - 2])
        and page.n_words(best.index) > page.n_words(page.content[n - 1])
        and _typed_header(page, n, n - 1)
    ):
        # The same layout under a masthead and its navigation ("Startseite > Region > Köln"),
        # its standfirst the longer line: a shorter one under a label is the headline
        # ("Meldungen aus dem DWI" / "#RieslingBirthday Posts gewinnen").
        top = page.content[n - 1]
        return HeadlineChoice(top, page.lines[top], best.score)
    tokens = words(best.text)
    if len(tokens) < 8 or lower_ratio(tokens) < 0.5:
        return best
    climbed: list[int] = []
    m = n - 1
    while m >= 0 and len(climbed) < 4:
        i = page.content[m]
        line = page.lines[i]
        if page.n_words(i) <= 2 or page.caption[i]:
            m -= 1
            continue
        if not _title_above(page, i):
            if (
                m == n - 1
                and _short_title_above(page, i, tokens)
                and (m == 0 or _nav_like(page, page.content[m - 1]))
            ):
                # "Stadtwerke erhöhen Preise kräftig" over a long standfirst.
                return HeadlineChoice(i, line, best.score)
            break
        climbed.append(m)
        if m == 0 or _nav_like(page, page.content[m - 1]):
            return HeadlineChoice(i, line, best.score)
        m -= 1
    if climbed:
        i = page.content[climbed[0]]
        return HeadlineChoice(i, page.lines[i], best.score)
    return best


def _typed_header(page: _Page, n: int, above: int = 0) -> bool:
    """A story typed as headline / standfirst / byline: the text's first line, headline-
    shaped, over the winner, which a byline or date line signs right below.

    Only the layout tells which of the two is the headline when the standfirst is as
    short as it ("Harbour bridge closes for repairs" / "Commuters face long detours"), and
    that layout puts the headline first. A masthead or a label ("The Harbour Gazette",
    "La Voce di Bergamo", "Series: subject") is no headline. `above`: the line over the
    winner that would be the headline (the text's first, unless navigation stands over it).
    """
    top = page.content[above]
    line = page.lines[top].rstrip()
    tokens = words(line)
    if (
        not page.title_shaped(top)
        or is_upper_line(line)
        or not 3 <= len(tokens) <= STANDFIRST_WORDS
        or ":" in line
        or line.endswith(".")
        # A headline opens with a capital: "is sponsored by" is a sentence's broken end.
        or next((c for c in line if c.isalnum()), "a").islower()
        # A sentence: a content word in lower case, which a masthead ("La Voce di Bergamo")
        # or a label has not.
        or not any(t[:1].islower() and len(t) >= 3 for t in tokens[1:])
        or strip_site_suffix(line) != line
    ):
        return False
    below = next(
        (m for m in range(n + 1, len(page.content)) if not page.caption[page.content[m]]), None
    )
    return below is not None and (page.is_byline(below) or page.is_date(page.content[below]))


def _title_above(page: _Page, i: int) -> bool:
    line = page.lines[i]
    return (
        page.title_shaped(i)
        and not is_upper_line(line)
        and page.n_words(i) >= 7
        and not (page.prose[i] and _SENTENCE_END.search(line))
    )


def _short_title_above(page: _Page, i: int, winner: list[str]) -> bool:
    """A short headline right above a longer standfirst ("Harbour toll rise approved" /
    "Boat owners face third increase in four years" / the byline, which signs the pair).

    It must read as a sentence (a lowercase verb or noun among its words), not
    a Title Case label or a "Series: subject" kicker, sit right above the
    standfirst, and sit under navigation or at the top, not inside a list of
    other headlines.
    """
    line = page.lines[i]
    n_words = page.n_words(i)
    return (
        3 <= n_words < 7
        and len(winner) >= max(6, n_words + 2)
        and page.title_shaped(i)
        and not is_upper_line(line)
        and not page.prose[i]
        and ":" not in line
        and not line.rstrip().endswith(".")
        and max(len(t) for t in words(line)) <= 20
        # A content word in lower case ("rise", "approved"), not a button's "in" ("Sign in"),
        # after a capital: "is sponsored by" is a sentence's broken end.
        and any(t[:1].islower() and len(t) >= 3 for t in words(line)[1:])
        and not next((c for c in line if c.isalnum()), "a").islower()
    )


def _nav_like(page: _Page, i: int) -> bool:
    """Navigation, a label or a date line: what sits right above a headline."""
    line = page.lines[i]
    return is_list_item(line) or page.n_words(i) <= 3 or page.is_date(i)


def _score(page: _Page, n: int) -> float:
    lines, content, prose = page.lines, page.content, page.prose
    i = content[n]
    line = lines[i]
    tokens = words(line)
    score = 0.0
    if 5 <= len(tokens) <= 40:
        score += 1.0
    if is_upper_line(line):
        score -= 1.5
    elif len(tokens) <= 4 and all(t[:1].isupper() for t in tokens):
        # "Polaris Wire Service", "Science And Tech": names and labels, not headlines.
        score -= 1.5
    if line.rstrip().endswith(".") and not line.rstrip().endswith("..."):
        score -= 1.5
    if _INNER_SENTENCE.search(line):
        score -= 1.0
    if prose[i]:
        score -= 1.0
    after = list(range(n + 1, min(len(content), n + 10)))
    # A byline or date line below belongs to the nearest title above it: a
    # short masthead or kicker further up, with the headline between, earns less.
    short = len(tokens) <= 5

    def below(lines: Sequence[int], found: Callable[[int, int], bool]) -> tuple[int, bool] | None:
        """(distance, a title-shaped line in between) to the first line `found` accepts."""
        dist = 0
        passed_title = False
        for m in lines:
            j = content[m]
            if page.caption[j]:
                continue
            dist += 1
            if prose[j] and dist > 1:
                return None
            if found(m, j):
                return dist, passed_title
            passed_title = passed_title or (
                page.title_shaped(j)
                and (
                    short
                    # A title as long between this line and the byline, not a standfirst (a
                    # sentence, or longer than a headline runs), is the one the byline signs.
                    or (
                        len(tokens) <= page.n_words(j) < STANDFIRST_WORDS
                        and not page.lines[j].rstrip().endswith(".")
                    )
                )
            )
        return None

    byline = below(after, lambda m, j: page.is_byline(m))
    if byline is not None:
        dist, passed_title = byline
        score += 1.0 if passed_title else max(1.5, 4.0 - 0.35 * dist)
    dated = below(after[:8], lambda m, j: page.is_date(j))
    if dated is not None:
        dist, passed_title = dated
        score += 0.5 if passed_title else max(1.0, 2.5 - 0.25 * dist)
    following = next(
        (
            content[m]
            for m in after
            if page.n_words(content[m]) > 2 and not page.caption[content[m]]
        ),
        None,
    )
    if following is not None:
        nxt = lines[following]
        nxt_tokens = words(nxt)
        if 6 <= len(nxt_tokens) <= 60 and lower_ratio(nxt_tokens) > 0.45:
            score += 1.0
        if page.title_shaped(following) and len(nxt_tokens) < 8 and not prose[following]:
            # The next line is another short title: we are in a list of links.
            score -= 0.5
    k = bisect.bisect_right(page.runs, n)
    body_near = page.runs[k] - n if k < len(page.runs) and page.runs[k] - n < 40 else None
    if body_near is not None:
        score += 2.0 if body_near <= 15 else 1.0
    else:
        score -= 1.0
    if n == 0:
        score += 0.5
    else:
        prev = lines[content[n - 1]]
        if is_list_item(prev) or page.n_words(content[n - 1]) <= 3 or page.is_date(content[n - 1]):
            score += 0.5
    if ends_sentence(line) and not line.rstrip().endswith(("?", "!", "'", "’", '"', "”")):
        score -= 0.5
    return score


#: The longest first line a text without a headline gives whole as its headline; a longer
#: one is the story's lead paragraph, and the headline is made from its first sentence.
LEAD_TITLE_CHARS = 120
#: The length a headline made from a lead is cut to, at a clause or a word.
LEAD_HEADLINE_CHARS = 120


def headline_from_lead(line: str) -> str | None:
    """A headline for a story that has none, made from its lead paragraph (wire copy that
    opens "HARBOUR CITY, March 3 (Agency) - Port authorities closed ..."): the first sentence
    past the dateline, cut at a clause or word. None when `line` is short enough to be a
    headline itself and opens with no dateline."""
    dateline = parse_dateline(line)
    if dateline is None and len(line) <= LEAD_TITLE_CHARS:
        return None
    text = line[dateline.text_start :] if dateline is not None else line
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.strip(), maxsplit=1)[0]
    sentence = sentence.strip()
    if len(sentence) <= LEAD_HEADLINE_CHARS:
        return sentence or None  # whole, as a feed item's first sentence is (`truncate_title`)
    head = sentence[:LEAD_HEADLINE_CHARS]
    comma = head.rfind(",")
    if comma >= LEAD_HEADLINE_CHARS // 2:
        return head[:comma]
    return head[: head.rfind(" ")].rstrip(" ,;:-–—") + "…"
