"""A feed's name as it is shown: the feeds screen keeps the end of a long name (names
made unique differ there), and `feeds add --name` says the name the feed is called by."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsdesk.cli.main import main
from newsdesk.feeds.subscription import Subscription


def test_the_feeds_screen_tells_two_long_names_apart() -> None:
    """Both were cut to "bold-red-hostile-times" at 22 cells."""
    from newsdesk.tui.screens.feeds import COLUMNS, feed_row

    now = datetime.now(UTC)
    shown = [
        feed_row(Subscription(name=name, url=f"http://example.invalid/{n}", every_s=60), now)[
            0
        ].plain
        for n, name in enumerate(
            ("bold-red-hostile-times-31mred", "bold-red-hostile-times-31mred-2")
        )
    ]
    width = COLUMNS[0][1]
    assert all(len(name) <= width for name in shown)
    assert shown[0] != shown[1]
    assert shown[0].endswith("31mred") and shown[1].endswith("31mred-2")
    assert all("…" in name for name in shown)
    short = feed_row(Subscription(name="harbour", url="http://example.invalid/", every_s=60), now)
    assert short[0].plain == "harbour"


def test_feeds_add_says_the_name_the_feed_is_called_by(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """It printed "subscribed a" for `--name A`, lower-cased without a word."""
    assert main(["feeds", "add", "http://127.0.0.1:9/harbour.xml", "--name", "A"]) == 0
    said = capsys.readouterr()
    assert said.out.startswith("subscribed as a: http://127.0.0.1:9/harbour.xml")
    assert "named a, not 'A'" in said.err
    assert main(["feeds", "add", "http://127.0.0.1:9/coast.xml", "--name", "coast"]) == 0
    said = capsys.readouterr()
    assert said.out.startswith("subscribed as coast: ")
    assert "named" not in said.err  # the name given as typed: nothing to say
