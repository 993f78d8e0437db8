"""What a watch passes over or takes up again is said: a watched folder that came back
after "no watched folder exists any more; waiting" was watched again unsaid, and a link
to a file outside the folder was skipped without a word."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.feeds.test_watch import Watcher, story, wait_for


def test_a_folder_back_and_a_link_leading_out_are_said(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    outside = tmp_path / "outside.md"
    outside.write_text(story(9), encoding="utf-8")
    running = Watcher([drop])
    running.thread.start()
    try:
        (drop / "first.md").write_text(story(1), encoding="utf-8")
        wait_for(lambda: "first.md" in running.files())
        os.symlink(outside, drop / "linked.md")
        (drop / "second.md").write_text(story(2), encoding="utf-8")
        wait_for(lambda: "second.md" in running.files())
        wait_for(
            lambda: any("linked.md" in e for e in running.errors), shown=lambda: str(running.errors)
        )
        shutil.rmtree(drop)
        wait_for(
            lambda: any("waiting" in e for e in running.errors), shown=lambda: str(running.errors)
        )
        drop.mkdir()
        wait_for(
            lambda: any("watching again" in e for e in running.errors),
            shown=lambda: str(running.errors),
        )
        (drop / "third.md").write_text(story(3), encoding="utf-8")
        wait_for(lambda: "third.md" in running.files())
    finally:
        running.stop.set()
        running.thread.join(10)
    (link,) = [e for e in running.errors if "linked.md" in e]
    assert "outside the watched folders; not imported" in link
    assert "linked.md" not in running.files()
    assert any(e == f"watching again: {drop}" for e in running.errors)
