"""Real pages nobody here wrote: unrelated stories stay apart, copies of one page group.

Skips without ../shared. The pages are read in place, never copied.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.stories.grouping import StoryGrouper

pytestmark = pytest.mark.realworld


def _meta(path: Path) -> Extracted:
    lines = [line for line in path.read_text(errors="replace").splitlines() if line.strip()]
    return Extracted(title=lines[0][:200], body="\n\n".join(lines[1:]))


def test_unrelated_real_articles_stay_apart_and_page_copies_join(shared_dir: Path) -> None:
    text = shared_dir / "realworld" / "text"
    names = sorted(
        p.name.removesuffix(".from_headline.txt") for p in text.glob("*.from_headline.txt")
    )
    assert len(names) >= 30
    conn = sqlite3.connect(":memory:")
    create_tables(conn)
    grouper = StoryGrouper(SqliteStoryTables(conn))
    # No dates: no time window helps; only content keeps these apart.
    stories = {
        n: grouper.assign(f"{n}/h", _meta(text / f"{n}.from_headline.txt"), None) for n in names
    }
    assert len(set(stories.values())) == len(names)
    # The whole-page copy (navigation, footer and all) is the same story as the clean one.
    for n in names:
        assert grouper.assign(f"{n}/p", _meta(text / f"{n}.txt"), None) == stories[n], n


def test_a_real_page_compared_with_itself_has_no_differences(shared_dir: Path) -> None:
    """`D` on two versions lists only what one has and the other lacks: a page's
    names resolved to a form its text does not spell ("United Kingdom" for "UK")
    are still in both."""
    from newsdesk.ingest import load_file
    from newsdesk.stories.diff import compare

    items = [
        item
        for path in sorted((shared_dir / "realworld" / "text").iterdir())
        for item in load_file(path).items
    ]
    assert len(items) >= 30
    named = 0
    for item in items:
        named += bool(item.places or item.organizations)
        diff = compare(item, item)
        assert diff.only_in_a.is_empty() and diff.only_in_b.is_empty(), item.title
    assert named >= 20
