"""A file's items are stored oldest first, so grouping does not depend on the order a
feed lists them in."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.desk.storing import oldest_first
from newsdesk.model import Extracted


def test_oldest_first_puts_undated_items_last_in_file_order() -> None:
    items = [
        Extracted(title="c", published="2026-03-03T00:00:00+00:00"),
        Extracted(title="undated one"),
        Extracted(title="a", published="2026-03-01T00:00:00+00:00"),
        Extracted(title="undated two"),
        Extracted(title="b", published="2026-03-02T00:00:00+00:00"),
    ]
    assert oldest_first(items) == [2, 4, 0, 1, 3]


BODY = (
    "Harbour council approved the new bridge toll on a vote of nine to four after a "
    "long debate, and the operator said the money would pay for the repairs the "
    "bridge has needed since the storm two winters ago."
)


def _three_days(tmp_path: Path, name: str, newest_first: bool) -> Path:
    import json

    rows = [
        {"title": f"{title} bridge toll", "body": BODY, "source": source, "published": when}
        for title, source, when in (
            ("Council backs", "Harbour Post", "2026-03-01T09:00:00+00:00"),
            ("Councillors vote on", "Quay Courier", "2026-03-03T21:00:00+00:00"),
            ("What the vote means for the", "Bay Ledger", "2026-03-06T09:00:00+00:00"),
        )
    ]
    path = tmp_path / name
    ordered = list(reversed(rows)) if newest_first else rows
    path.write_text("".join(json.dumps(r) + "\n" for r in ordered), encoding="utf-8")
    return path


def test_a_feed_listed_newest_first_groups_as_the_news_happened(tmp_path: Path) -> None:
    """Items are stored oldest first whatever order the file lists them in: a feed's
    newest-first order put the last day's piece at the head of the story and the first
    day's outside it (a story spans at most four days)."""
    from newsdesk.paths import Paths

    partitions = []
    for newest_first in (False, True):
        root = tmp_path / ("newest" if newest_first else "oldest")
        with Desk(Paths(root / "data", root / "config", root / "cache")) as desk:
            desk.import_paths([_three_days(tmp_path, f"{root.name}.jsonl", newest_first)])
            by_story: dict[str, set[str]] = {}
            for article in desk.get_many(desk.search("in:all", limit=None).ids):
                by_story.setdefault(article.story_id or article.id, set()).add(article.meta.title)
            partitions.append(sorted(sorted(titles) for titles in by_story.values()))
    assert partitions[0] == partitions[1]
    assert ["Council backs bridge toll", "Councillors vote on bridge toll"] in partitions[1]
