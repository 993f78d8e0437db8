"""What a fetch kept from its items that it once dropped without a word: a date in the
far future (the item sorted as undated and nothing said why), and a re-telling cut
short that the stored text was kept over (the summary said "unchanged")."""

from __future__ import annotations

import json

import pytest

from newsdesk.cli.main import main
from tests.feeds.server import FeedServer, Reply

TEXT = " ".join(
    f"Councillor number {n} told the meeting in Quillport that the {topic} would need "
    "careful work before the winter storms arrived and the tides rose again this year."
    for n, topic in enumerate(["harbour wall", "ferry ramp", "fish market", "lifeboat station"])
)


def _rss(items: list[tuple[str, str, str, str]]) -> bytes:
    """(guid, title, pubDate, description) items."""
    parts = ['<?xml version="1.0"?><rss version="2.0"><channel><title>Tide</title>']
    for guid, title, date, text in items:
        parts.append(
            f"<item><guid>{guid}</guid><title>{title}</title><pubDate>{date}</pubDate>"
            f"<description>{text}</description></item>"
        )
    return ("".join(parts) + "</channel></rss>").encode()


def test_an_item_dated_in_the_far_future_is_said(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    body = _rss(
        [
            ("t-1", "Harbour wall to be rebuilt", "Tue, 01 Jan 2030 09:00:00 GMT", TEXT),
            ("t-2", "Ferry strike ends", "Mon, 07 Dec 2026 09:00:00 GMT", "The strike ended."),
        ]
    )
    feed_server.route("/tide.xml", Reply(body=body))
    assert main(["feeds", "add", f"{feed_server.url}/tide.xml", "--name", "tide"]) == 0
    capsys.readouterr()
    assert main(["fetch", "--all", "--timeout", "2"]) == 0
    assert "! 1 item's date 2030-01-01 ignored: in the future" in capsys.readouterr().out
    feed_server.route("/tide.xml", Reply(body=body.replace(b"t-1", b"t-3")))
    assert main(["fetch", "--all", "--json", "--timeout", "2"]) == 0
    (feed,) = json.loads(capsys.readouterr().out)["feeds"]
    assert feed["warnings"] == ["1 item's date 2030-01-01 ignored: in the future"]


def test_several_future_dates_are_said_in_one_line() -> None:
    from newsdesk.feeds.download import future_dates_once

    said = future_dates_once(
        [
            'item 1 "A": date 2030-01-01 ignored: in the future',
            "malformed XML (x); recovered 3 items",
            'item 3 "C": date 2031-02-02 ignored: in the future',
        ]
    )
    assert said == [
        "2 items' dates (2030-01-01, 2031-02-02) ignored: in the future",
        "malformed XML (x); recovered 3 items",
    ]


def test_a_telling_cut_short_that_kept_the_stored_text_is_said(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    date = "Mon, 07 Dec 2026 09:00:00 GMT"
    feed_server.route("/tide.xml", Reply(body=_rss([("t-1", "Harbour wall", date, TEXT)])))
    assert main(["feeds", "add", f"{feed_server.url}/tide.xml", "--name", "tide"]) == 0
    assert main(["fetch", "--all", "--timeout", "2"]) == 0
    capsys.readouterr()
    teaser = _rss([("t-1", "Harbour wall", date, "Read more at our site.")])
    feed_server.route("/tide.xml", Reply(body=teaser))
    assert main(["fetch", "--all", "--timeout", "2"]) == 0
    out = capsys.readouterr().out
    assert "tide: unchanged (1 item already stored; 1 item told again shorter: its stored" in out
    feed_server.route("/tide.xml", Reply(body=teaser.replace(b"site.", b"site!")))
    assert main(["fetch", "--all", "--json", "--timeout", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kept_longer"] == 1 and data["feeds"][0]["kept_longer"] == 1
