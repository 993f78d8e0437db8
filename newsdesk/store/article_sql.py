"""What both backends write for an article's extracted content, in one order."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from newsdesk.isodates import iso_to_ts, sort_key
from newsdesk.model import ArticleRow, Extracted
from newsdesk.store.protocol import StoryVersion
from newsdesk.story_label import Candidate, representative
from newsdesk.wire import HOLD_MARK

#: The columns `content_values` fills, in its order (`update_content` on both backends).
CONTENT_COLUMNS = (
    "title",
    "source",
    "published",
    "published_ts",
    "sort_ts",
    "url",
    "language",
    "word_count",
    "body",
    "meta",
)


def content_values(meta: Extracted) -> tuple[Any, ...]:
    """The values of `CONTENT_COLUMNS` for `meta` (the body outside the meta column)."""
    published_ts = iso_to_ts(meta.published)
    return (
        meta.title,
        meta.source,
        meta.published,
        published_ts,
        sort_key(published_ts, time.time()),
        meta.url,
        meta.language,
        meta.word_count,
        meta.body,
        meta_column(meta),
    )


def meta_column(meta: Extracted) -> str:
    """The `meta` column of `meta`: every field as JSON but the body (a column of its own)."""
    return json.dumps(meta.stored_fields(), ensure_ascii=False)


def article_row(
    row: Any,
    tags: list[str],
    story: tuple[int, int, int] = (1, 0, 0),
    named_by: tuple[str, str | None] = ("", None),
) -> ArticleRow:
    """The inbox row of a selected `articles` row (either backend's mapping), its tags,
    its story's (members, unread in the inbox, starred) and the headline naming the story
    and outlet of the member naming the story (`story_titles`)."""
    size, unread, starred = story
    return ArticleRow(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        published=row["published"],
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        archived=bool(row["archived"]),
        exported=bool(row["exported"]),
        tags=tags,
        story_size=size,
        story_unread=unread,
        story_starred=starred,
        story_title=named_by[0] if size > 1 else "",
        story_source=named_by[1] if size > 1 else None,
        urgency=row["urgency"],
        wire_status=row["wire_status"],
        killed=bool(row["killed"]),
        withheld=row["killed"] == HOLD_MARK,
        superseded=bool(row["superseded"]),
        embargo_ts=row["embargo_ts"],
        claimed_by=row["claimed_by"] or "",
        updated_at=row["updated_at"],
    )


#: A backend's per-story (members, unread in the inbox, starred) for story ids.
StoryCounts = Callable[[list[str]], dict[str, tuple[int, int, int]]]
#: A backend's per-story (headline, outlet) naming each story, for story ids.
StoryNames = Callable[[list[str]], dict[str, tuple[str, str | None]]]


def rows_in_order(
    ids: Sequence[str],
    fetched: Iterable[Any],
    tags: dict[str, list[str]],
    counts: StoryCounts,
    names: StoryNames,
) -> list[ArticleRow]:
    """The inbox rows of `fetched` `articles` rows, in the order of `ids` (missing ones
    left out): the story counts read once a story, the names only of stories of two or
    more."""
    fetched = list(fetched)
    stories = counts(list({str(r["story_id"]) for r in fetched if r["story_id"]}))
    titles = names([s for s, story in stories.items() if story[0] > 1])
    found: dict[str, ArticleRow] = {}
    for row in fetched:
        story = row["story_id"] or ""
        found[row["id"]] = article_row(
            row,
            tags.get(row["id"], []),
            stories.get(story, (1, 0, 0)),
            titles.get(story, ("", None)),
        )
    return [found[i] for i in ids if i in found]


def story_titles(members: Iterable[Any]) -> dict[str, tuple[str, str | None]]:
    """Per story, the headline naming it and its outlet (`story_label.representative`),
    from rows of (id, story_id, title, source, published_ts, superseded, killed) of its
    members."""
    by_story: dict[str, list[Candidate]] = {}
    sources: dict[str, str | None] = {}
    for article_id, story_id, title, source, ts, superseded, killed in members:
        sources[str(article_id)] = source
        replaced = bool(superseded) or bool(killed)
        found = Candidate(title, ts, replaced, str(article_id))
        by_story.setdefault(str(story_id), []).append(found)
    named = {story: found[representative(found)] for story, found in by_story.items()}
    return {story: (m.title or "", sources[m.key]) for story, m in named.items()}


def story_version(row: Any) -> StoryVersion:
    """A `StoryVersion` from a row of (id, story_id, archived, starred, superseded,
    item_id), as both backends read it (`story_versions`)."""
    return StoryVersion(
        str(row["id"]),
        str(row["story_id"]),
        bool(row["archived"]),
        bool(row["starred"]),
        bool(row["superseded"]),
        row["item_id"],
    )
