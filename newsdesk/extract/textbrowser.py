"""Text-browser copies of a page (lynx, w3m, links `-dump`): their layout says what is a heading.

A text browser prints headings flush left (the main one, <h1>, often centred on
its wide line) and indents every paragraph, list and form control, and it marks
what it cannot show: `(BUTTON)`, `[ ]` check boxes, `____` input fields,
`IFRAME: url`, `[IMG]`. Those marks are page furniture, and the flush-left and
centred lines are the page's headings: the headline is the heading with the
most running text after it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import accumulate, takewhile
from typing import NamedTuple

from newsdesk.extract.boilerplate import is_boilerplate
from newsdesk.extract.byline import name_then_date, parse_byline
from newsdesk.extract.copy_header import DATE_LINE_CHARS
from newsdesk.extract.dates import date_line, find_dates
from newsdesk.extract.feed_links import feed_link_title as feed_link_title
from newsdesk.extract.feed_links import link_site_names
from newsdesk.extract.headline import (
    LINK_TITLES,
    breadcrumb,
    is_caption_like,
    labelled_field,
    section_label,
    title_shaped,
)
from newsdesk.extract.lines import NUMBERED_HEADING, strip_list_mark
from newsdesk.extract.lines import repeated_phrase as _repeated
from newsdesk.extract.link_marks import without_references
from newsdesk.extract.list_headings import link_list_marker
from newsdesk.extract.menu_label import is_menu_label

#: Share of non-blank lines indented that makes a copy a text-browser dump.
INDENTED_SHARE = 0.6
#: Non-blank lines after a heading whose running text counts towards it.
HEADING_WINDOW = 40
#: An indented line this long is running text.
PARAGRAPH_CHARS = 60
#: A heading whose own text is only lines shorter than this is a box (a newsletter sign-up,
#: a promotion), not the story's headline.
BOX_CHARS = 80
#: A heading with at least this share of the most text under any heading can be the headline:
#: the first such is, since a story's sub-headings come after it.
HEADLINE_SHARE = 0.5
#: A heading a byline or date line signs needs only this share of the most text.
SIGNED_SHARE = 0.3
#: Non-blank lines under a heading where a byline or date line marks it as a story's headline.
SIGNED_LINES = 4
#: Lines looked at to tell a dump (a real one is a few hundred).
SAMPLE_LINES = 400
#: Lines looked at when the sample is indented throughout (a long site menu).
WHOLE_LINES = 5000
#: Form or frame marks that make a copy indented throughout a dump.
MARKS_WHEN_ALL_INDENTED = 2
#: A text browser centres a page's main heading (<h1>) on its very wide line: indented this
#: far, a line is centred, not a paragraph, a list or a form control.
CENTRED_INDENT = 200

_MARK_LINE = re.compile(
    r"^\s*(?:\(BUTTON\)|\[BUTTON[^\]]*\]|IFRAME:|\[(?:IMG|INLINE|EMBED|javascript)\]|\[[ Xx]?\](?=\s|$))"
)
_FIELD = re.compile(r"_{4,}")
_SENTENCE = re.compile(r"\w[.!]$")
_NOT_HEADING_START = ("#", "[", "IFRAME", "(BUTTON)", "*", "+", "-", "|", "=")


_LEGAL_FORM = re.compile(
    r"\s(?:e\.\s?V\.|gGmbH|GmbH|mbH|Ltd\.|Inc\.|LLC|S\.A\.|S\.p\.A\.)(?=\s|,|$)"
)


#: Two to four capitalised words or compounds in a comma list, and nothing else.
_CATEGORIES = re.compile(r"[A-ZÄÖÜ][\w-]*(?:,\s+[A-ZÄÖÜ][\w-]*){1,3}")


#: A pronoun says it: the quote's speaker is named elsewhere, in the story (a headline names him).
_PULL_QUOTE = re.compile(
    r"(?i)^(?:er|sie|he|she|il|elle|él|ella|ele|ela|lui|lei)\s+"
    r"(?:sagt|sagte|says|said|dit|dice|dijo|afirma|diz|disse|erklärt|meint)\s*:\s*[„\"“«‚']"
)


def is_text_browser_copy(text: str) -> bool:
    """Most lines indented, a few flush left: a text browser's dump of a page.

    A site menu can fill the first few hundred lines with indented entries: then
    the rest of the copy is looked at too. A copy indented throughout (a page
    without headings) is a dump when it carries a text browser's form marks.
    """
    lines = [line for line in text.split("\n", SAMPLE_LINES)[:SAMPLE_LINES] if line.strip()]
    if len(lines) < 8:
        # A short page: the feed links a text browser prints first say what it is.
        return (
            bool(lines)
            and lines[0].startswith("   ")
            and LINK_TITLES.match(lines[0].strip()) is not None
            and any(not line.startswith(" ") for line in lines)
        )
    indented = sum(1 for line in lines if line.startswith("   "))
    if indented == len(lines):
        lines = [line for line in text.split("\n", WHOLE_LINES)[:WHOLE_LINES] if line.strip()]
        indented = sum(1 for line in lines if line.startswith("   "))
        if indented == len(lines):
            return sum(1 for line in lines if _MARK_LINE.match(line)) >= MARKS_WHEN_ALL_INDENTED
    return INDENTED_SHARE * len(lines) <= indented < len(lines)


def without_marks(text: str) -> str:
    """The dump without the lines that are only a form control or a frame, and without
    lynx's link numbers (`without_references`)."""
    text = without_references(text)
    kept = []
    for line in text.split("\n"):
        if _MARK_LINE.match(line) or (_FIELD.search(line) and len(line.strip()) < 120):
            kept.append("")
            continue
        kept.append(line)
    return "\n".join(kept)


def dump_headline(text: str, labels: frozenset[str] = frozenset()) -> str | None:
    """The first flush-left heading with much running text after it, or None.

    A heading that is a label ("Share:"), one word, a link line or a related-list
    marker is not a headline. A sidebar's heading has little text under it; a
    sub-heading inside the story may have more than the headline, but comes
    after it. Of the headings with much text, one with a byline or date line
    beside it (the story's header) wins over an earlier one without. `labels`: a form's
    prompts (`field_labels`), never a headline.
    """
    lines = [(line, _heading_line(line)) for line in text.split("\n") if line.strip()]
    sites = link_site_names(text)
    named = _named_by_breadcrumb(lines)
    if named:
        return named
    answers: dict[str, bool] = {}  # `_signed`'s answers, line by line
    # A name or label of a few words printed as a heading three times or more is a forum
    # poster's name over each reply, or a box's label, not the story's headline.
    times = Counter(line.strip() for line, flush in lines if flush)
    # Teasers cut to a length ("Capuchinos invitan a bendición anual de v..."): where three
    # or more headings end so, none of them is the story's.
    cut = sum(1 for heading in times.elements() if heading.endswith(("...", "…"))) >= 3
    # A listicle's numbered sub-headings ("1. Neil Patrick Harris", "2. ..."): three or more
    # say none of them is the headline over them.
    numbered = sum(1 for heading in times.elements() if NUMBERED_HEADING.match(heading)) >= 3
    sums, own_most = _running_text(lines)
    # Characters of running text under each flush-left line, in page order.
    window = {
        k: sums[min(k + 1 + HEADING_WINDOW, len(lines))] - sums[k + 1]
        for k, (_, flush) in enumerate(lines)
        if flush
    }
    found: dict[int, _Heading | None] = {}

    def candidate(k: int) -> _Heading | None:
        """The heading at line `k` when it may be the headline, None when it may not."""
        if k in found:
            return found[k]
        found[k] = None
        line = lines[k][0]
        heading = line.strip()
        # The story's date run into its headline ("27.01.2022MineralölINFO November 2021"): the
        # headline, signed by its date.
        dated = _after_date(heading)
        heading = dated or heading
        if (
            (times[heading] >= 3 and len(heading.split()) <= 3)
            or heading in labels
            or (cut and heading.endswith(("...", "…")))
            or (numbered and NUMBERED_HEADING.match(heading) is not None)
            # A field with its label ("Herausgeber: Nordex SE", "Autor: Jana Berg").
            or labelled_field(heading)
            or not 3 <= len(heading) <= 250
            or heading.startswith(_NOT_HEADING_START)
            or heading.endswith(":")
            or len(heading.split()) < 2
            or link_list_marker(heading)
            or is_boilerplate(heading)
            or (len(heading.split()) <= 4 and _UI_LABEL.search(heading))
            or (len(heading.split()) <= 6 and _UI_LABEL.match(heading))
            or _COOKIE_NOTICE.search(heading)
            # A breadcrumb ("Home » Park » News") or a photo's caption or credit.
            or breadcrumb(heading)
            # A menu's label over its sections ("Sections" over "* World", "* Sport").
            or is_menu_label(lines, k)
            or is_caption_like(heading)
            # A blog's date header ("Samstag, 9. September 2017") over its posts.
            or date_line(heading) is not None
            # An image's text, printed again and again on one line.
            or _repeated(heading)
            # An organisation's name with its legal form ("ProNATs e.V. Verein zur ...",
            # "DITIB ... e.V."): the site's masthead.
            or _LEGAL_FORM.search(heading) is not None
            # A section's label, an icon's letter before it at most ("O Opinion"), or a post's
            # categories ("Audio-Ratgeber, Entertainment").
            or section_label(re.sub(r"^\w\s+", "", heading))
            or _CATEGORIES.fullmatch(heading) is not None
            # A pull quote set as a heading ('Er sagt: „Die Altenpflege ist kein Hotspot“').
            or _PULL_QUOTE.match(heading) is not None
            # The site's masthead, which its feeds are named after.
            or any(
                heading.casefold() == site or heading.casefold().startswith(site + " ")
                for site in sites
            )
        ):
            return None
        own = own_most[k]
        if own and own < BOX_CHARS and not line.startswith(" "):
            # A box (a sign-up, a promotion); a centred heading is the page's main one.
            return None
        found[k] = _Heading(heading, window[k], k, bool(dated), bool(own))
        return found[k]

    # The tests above are most of the cost, and most headings are over little text: they are
    # asked first of the headings over the most text, then of those over enough to be chosen
    # (`SIGNED_SHARE` of the most), in page order; the others only where they end a header.
    most = next(
        (window[k] for k in sorted(window, key=window.__getitem__, reverse=True) if candidate(k)),
        0,
    )
    if not most:
        return None
    least = min(SIGNED_SHARE, HEADLINE_SHARE) * most
    candidates = [h for k, chars in window.items() if chars >= least and (h := candidate(k))]
    # Only up to the heading over the most text: signed headings after the story are teasers.
    top = next(n for n, c in enumerate(candidates) if c.chars == most)
    able = [c for c in candidates[: top + 1] if c.chars >= HEADLINE_SHARE * most]
    if not any(c.text_of_its_own for c in able):
        # Headings over the same text with no paragraph between them (a label, a section
        # name, then the headline) are one header: the one a byline or date signs is the
        # headline. A sentence there is the standfirst, set as a heading, and a line that
        # opens with a date is the header's date line.
        after = (candidate(k) for k in window if k > candidates[top].k)
        for c in (c for c in after if c is not None):
            if c.chars != most or _SENTENCE.search(c.heading) or _opens_with_date(c.heading):
                break
            able.append(c)

    # Signatures and echoes are looked up for the few headings that can win, not for all.
    @cache
    def is_signed(c: _Heading) -> bool:
        return c.dated or _signed(lines, c.k, answers)

    # The heading the page names above it (its breadcrumb's last entry) is the page's,
    # over a section label that the header's byline happens to sign as well.
    signed = next((c for c in able if _echoed(lines, c.k, c.heading)), None) or next(
        (c for c in able if is_signed(c)), None
    )
    if signed is None:
        # No heading over much text is signed: a signed one over less text before the
        # most is the story's (a promotion or a quote box above it took more lines).
        signed = next(
            (c for c in candidates[: top + 1] if c.chars >= SIGNED_SHARE * most and is_signed(c)),
            None,
        )
    chosen = _undoubled((signed or able[0]).heading)
    # A heading that ends by quoting another ("Kundenbewertungen für „Trixie Kleintierstall“",
    # "3 Kommentare zu „…“") is a box about the story: the quoted heading is the headline.
    quoted = _QUOTED_END.search(chosen)
    if quoted and any(flush and line.strip() == quoted["title"] for line, flush in lines):
        return quoted["title"]
    return chosen


#: A paragraph under a signed heading this long shows the story has begun.
SIGNED_STORY_CHARS = 200


def signed_heading(text: str) -> str | None:
    """The first line of a copy that reads as a story's header, wherever it sits: a
    headline, a byline or date line under it, then a long paragraph ("Atendimento Domiciliar
    registra arrombamento em veículos" / "05/10/2018 - Publicado por: Clarissa Borba" / the
    story). For a dump with no heading set flush left, its story after a long site menu."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for k in range(len(lines) - 2):
        head, sign, first = lines[k], lines[k + 1], lines[k + 2]
        if len(first) < SIGNED_STORY_CHARS or not title_shaped(head) or head.endswith("."):
            continue
        if len(sign) <= DATE_LINE_CHARS * 2 and (
            date_line(sign) is not None or parse_byline(sign) is not None
        ):
            return head
    return None


def _undoubled(heading: str) -> str:
    """'Wurmkiste Wurmkiste selber bauen' -> 'Wurmkiste selber bauen': an image's text run
    into the headline that begins with the same words (two or more words must follow)."""
    words = heading.split()
    for n in range(1, 4):
        if len(words) >= 2 * n + 2 and words[:n] == words[n : 2 * n]:
            return " ".join(words[n:])
    return heading


def _after_date(heading: str) -> str | None:
    """The words of a heading after the date it opens with, when they are a title (three
    words or more); None otherwise."""
    dates = find_dates(heading[:DATE_LINE_CHARS])
    if not dates or dates[0].start != 0:
        return None
    rest = heading[dates[0].end :].strip(" |-–—:·•,")
    if "..." in rest or "…" in rest:
        return None  # a show's name with its placeholder, a teaser cut short
    return rest if len(rest.split()) >= 3 and title_shaped(rest) else None


def _opens_with_date(line: str) -> bool:
    dates = find_dates(line[:DATE_LINE_CHARS])
    return bool(dates) and dates[0].start == 0


_QUOTED_END = re.compile(r"\s[\"„“«»‚‘'](?P<title>[^\"„“”«»]{3,250}?)[\"“”«»‘’']\W*$")


class _Heading(NamedTuple):
    """A flush-left line that may be the headline, and what stands around it."""

    heading: str
    #: Characters of running text in the lines after it.
    chars: int
    #: Its index in the page's lines, where `_signed` and `_echoed` look around it.
    k: int
    #: It opens with the story's date, which signs it.
    dated: bool
    #: Running text of its own before the next heading.
    text_of_its_own: bool


#: A site's controls as a short heading: never the headline ("Navigation schliessen",
#: "Cookie Hinweis", "Häufig gesucht", "INICIAR SESIÓN", "Newsletter abonnieren").
_UI_LABEL = re.compile(
    r"(?i)\b(?:\w*navigation|navigieren|men[uü]|cookies?|suche|gesucht|search|buscar|rechercher"
    r"|log\s?in|sign\s?in|anmelden|einloggen|iniciar\s+sesi[oó]n|se\s+connecter|accedi"
    r"|subscribe|abonnieren|suscr[ií]bete|s'abonner|newsletter|teilen|compartir|partager"
    r"|in\s+this\s+section|in\s+diesem\s+(?:bereich|ratgeber)|switcher|registrieren|register"
    r"|registrarse|s'inscrire|social\s+media|sozialen\s+medien|redes\s+sociales|r[ée]seaux\s+sociaux"
    r"|weitere\s+informationen|mehr\s+zum\s+thema|lesen\s+sie\s+auch|auch\s+interessant"
    r"|read\s+more|related\s+(?:articles|stories|posts)|suchbegriff"
    # A box's label: key points, more on the topic, the author's box, events, a photo upload.
    r"|das\s+wichtigste|in\s+k[üu]rze|auf\s+einen\s+blick|key\s+points|at\s+a\s+glance|en\s+bref"
    r"|weitere\s+inhalte|zur\s+person|m[aá]s\s+sobre|enviar\s+fotos|upcoming\s+events"
    r"|kommende\s+(?:events|termine|veranstaltungen)"
    # A list of the site's news ("Meldungen der EKIBA", "Pressemitteilungen der ...").
    r"|(?:aktuelle\s+|weitere\s+|neueste\s+)?(?:meldungen|pressemitteilungen)"
    # A comment form's heading.
    r"|post\s+a\s+comment|leave\s+a\s+(?:comment|reply)|kommentar\s+(?:schreiben|verfassen)"
    r"|schreibe\s+einen\s+kommentar|laisser\s+un\s+commentaire|deja\s+un\s+comentario)\b"
)


#: A cookie notice's heading ("Wir verwenden Cookies", "Hinweis zur Verwendung von Cookies",
#: "This site uses cookies", "Nous utilisons des cookies", "Utilizamos cookies").
_COOKIE_NOTICE = re.compile(
    r"(?i)\b(?:verwende[nt]?|verwendung\s+von|nutz(?:en|t)|uses?|using|utilis\w*|utiliz\w*"
    r"|usa(?:mos)?|usiamo)\s+(?:\w+\s+){0,2}cookies\b"
)


def _heading_line(line: str) -> bool:
    """A heading's line: flush left, or centred (how a text browser prints the main heading)."""
    return bool(line[:1].strip()) or line.startswith(_CENTRED)


_CENTRED = " " * CENTRED_INDENT  # built once: `_heading_line` asks it of every line of a dump


def _signed(lines: list[tuple[str, bool]], k: int, seen: dict[str, bool]) -> bool:
    """A byline or a date line among the few lines next to heading `k`: a story's header.
    `seen` keeps each line's answer for the page's other headings, whose lines overlap."""
    after = lines[k + 1 : k + 1 + SIGNED_LINES]
    for line in [line.strip() for line, _ in (*after, *lines[max(0, k - 2) : k])]:
        if line not in seen:
            short = len(line) <= DATE_LINE_CHARS
            seen[line] = short and (date_line(line) is not None or parse_byline(line) is not None)
        if seen[line]:
            return True
    # "Jane Doe | lundi 9 décembre 2019 à 09h08": a name signed with the date, under this
    # heading (before the next one, whose byline it would be).
    own = takewhile(lambda entry: not entry[1], after)
    return any(
        len(line.strip()) <= DATE_LINE_CHARS and name_then_date(strip_list_mark(line)) is not None
        for line, _ in own
    )


#: Lines above a heading where the page names itself: its breadcrumb, its lead image.
ECHO_LINES = 6


def _echoed(lines: list[tuple[str, bool]], k: int, heading: str) -> bool:
    """The page names heading `k` just above it: as the last entry of its breadcrumb
    ("4. 15. Zukunftsforum Ländliche Entwicklung" over that heading) or as its lead
    image's text, which a text browser prints again and again on one line."""
    for i in range(max(0, k - ECHO_LINES), k):
        entry = lines[i][0].strip().lstrip("*+#-• ")
        number, _, rest = entry.partition(" ")
        if _LIST_NUMBER.fullmatch(number) and rest == heading:
            # The breadcrumb's last entry (the next line is no indented entry of its
            # list): the page itself, not a section on the way to it.
            following, flush = lines[i + 1]
            return flush or not _LIST_NUMBER.fullmatch(following.strip().partition(" ")[0])
        if entry.count(heading) >= 2 and not entry.replace(heading, "").strip(" |·,.-"):
            return True
    return False


#: Lines down a copy where its breadcrumb is looked for; lines under it where a date or byline
#: signs the heading it names.
CRUMB_LINES = 400
CRUMB_SIGNED_LINES = 8


def _named_by_breadcrumb(lines: list[tuple[str, bool]]) -> str | None:
    """The heading the breadcrumb's last entry names, printed again just under it, flush or
    indented, alone or after a kicker ("Neues Auto: <entry>"), with a date or byline below
    (a cut entry that a longer line completes needs no signature)."""
    for i in range(min(len(lines), CRUMB_LINES) - 1):
        number, _, entry = lines[i][0].strip().partition(" ")
        if not _LIST_NUMBER.fullmatch(number) or len(entry.split()) < 3:
            continue
        if _LIST_NUMBER.fullmatch(lines[i + 1][0].strip().partition(" ")[0]):
            continue  # not the trail's last entry
        # A long entry the trail cuts short ("3. «Wir waren fast 40 Tage in...") names the
        # heading that starts with it.
        cut = entry.endswith(("...", "…")) and entry.rstrip(".… ")
        for j in range(i + 1, min(len(lines), i + 1 + ECHO_LINES)):
            line = lines[j][0].strip()
            if cut and len(cut.split()) >= 3 and cut in line:
                named = line[line.index(cut) :]
            elif line == entry or line.endswith(": " + entry):
                named = entry
            else:
                continue
            under = [line.strip() for line, _ in lines[j + 1 : j + 1 + CRUMB_SIGNED_LINES]]
            if named != entry or any(
                len(line) <= DATE_LINE_CHARS
                and (date_line(line) is not None or parse_byline(line) is not None)
                for line in under
            ):
                return named
    return None


def _running_text(lines: list[tuple[str, bool]]) -> tuple[list[int], list[int]]:
    """Running sums of the characters of running text line by line (0 for a heading's line),
    and for each line the longest running line between it and the next heading (0 when none).

    Worked out once a page: every heading's window and section read them, not the lines.
    """
    sizes = [0 if flush or not _running(s := line.strip()) else len(s) for line, flush in lines]
    own_most = [0] * len(lines)
    most = 0
    for i in range(len(lines) - 1, -1, -1):
        own_most[i] = most
        most = 0 if lines[i][1] else max(most, sizes[i])
    return list(accumulate(sizes, initial=0)), own_most


def _running(text: str) -> bool:
    """A line of running text, not a list entry or an image's text said over and over."""
    return len(text) >= PARAGRAPH_CHARS and not text.startswith(("*", "+")) and not _repeated(text)


#: Words a headline keeps when a kicker is cut from its front.
HEADLINE_WORDS = 3


def without_kicker(text: str, heading: str) -> str:
    """`heading` without a kicker run into its front, when the page prints the rest alone.

    A text browser prints a kicker and the headline on one line ("Holocaust-Gedenktag
    Erinnerung an die Opfer der NS-Verbrechen"); the breadcrumb that repeats the
    headline gives it alone ("5. Erinnerung an die Opfer der NS-Verbrechen"), and a
    link or comment box sets the kicker apart from it ("Grenzschließungen: Deutschland,
    Frankreich ..."). Other lines that end with the same words (a sentence, another
    story's title) say nothing. The longest such tail wins.
    """
    tokens = heading.split()
    if len(tokens) <= HEADLINE_WORDS:
        return heading
    # The heading itself first: a line that repeats it whole shows no kicker.
    tails = [" ".join(tokens[n:]) for n in range(len(tokens) - HEADLINE_WORDS + 1)]
    folded = [tail.casefold() for tail in tails]
    best = heading
    for line in text.split("\n"):
        line = line.strip().casefold().rstrip(" \"'”“»«)")
        if len(line) < 15 or not line.endswith(folded[-1]):
            continue
        n = next(n for n, key in enumerate(folded) if line.endswith(key))
        if not n or (best != heading and len(tails[n]) <= len(best)):
            continue
        before = line[: -len(folded[n])].strip()
        kicker = " ".join(tokens[:n]).casefold()
        if 2 * len(tails[n]) >= len(heading) and (
            _LIST_NUMBER.fullmatch(before)
            or re.search(rf"(?:^|\W){re.escape(kicker)}$", before.rstrip(_SEPARATORS))
        ):
            best = tails[n]
    return best


#: A breadcrumb's entry number ("5. Headline").
_LIST_NUMBER = re.compile(r"\d{1,2}\.")
#: What sets a kicker apart from its headline ("Kicker: Headline", "Kicker - Headline").
_SEPARATORS = " :-–—|»›>\"'„“"


def without_date(heading: str) -> str:
    """`heading` without a date run into its start or end ("23.01.2022 - Headline",
    "Headline 21.11.2022"): the date is the story's, printed on the headline's line."""
    dates = find_dates(heading[:DATE_LINE_CHARS])
    if dates and dates[0].start == 0:
        rest = heading[dates[0].end :].lstrip(" -–—|:·•,")
        if len(rest.split()) >= HEADLINE_WORDS and rest != heading[dates[0].end :]:
            return rest
    dates = find_dates(heading[-DATE_LINE_CHARS:])
    if dates:
        offset = max(0, len(heading) - DATE_LINE_CHARS)
        last = dates[-1]
        tail = heading[offset + last.start :]
        # Only a numeric date: "vom 10. Oktober 2019" at a title's end is part of its words.
        if offset + last.end == len(heading) and not any(ch.isalpha() for ch in tail):
            head = heading[: offset + last.start].rstrip(" -–—|:·•,")
            if len(head.split()) >= HEADLINE_WORDS and head != heading[: offset + last.start]:
                return head
    return heading


def title_on_its_line(text: str, title: str) -> str:
    """`text` with `title` set on a line of its own when a heading only starts or ends with it.

    A kicker before the headline or a subtitle after it is printed on the headline's line
    ("Kicker Headline", "Headline Subtitle"); the extractor finds the headline by its line.
    """
    lines = text.split("\n")
    if len(title) < 10 or any(line.strip() == title for line in lines):
        return text
    for i, line in enumerate(lines):
        core = line.strip()
        if not line[:1].strip() or len(core) > len(title) + 200:
            continue  # headings are flush left
        if core.startswith(title + " "):
            lines[i] = f"{title}\n\n   {core[len(title) :].strip()}"
            return "\n".join(lines)
        if core.endswith(" " + title):
            lines[i] = f"{core[: -len(title)].strip()}\n\n{title}"
            return "\n".join(lines)
    return text


def headline_first(text: str, headline: str) -> str:
    """`text` without the copies of `headline` above its flush-left heading line.

    A breadcrumb or a link to the page itself repeats the headline higher up;
    the story starts at the heading, so its byline and date are read there.
    """
    lines = text.split("\n")
    heading = next(
        (i for i, line in enumerate(lines) if _heading_line(line) and line.strip() == headline),
        -1,
    )
    for i in range(heading if heading > 0 else 0):
        if lines[i].strip() == headline:
            lines[i] = ""
    return "\n".join(lines)
