"""Incremental grouping of articles into stories.

`assign` costs about the same whether the store holds 1,000 articles or
100,000: it computes one signature, looks up its LSH band keys in the
store's band table (limited to the time window), scores at most
`MAX_CANDIDATES` candidates, and writes a handful of rows, all through the
store's `StoryTables` (SQL in `newsdesk/store/sqlite/stories.py`). Nothing is held in memory between calls; nothing is recomputed for
other articles.

A new article joins the best-scoring story when that story's score reaches
`score.THRESHOLD`; otherwise it starts a story named after itself. A story's
score is the mean of (a) the best score against one of its members and (b)
the mean score against all its members among the candidates (`story_score`).
One strong link is enough to join a story of one article; a story of three
versions where only one looks alike is pulled down. With the best member
alone (single link), one borderline pair merged two whole events
(two shootings, two hospital strikes in one region) on the labelled pairs:
clustering precision 0.81 in publication order against 0.93 with this
score, at the same recall (0.885).

The store owns transactions: no method here commits or begins.
"""

from __future__ import annotations

from collections import defaultdict

from newsdesk.model import Extracted
from newsdesk.store.protocol import StoryTables
from newsdesk.stories import score as scoring
from newsdesk.stories.signature import Signature, compute

#: Most candidates scored per assignment, those sharing the most band keys first.
#: A rewrite shares several of the 20 term bands (expected 3.4 at Jaccard 0.17,
#: 6 at 0.3); chance neighbours share one. Scoring dominates the cost of assign.
MAX_CANDIDATES = 32
#: Most rows read per band key (newest first): bounds the cost of very common keys.
BUCKET_LIMIT = 200


def story_id_for(article_id: str) -> str:
    """A new story is named after its first article."""
    return f"s-{article_id}"


def story_score(member_scores: list[float]) -> float:
    """Mean of the best and the mean score against a story's members (see module docstring)."""
    return (max(member_scores) + sum(member_scores) / len(member_scores)) / 2


class StoryGrouper:
    """Assigns articles to stories through the store's `StoryTables`, in the caller's transaction."""

    def __init__(self, tables: StoryTables) -> None:
        self.tables = tables

    def assign(
        self,
        article_id: str,
        meta: Extracted,
        published_ts: float | None,
        signature: Signature | None = None,
    ) -> str:
        """Put the article in the best-matching story, or a new one; return the story id.

        Re-assigning a known article refreshes its fingerprint and keeps its story.
        `signature` is `compute(meta)` done ahead, e.g. in an import worker process.
        """
        sig = signature if signature is not None else compute(meta)
        keys = sig.band_keys()
        current = self.tables.story_of(article_id)
        if current is not None:
            self.tables.forget_member(article_id)
            self.tables.add_member(article_id, current, sig, keys, published_ts)
            return current
        by_story: dict[str, list[float]] = defaultdict(list)
        for cand_story, cand_sig, cand_ts in self._candidates(keys, published_ts):
            by_story[cand_story].append(
                scoring.score(scoring.features(sig, cand_sig, published_ts, cand_ts))
            )
        best_story, best_score = None, scoring.THRESHOLD
        for cand_story, values in by_story.items():
            value = story_score(values)
            if value >= best_score:
                best_story, best_score = cand_story, value
        story = best_story or story_id_for(article_id)
        self.tables.add_member(article_id, story, sig, keys, published_ts)
        self.tables.grow(story, published_ts)
        return story

    def story_of(self, article_id: str) -> str | None:
        return self.tables.story_of(article_id)

    def members(self, story_id: str) -> list[str]:
        """Article ids of the story, oldest publication first (unknown dates last)."""
        return self.tables.members(story_id)

    def remove(self, article_id: str) -> None:
        """Forget the article. Its story keeps its id while other members remain."""
        story = self.tables.story_of(article_id)
        if story is None:
            return
        self.tables.forget_member(article_id)
        self.tables.shrink(story)

    def sizes(self, article_ids: list[str]) -> dict[str, int]:
        """Story size per article (1 for articles in no story)."""
        return self.tables.sizes(article_ids)

    def _candidates(
        self, keys: list[int], ts: float | None
    ) -> list[tuple[str, Signature, float | None]]:
        """Members sharing band keys within the time window, most shared keys first.

        Each key reads at most `BUCKET_LIMIT` rows, newest first, so a key
        shared by thousands of articles (a head of state's name) costs no more
        than a rare one. Undated articles are always in the window; an undated
        new article looks at every date (newest first, same limit).
        """
        return self.tables.candidates(
            keys, ts, scoring.WINDOW_HOURS * 3600.0, BUCKET_LIMIT, MAX_CANDIDATES
        )
