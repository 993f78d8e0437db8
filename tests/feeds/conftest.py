from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsdesk.desk import Desk
from tests.feeds.server import FeedServer


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture
def open_desk() -> Iterator[Desk]:
    with Desk() as opened:
        yield opened
