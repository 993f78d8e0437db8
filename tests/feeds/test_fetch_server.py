"""Fetching against a real server on 127.0.0.1: moves, loops, throttling, errors, caps, gzip."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from tests.feeds.server import FeedServer, Reply, rss

LIMITS = Limits(connect_timeout=1, read_timeout=1, total_timeout=2)
#: For the tests that wait for a timeout to end the fetch: the wait is the test's cost.
SHORT = Limits(connect_timeout=1, read_timeout=0.4, total_timeout=0.8)

ITEMS = [
    (
        "q-1",
        "Quarry road reopens after resurfacing",
        "http://example.invalid/quarry",
        "The county said the quarry road reopened on Tuesday after three weeks of "
        "resurfacing work, and lorries may use it again from next month.",
    ),
    (
        "q-2",
        "Choir wins regional prize",
        "http://example.invalid/choir",
        "The valley choir took first place at the regional festival on Saturday, "
        "its director said, beating eleven other choirs from across the district.",
    ),
]
FEED = Reply(body=rss("Valley Post", ITEMS), headers={"Content-Type": "application/rss+xml"})


def one(desk: Desk, name: str, limits: Limits = LIMITS) -> tuple[str, str]:
    """Fetch one feed; (status, reason)."""
    (outcome,) = desk.fetch([name], limits=limits).feeds
    return outcome.status, outcome.reason or ""


def test_permanent_redirects_move_the_subscription(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    base = feed_server.url
    feed_server.route("/feed.xml", FEED)
    feed_server.route("/old301", Reply(301, headers={"Location": "/mid308"}))
    feed_server.route("/mid308", Reply(308, headers={"Location": f"{base}/feed.xml"}))
    feed_server.route("/temp302", Reply(302, headers={"Location": "/feed.xml"}))
    open_desk.add_feed(f"{base}/old301", name="moved")
    open_desk.add_feed(f"{base}/temp302", name="temp")
    # One after the other: which one stores the shared items first must not vary.
    summary = open_desk.fetch(["moved"], limits=LIMITS)
    summary.feeds += open_desk.fetch(["temp"], limits=LIMITS).feeds
    outcomes = {f.name: f for f in summary.feeds}
    assert outcomes["moved"].status == "new" and outcomes["moved"].new == 2
    assert "moved permanently" in (outcomes["moved"].message or "")
    # The same items through a temporary redirect are duplicates, not new articles.
    assert outcomes["temp"].new == 0 and outcomes["temp"].message is None
    subs = {s.name: s for s in open_desk.feeds()}
    assert subs["moved"].url == f"{base}/feed.xml"
    assert subs["temp"].url == f"{base}/temp302"
    assert open_desk.count() == 2


def test_redirect_loop_is_named(open_desk: Desk, feed_server: FeedServer) -> None:
    feed_server.route("/a", Reply(301, headers={"Location": "/b"}))
    feed_server.route("/b", Reply(302, headers={"Location": "/a"}))
    open_desk.add_feed(f"{feed_server.url}/a", name="loop")
    status, reason = one(open_desk, "loop")
    assert status == "failed" and "redirect loop" in reason
    (sub,) = open_desk.feeds()
    assert sub.url == f"{feed_server.url}/a"
    assert "redirect loop" in (sub.last_error or "")


def test_too_many_redirects(open_desk: Desk, feed_server: FeedServer) -> None:
    for n in range(10):
        feed_server.route(f"/r{n}", Reply(302, headers={"Location": f"/r{n + 1}"}))
    open_desk.add_feed(f"{feed_server.url}/r0", name="chain")
    status, reason = one(open_desk, "chain")
    assert status == "failed" and "too many redirects" in reason


def test_429_retry_after_holds_the_feed_even_for_all(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    feed_server.route("/busy", Reply(429, headers={"Retry-After": "7200"}))
    open_desk.add_feed(f"{feed_server.url}/busy", name="busy")
    before = time.time()
    status, reason = one(open_desk, "busy")
    assert status == "failed" and "429" in reason and "wait 2 h" in reason
    (sub,) = open_desk.feeds()
    assert sub.next_due_ts >= before + 7200
    assert sub.failures == 1
    asked = len(feed_server.paths())
    again = open_desk.fetch(every=True, limits=LIMITS)
    assert again.feeds == [] and again.skipped == 1
    assert len(feed_server.paths()) == asked


def test_503_with_http_date_retry_after(open_desk: Desk, feed_server: FeedServer) -> None:
    from email.utils import formatdate

    feed_server.route(
        "/maint",
        Reply(503, headers={"Retry-After": formatdate(time.time() + 3 * 3600, usegmt=True)}),
    )
    open_desk.add_feed(f"{feed_server.url}/maint", name="maint", every_s=60)
    one(open_desk, "maint")
    (sub,) = open_desk.feeds()
    assert sub.next_due_ts > time.time() + 2.5 * 3600


def test_a_wait_and_a_broken_redirect_are_said_plainly(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    # "the server asks to wait 2299739707 s"; "could not fetch (ValueError: Invalid IPv6 URL)".
    from newsdesk.feeds.http import waiting_time

    assert [waiting_time(s) for s in (45, 900, 3 * 3600, 5 * 86400, 1e10)] == [
        "45 s",
        "15 min",
        "3 h",
        "5 days",
        "over a year",
    ]
    feed_server.route("/far", Reply(503, headers={"Retry-After": "Fri, 31 Dec 2099 23:59:59 GMT"}))
    feed_server.route("/bent", Reply(301, headers={"Location": "http://[broken/feed.xml"}))
    open_desk.add_feed(f"{feed_server.url}/far", name="far")
    open_desk.add_feed(f"{feed_server.url}/bent", name="bent")
    assert one(open_desk, "far") == (
        "failed",
        "service unavailable (503); the server asks to wait over a year",
    )
    status, reason = one(open_desk, "bent")
    assert status == "failed" and "not valid" in reason and "[broken" in reason
    assert "ValueError" not in reason


def test_500_backs_off_and_recovers(open_desk: Desk, feed_server: FeedServer) -> None:
    state = {"fail": True}

    def flaky(_h: BaseHTTPRequestHandler) -> Reply:
        return Reply(500) if state["fail"] else FEED

    feed_server.route("/flaky", flaky)
    open_desk.add_feed(f"{feed_server.url}/flaky", name="flaky", every_s=600)
    before = time.time()
    assert one(open_desk, "flaky") == ("failed", "server error (500)")
    one(open_desk, "flaky")
    (sub,) = open_desk.feeds()
    assert sub.failures == 2 and sub.status == "failing"
    assert sub.next_due_ts >= before + 1200  # doubled after the second failure
    state["fail"] = False
    assert one(open_desk, "flaky")[0] == "new"
    (sub,) = open_desk.feeds()
    assert sub.failures == 0 and sub.last_error is None and sub.items == 2


def test_a_feed_moved_to_one_already_followed_says_so(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    # It kept both subscriptions without a word: one feed fetched twice.
    base = feed_server.url
    feed_server.route("/feed.xml", FEED)
    feed_server.route("/old.xml", Reply(301, headers={"Location": f"{base}/./feed.xml"}))
    open_desk.add_feed(f"{base}/feed.xml", name="valley")
    open_desk.add_feed(f"{base}/old.xml", name="old")
    (outcome,) = open_desk.fetch(["old"], limits=LIMITS).feeds
    assert "which feed 'valley' already follows" in (outcome.message or "")
    subs = {s.name: s.url for s in open_desk.feeds()}
    assert subs["old"] == f"{base}/old.xml"


def test_slow_response_past_the_read_timeout(open_desk: Desk, feed_server: FeedServer) -> None:
    # The server answers only after the fetch is over: only the read timeout ends it.
    answer = threading.Event()
    feed_server.route("/slow", Reply(body=FEED.body, hold=answer))
    open_desk.add_feed(f"{feed_server.url}/slow", name="slow")
    try:
        status, reason = one(open_desk, "slow", SHORT)
    finally:
        answer.set()
    assert status == "failed" and "timed out" in reason
    assert open_desk.count() == 0


def test_a_stop_request_leaves_a_slow_download_behind(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    # `q` in the app during a fetch from a slow server: the process (and a blank
    # terminal) lived on until the read timeout, as the download threads were joined.
    answer = threading.Event()
    feed_server.route("/slow", Reply(body=FEED.body, hold=answer))
    feed_server.route("/feed.xml", FEED)
    open_desk.add_feed(f"{feed_server.url}/slow", name="slow")
    open_desk.add_feed(f"{feed_server.url}/feed.xml", name="quick")
    stop = threading.Event()
    patient = Limits(connect_timeout=5, read_timeout=60, total_timeout=60)
    try:
        summary = open_desk.fetch(
            every=True,
            limits=patient,
            progress=lambda *_: stop.set(),
            should_stop=stop.is_set,
        )
        left = [t for t in threading.enumerate() if t.name.startswith("newsdesk-download")]
        assert not answer.is_set()  # back while the server still holds the request
    finally:
        answer.set()
    assert [f.name for f in summary.feeds] == ["quick"]
    assert left and all(t.daemon for t in left)  # the interpreter's exit does not wait
    subs = {s.name: s for s in open_desk.feeds()}
    assert subs["slow"].last_fetched is None and subs["quick"].items == 2


def test_drip_past_the_whole_response_deadline(open_desk: Desk, feed_server: FeedServer) -> None:
    feed_server.route("/drip", Reply(body=b" " * 4000 + FEED.body, drip=0.05))
    open_desk.add_feed(f"{feed_server.url}/drip", name="drip")
    # The drip takes over 3 s (longer under load), past the 0.8 s deadline, and no pause
    # between its bytes reaches the read timeout: only the deadline can end the fetch.
    status, reason = one(open_desk, "drip", SHORT)
    assert status == "failed" and "timed out" in reason


def test_body_over_the_cap(open_desk: Desk, feed_server: FeedServer) -> None:
    big = rss(
        "Big",
        [(f"b-{n}", f"Item {n}", f"http://example.invalid/{n}", "x" * 200) for n in range(40)],
    )
    feed_server.route("/declared", Reply(body=big))
    feed_server.route("/undeclared", Reply(body=big, length=False))
    feed_server.route("/bomb", Reply(body=big + b" " * 200_000, gzip=True))
    for name in ("declared", "undeclared", "bomb"):
        open_desk.add_feed(f"{feed_server.url}/{name}", name=name)
    limits = Limits(connect_timeout=1, read_timeout=1, total_timeout=2, max_bytes=4000)
    outcomes = {f.name: f for f in open_desk.fetch(limits=limits).feeds}
    assert all(o.status == "failed" for o in outcomes.values())
    assert all("too large" in (o.reason or "") for o in outcomes.values())
    assert "more than" in (outcomes["undeclared"].reason or "")
    assert open_desk.count() == 0


def test_gzip_body_and_last_modified_304(open_desk: Desk, feed_server: FeedServer) -> None:
    stamp = "Wed, 02 Dec 2026 10:00:00 GMT"

    def route(handler: BaseHTTPRequestHandler) -> Reply:
        if handler.headers.get("If-Modified-Since") == stamp:
            return Reply(304)
        return Reply(body=FEED.body, gzip=True, headers={"Last-Modified": stamp})

    feed_server.route("/zipped", route)
    open_desk.add_feed(f"{feed_server.url}/zipped", name="zipped")
    assert one(open_desk, "zipped")[0] == "new"
    assert open_desk.count() == 2
    _path, headers = feed_server.requests[0]
    assert "gzip" in headers.get("Accept-Encoding", "")
    assert headers.get("User-Agent", "").startswith("newsdesk/")
    assert one(open_desk, "zipped") == ("unchanged", "")
    assert feed_server.requests[-1][1].get("If-Modified-Since") == stamp
    assert open_desk.count() == 2


def test_truncated_body(open_desk: Desk, feed_server: FeedServer) -> None:
    feed_server.route("/cut", Reply(body=FEED.body[:300], short_by=500))
    open_desk.add_feed(f"{feed_server.url}/cut", name="cut")
    status, reason = one(open_desk, "cut")
    assert status == "failed" and "cut short" in reason


def test_wrong_content_types(open_desk: Desk, feed_server: FeedServer) -> None:
    # A real feed with a wrong label is still a feed; JSON or an image is not.
    feed_server.route("/plain", Reply(body=FEED.body, headers={"Content-Type": "text/plain"}))
    feed_server.route(
        "/json", Reply(body=b'{"status": "ok"}', headers={"Content-Type": "application/json"})
    )
    feed_server.route(
        "/png", Reply(body=b"\x89PNG\r\n\x1a\n" + bytes(200), headers={"Content-Type": "image/png"})
    )
    for name in ("plain", "json", "png"):
        open_desk.add_feed(f"{feed_server.url}/{name}", name=name)
    outcomes = {f.name: f for f in open_desk.fetch(limits=LIMITS).feeds}
    assert outcomes["plain"].new == 2
    for name in ("json", "png"):
        assert outcomes[name].status == "failed"
        assert outcomes[name].reason
    # One reason, not what the JSON Lines reader said of it too ("line 1: no title").
    assert "sent JSON" in (outcomes["json"].reason or "")
    assert outcomes["json"].warnings == []
    assert open_desk.count() == 2


def test_full_text_fetches_pages_on_the_same_server(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    base = feed_server.url
    article = (
        "<html><head><title>Quarry road reopens</title></head><body><article>"
        "<h1>Quarry road reopens after resurfacing</h1>"
        + "".join(
            f"<p>Paragraph {n}: the council engineer walked the new surface and counted the "
            f"drains, the signs and the passing places one by one before the barriers lifted.</p>"
            for n in range(8)
        )
        + "</article></body></html>"
    ).encode()
    feed_server.route("/story/quarry", Reply(body=article, headers={"Content-Type": "text/html"}))
    items = [
        (ITEMS[0][0], ITEMS[0][1], f"{base}/story/quarry", ITEMS[0][3]),
        (ITEMS[1][0], ITEMS[1][1], f"{base}/story/missing", ITEMS[1][3]),
    ]
    feed_server.route("/ft.xml", Reply(body=rss("Valley Post", items)))
    open_desk.add_feed(f"{base}/ft.xml", name="ft", full_text=True)
    (outcome,) = open_desk.fetch(limits=LIMITS).feeds
    assert outcome.new == 2
    assert any("missing" in w or "Choir" in w for w in outcome.warnings)
    assert any("kept the summary" in w for w in outcome.warnings)
    stored = [open_desk.get(i) for i in outcome.new_ids]
    bodies = {a.title: a for a in stored if a is not None}
    quarry = bodies["Quarry road reopens after resurfacing"]
    assert "Paragraph 7" in quarry.meta.body and quarry.meta.guid == "http://example.invalid/#q-1"
    choir = bodies["Choir wins regional prize"]
    assert "valley choir" in choir.meta.body
    # A second fetch of a changed feed does not fetch the stored items' pages again.
    feed_server.route("/ft.xml", Reply(body=rss("Valley Post", items) + b" "))
    pages_before = feed_server.paths().count("/story/quarry")
    open_desk.fetch(["ft"], limits=LIMITS)
    assert feed_server.paths().count("/story/quarry") == pages_before


def test_full_text_keeps_the_feeds_headline_and_date(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    # The page's own title and date replaced the feed's.
    base = feed_server.url
    page = (
        "<html><head><title>Old SEO title | Valley Post</title>"
        '<meta property="article:published_time" content="2019-11-20T08:00:00Z"></head>'
        "<body><article><h1>Old SEO title</h1>"
        + "".join(
            f"<p>Paragraph {n}: the ferry company said the winter timetable would add two "
            "sailings a day, and the harbour master agreed to open the north berth.</p>"
            for n in range(8)
        )
        + "</article></body></html>"
    ).encode()
    feed_server.route("/story/ferry", Reply(body=page, headers={"Content-Type": "text/html"}))
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>'
        "<link>http://example.invalid/</link><description>d</description><item>"
        "<title>Ferry adds winter sailings</title><guid>ferry-1</guid>"
        f"<link>{base}/story/ferry</link><pubDate>Mon, 01 Dec 2025 09:30:00 GMT</pubDate>"
        "<description>Two more sailings a day.</description></item></channel></rss>"
    ).encode()
    feed_server.route("/ferry.xml", Reply(body=feed))
    open_desk.add_feed(f"{base}/ferry.xml", name="ferry", full_text=True)
    (outcome,) = open_desk.fetch(limits=LIMITS).feeds
    [article] = [open_desk.get(i) for i in outcome.new_ids]
    assert article is not None
    assert article.meta.title == "Ferry adds winter sailings"
    assert (article.meta.published or "").startswith("2025-12-01T09:30")
    assert "Paragraph 7" in article.meta.body  # the page's text all the same


def test_wire_copy_served_at_a_feed_url_arrives_and_its_versions_settle(
    open_desk: Desk, feed_server: FeedServer
) -> None:
    """An agency's endpoint serving NewsML-G2 was "not a feed: the server sent newsml"."""
    from pathlib import Path

    wire = Path(__file__).resolve().parents[2] / "sample_data" / "wire"
    first, second = (wire / "pws-portugal-storm-1.xml", wire / "pws-portugal-storm-2.xml")
    xml = {"Content-Type": "application/vnd.iptc.g2.newsitem+xml"}
    feed_server.route("/wire", Reply(body=first.read_bytes(), headers=xml))
    open_desk.add_feed(f"{feed_server.url}/wire", name="pws")
    (outcome,) = open_desk.fetch(["pws"], limits=LIMITS).feeds
    assert outcome.status == "new" and outcome.new == 1
    feed_server.route("/wire", Reply(body=second.read_bytes(), headers=xml))
    (again,) = open_desk.fetch(["pws"], every=True, limits=LIMITS).feeds
    assert again.new == 1
    # Two versions of one item: one current version in the inbox.
    assert len(open_desk.inbox_ids()) == 1 and open_desk.count() == 2
    # A JSON Feed is a feed (one without items has nothing new); other JSON is named as
    # such, not "jsonl".
    feed_server.route("/json", Reply(body=b'{"version": "https://jsonfeed.org/version/1.1"}'))
    open_desk.add_feed(f"{feed_server.url}/json", name="jf")
    (empty,) = open_desk.fetch(["jf"], limits=LIMITS).feeds
    assert (empty.status, empty.reason) == ("unchanged", None)
    feed_server.route("/json", Reply(body=b'{"version": "2", "items": []}'))
    (failed,) = open_desk.fetch(["jf"], limits=LIMITS).feeds
    assert failed.reason is not None and "sent JSON" in failed.reason


def test_a_broken_feed_with_no_whole_item_fails(open_desk: Desk, feed_server: FeedServer) -> None:
    """It was "unchanged" and ok: broken XML whose only item is cut short is no empty feed."""
    broken = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>'
        b"<item><title>Half an item<title><description>oops</channel>"
    )
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    feed_server.route("/broken.xml", Reply(body=broken))
    feed_server.route("/empty.xml", Reply(body=empty))
    open_desk.add_feed(f"{feed_server.url}/broken.xml", name="broken")
    open_desk.add_feed(f"{feed_server.url}/empty.xml", name="empty")
    status, reason = one(open_desk, "broken")
    assert status == "failed" and "malformed XML" in reason
    assert one(open_desk, "empty") == ("unchanged", "")
    subs = {s.name: s for s in open_desk.feeds()}
    assert subs["broken"].last_error and "malformed XML" in subs["broken"].last_error
    assert subs["empty"].last_error is None
