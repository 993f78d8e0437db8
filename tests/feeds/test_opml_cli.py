"""OPML in and out, and a new user's first `feeds import` + `fetch` through `main()`."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.errors import DeskError
from tests.feeds.server import FeedServer, Reply, rss

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>my reader</title></head><body>
  <outline text="News">
    <outline text="Harbour" title="Harbour Gazette" type="rss" xmlUrl="{base}/harbour.xml"/>
    <outline text="World">
      <outline text="Valley Post" type="rss" xmlUrl="{base}/valley.xml" category="/Local,Tech"/>
    </outline>
  </outline>
  <outline text="Loose" type="rss" xmlUrl="{base}/loose.xml"/>
  <outline text="Bad scheme" type="rss" xmlUrl="file:///etc/passwd"/>
</body></opml>
"""


def write_opml(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "subscriptions.opml"
    path.write_text(OPML.format(base=base), encoding="utf-8")
    return path


def test_opml_import_reads_folders_and_round_trips(
    open_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = open_desk.import_opml(write_opml(tmp_path, "http://127.0.0.1:9"))
    assert len(report.added) == 3
    assert [u for u, _ in report.skipped] == ["file:///etc/passwd"]
    tags = {s.url.rsplit("/", 1)[1]: s.tags for s in open_desk.feeds()}
    assert tags == {
        "harbour.xml": ["news"],
        "valley.xml": ["news", "world", "local", "tech"],
        "loose.xml": [],
    }
    exported = tmp_path / "out.opml"
    exported.write_text(open_desk.export_opml(), encoding="utf-8")
    # Into an empty store: the same feeds with the same folders come back.
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "other-data"))
    with Desk() as other:
        again = other.import_opml(exported)
        assert again.skipped == []
        assert {(s.url, tuple(s.tags), s.title) for s in other.feeds()} == {
            (s.url, tuple(s.tags), s.title) for s in open_desk.feeds()
        }


def test_opml_settings_not_taken_and_empty_addresses_are_said(
    open_desk: Desk, tmp_path: Path
) -> None:
    # every="10" became 30 minutes and an outline with xmlUrl="" vanished, both silently.
    path = tmp_path / "odd.opml"
    path.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="Quick" type="rss" xmlUrl="http://127.0.0.1:9/q.xml" every="10"/>'
        '<outline text="Daily" type="rss" xmlUrl="http://127.0.0.1:9/d.xml" every="86400"/>'
        '<outline text="Nowhere" type="rss" xmlUrl=""/>'
        "</body></opml>",
        encoding="utf-8",
    )
    report = open_desk.import_opml(path)
    assert len(report.added) == 2
    assert report.skipped == [("", "Nowhere: xmlUrl is empty")]
    ((url, note),) = report.notes
    assert url.endswith("/q.xml") and 'every="10"' in note and "30 minutes" in note
    assert {s.url.rsplit("/", 1)[1]: s.every_s for s in open_desk.feeds()}["d.xml"] == 86400


def test_opml_round_trip_keeps_the_names_the_editor_gave(
    open_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`jf` came back as `jf-b-desk-b` (its title's name): `feed:jf` in saved searches and
    rules matched nothing on the new desk."""
    open_desk.add_feed("http://127.0.0.1:9/jf.xml", name="jf", tags=["africa"])
    (jf,) = open_desk.feeds()
    jf.title = "JF B desk B"  # the title its first fetch gave it
    with open_desk.store.transaction() as tx:
        open_desk.store.save_feed(tx, jf)
    open_desk.add_feed("http://127.0.0.1:9/taken.xml", name="coast")
    exported = tmp_path / "out.opml"
    exported.write_text(open_desk.export_opml(), encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "other-data"))
    with Desk() as other:
        # A name already taken on the new desk is not stolen: the feed gets one of its own.
        other.add_feed("http://127.0.0.1:9/elsewhere.xml", name="coast")
        assert other.import_opml(exported).skipped == []
        names = {s.url.rsplit("/", 1)[1]: s.name for s in other.feeds()}
        assert names["jf.xml"] == "jf"
        assert names["taken.xml"] not in ("coast", "") and names["elsewhere.xml"] == "coast"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<html><body>hi</body></html>", "not an OPML file"),
        ("<opml version='2.0'><head/></opml>", "no <body>"),
        ("<opml><body><outline text='x'/></body></opml>", "no feeds in it"),
        ("<opml><body", "not readable as OPML"),
        (
            '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY e "boom">]>'
            "<opml><body><outline xmlUrl='http://a.invalid/&e;'/></body></opml>",
            "refused",
        ),
    ],
)
def test_bad_opml_is_one_clear_error(
    open_desk: Desk, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.opml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DeskError, match=message):
        open_desk.import_opml(path)
    assert open_desk.feeds() == []


def test_new_user_imports_opml_and_fetches_through_main(
    tmp_path: Path, feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    harbour = [
        (
            f"h-{n}",
            f"Harbour notice number {n} about berths",
            f"http://example.invalid/h{n}",
            f"Berth {n} will be closed for dredging on weekday mornings, the harbour "
            f"master said, and pleasure craft must moor at the outer pontoon {n}.",
        )
        for n in range(3)
    ]
    for path, body in (
        ("/harbour.xml", rss("Harbour", harbour)),
        ("/valley.xml", rss("Valley", [])),
    ):

        def route(handler: BaseHTTPRequestHandler, body: bytes = body) -> Reply:
            if handler.headers.get("If-None-Match") == '"same"':
                return Reply(304)
            return Reply(body=body, headers={"ETag": '"same"'})

        feed_server.route(path, route)
    opml = write_opml(tmp_path, feed_server.url)
    assert main(["feeds", "import", str(opml)]) == 0
    assert "subscribed 3" in capsys.readouterr().out
    code = main(["fetch", "--timeout", "2"])
    out = capsys.readouterr().out
    assert code == 0
    assert "harbour-gazette: 3 new" in out
    assert "loose: failed: not found (404)" in out
    assert "new 3  updated 0  unchanged 1  failed 1" in out
    assert main(["fetch", "--all", "--json", "--timeout", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["new"] == 0
    by_name = {f["name"]: f for f in data["feeds"]}
    assert by_name["harbour-gazette"]["status"] == "unchanged"
    assert main(["list", "feed:harbour-gazette is:unread", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed if isinstance(listed, list) else listed["articles"]) == 3
    assert main(["fetch", "nosuchfeed"]) != 0
    err = capsys.readouterr().err
    assert "no feed named" in err and "Traceback" not in err
    # Floats that are no number of seconds: one overflowed the clock, one failed every feed.
    for bad in ("inf", "nan", "0", "-3", "99999"):
        assert main(["fetch", "--all", "--timeout", bad]) == 2, bad
        assert "--timeout must be" in capsys.readouterr().err
