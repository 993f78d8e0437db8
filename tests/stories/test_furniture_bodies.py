"""A text many items carry (a paywall's teaser, boilerplate) or one too short to be
evidence never makes different headlines one story.

A paywalled feed gave its four items, under four headlines ("Mayor resigns...",
"Storm closes schools...") one description: they were "4 versions" of one story and
`z` then `a` archived all four. Two undated one-line articles sharing "body text that
is long enough" ("Pipe headline", "Deep") were one story too."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.stories import score as scoring
from newsdesk.stories.signature import compute

HEADLINES = [
    "Mayor resigns after budget row",
    "Storm closes schools across county",
    "Local team wins regional final",
    "New hospital wing opens to patients",
]
BOILERPLATE = (
    "This article is reserved for our subscribers. Become a member of the County Herald "
    "today to read every local report, receive the morning newsletter, join debates with "
    "our reporters, support independent journalism in the valley and enjoy puzzles, "
    "recipes, obituaries and the weekend magazine on any device, wherever you are."
)
TEASERS = {
    "subscribe": "Subscribe to read the full story on our website.",
    "continue": "Continue reading...",
    "empty": "",
    "boilerplate": BOILERPLATE,
}


def _feed(description: str) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>https://herald.example/{n}</link>"
        f"<guid>herald-{n}</guid><pubDate>Mon, 07 Dec 2026 0{n}:00:00 GMT</pubDate>"
        f"<description>{description}</description></item>"
        for n, title in enumerate(HEADLINES)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>County Herald</title>'
        f"<link>https://herald.example/</link><description>News</description>{items}"
        "</channel></rss>"
    )


@pytest.mark.parametrize("kind", sorted(TEASERS))
def test_a_teaser_feeds_items_are_stories_of_their_own(
    desk: Desk, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "teaser.xml"
    path.write_text(_feed(TEASERS[kind]), encoding="utf-8")
    summary = desk.import_paths([path])
    assert summary.imported == len(HEADLINES)
    stories = {desk.get(a).story_id for a in summary.imported_ids}  # type: ignore[union-attr]
    assert len(stories) == len(HEADLINES)


def test_one_teaser_fetched_twice_joins_no_earlier_item(desk: Desk, tmp_path: Path) -> None:
    """Items of one outlet sharing its furniture across fetches (no file to count in)."""
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    text = _feed(BOILERPLATE)
    cut = text.index("<item>", text.index("<item>") + 1)
    first.write_text(text[:cut] + "</channel></rss>", encoding="utf-8")
    second.write_text(text[: text.index("<item>")] + text[cut:], encoding="utf-8")
    ids = desk.import_paths([first]).imported_ids + desk.import_paths([second]).imported_ids
    assert len(ids) == len(HEADLINES)
    assert len({desk.get(a).story_id for a in ids}) == len(HEADLINES)  # type: ignore[union-attr]


def test_short_bodies_sharing_a_few_words_are_two_stories(desk: Desk, tmp_path: Path) -> None:
    pipe, deep = tmp_path / "pipe.txt", tmp_path / "deep.txt"
    pipe.write_text("Pipe headline\n\nPipe body text that is long enough here.\n")
    deep.write_text(
        "Deep\n\nDeep body text that is long enough to be an article body for the extractor.\n"
    )
    summary = desk.import_paths([pipe, deep])
    assert summary.imported == 2
    stories = {desk.get(a).story_id for a in summary.imported_ids}  # type: ignore[union-attr]
    assert len(stories) == 2


def _pair(
    first: tuple[str, str, str], second: tuple[str, str, str]
) -> tuple[scoring.Features, float]:
    a, b = (
        compute(Extracted(title=t, body=body, source=source)) for t, source, body in (first, second)
    )
    f = scoring.features(a, b, 0.0, 3600.0)
    return f, scoring.score(f)


def test_one_outlets_boilerplate_under_two_headlines_is_no_update() -> None:
    f, value = _pair(
        (HEADLINES[0], "County Herald", BOILERPLATE), (HEADLINES[1], "County Herald", BOILERPLATE)
    )
    assert f.furniture_body
    assert value == 0.0 and scoring.same_outlet_apart(f, value)
    assert not scoring.is_copy(f)


WIRE = (
    "Firefighters battled a blaze at the Dyer Lane grain store in Carrow through the night, "
    "and the town's fire service said on Tuesday that nobody had been hurt. Crews from three "
    "stations kept the flames from reaching the neighbouring timber yard, and residents of "
    "twelve houses were moved to the school hall as a precaution. The owner, Carrow Grain, "
    "said the store held the harvest of forty farms and that the cause was not yet known."
)


def test_a_syndicated_copy_under_another_headline_is_still_one_story() -> None:
    f, value = _pair(
        ("Fire destroys Carrow grain store", "Imp Wire", WIRE),
        ("Blaze guts grain store on Dyer Lane", "Carrow Echo", WIRE),
    )
    assert f.syndicated and value == 1.0
