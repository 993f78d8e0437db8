"""Incremental grouping of articles into stories.

`assign` costs the same whether the store holds 1,000 articles or 100,000:
it computes one signature, looks up its LSH band keys in the indexed
`story_band` table (limited to the time window), scores at most
`MAX_CANDIDATES` candidates read from `story_signature`, and writes a handful
of rows. Nothing is held in memory between calls; nothing is recomputed for
other articles.

The store owns transactions: no method here commits or begins.
"""

from __future__ import annotations

import sqlite3

from newsdesk.model import Extracted
from newsdesk.stories import score as scoring
from newsdesk.stories.schema import SCHEMA_VERSION
from newsdesk.stories.signature import Signature, compute

#: Most candidates scored per assignment, those sharing the most band keys first.
MAX_CANDIDATES = 64
_CHUNK = 500  # stays well under SQLite's host-parameter limit


def story_id_for(article_id: str) -> str:
    """A new story is named after its first article."""
    return f"s-{article_id}"


class StoryGrouper:
    """Assigns articles to stories inside the caller's SQLite transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def assign(self, article_id: str, meta: Extracted, published_ts: float | None) -> str:
        """Put the article in the best-matching story, or a new one; return the story id.

        Re-assigning a known article refreshes its signature and keeps its story.
        """
        sig = compute(meta)
        keys = sig.band_keys()
        current = self.story_of(article_id)
        if current is not None:
            self._forget_signature(article_id)
            self._store_signature(article_id, sig, keys, published_ts)
            return current
        best_story, best_score = None, scoring.THRESHOLD
        for cand_story, cand_sig, cand_ts in self._candidates(keys, published_ts):
            value = scoring.score(scoring.features(sig, cand_sig, published_ts, cand_ts))
            if value >= best_score:
                best_story, best_score = cand_story, value
        story = best_story or story_id_for(article_id)
        self._store_signature(article_id, sig, keys, published_ts)
        self.conn.execute(
            "INSERT INTO story_member(article_id, story_id) VALUES (?, ?)", (article_id, story)
        )
        self.conn.execute(
            "INSERT INTO story(story_id, size, created_ts) VALUES (?, 1, ?) "
            "ON CONFLICT(story_id) DO UPDATE SET size = size + 1",
            (story, published_ts),
        )
        return story

    def story_of(self, article_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT story_id FROM story_member WHERE article_id = ?", (article_id,)
        ).fetchone()
        return str(row[0]) if row else None

    def members(self, story_id: str) -> list[str]:
        """Article ids of the story, oldest publication first (unknown dates last)."""
        rows = self.conn.execute(
            "SELECT m.article_id FROM story_member m "
            "LEFT JOIN story_signature s ON s.article_id = m.article_id "
            "WHERE m.story_id = ? ORDER BY s.ts IS NULL, s.ts, m.article_id",
            (story_id,),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def remove(self, article_id: str) -> None:
        """Forget the article. Its story keeps its id while other members remain."""
        story = self.story_of(article_id)
        self._forget_signature(article_id)
        if story is None:
            return
        self.conn.execute("DELETE FROM story_member WHERE article_id = ?", (article_id,))
        self.conn.execute("UPDATE story SET size = size - 1 WHERE story_id = ?", (story,))
        self.conn.execute("DELETE FROM story WHERE story_id = ? AND size <= 0", (story,))

    def sizes(self, article_ids: list[str]) -> dict[str, int]:
        """Story size per article (1 for articles in no story), one query per 500 ids."""
        out = dict.fromkeys(article_ids, 1)
        for start in range(0, len(article_ids), _CHUNK):
            chunk = article_ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for article_id, size in self.conn.execute(
                "SELECT m.article_id, s.size FROM story_member m "
                f"JOIN story s ON s.story_id = m.story_id WHERE m.article_id IN ({marks})",
                chunk,
            ):
                out[str(article_id)] = int(size)
        return out

    # -- storage ---------------------------------------------------------------

    def _candidates(
        self, keys: list[int], ts: float | None
    ) -> list[tuple[str, Signature, float | None]]:
        """Articles sharing a band key within the time window, with their stories."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        where = f"b.key IN ({marks})"
        params: list[float | int] = list(keys)
        if ts is not None:
            window = scoring.WINDOW_HOURS * 3600.0
            where += " AND (b.ts IS NULL OR b.ts BETWEEN ? AND ?)"
            params += [ts - window, ts + window]
        rows = self.conn.execute(
            "SELECT m.story_id, s.ts, s.shingles, s.names, s.name_counts, s.figures, s.title, s.terms "
            "FROM (SELECT b.article_id AS article_id, COUNT(*) AS hits FROM story_band b "
            f"      WHERE {where} GROUP BY b.article_id ORDER BY hits DESC LIMIT ?) c "
            "JOIN story_signature s ON s.article_id = c.article_id "
            "JOIN story_member m ON m.article_id = c.article_id",
            [*params, MAX_CANDIDATES],
        ).fetchall()
        return [(str(r[0]), Signature.from_row(r[2:8]), r[1]) for r in rows]

    def _store_signature(
        self, article_id: str, sig: Signature, keys: list[int], ts: float | None
    ) -> None:
        self.conn.execute(
            "INSERT INTO story_signature(article_id, ts, version, shingles, names, name_counts, "
            "figures, title, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, ts, SCHEMA_VERSION, *sig.to_row()),
        )
        self.conn.executemany(
            "INSERT INTO story_band(key, ts, article_id) VALUES (?, ?, ?)",
            [(key, ts, article_id) for key in set(keys)],
        )

    def _forget_signature(self, article_id: str) -> None:
        self.conn.execute("DELETE FROM story_band WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM story_signature WHERE article_id = ?", (article_id,))
