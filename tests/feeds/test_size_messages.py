"""What a feed over the size cap is told: its size against the limit, figures that
differ ("8 MB (limit 8 MB)" was said of 8,427,209 bytes), and a compressed body that
passes the cap said as such ("more than 64 MB (limit 8 MB)" before)."""

from __future__ import annotations

import pytest

from newsdesk.cli.main import main
from newsdesk.feeds.http import MAX_BODY_BYTES, sizes_apart
from tests.feeds.server import FeedServer, Reply


def test_sizes_over_the_cap_are_said_apart_from_it(
    feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert MAX_BODY_BYTES == 8 * 1024 * 1024  # what the README says
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>'
    huge = head + b" " * (8_427_209 - len(head))
    feed_server.route("/huge.xml", Reply(body=huge))
    # A few kilobytes of gzip that inflate past the cap.
    feed_server.route("/bomb.xml", Reply(body=head + b" " * (MAX_BODY_BYTES + 4096), gzip=True))
    feed_server.route("/drip.xml", Reply(body=huge, length=False))
    for name in ("huge", "bomb", "drip"):
        assert main(["feeds", "add", f"{feed_server.url}/{name}.xml", "--name", name]) == 0
    capsys.readouterr()
    assert main(["fetch", "--all", "--timeout", "20"]) == 1
    out = capsys.readouterr().out
    assert "huge: failed: too large: 8.04 MB; the limit is 8 MB" in out
    assert "bomb: failed: too large: more than the 8 MB limit once decompressed" in out
    assert "drip: failed: too large: more than the 8 MB limit\n" in out


def test_figures_take_the_precision_that_tells_them_apart() -> None:
    mb = 1024 * 1024
    assert sizes_apart(9 * mb, 8 * mb) == ("9 MB", "8 MB")
    assert sizes_apart(8_427_209, 8 * mb) == ("8.04 MB", "8 MB")
    assert sizes_apart(8 * mb + 5000, 8 * mb) == ("8.005 MB", "8 MB")
    assert sizes_apart(8 * mb + 1, 8 * mb) == ("8,388,609 bytes", "8,388,608 bytes")
    assert sizes_apart(5000, 4000) == ("4.9 KB", "3.9 KB")
