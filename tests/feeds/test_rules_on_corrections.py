"""Rules on a feed's arrivals: a correction never takes away an article the editor has
acted on, and the fetch says what the rules archived.

A killfile (`title:horoscope archive`) archived an article the editor had starred
and tagged once its feed re-titled it "... horoscope"; `fetch` said only "1 updated"
and the starred article left the inbox. The app said "1 article arrived from due
feeds." and counted it in "arrived since" when a killfile had archived it at once.
"""

from __future__ import annotations

import json

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import resolve
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)


def _item(n: int, title: str) -> tuple[str, str, str, str]:
    return (
        f"lh-{n}",
        title,
        f"http://example.invalid/lighthouse/{n}",
        f"The old lighthouse on headland {n} will be restored by volunteers over the summer "
        "months, the trust said, and opened to visitors the year after.",
    )


def _serve(feed_server: FeedServer, titles: list[str]) -> None:
    items = [_item(n, title) for n, title in enumerate(titles)]
    feed_server.route("/coast.xml", Reply(body=rss("Coast Courier", items)))


def _fetch(desk: Desk) -> tuple[int, int, dict[str, list[str]], dict[str, list[str]], str]:
    summary = desk.fetch(["coast"], limits=LIMITS)
    return (
        summary.new,
        summary.updated,
        summary.archived_by_rule,
        summary.spared_by_rule,
        summary.arrival_notice(),
    )


def test_a_correction_never_archives_what_the_editor_acted_on(
    backend: str, feed_server: FeedServer
) -> None:
    titles = [f"Lighthouse restoration on headland {n}" for n in range(5)]
    _serve(feed_server, titles)
    with Desk(resolve()) as desk:
        desk.add_feed(f"{feed_server.url}/coast.xml", name="coast")
        desk.add_rule("flag", "title:lighthouse", ["star"])
        desk.add_rule("kill", "title:horoscope", ["archive", "read"])
        new, *_ = _fetch(desk)
        assert new == 5
        ids = {desk.get(i).meta.title[-1]: i for i in desk.inbox_ids()}  # type: ignore[union-attr]
        desk.star(list(ids.values()), on=False)  # the rule's stars off: the editor's below
        desk.star([ids["0"]])
        desk.tag([ids["1"]], add=["follow-up"])
        desk.set_note(ids["2"], "call the trust")
        desk.mark_read([ids["3"]])  # read only: no act that keeps it
        # Every item re-titled into the killfile.
        _serve(feed_server, [f"{t}: your horoscope" for t in titles])
        new, updated, archived, spared, notice = _fetch(desk)
        assert (new, updated) == (0, 5)
        assert sorted(spared["kill"]) == sorted([ids["0"], ids["1"], ids["2"]])
        assert sorted(archived["kill"]) == sorted([ids["3"], ids["4"]])
        for n in "012":
            state = desk.get(ids[n]).state  # type: ignore[union-attr]
            assert not state.archived and not state.read
        assert desk.get(ids["0"]).state.starred  # type: ignore[union-attr]
        for n in "34":
            assert desk.get(ids[n]).state.archived  # type: ignore[union-attr]
        assert "archived 2 by rule kill" in notice
        assert "left 3 corrected articles you had acted on where you left them" in notice


def test_a_star_a_rule_gave_does_not_keep_a_correction_from_the_killfile(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    _serve(feed_server, ["Lighthouse restoration begins"])
    open_desk.add_feed(f"{feed_server.url}/coast.xml", name="coast")
    open_desk.add_rule("flag", "title:lighthouse", ["star", "+coast-desk"])
    open_desk.add_rule("kill", "title:horoscope", ["archive"])
    _fetch(open_desk)
    _serve(feed_server, ["Lighthouse restoration begins: your horoscope"])
    _, updated, archived, spared, _ = _fetch(open_desk)
    assert updated == 1 and len(archived["kill"]) == 1 and spared == {}
    (article,) = open_desk.get_many(archived["kill"])
    assert article.state.archived and article.state.starred


def test_fetch_says_what_the_rules_archived_on_arrival(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _serve(feed_server, ["Lighthouse restoration begins"])
    assert main(["feeds", "add", f"{feed_server.url}/coast.xml", "--name", "coast"]) == 0
    assert main(["rules", "add", "kill", "title:horoscope", "archive"]) == 0
    assert main(["fetch", "--timeout", "5"]) == 0
    (article_id,) = json.loads(_out(capsys, ["list", "--json"]))
    assert main(["star", article_id["id"]]) == 0
    assert main(["tag", article_id["id"], "+follow-up"]) == 0
    _serve(feed_server, ["Lighthouse restoration begins", "Horoscope for Wednesday"])
    capsys.readouterr()
    assert main(["fetch", "coast", "--timeout", "5"]) == 0
    said = capsys.readouterr()
    assert "archived 1 by rule kill" in said.err
    _serve(feed_server, ["Lighthouse horoscope", "Horoscope for Wednesday"])
    data = json.loads(_out(capsys, ["fetch", "coast", "--json", "--timeout", "5"]))
    assert data["updated"] == 1 and data["archived_on_arrival"] == 0
    assert data["left_by_rule"] == {"kill": 1}
    shown = json.loads(_out(capsys, ["show", article_id["id"], "--json"]))
    assert shown["starred"] and not shown["archived"]


def test_the_arrival_notice_counts_only_what_the_inbox_shows(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    """The app's notice and its "arrived since" read `arrival_notice` and `arrived`."""
    open_desk.add_rule("kill", "title:horoscope", ["archive"])
    _serve(feed_server, ["Lighthouse restoration begins"])
    open_desk.add_feed(f"{feed_server.url}/coast.xml", name="coast")
    _fetch(open_desk)
    _serve(feed_server, ["Lighthouse restoration begins", "Horoscope for Wednesday"])
    summary = open_desk.fetch(["coast"], limits=LIMITS)
    assert summary.new == 1 and summary.arrived == 0
    assert summary.arrival_notice() == "1 article arrived from coast, archived 1 by rule kill."


def _out(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    capsys.readouterr()
    assert main(argv) == 0
    return capsys.readouterr().out
