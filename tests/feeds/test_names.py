"""Default feed names, for feeds whose document gives no title."""

from __future__ import annotations

import pytest

from newsdesk.feeds.names import name_from_url, unique_name


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.example.org/rss", "example"),
        ("http://127.0.0.1:8765/cape.xml", "cape"),  # an address: the file names it
        ("http://[::1]/feeds/wire.atom", "wire"),
        ("http://intranet/desk/harbour.rss", "harbour"),
        ("http://127.0.0.1:8765/rss.xml", "127-0-0-1-8765"),  # a generic file: host and port
        ("http://localhost:8000/feed", "localhost-8000"),
    ],
)
def test_name_from_url(url: str, name: str) -> None:
    assert name_from_url(url) == name


def test_unique_name() -> None:
    assert unique_name("cape", {"cape", "cape-2"}) == "cape-3"
