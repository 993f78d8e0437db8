"""Day 31's fast paths in `extract.textbrowser`, compared with the code they replaced.

`feed_link_title` compiles no pattern per site; `dump_headline` tests only the headings that
can change its answer. Each gives what the old code gave, and does less.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from newsdesk.extract import textbrowser as tb

_ROOT = Path(__file__).resolve().parents[2]
_SHARED = _ROOT.parent / "shared"


def _old_feed_link_title(text: str) -> tuple[str | None, str | None]:
    from newsdesk.extract import feed_links as fl

    for line in text.split("\n", fl.LINK_LINES)[: fl.LINK_LINES]:
        line = line.strip()
        m = fl._SITE_FEED.match(line)
        if not m:
            continue
        site = m["site"].strip()
        post = re.compile(rf"{re.escape(site)} » ([^»]{{2,300}}?) {fl._FEED_WORDS}(?= |$)")
        for found in post.finditer(line):
            title = found.group(1).strip()
            if not fl._NOT_A_POST.fullmatch(title):
                return title, site
        return None, site
    return None, None


def test_feed_link_title_gives_the_old_titles_without_a_pattern_per_site(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(131)
    sites = ["Mein Blog", "Stadtblog", "a.b (c)", "Site", "x"]
    titles = ["Neue Radwege", "Events", "Comments", "Post title here", "»", " ", "Ab"]
    feeds = ["Feed", "Comments Feed", "Kommentar-Feed", "RSS", "Atom", "Flux", "Feeds", ""]
    texts = []
    for _ in range(3000):
        site = rng.choice(sites)
        entries = [
            f"{rng.choice([site, site, rng.choice(sites)])} » {rng.choice(titles)} "
            f"{rng.choice(feeds)}"
            for _ in range(rng.randrange(1, 5))
        ]
        line = f"#{site} » {rng.choice(['Feed', 'RSS', 'Flux', 'Atom'])} " + " ".join(entries)
        texts.append(rng.choice(["", "   ", "Title\n"]) + line + rng.choice(["", " alternate"]))
    titled = 0
    for text in texts:
        expected = _old_feed_link_title(text)
        titled += expected[0] is not None
        assert tb.feed_link_title(text) == expected, text
    assert titled > 500

    compiled: list[str] = []
    real_compile: Callable[..., re.Pattern[str]] = re.compile

    def counted(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return real_compile(pattern, flags)

    monkeypatch.setattr(re, "compile", counted)
    top = (
        "   #Mein Blog » Feed Mein Blog » Kommentar-Feed Mein Blog » Neue Radwege Kommentar-Feed\n"
    )
    assert tb.feed_link_title(top) == ("Neue Radwege", "Mein Blog")
    assert compiled == []


def _old_dump_headline(text: str, labels: frozenset[str] = frozenset()) -> str | None:
    """`dump_headline` before day 31: every heading through every test."""
    lines = [(line, tb._heading_line(line)) for line in text.split("\n") if line.strip()]
    sites = tb.link_site_names(text)
    named = tb._named_by_breadcrumb(lines)
    if named:
        return named
    candidates: list[tb._Heading] = []
    answers: dict[str, bool] = {}  # `tb._signed`'s answers, line by line
    # A name or label of a few words printed as a heading three times or more is a forum
    # poster's name over each reply, or a box's label, not the story's headline.
    times = Counter(line.strip() for line, flush in lines if flush)
    # Teasers cut to a length ("Capuchinos invitan a bendición anual de v..."): where three
    # or more headings end so, none of them is the story's.
    cut = sum(1 for heading in times.elements() if heading.endswith(("...", "…"))) >= 3
    # A listicle's numbered sub-headings ("1. Neil Patrick Harris", "2. ..."): three or more
    # say none of them is the headline over them.
    numbered = sum(1 for heading in times.elements() if tb.NUMBERED_HEADING.match(heading)) >= 3
    sums, own_most = tb._running_text(lines)
    for k, (line, flush) in enumerate(lines):
        if not flush:
            continue
        heading = line.strip()
        # The story's date run into its headline ("27.01.2022MineralölINFO November 2021"): the
        # headline, signed by its date.
        dated = tb._after_date(heading)
        heading = dated or heading
        if (
            (times[heading] >= 3 and len(heading.split()) <= 3)
            or heading in labels
            or (cut and heading.endswith(("...", "…")))
            or (numbered and tb.NUMBERED_HEADING.match(heading) is not None)
            # A field with its label ("Herausgeber: Nordex SE", "Autor: Jana Berg").
            or tb.labelled_field(heading)
            or not 3 <= len(heading) <= 250
            or heading.startswith(tb._NOT_HEADING_START)
            or heading.endswith(":")
            or len(heading.split()) < 2
            or tb.link_list_marker(heading)
            or tb.is_boilerplate(heading)
            or (len(heading.split()) <= 4 and tb._UI_LABEL.search(heading))
            or (len(heading.split()) <= 6 and tb._UI_LABEL.match(heading))
            or tb._COOKIE_NOTICE.search(heading)
            # A tb.breadcrumb ("Home » Park » News") or a photo's caption or credit.
            or tb.breadcrumb(heading)
            or tb.is_menu_label(lines, k)
            or tb.is_caption_like(heading)
            # A blog's date header ("Samstag, 9. September 2017") over its posts.
            or tb.date_line(heading) is not None
            # An image's text, printed again and again on one line.
            or tb._repeated(heading)
            # An organisation's name with its legal form ("ProNATs e.V. Verein zur ...",
            # "DITIB ... e.V."): the site's masthead.
            or tb._LEGAL_FORM.search(heading) is not None
            # A section's label, an icon's letter before it at most ("O Opinion"), or a post's
            # categories ("Audio-Ratgeber, Entertainment").
            or tb.section_label(re.sub(r"^\w\s+", "", heading))
            or tb._CATEGORIES.fullmatch(heading) is not None
            # A pull quote set as a heading ('Er sagt: „Die Altenpflege ist kein Hotspot“').
            or tb._PULL_QUOTE.match(heading) is not None
            # The site's masthead, which its feeds are named after.
            or any(
                heading.casefold() == site or heading.casefold().startswith(site + " ")
                for site in sites
            )
        ):
            continue
        own = own_most[k]
        if own and own < tb.BOX_CHARS and not line.startswith(" "):
            # A box (a sign-up, a promotion); a centred heading is the page's main one.
            continue
        chars = sums[min(k + 1 + tb.HEADING_WINDOW, len(lines))] - sums[k + 1]
        candidates.append(tb._Heading(heading, chars, k, bool(dated), bool(own)))
    most = max((c.chars for c in candidates), default=0)
    if not most:
        return None
    # Only up to the heading over the most text: signed headings after the story are teasers.
    top = next(n for n, c in enumerate(candidates) if c.chars == most)
    able = [c for c in candidates[: top + 1] if c.chars >= tb.HEADLINE_SHARE * most]
    if not any(c.text_of_its_own for c in able):
        # Headings over the same text with no paragraph between them (a label, a section
        # name, then the headline) are one header: the one a byline or date signs is the
        # headline. A sentence there is the standfirst, set as a heading, and a line that
        # opens with a date is the header's date line.
        for c in candidates[top + 1 :]:
            if c.chars != most or tb._SENTENCE.search(c.heading) or tb._opens_with_date(c.heading):
                break
            able.append(c)

    # Signatures and echoes are looked up for the few headings that can win, not for all.
    @cache
    def is_signed(c: tb._Heading) -> bool:
        return c.dated or tb._signed(lines, c.k, answers)

    # The heading the page names above it (its tb.breadcrumb's last entry) is the page's,
    # over a section label that the header's byline happens to sign as well.
    signed = next((c for c in able if tb._echoed(lines, c.k, c.heading)), None) or next(
        (c for c in able if is_signed(c)), None
    )
    if signed is None:
        # No heading over much text is signed: a signed one over less text before the
        # most is the story's (a promotion or a quote box above it took more lines).
        signed = next(
            (
                c
                for c in candidates[: top + 1]
                if c.chars >= tb.SIGNED_SHARE * most and is_signed(c)
            ),
            None,
        )
    chosen = tb._undoubled((signed or able[0]).heading)
    # A heading that ends by quoting another ("Kundenbewertungen für „Trixie Kleintierstall“",
    # "3 Kommentare zu „…“") is a box about the story: the quoted heading is the headline.
    quoted = tb._QUOTED_END.search(chosen)
    if quoted and any(flush and line.strip() == quoted["title"] for line, flush in lines):
        return quoted["title"]
    return chosen


_HEADINGS = [
    "Council approves the new bridge over the river", "Share:", "Newsletter abonnieren",
    "27.01.2022 Neue Zahlen für die Stadt Halden", "By Jane Doe", "Home » News » Local",
    "Photo: Jana Berg / Agentur", "Related stories", "Weather", "Samstag, 9. September 2017",
    "Ferry returns to Marrowby harbour", "Ferry returns to Marrowby harbour",
    "1. First of the list here", "Wir verwenden Cookies", "Teaser cut short here...",
    "Er sagt: „Die Pflege ist kein Hotspot“", "Nordex SE e.V. Verein zur Förderung",
]  # fmt: skip
_UNDER = [
    "   The council voted on Tuesday to approve the bridge, which will open in three years.",
    "   Short line.", "   By Jane Doe", "   12. März 2024", "   * a list entry that is long "
    "enough to be running text but is a list entry", "   Read more", "",
    "   Residents had asked for the crossing for a decade, the mayor said after the vote.",
]  # fmt: skip


def _random_dump(rng: random.Random) -> str:
    lines: list[str] = []
    for _ in range(rng.randrange(1, 14)):
        heading = rng.choice(_HEADINGS)
        lines.append(" " * tb.CENTRED_INDENT + heading if rng.random() < 0.1 else heading)
        lines += [rng.choice(_UNDER) for _ in range(rng.choice([0, 1, 2, 3, 8, 30]))]
    return "\n".join(lines)


def _pages() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((_ROOT / "sample_data").rglob("*.txt"))]
    shared = sorted((_SHARED / "realworld-peer").glob("*/text/*.txt"))
    shared += sorted((_SHARED / "realworld" / "text").glob("*.txt"))
    texts += [p.read_text("utf-8", errors="replace") for p in shared[::3]]
    rng = random.Random(31)
    return texts + [_random_dump(rng) for _ in range(600)]


def test_dump_headline_gives_the_old_headline_testing_fewer_headings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: Counter[str] = Counter()
    real = tb.is_boilerplate
    running = ["new"]

    def counted(line: str) -> bool:
        asked[running[0]] += 1
        return real(line)

    monkeypatch.setattr(tb, "is_boilerplate", counted)
    named = 0
    for text in _pages():
        for page in (text, tb.without_marks(text)):
            running[0] = "old"
            expected = _old_dump_headline(page)
            named += expected is not None
            running[0] = "new"
            assert tb.dump_headline(page) == expected, page[:2000]
    assert named > 300
    # The headings over little text are passed over (the real copies: about half as many).
    assert asked["new"] < 0.8 * asked["old"], asked


def test_dump_headline_tests_only_the_headings_that_can_win(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    story = [
        "   The council voted on Tuesday to approve the bridge over the river, after a long debate.",
        "   Residents had asked for the crossing for a decade, the mayor said after the vote.",
    ]
    boxes = [f"Box number {n} about something else\n   Sign up today." for n in range(20)]
    page = "\n".join(["Council approves the new bridge", *story, *boxes])
    asked: list[str] = []
    real = tb.is_boilerplate

    def counted(line: str) -> bool:
        asked.append(line)
        return real(line)

    monkeypatch.setattr(tb, "is_boilerplate", counted)
    assert tb.dump_headline(page) == "Council approves the new bridge"
    # The story's heading alone: the boxes' headings have no running text under them.
    assert asked == ["Council approves the new bridge"]
