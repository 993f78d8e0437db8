"""Guards that keep a pair of articles apart although their overlaps score: one shared
name and nothing else, and one template filled twice. Plain functions of a pair's
`score.Features`, kept beside `score` (which applies them) so that module stays readable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.stories.score import Features

#: Headline Jaccard at or above which two articles are the same template.
TEMPLATE_TITLE = 0.5
#: Headline Jaccard from which two alerts with different opening figures are one
#: template filled twice (`one_template_two_reports`).
TEMPLATE_HEADLINE = 0.3


#: One shared name counts only as far as the texts agree when neither the headline,
#: the lede nor the TF-IDF cosine reaches this, and no figure is shared (`name_alone`).
NAME_ALONE_TEXT = 0.2


#: A recurring series' headline ("Morning briefing") counts only as far as the texts
#: agree without its words when they agree less than this (`recurring_headline`).
RECURRING_REST = 0.3
#: Hours apart from which two items under one headline are two issues of a series.
RECURRING_HOURS = 12.0


def one_name(a: dict[int, int], b: dict[int, int], shared: set[int]) -> bool:
    """The name tokens both texts carry (`shared`, of the texts' mention counts `a` and
    `b`) read as one name: in each text every one is mentioned as often as the others.

    A name's words are counted together (`names._mentions`): "Port Alva" gives "port"
    and "alva" one count each, so its two words are one name, where two names of one
    event ("Israel", "Hamas") are mentioned each its own number of times. The tokens
    are hashed, so two names each mentioned as often in both texts read as one: on the
    real development slice and the own pairs that changed no same-story pair. A name
    told in full, then by a part ("Mayor Jo Brand ... Brand said") reads as two.
    """
    if not shared:
        return False
    counts_a = {a[k] for k in shared}
    return len(counts_a) == 1 and len({b[k] for k in shared}) == 1


def text_overlap(f: Features) -> float:
    """The best of the headline, lede and TF-IDF overlaps the pair has (0 when none)."""
    return max(
        (getattr(f, k) for k in ("title", "lede", "tfidf") if k not in f.missing), default=0.0
    )


def name_alone(f: Features) -> bool:
    """The pair shares one name and nothing else: no figure, and headline, lede and
    TF-IDF overlaps all below `NAME_ALONE_TEXT`.

    A Google Alerts feed for "Slack" gives every item the company's name: a
    CEO's share sale and an FT column on direct listings share it (names 0.50,
    headline 0.08, lede 0.12, TF-IDF 0.14) and scored 0.230 against the 0.225
    threshold. The name then counts no more than the texts' best overlap
    (`score`). One name of any number of words (`one_name`): three one-line items
    from three outlets (a school roof, a marathon, a ferry timetable) sharing only
    "Port Talbot" scored 0.21-0.26 with both its words counted as names in common,
    and were one story. Taking any two shared words for one name lowered the
    development slice's B-cubed F1 0.877 -> 0.853 (pair precision 0.865 -> 0.837),
    every shared word 0.833: reports of one event share two names ("Israel",
    "Hamas") and little else in their ledes. Words mentioned alike in each text
    left it at 0.877 / 0.865, the own pairs and the real feeds unchanged.
    """
    if f.names_shared < 1 or f.name_words != f.names_shared:
        return False
    if "figures" not in f.missing and f.figures > 0:
        return False
    return min(text_overlap(f), f.beyond_name) < NAME_ALONE_TEXT


def one_template_two_reports(f: Features) -> bool:
    """Both openings give figures, none the same, and the pair shares at most one name
    word: two filings of one template, not one event.

    Automated alerts about one company ("Slack (NASDAQ:WORK) CFO Sells
    $19407875.75 in Stock", "... Insider Cal Henderson Sells 1500 Shares") share
    the company, the template's words and the day's share price further down, so
    they scored 0.30-0.31 on the real feeds; what tells them apart is the person
    and the amounts up top. Reports of one event from two outlets share a name
    besides the company or a figure of the opening: on the real development slice
    no same-story pair above the threshold meets this, at most one shared name word
    (with two, one would). Openings that share a figure (the day's share price) but
    each give an amount the other never mentions need the template's headline at
    `TEMPLATE_TITLE`, or at `TEMPLATE_HEADLINE` when the two name nobody in common.
    """
    if f.names_shared > 1:
        return False
    template = "title" not in f.missing and f.title >= TEMPLATE_HEADLINE
    if f.openings_apart:
        return f.same_outlet or template
    # The day's share price further down is shared; the amounts up top are not. The
    # headline's template suffices when the two name nobody in common (`other_people`).
    needed = TEMPLATE_HEADLINE if other_people(f) else TEMPLATE_TITLE
    return f.openings_unmatched and "title" not in f.missing and f.title >= needed


def other_people(f: Features) -> bool:
    """Both name someone and they share no name at all (after a file's subject is left out).

    Two filings of one alert template about two insiders ("... Insider Cal
    Henderson Sells 99342 Shares", "... SVP Sells $14409915.40 in Stock": one
    names Cal Henderson, the other Robert Frati) share the company, which is the
    feed's subject, and nothing else named; their headlines share the template's
    words only in part (Jaccard 0.40), under `TEMPLATE_TITLE`. Two reports of one
    event name at least one person, place or body in common: on the development
    slice and the own pair sets no pair meets `one_template_two_reports` through this.
    """
    return f.names_shared == 0 and "names" not in f.missing


def recurring_headline(f: Features) -> bool:
    """The same headline on two days over texts that share little besides it: two issues
    of a recurring series ("Morning briefing"), not one event told twice.

    Two days' briefings under one headline, sharing only their standing sentences (the
    greeting, a sport line's opening, the sign-off), scored 0.46 a day apart on the
    headline alone (Jaccard 1.0) and were one story, the older shown on its row. Their
    ledes without the headline's words agree 0.18 (TF-IDF 0.11): the standing sentences'
    common words. A copy of one report under its headline, trimmed or not, agrees on
    its own words far beyond `RECURRING_REST`. An undated pair (two text files of a
    watched folder) may be two days': it is asked too.
    """
    if "title" in f.missing or f.title < TEMPLATE_TITLE:
        return False
    if f.hours is not None and f.hours < RECURRING_HOURS:
        return False  # one day's: an update under its headline, a live page
    return f.beyond_title < RECURRING_REST
