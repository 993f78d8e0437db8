"""A symlink to a folder appearing in a watched folder is not followed: a loop
(`sub/loop -> ..`) imported the whole tree again under sub/loop/."""

from __future__ import annotations

import os
from pathlib import Path

from tests.feeds.test_watch import Watcher, story, wait_for


def test_a_symlink_loop_in_a_watched_folder_is_not_followed(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    (drop / "sub").mkdir(parents=True)
    (drop / "first.md").write_text(story(1), encoding="utf-8")
    running = Watcher([drop])
    running.thread.start()
    try:
        wait_for(lambda: "first.md" in running.files())
        os.symlink("..", drop / "sub" / "loop")
        (drop / "sub" / "inner").mkdir()  # a real folder still is looked through
        (drop / "sub" / "inner" / "second.md").write_text(story(2), encoding="utf-8")
        (drop / "third.md").write_text(story(3), encoding="utf-8")
        wait_for(lambda: {"second.md", "third.md"} <= set(running.files()))
    finally:
        running.stop.set()
        running.thread.join(10)
    assert not running.thread.is_alive()
    with running._lock:
        imported = [Path(f.path) for s in running.summaries for f in s.files]
    assert not [path for path in imported if "loop" in path.parts], imported
    assert sorted(path.name for path in imported) == ["first.md", "second.md", "third.md"]
