"""The body walk and the tail after it.

Paragraphs are collected from the first line of running text until an end
marker (topics box, comment form, copyright line, the author's bio box) or a
long stretch of furniture; captions, credits, appeals and related-link lists
are lifted out on the way. The tail is then searched for more link lists,
credits and the lines that name the outlet.

The module is over 600 lines because `read_body` is one walk whose cases share its
state (the paragraph so far, what was lifted out, where furniture began); its small
tests of a line sit beside it rather than in a module of their own.
"""

from __future__ import annotations

import re

from newsdesk.extract.boilerplate import (
    about_section,
    is_boilerplate,
    is_end_marker,
    is_ranked_run,
    looks_like_link_title,
    picture_copyright,
    site_rights,
)
from newsdesk.extract.byline import author_box, labelled_author_line, parse_byline
from newsdesk.extract.credits import is_credit, split_caption_credit
from newsdesk.extract.data.speech import PLAIN_SAYING, SPEECH_PERFECTS
from newsdesk.extract.dateline import parse_dateline
from newsdesk.extract.dates import (
    date_line,
    first_date,
)
from newsdesk.extract.found import Found
from newsdesk.extract.header import (
    CAPTION_CHARS,
    caption_by_next_line,
    credit_shaped,
    strip_caption_label,
)
from newsdesk.extract.headline import (
    is_caption_like,
)
from newsdesk.extract.lines import (
    NUMBERED_HEADING,
    body_line,
    is_list_item,
    is_prose,
    is_upper_line,
    lower_ratio,
    strip_list_mark,
    words,
)
from newsdesk.extract.links import add_link
from newsdesk.extract.list_headings import link_list_marker, popular_list_marker
from newsdesk.extract.outlet import outlet_from_footer
from newsdesk.extract.quote_marks import QUOTE_MARK
from newsdesk.extract.short_sentence import reads_as_prose
from newsdesk.extract.tail import BIO, signature
from newsdesk.extract.teasers import teaser_run
from newsdesk.sanitize import clean_line

_EDITED = re.compile(r"^\W*(?:edited|editing)\b", re.I)
_IMAGE_LABEL = re.compile(r"^(?:image|photo|media caption)\W*$", re.I)


#: Non-prose lines in a row that mean the article is over.
FURNITURE_RUN = 8


# "© Team Press", "(c) Agency" or "Photo © Jane Doe / Agency": a picture's credit, not a
# footer's copyright notice. ("Bild: © Agency" under a teaser's picture in a list of links
# is left to end the story, as before.)
_PHOTO_CREDIT = re.compile(
    r"^\s*(?:(?:photo|foto|picture|image|bild)s?\s+)?(?:©|\(c\))\s*\S.{0,60}$", re.I
)


#: A line announcing links to other pages, not the story's own list ("Lesen Sie auch die
#: folgenden Beiträge:", "Read more:", "Voir aussi :").
_READ_ALSO = re.compile(
    r"\b(?:lesen\ sie|lies|read|see|siehe|mehr\ zu|more\ on|weitere|lire|lisez|voir|lea|leer"
    r"|vea|leia|veja|leggi|vedi)\b",
    re.I | re.X,
)

#: What a picture credit names ("© Foto: Skoda", "© Bild: dpa"): a picture, not the site's footer.
_PICTURE_WORD = re.compile(
    r"\b(?:foto|photo|bild|image|picture|imagen|immagine|imagem)s?\b"
    # Picture agencies and stock libraries ("© Shutterstock/racorn", "© picture alliance / dpa").
    r"|\b(?:shutterstock|getty|istock(?:photo)?|imago|picture[ -]alliance|adobe ?stock|fotolia"
    r"|pixabay|unsplash|pexels|dpa|afp|reuters|keystone|ansa|efe)\b",
    re.I,
)


_READ_MORE = re.compile(r"^(?:read|see)\s+more[^\w:]*$", re.I)


_INLINE_LINK = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:read\s+(?:more|also|next|(?:our|the)\s+(?:full\s+)?(?:report|story|article|explainer))"
    r"|see\s+also|related|also\s+read|more\s+on\s+this)\s*:\s*(?P<title>\S.{3,200})$",
    re.I,
)


_PREV_NEXT = re.compile(
    r"^(?:PREVIOUS|NEXT|RELATED|READ MORE|WATCH|LISTEN)\s*:?\s+(?P<title>[A-Z].{8,200})$"
)


#: The longest first paragraph taken for a standfirst when the dateline opens the next one.
STANDFIRST_WORDS = 60


def read_body(lines: list[str], start: int, found: Found, *, main_text: bool = False) -> int:
    """Collect paragraphs from `start`; return the index where the article ended.

    With `main_text` (the text is already an article's main text) short lines
    are body, not furniture: a table row, a recipe step, a subheading.
    """
    if start >= len(lines):
        return len(lines)
    name_line = next((lines[j] for j in range(start - 1, max(-1, start - 4), -1) if lines[j]), "")
    if _took_author_box(name_line, lines[start], found):
        # The author's box right above the story: its bio is no paragraph of the story.
        start = next((j for j in range(start + 1, len(lines)) if lines[j]), len(lines))
        if start >= len(lines):
            return len(lines)
    # The dateline opens the first paragraph of running text (after any summary bullets).
    first_text = next(
        (
            j
            for j in range(start, min(len(lines), start + 15))
            if is_prose(lines[j])
            and not is_list_item(lines[j])
            and not is_caption_like(lines[j])
            and not caption_by_next_line(lines, j, repeated=False)
        ),
        start,
    )
    dateline = parse_dateline(lines[first_text])
    if dateline is None and len(words(lines[first_text])) <= STANDFIRST_WORDS:
        # A standfirst over the story (the dek, kept at the top of an HTML page's body):
        # the dateline opens the paragraph after it.
        second = next(
            (j for j in range(first_text + 1, min(len(lines), first_text + 4)) if lines[j]), None
        )
        if second is not None and (under := parse_dateline(lines[second])) is not None:
            dateline, first_text = under, second
    if not found.published and (dateline is None or not dateline.month_day):
        found.published = _release_date(lines[first_text])
    if dateline is not None:
        if dateline.place:
            found.dateline = dateline.place
        if dateline.month_day:
            found.dateline_month_day = dateline.month_day
            if not found.published:
                # "NORTHPORT, March 3, 2025 --": a dateline with its year dates the piece.
                found.published = first_date(dateline.month_day)
        # A wire credited in the dateline yields to the outlet the page names elsewhere.
        for name in (dateline.agency, dateline.outlet):
            name = clean_line(name or "").strip(" .,;:-–—")
            if name and name not in found.dateline_sources:
                found.dateline_sources.append(name)
    body = found.body
    pending: str | None = None  # a short line that is a subheading if prose follows
    in_links = False
    keep_links = True  # False under "Most read": those stories are not this one's links
    furniture = 0
    image_label = False
    listing = False  # the line before announced a list ("... the following:")
    i = start
    end = len(lines)
    while i < end:
        line = lines[i]
        i += 1
        if not line:
            continue
        if body and about_section(line, next((n for n in lines[i : i + 3] if n), "")):
            return i - 1  # a press release's "About X": the company, not the news
        if body and is_end_marker(line):
            if (
                _PHOTO_CREDIT.match(line)
                and not site_rights(line)
                and (main_text or _PICTURE_WORD.search(line))
            ) or _CREDITED_CAPTION.search(line):
                found.add_credit(line)  # "© Agency" under a picture, not the page's footer
                continue
            captioned = picture_copyright(line)
            resumed = (
                _story_after_widget(
                    lines,
                    i,
                    end,
                    body=body,
                    within=BOX_LABEL_LINES,
                    in_a_row=False,
                    chars=BOX_STORY_CHARS,
                    # A picture's caption is no footer: two paragraphs after it are the story's.
                    needed=CAPTION_RESUMED if captioned else STORY_RESUMED,
                )
                # "More in ..." or a "Most read" box set inside the story: it goes on after it.
                if _BOX_LABEL.match(line) or popular_list_marker(line) or captioned
                else None
            )
            if resumed is not None:
                if captioned:
                    found.add_caption(line)  # a picture's caption with its "©": the story goes on
                i = resumed
                continue
            _maybe_source_line(line, found)
            return i - 1
        if is_credit(line):
            found.add_credit(line)
            if body and _EDITED.match(line):
                return i
            continue
        # The pattern needs a colon: most lines have none, and are not searched.
        inline = _INLINE_LINK.search(line) if ":" in line else None
        if inline and len(line) <= 300:
            add_link(found.links, inline["title"])
            continue
        if _READ_MORE.match(line):
            if pending:
                add_link(found.links, pending)
                pending = None
            continue
        if body and _CONTENTS.match(line):
            # The story's table of contents: its entries are the headings to come.
            while i < end and (not lines[i] or is_list_item(lines[i]) or len(words(lines[i])) <= 2):
                i += 1
            continue
        if link_list_marker(line):
            in_links = True
            keep_links = not popular_list_marker(line)
            # The story signed off with its author's name under its last paragraph, right
            # above the site's lists (under a teaser's heading, the name is the teaser's).
            above = [lines[j] for j in range(i - 2, max(start, i - 6) - 1, -1) if lines[j]][:2]
            signed = (
                signature(above[0], body)
                if len(body) >= 2 and len(above) == 2 and body[-1] == above[1]
                else None
            )
            if signed and not found.authors and not found.late_authors:
                found.authors.append(signed)
            pending = None
            continue
        if is_boilerplate(line):
            furniture += 1
            if furniture >= FURNITURE_RUN * 2 and body and not main_text:
                return i
            image_label = bool(_IMAGE_LABEL.match(line))
            continue
        if is_caption_like(line) or image_label:
            image_label = False
            caption, credit = split_caption_credit(strip_caption_label(line))
            found.add_caption(caption)
            found.add_credit(credit)
            if i < end and lines[i] and credit_shaped(lines[i]) and not is_prose(lines[i]):
                found.add_credit(lines[i])
                i += 1
            continue
        if _is_author_echo(line, found):
            # The author's name or bio box after the story: the article is over.
            if found.body and BIO.match(line):
                found.add_credit(line)
                return i
            if len(found.body) >= 3:
                bio_box = _box_inside_story(lines, i, line)
                if bio_box is None:
                    return i
                i = bio_box  # the author's box set inside the story: past it, the story goes on
            continue
        next_line = next((lines[j] for j in range(i, min(end, i + 2)) if lines[j]), "")
        if _took_author_box(line, next_line, found):
            # The author's box inside the story: past its bio, the story goes on.
            i = lines.index(next_line, i) + 1
            continue
        byline = None
        if not is_prose(line) or labelled_author_line(line):
            # The next lines too: a label alone ("Autor:") signs with the name under it.
            following = [lines[j] for j in range(i, min(end, i + 6)) if lines[j]][:3]
            byline = parse_byline(line, following)
        if byline is not None:
            # A byline inside the text belongs to a teaser or a contributor box,
            # or, on a page that put it under the story, to the story itself.
            if not found.late_authors:
                found.late_authors = list(byline.authors)
                found.late_authors_at = len(body)
            # "Posted on August 2, 2019 Author Jane Doe" under the story: its date too.
            found.late_published = found.late_published or byline.published
            continue
        if len(line) <= 80 and not is_prose(line):
            published = date_line(line)
            if published is not None:
                # "Published November 25, 2026" under the last paragraph.
                found.late_published = found.late_published or published
                continue
        core = strip_list_mark(line)
        prev_next = _PREV_NEXT.match(core) or (None if is_prose(line) else _CAPS_PROMO.match(core))
        if prev_next:
            add_link(found.links, prev_next["title"])
            continue
        prose = is_prose(line)
        if (
            prose
            and (caption_by_next_line(lines, i - 1, repeated=False) or _over_picture(lines, i, end))
            and not _quotes(line)
        ):
            # A photo caption with its credit on the next line.
            found.add_caption(line)
            nxt = next((j for j in range(i, min(end, i + 2)) if lines[j]), None)
            if nxt is not None and lines[nxt][:60] != line[:60]:
                found.add_credit(lines[nxt])
                i = nxt + 1
            continue
        if in_links:
            if not prose and looks_like_link_title(line):
                if keep_links:
                    add_link(found.links, line)
                continue
            if is_list_item(line):
                continue  # a list entry under its label: a teaser's picture caption, say
            in_links = False
        if prose:
            if body and teaser_run(lines, i - 1, end):
                return i - 1  # the site's other stories, each cut short: the story is over
            furniture = 0
            if pending:
                body.append(pending)
                pending = None
            body.append(body_line(line))
            listing = _announces_list(line)
            continue
        if main_text:
            body.append(body_line(line))
            continue
        table_end = _table_end(lines, i - 1, end) if body and line[-1:] == ":" else None
        if table_end is not None:
            # "Results by ward:" over "Ward 1: 5,200 votes" lines, and the story goes on: a
            # table of the story's, not furniture.
            if pending:
                body.append(pending)
                pending = None
            body.extend(body_line(lines[k]) for k in range(i - 1, table_end))
            i, furniture, listing = table_end, 0, False
            continue
        if listing and is_list_item(line) and len(words(line)) >= 2:
            # The items of a list the story announced ("... frage dich Folgendes:" / "1. Was
            # liebst du?"): short, but the story's.
            if pending:
                body.append(pending)
                pending = None
            body.append(body_line(line))
            furniture = 0
            continue
        listing = False
        # A short line: subheading, bullet, caption without credit, or furniture.
        furniture += 1
        if body and furniture >= FURNITURE_RUN:
            resumed = _story_after_widget(lines, i, end, body=body)
            if resumed is None:
                return i - furniture
            i, furniture = resumed, 0  # a gallery or player set inside the story: past it
            continue
        tokens = words(line)
        if is_list_item(line) and len(tokens) >= 6:
            body.append(body_line(line))
            furniture = 0
            continue
        if (
            len(tokens) >= 9
            and lower_ratio(tokens) >= 0.4
            and not line.rstrip().endswith((".", "?", "!", '"', "”"))
        ):
            if _REPORTED.search(line):
                # A sentence of the story that lost its full stop ("... director Jana Berg said
                # backstage that ... on Feb. 9"): a caption describes a picture, it reports no one.
                if pending:
                    body.append(pending)
                    pending = None
                body.append(line)
                furniture = 0
                continue
            after_line = next((lines[j] for j in range(i, min(end, i + 2)) if lines[j]), "")
            if _announces_list(line) and is_list_item(after_line):
                # "... published its plan on Saturday. It says:" over the plan's points: the
                # story's sentence, which a caption never is (a caption introduces no list).
                if pending:
                    body.append(pending)
                    pending = None
                body.append(line)
                furniture, listing = 0, True
                continue
            found.add_caption(line)
            continue
        if (
            len(tokens) >= 4
            and line.rstrip().endswith((".", "?", "!", '"', "”"))
            and not is_list_item(line)
            and not is_upper_line(line)
        ):
            # A short paragraph ("Shares closed 4% lower.") is text, not a heading.
            if pending:
                body.append(pending)
                pending = None
            body.append(line)
            furniture = 0
        elif (
            body
            and _short_sentence(line, tokens)
            and is_prose(next((n for n in lines[i : min(end, i + 3)] if n), ""))
        ):
            # "Yes." as a paragraph of its own between two of the story's: its text.
            if pending:
                body.append(pending)
                pending = None
            body.append(line)
            furniture = 0
        elif 3 <= len(tokens) <= 14 and not is_upper_line(line) and not is_list_item(line):
            pending = line
            listing = _announces_list(line)
        else:
            pending = None
    return end


# "A SIMPLE GUIDE: How do I protect myself?": a promo for another page.
_CAPS_PROMO = re.compile(r"^(?:[A-Z][A-Z'’&-]*\s){0,4}[A-Z][A-Z'’&-]+:\s+(?P<title>[A-Z].{8,200})$")


#: Paragraphs of the story after an author's box that show it stands inside the story.
STORY_AFTER_BOX = 2
#: Characters of a paragraph that counts as the story's.
STORY_PARAGRAPH_CHARS = 200


#: Lines past a run of furniture where the story may resume, and the long paragraphs in a
#: row that show it has (a gallery or a video player set inside the story).
WIDGET_LINES = 40
STORY_RESUMED = 3


#: A verb of saying between words: a sentence that reports someone, which no caption does.
_REPORTED = re.compile(
    r"\s(?:"
    + "|".join(sorted(PLAIN_SAYING, key=len, reverse=True))
    + r"|(?:a|hat|ha)\s+(?:"
    + "|".join(sorted(SPEECH_PERFECTS, key=len, reverse=True))
    + r"))\s",
    re.IGNORECASE,
)


def _over_picture(lines: list[str], i: int, end: int) -> bool:
    """The line before `i` stands over a picture's credit that names it ("Foto © Jana Berg"),
    itself or printed twice (a gallery's caption, under the thumbnail and enlarged)."""
    line = lines[i - 1]
    if len(line) > CAPTION_CHARS:
        return False
    following = [lines[j] for j in range(i, min(end, i + 4)) if lines[j]][:2]
    if following and following[0] == line:
        following = following[1:]
    credit = following[0] if following else ""
    return (
        bool(_PHOTO_CREDIT.match(credit))
        and _PICTURE_WORD.search(credit) is not None
        and not site_rights(credit)
    )


def _quotes(line: str) -> bool:
    """A paragraph that quotes someone (a quotation and a verb of saying, or a quotation
    whole, its speaker named in the paragraph before): the story's, which a picture's
    caption over a credit line is not."""
    if len(QUOTE_MARK.findall(line)) < 2:
        return False
    text = line.strip()
    return _REPORTED.search(line) is not None or (text[0] in '"“«„' and text[-1] in '"”»“')


def _took_author_box(name_line: str, bio_line: str, found: Found) -> bool:
    """The author's box (a name, then a bio that opens with it): its name signs the story
    when nothing else did, its bio is a credit."""
    if len(name_line) > 60 or is_prose(name_line):
        return False
    boxed = author_box(name_line, bio_line)
    if boxed is None:
        return False
    if not found.authors:
        found.authors.append(boxed)
    found.add_credit(bio_line)
    return True


#: Paragraphs after a picture's caption with its "©" that show the story goes on.
CAPTION_RESUMED = 2


# A picture's caption that credits it with its rights ("... Photo: Ringo Chiu, AP / Copyright
# 2019 Associated Press. All rights reserved."): the story goes on after the picture.
_CREDITED_CAPTION = re.compile(
    r"\b(?:photo|foto|bild|image|picture|credit)s?\s*:\s*[^©]{2,80}?(?:©|\bcopyright\b)", re.I
)


def _announces_list(line: str) -> bool:
    """A line that announces the list under it ("Die Umfrage stellt vier Fragen:"), not links
    to other pages ("Lesen Sie auch:")."""
    # The colon first: it rules out most lines without counting their words.
    return line.rstrip().endswith(":") and len(words(line)) >= 4 and not _READ_ALSO.search(line)


#: Rows of a table under its label, at least, and the longest row.
TABLE_ROWS = 2
TABLE_ROW_CHARS = 80


def _table_end(lines: list[str], at: int, end: int) -> int | None:
    """Where the table under the label at `at` ends, or None when it is none: a label ending
    in a colon ("Results by ward:"), then `TABLE_ROWS` or more short lines in a row that
    each hold a figure, then a paragraph of the story."""
    label = lines[at]
    if len(words(label)) > 14 or _READ_ALSO.search(label) or is_boilerplate(label):
        return None
    k = at + 1
    while k < end and lines[k] and len(lines[k]) <= TABLE_ROW_CHARS and not is_prose(lines[k]):
        if not any(ch.isdigit() for ch in lines[k]):
            return None
        k += 1
    after = next((line for line in lines[k : k + 4] if line), "")
    return k if k - at - 1 >= TABLE_ROWS and is_prose(after) else None


def _story_paragraph(line: str, chars: int) -> bool:
    """A paragraph of running text at least `chars` long: the story's, not furniture."""
    return (
        len(line) >= chars
        and is_prose(line)
        and not is_boilerplate(line)
        and not is_ranked_run(line)
    )


def _story_after_widget(
    lines: list[str],
    i: int,
    end: int,
    *,
    body: list[str],
    within: int = WIDGET_LINES,
    in_a_row: bool = True,
    chars: int = STORY_PARAGRAPH_CHARS,
    needed: int = STORY_RESUMED,
) -> int | None:
    """Where the story resumes after a run of furniture, or None when the run ends it.

    The story resumes where `STORY_RESUMED` paragraphs of `chars` or more follow one
    another (or, without `in_a_row`, come at all) within `within` non-blank lines; an end
    marker or a list's label ("Related", "Comments") on the way means the story is over,
    and so do paragraphs about something else (a sidebar's recent comments on other stories):
    they must share `SHARED_WORDS` long words with the story so far.
    """
    run: list[int] = []
    seen = 0
    for j in range(i, end):
        line = lines[j]
        if not line:
            continue
        seen += 1
        if is_end_marker(line) or link_list_marker(line):
            return None
        if _story_paragraph(line, chars) and not _TEASER_END.search(line):
            run.append(j)
            if len(run) == needed:
                return run[0] if _same_story(body, [lines[k] for k in run]) else None
        elif in_a_row and not (run and _subheading(line)):
            run = []  # a subheading between the story's paragraphs keeps the run going
        if seen >= within and not run:
            return None
        if seen >= within + STORY_RESUMED * 2:
            return None
    return None


#: Long words (this many letters or more) that paragraphs after a widget share with the story
#: before it, to be the same story.
SHARED_WORDS = 2
LONG_WORD = 7
_LONG_WORD = re.compile(rf"[^\W\d_]{{{LONG_WORD},}}")


#: "IV." over a speech's part: its number, not a sentence.
_SECTION_NUMBER = re.compile(r"^(?:[IVXLCDM]+|\d+)\.$")


def _short_sentence(line: str, tokens: list[str]) -> bool:
    """A sentence of one to three words ("Yes.", "Not any more."): a full stop or question
    mark; no exclamation ("Jetzt anmelden!" calls to act), ellipsis ("Loading..."), label
    ("Foto: Archivo UH.") or site's words."""
    stripped = line.strip()
    return (
        1 <= len(tokens) <= 3
        and stripped[-1:] in ".?"
        and ":" not in stripped
        and not _SECTION_NUMBER.match(stripped)
        and not stripped.endswith(("..", "…"))
        and stripped[:1].isupper()
        and not is_list_item(line)
        and not is_upper_line(line)
        and not is_boilerplate(line)
        and reads_as_prose(tokens)
    )


def _subheading(line: str) -> bool:
    """A subheading between paragraphs: a few words, capitalised, no sentence's full stop; a
    listicle's numbers it ("2. Sir Ian McKellen")."""
    line = NUMBERED_HEADING.sub("", line.strip())
    tokens = words(line)
    return (
        2 <= len(tokens) <= 14
        and line[:1].isupper()
        and not line.rstrip().endswith(".")
        and not is_boilerplate(line)
        and not is_list_item(line)
    )


#: A table of contents' label, in the languages pages are read in.
_CONTENTS = re.compile(
    r"(?i)^\W*(?:inhaltsverzeichnis|inhalt|table\s+of\s+contents|contents|sommaire"
    r"|table\s+des\s+mati[èe]res|[íi]ndice|contenidos|sommario|conte[úu]do)\W*$"
)


def _same_story(body: list[str], paragraphs: list[str]) -> bool:
    before = {w.casefold() for p in body for w in _LONG_WORD.findall(p)}
    after = {w.casefold() for p in paragraphs for w in _LONG_WORD.findall(p)}
    return len(before & after) >= SHARED_WORDS


#: A teaser for another story ends by linking to it ("... Japaner erleichtert. mehr").
_TEASER_END = re.compile(
    r"\b(?:mehr|more|weiterlesen|read\s+more|lire\s+la\s+suite|leer\s+m[aá]s|leia\s+mais"
    r"|continua(?:\s+a\s+leggere)?)\W*$",
    re.I,
)
#: A related box's closing label ("More in Trump Impeachment Inquiry"), which some pages set
#: inside the story; the story's paragraphs close under it show the story goes on.
_BOX_LABEL = re.compile(r"^\W*more\s+(?:in|from|on)\s", re.I)
#: Non-blank lines under such a label where the story must go on, in paragraphs this long.
BOX_LABEL_LINES = 10
BOX_STORY_CHARS = 150


def _box_inside_story(lines: list[str], i: int, name: str) -> int | None:
    """Where the story resumes after an author's box that starts with `name` at line i - 1
    (its bio, in any language, opens with the name), or None when the box ends the story:
    the next line is not a long paragraph, or fewer than `STORY_AFTER_BOX` of the next three
    are (an appeal for money after the box has a heading of its own)."""
    ahead = [j for j in range(i, min(len(lines), i + 12)) if lines[j]][:4]
    if ahead and lines[ahead[0]].startswith((name + " ", name + ",")):
        ahead = ahead[1:]  # the bio
    after = ahead[:3]
    story = [j for j in after if _story_paragraph(lines[j], STORY_PARAGRAPH_CHARS)]
    # The story goes on at once: its next paragraph, and another, right after the box.
    if len(story) < STORY_AFTER_BOX or story[0] != after[0]:
        return None
    return after[0]


def _is_author_echo(line: str, found: Found) -> bool:
    """The author's name alone, or a bio opening with it ('Jane Doe is a reporter ...')."""
    if not found.authors or len(line) > 400:
        return False
    for author in found.authors:
        name = author.casefold()
        # Casefolding never shortens a text: a line longer than the folded name is not it,
        # and is not folded (most lines are paragraphs).
        if len(line) <= len(name) and line.casefold() == name:
            return True
        if line.startswith(author + " ") and BIO.match(line):
            return True
    return False


def _maybe_source_line(line: str, found: Found) -> None:
    """A standards or copyright line names the outlet."""
    name = outlet_from_footer(line)
    if name:
        found.add_source(name)


#: A press release's date in brackets at the head of its first paragraph, after the place
#: maybe: "(21. November 2022) Verbraucher erhalten ...", "Karlsruhe, (12.11.2021). Die ...".
_RELEASE_DATE = re.compile(r"^(?:[^\W\d_][\w.'’\- ]{1,40},\s*)?\(\s*(?P<date>[^()]{6,40}?)\s*\)")


def _release_date(paragraph: str) -> str | None:
    m = _RELEASE_DATE.match(paragraph)
    return date_line(m["date"]) if m else None
