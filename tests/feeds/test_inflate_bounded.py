"""A compressed feed is inflated within the cap: a gzip bomb never fills memory
(httpx inflated each 64 KB piece whole, about 64 MB of zeros at once), and gzip,
zlib-wrapped and raw deflate bodies all read back as sent."""

from __future__ import annotations

import tracemalloc
import zlib

import pytest

from newsdesk.feeds.http import Client, Limits
from newsdesk.ingest.inflate import Inflater, TooLarge
from tests.feeds.server import FeedServer, Reply

MB = 1024 * 1024


def _compressed(size: int, wbits: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = b"\0" * MB
    parts = [packer.compress(block) for _ in range(size // MB)]
    parts.append(packer.flush())
    return b"".join(parts)


def test_a_gzip_bomb_is_refused_without_holding_it(feed_server: FeedServer) -> None:
    bomb = _compressed(200 * MB, zlib.MAX_WBITS | 16)
    assert len(bomb) < 400_000
    feed_server.route("/bomb.xml", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    with Client(Limits(max_bytes=1 * MB)) as client:
        tracemalloc.start()
        try:
            got = client.get(f"{feed_server.url}/bomb.xml")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert got.error == "too large: more than the 1 MB limit once decompressed"
    assert got.body == b""
    assert peak < 6 * MB, f"peak {peak / MB:.1f} MB while refusing a 1 MB-capped bomb"


@pytest.mark.parametrize(
    ("encoding", "wbits"),
    [("gzip", zlib.MAX_WBITS | 16), ("deflate", zlib.MAX_WBITS), ("deflate", -zlib.MAX_WBITS)],
)
def test_compressed_bodies_read_back_as_sent(
    feed_server: FeedServer, encoding: str, wbits: int
) -> None:
    text = b"<rss><channel><title>Harbour</title></channel></rss>" + bytes(range(256)) * 4000
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    body = packer.compress(text) + packer.flush()
    feed_server.route("/feed.xml", Reply(body=body, headers={"Content-Encoding": encoding}))
    with Client() as client:
        got = client.get(f"{feed_server.url}/feed.xml")
    assert got.error is None
    assert got.body == text


def test_a_broken_gzip_body_is_said_to_be_undecodable(feed_server: FeedServer) -> None:
    feed_server.route(
        "/broken.xml",
        Reply(body=b"\x1f\x8b\x08\x00garbage" * 10, headers={"Content-Encoding": "gzip"}),
    )
    with Client() as client:
        got = client.get(f"{feed_server.url}/broken.xml")
    assert got.error is not None
    assert got.error.startswith("the compressed response could not be decoded")


def test_the_inflater_stops_at_the_cap_a_step_at_a_time() -> None:
    inflater = Inflater(zlib.MAX_WBITS | 16, cap=3 * MB)
    bomb = _compressed(50 * MB, zlib.MAX_WBITS | 16)
    out = 0
    with pytest.raises(TooLarge):
        for piece in inflater.feed(bomb):
            assert len(piece) <= 256 * 1024
            out += len(piece)
    assert 2 * MB < out <= 3 * MB + 1
