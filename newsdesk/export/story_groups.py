"""Which exported articles are versions of one story, and the headline that names it.

An export of a folded story row holds every version of the story; the digest
keeps them together under the story's name instead of six unrelated sections.
The name is chosen as everywhere else (`story_label.representative`: the earliest
straight report), among the versions the export holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.isodates import iso_to_ts
from newsdesk.model import Article
from newsdesk.story_label import Candidate, representative

__all__ = ["ExportGroup", "group_by_story", "label_of"]


@dataclass
class ExportGroup:
    """Articles of the export in their order; `story` is None for an article alone."""

    story: str | None
    articles: list[Article]

    @property
    def label(self) -> str:
        return label_of(self.articles)


def label_of(members: list[Article]) -> str:
    """The headline that names a story of these versions."""
    found = [
        Candidate(a.meta.title, iso_to_ts(a.meta.published), a.superseded or a.killed, a.id)
        for a in members
    ]
    return members[representative(found)].meta.title if members else ""


def _newest_first(article: Article) -> tuple[bool, float, int, str]:
    """A version's place in its story: newest first, as the inbox lists them (the current
    take on top), by publication time, then wire version; undated ones last."""
    ts = iso_to_ts(article.meta.published)
    return (ts is None, -(ts or 0.0), -(article.meta.version or 0), article.id)


def group_by_story(articles: list[Article]) -> list[ExportGroup]:
    """The articles in their order, versions of a story of two or more (in this export)
    gathered where its first version stands, newest first (the selection's order mixed
    takes of 11:05, 06:10, 10:20 and 07:45)."""
    by_story: dict[str, list[Article]] = {}
    for article in articles:
        if article.story_id:
            by_story.setdefault(article.story_id, []).append(article)
    groups: list[ExportGroup] = []
    placed: set[str] = set()
    for article in articles:
        story = article.story_id
        if not story or len(by_story[story]) < 2:
            groups.append(ExportGroup(None, [article]))
        elif story not in placed:
            placed.add(story)
            groups.append(ExportGroup(story, sorted(by_story[story], key=_newest_first)))
    return groups
