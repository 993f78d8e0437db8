"""A daily briefing's next day under the same headline (and, in a feed, the same link and
no GUID) is another report: it repeats the standing paragraphs (greeting, tides,
sign-off) but its news is other news. Counting the standing text, it "kept most of the
words" and was written over the day before's article, whose news was lost for good."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from newsdesk.watch_revisions import Revisions
from tests.feeds.server import FeedServer, Reply

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
HEADLINE = "Morning briefing"
GREETING = (
    "Good morning. This is the Harbour Gazette morning briefing, the five things you need to "
    "know before you start your day on the coast, compiled by our overnight desk from agency "
    "copy and our own reporters."
)
TIDES = (
    "Tides today: high water at Emberly at the usual times, with moderate seas along the "
    "coast and light winds from the west. Ferry timetables are on our website and in the "
    "print edition as usual."
)
SIGN_OFF = (
    "That is all for this morning. Send your tips and comments to the newsdesk, and sign up "
    "for the evening edition of this briefing, which lands in your inbox at six o'clock."
)
SUNDAY = [
    "The council approved the new harbour budget of twelve million euros on Sunday night "
    "after a long debate in which the opposition walked out.",
    "Police are searching for a fishing boat missing since Saturday with two men aboard near "
    "the northern reefs.",
]
MONDAY = [
    "The missing fishing boat was found safe on Monday morning with both men aboard after a "
    "night sheltering behind Gull Island.",
    "Schools in the valley will stay closed on Tuesday because of snow, the education board said.",
]


def paragraphs(news: list[str]) -> list[str]:
    return [GREETING, *news, TIDES, SIGN_OFF]


def briefing_file(news: list[str]) -> str:
    return "\n\n".join([HEADLINE, *paragraphs(news)]) + "\n"


def briefing_feed(news: list[str], guid: str = "") -> bytes:
    """One item under the link (and `guid`, when given) every day's briefing has."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs(news))
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Briefing</title>'
        "<link>http://example.invalid/</link><item><title>Morning briefing</title>"
        "<link>http://example.invalid/briefing</link>"
        + (f"<guid>{guid}</guid>" if guid else "")
        + f"<description><![CDATA[{text}]]></description></item></channel></rss>"
    ).encode()


def test_the_next_days_briefing_file_is_a_new_article(tmp_path: Path) -> None:
    path = tmp_path / "briefing.txt"
    with Desk() as desk:
        watched = Revisions(
            lambda paths: desk.import_paths(paths, log=False), desk.inspect, desk.get, desk.revise
        )
        path.write_text(briefing_file(SUNDAY), encoding="utf-8")
        (sunday,) = watched([path]).imported_ids
        desk.star([sunday])
        path.write_text(briefing_file(MONDAY), encoding="utf-8")
        monday_summary = watched([path])
        assert monday_summary.updated == []
        (monday,) = monday_summary.imported_ids
        kept = desk.get(sunday)
        assert kept is not None and "harbour budget" in kept.meta.body
        assert kept.state.starred
        new = desk.get(monday)
        assert new is not None and "Gull Island" in new.meta.body
        # A correction of Monday's news, the standing text unchanged, still revises it.
        path.write_text(
            briefing_file([MONDAY[0].replace("Gull Island", "Gull Rock"), MONDAY[1]]),
            encoding="utf-8",
        )
        corrected = watched([path])
        assert corrected.updated == [(str(path), monday)] and corrected.imported == 0
        revised = desk.get(monday)
        assert revised is not None and "Gull Rock" in revised.meta.body


@pytest.mark.parametrize("guid", ["", "briefing-daily"], ids=["no-guid", "same-guid"])
def test_the_next_days_briefing_under_the_same_link_is_a_new_item(
    backend: str, feed_server: FeedServer, guid: str
) -> None:
    """Under the same link, and under the same GUID too (a feed that hands its briefing
    one GUID for good: the next day was written over the day before)."""
    with Desk(resolve()) as desk:
        feed_server.route("/b.xml", Reply(body=briefing_feed(SUNDAY, guid)))
        desk.add_feed(f"{feed_server.url}/b.xml", name="brief")
        (first,) = desk.fetch(["brief"], limits=LIMITS).feeds
        assert first.new == 1
        desk.sync_index()
        (sunday,) = desk.search("in:all", limit=None).ids
        desk.star([sunday])
        feed_server.route("/b.xml", Reply(body=briefing_feed(MONDAY, guid)))
        (second,) = desk.fetch(["brief"], limits=LIMITS).feeds
        assert (second.new, second.updated) == (1, 0)
        kept = desk.get(sunday)
        assert kept is not None and "harbour budget" in kept.meta.body
        assert kept.state.starred
        desk.sync_index()
        assert len(desk.search("budget in:all", limit=None).ids) == 1
        (monday,) = desk.search('"Gull Island" in:all', limit=None).ids
        assert monday != sunday
        # Fetched again unchanged: nothing new; corrected: Monday's article takes it.
        (third,) = desk.fetch(["brief"], limits=LIMITS).feeds
        assert (third.new, third.updated) == (0, 0)
        fixed = [MONDAY[0].replace("Gull Island", "Gull Rock"), MONDAY[1]]
        feed_server.route("/b.xml", Reply(body=briefing_feed(fixed, guid)))
        (fourth,) = desk.fetch(["brief"], limits=LIMITS).feeds
        assert (fourth.new, fourth.updated) == (0, 1)
        revised = desk.get(monday)
        assert revised is not None and "Gull Rock" in revised.meta.body
        assert desk.count() == 2
