"""`feeds remove` names the saved searches that still say `feed:NAME` (as `feeds set
--name` does), and feed output counts one item as "1 item"."""

from __future__ import annotations

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

ITEM = ("r-1", "Probe lands", "http://example.invalid/probe", "The probe landed on Friday.")


def test_remove_names_saved_searches_of_the_feed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["feeds", "add", "http://reg.invalid/science.xml", "--name", "the-register"]) == 0
    assert main(["feeds", "add", "http://reg.invalid/other.xml", "--name", "the-register-2"]) == 0
    assert main(["saved", "add", "reg", "feed:the-register is:unread"]) == 0
    assert main(["saved", "add", "two", "feed:the-register-2"]) == 0
    capsys.readouterr()
    assert main(["feeds", "remove", "the-register"]) == 0
    out = capsys.readouterr()
    said = out.out + out.err
    assert "saved search reg still says feed:the-register, a name no feed has now" in said
    assert "saved search two" not in said  # another feed's name that begins alike
    with Desk(resolve()) as desk:
        done = desk.remove_feed("the-register-2")
    assert done.still_old == ["saved search two"]


def test_one_item_is_said_in_the_singular(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.route("/one.xml", Reply(body=rss("One", [ITEM])))
    assert main(["feeds", "add", f"{feed_server.url}/one.xml", "--name", "one"]) == 0
    assert main(["fetch", "one", "--timeout", "2"]) == 0
    capsys.readouterr()
    assert main(["fetch", "one", "--timeout", "2"]) == 0
    assert "one: unchanged (1 item already stored)" in capsys.readouterr().out
    # The narrow list (a long URL does not fit beside the table's columns).
    long_path = "/one.xml?" + "x" * 200
    feed_server.route(long_path, Reply(body=rss("One", [ITEM])))
    assert main(["feeds", "add", f"{feed_server.url}{long_path}", "--name", "long"]) == 0
    assert main(["fetch", "long", "--timeout", "2"]) == 0
    capsys.readouterr()
    assert main(["feeds", "list"]) == 0
    out = capsys.readouterr().out
    assert "1 item, 1 unread" in out and "1 items" not in out
