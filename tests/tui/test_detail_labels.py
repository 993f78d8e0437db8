"""The detail pane's label column and its times, as the exploratory tester read them.

"Agency note" was longer than the label column, so its value started a column right
of every other value; a time given with no zone was labelled "UTC", which its source
never said; "embargoed until Tue 02 Mar 09:00", read in November, named no year.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

from rich.style import Style

from newsdesk.desk import Desk
from newsdesk.model import Article
from newsdesk.paths import Paths
from newsdesk.tui.article_view import ArticleStyles, article_text

STYLES = ArticleStyles(*(Style(),) * 10)
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def _wire_article(paths: Paths) -> Article:
    """A wire item of the sample wires, given an agency note and a status."""
    with Desk(paths) as desk:
        article = next(
            a
            for a in (desk.get(i) for i in desk.inbox_ids())
            if a is not None and a.meta.slugline and not a.killed
        )
    meta = replace(article.meta, agency_note="Corrects turnout", status="corrected")
    return replace(article, meta=meta)


def _line(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(label + " "))


def test_every_value_starts_in_one_column(wires: Paths) -> None:
    shown = article_text(_wire_article(wires), STYLES, NOW).plain
    # The labelled fields: after the headline and dek, up to the next blank line.
    fields = shown.split("\n\n")[1].splitlines()
    assert _line(shown, "Agency note").index("Corrects turnout") == 12
    assert _line(shown, "Status").index("corrected") == 12
    starts = {
        line: m.end()
        for line in fields
        if (m := re.match(r"(?:Agency note|Item id|Also in|[A-Z][a-z]+) +(?=\S)", line))
    }
    assert len(starts) == len(fields) > 5, fields
    assert set(starts.values()) == {12}, starts


def test_a_time_given_with_no_zone_says_so(wires: Paths) -> None:
    article = _wire_article(wires)
    zoneless = replace(article, meta=replace(article.meta, published="2019-11-18T23:03:00"))
    published = _line(article_text(zoneless, STYLES, NOW).plain, "Published")
    assert published.split(None, 1)[1] == "2019-11-18 23:03 (zone unknown)"
    aware = replace(article, meta=replace(article.meta, published="2019-11-18T23:03:00Z"))
    assert _line(article_text(aware, STYLES, NOW).plain, "Published").endswith("23:03 UTC")


def test_an_embargo_in_another_year_names_the_year(wires: Paths) -> None:
    article = _wire_article(wires)

    def embargo(until: str, now: datetime) -> str:
        held = replace(article, meta=replace(article.meta, embargo_until=until))
        return _line(article_text(held, STYLES, now).plain, "Embargo").split(None, 1)[1]

    # Three months ahead, read in November: "Tue 02 Mar" left the year to guess.
    assert embargo("2027-03-02T12:00:00Z", NOW).startswith("embargoed until 2027-03-0")
    # Next week, but next year.
    new_year = datetime(2026, 12, 30, 12, 0, tzinfo=UTC)
    assert embargo("2027-01-04T12:00:00Z", new_year).startswith("embargoed until 2027-01-0")
    # Near and this year: the weekday and the day, as before.
    assert re.match(r"embargoed until \w{3} 2[45] Nov ", embargo("2026-11-25T12:00:00Z", NOW))


def test_a_long_value_wraps_under_its_value_column(wires: Paths) -> None:
    """A long agency note or People list ran back to column 0 and broke the column."""
    from rich.console import Console

    from newsdesk.tui.article_view import wrapped_lines

    note = "Corrects the name of the harbour master in the fourth paragraph " * 3
    article = _wire_article(wires)
    article = replace(article, meta=replace(article.meta, agency_note=note.strip()))
    text = article_text(article, STYLES, NOW, terms=["harbour"])
    console = Console(width=200)
    lines = [line.plain for line in wrapped_lines(text, console, 50)]
    start = next(i for i, line in enumerate(lines) if line.startswith("Agency note "))
    note_lines = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith(" " * 12):
            break
        note_lines.append(line)
    assert len(note_lines) >= 4
    assert all(len(line) <= 50 for line in lines)
    assert all(line[12] != " " for line in note_lines), note_lines
    # The words are all there, in order, once each.
    assert " ".join(line[12:].strip() for line in note_lines) == note.strip()
    # The body (no label) wraps at the pane's edge as before.
    body = [line for line in lines[start + len(note_lines) :] if line.strip()]
    assert any(line[0] != " " and len(line) > 40 for line in body)
    # Too narrow for a column: the whole line wraps and no word is lost.
    narrow = [line.plain for line in wrapped_lines(text, console, 18)]
    assert all(len(line) <= 18 for line in narrow)
    assert "".join(narrow).replace(" ", "").count("harbourmaster") == 3


def test_many_quotes_do_not_keep_the_text_below_the_fold(wires: Paths) -> None:
    """Fifteen quotes and twelve links stood between the fields and the lede: the first
    few come before the text, the rest after it, and the pane says how many follow."""
    from newsdesk.model import Link, Quote

    article = _wire_article(wires)
    quotes = [Quote(f"Quote number {n} is a full sentence.", f"Speaker {n}") for n in range(15)]
    links = [Link(f"Link {n}", f"https://example.org/{n}") for n in range(12)]
    many = replace(article, meta=replace(article.meta, quotes=quotes, links=links))
    shown = article_text(many, STYLES, NOW).plain
    lede = shown.index(article.meta.body.strip().split("\n")[0][:40])
    before, after = shown[:lede], shown[lede:]
    assert [n for n in range(15) if f"number {n} " in before] == [0, 1, 2]
    assert [n for n in range(15) if f"number {n} " in after] == list(range(3, 15))
    assert "… 12 more quotes after the text" in before
    assert "More quotes" in after
    assert [n for n in range(12) if f"Link {n} " in before] == [0, 1, 2, 3, 4]
    assert "… 7 more links after the text" in before
    assert all(f"https://example.org/{n}" in after for n in range(5, 12))
    # A few more than the first three are not worth a second section.
    few = replace(article, meta=replace(article.meta, quotes=quotes[:5], links=links[:2]))
    shown = article_text(few, STYLES, NOW).plain
    lede = shown.index(article.meta.body.strip().split("\n")[0][:40])
    assert all(f"number {n} " in shown[:lede] for n in range(5))
    assert "More quotes" not in shown and "after the text" not in shown


def test_a_time_with_an_offset_shows_the_offset(wires: Paths) -> None:
    article = _wire_article(wires)
    paris = replace(article, meta=replace(article.meta, published="2026-11-22T16:05:00+01:00"))
    published = _line(article_text(paris, STYLES, NOW).plain, "Published")
    # Not "UTC+01:00", which read as a time in UTC.
    assert published.split(None, 1)[1] == "2026-11-22 16:05 +01:00"
    west = replace(article, meta=replace(article.meta, published="2026-11-20T08:30:00-05:30"))
    assert _line(article_text(west, STYLES, NOW).plain, "Published").split(None, 1)[1] == (
        "2026-11-20 08:30 -05:30 (1d ago)"
    )
