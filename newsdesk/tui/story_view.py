"""Grouped view: one row per story, versions shown under an expanded head.

Pure functions over ids so they are cheap to test and run in a worker.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def story_heads(
    ids: Sequence[str], story_of: Mapping[str, str]
) -> tuple[list[str], dict[str, str]]:
    """Keep the first (best-ranked) article of each story; return the rows and head -> story."""
    seen: set[str] = set()
    rows: list[str] = []
    heads: dict[str, str] = {}
    for article_id in ids:
        story = story_of.get(article_id)
        if story is None:
            rows.append(article_id)
            continue
        if story in seen:
            continue
        seen.add(story)
        rows.append(article_id)
        heads[article_id] = story
    return rows, heads


def with_versions(
    rows: Sequence[str], expanded: Mapping[str, Sequence[str]]
) -> tuple[list[str], list[int]]:
    """Insert each expanded head's other versions right under it (depth 1)."""
    out: list[str] = []
    depth: list[int] = []
    for article_id in rows:
        out.append(article_id)
        depth.append(0)
        for member in expanded.get(article_id, ()):
            if member != article_id:
                out.append(member)
                depth.append(1)
    return out, depth
