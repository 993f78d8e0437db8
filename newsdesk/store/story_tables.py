"""The store's part of story grouping: the `StoryTables` interface and its row types.

`newsdesk.stories.grouping` decides which story an article joins; a backend
keeps the memberships, fingerprints and LSH band keys behind this interface
(`store/sqlite/stories.py`, `store/postgresql/stories.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from newsdesk.stories.signature import Signature


#: An article's MinHash band keys and rare-word keys (`Signature.lsh_keys`,
#: `Signature.rare_word_keys`), as `StoryGrouper` looks them up.
BandKeys = tuple[list[int], list[int]]


class StoryCandidate(NamedTuple):
    """A grouped article found by band key (`StoryTables.candidates`)."""

    story_id: str
    signature: Signature
    ts: float | None
    article_id: str
    #: How many members its story has (0: not known). When every member of a story
    #: is among the candidates, the story need not be read again to be scored.
    story_size: int = 0


class Placement(NamedTuple):
    """A new article's story, chosen (`StoryGrouper.decide`) and not yet written."""

    story: str
    #: The member's date: its own, else the story's it joins (undated), else None.
    ts: float | None
    signature: Signature
    keys: list[int]
    #: Other stories the article bridges, to be merged into `story` with it
    #: (`StoryGrouper.decide`; `StoryTables.merge`).
    merges: tuple[str, ...] = ()


class StoryTables(Protocol):
    """Story persistence, the store's part of story grouping (`stories.grouping` decides).

    One object per transaction (`StoreBackend.story_tables(tx)`): every method
    runs in that transaction and none commits. A member is one grouped
    article: its story, publication time (None: unknown) and fingerprint
    (`Signature`); a story's size counts its members. Band keys are the
    fingerprint's LSH keys (`Signature.band_keys()`), looked up by equality
    and time; a backend may recompute them from the stored signature.
    """

    def story_of(self, article_id: str) -> str | None:
        """The article's story, or None when it is in none."""
        ...

    def members(self, story_id: str) -> list[str]:
        """Article ids of the story, oldest publication first (unknown dates last, then by id)."""
        ...

    def sizes(self, article_ids: Sequence[str]) -> dict[str, int]:
        """Story size per article (1 for articles in no story)."""
        ...

    def candidates(
        self,
        keys: Sequence[int],
        ts: float | None,
        window_seconds: float,
        bucket_limit: int,
        limit: int,
        rare_keys: Sequence[int] = (),
        rare_limit: int = 0,
    ) -> list[StoryCandidate]:
        """The members sharing band keys with `keys` or `rare_keys`.

        Per key, at most `bucket_limit` members are read, newest first, among
        those published within `window_seconds` of `ts` plus the undated
        ones (with `ts` None: any date). A key of `rare_keys` counts only
        where it is rare: when more than `rare_limit` members hold it there
        (at most `rare_limit` + 1 rows are read to tell), it is skipped.
        Of those, the `limit` members sharing the most keys are returned
        (ties: newest member first).
        """
        ...

    def candidates_later(
        self,
        keys: Sequence[int],
        ts: float | None,
        window_seconds: float,
        bucket_limit: int,
        limit: int,
        rare_keys: Sequence[int] = (),
        rare_limit: int = 0,
    ) -> Callable[[], list[StoryCandidate]]:
        """`candidates`, asked now and read when the returned function is called: a
        server works on the answer while the caller does something else. It sees
        the tables as they are now, whatever is written before it is read."""
        ...

    def story_signatures(
        self, story_ids: Sequence[str], limit: int
    ) -> list[tuple[str, Signature, float | None]]:
        """(story id, signature, ts) of the members of these stories, at most `limit`
        per story (the newest; undated members count as newest)."""
        ...

    def add_member(
        self,
        article_id: str,
        story_id: str,
        signature: Signature,
        keys: Sequence[int],
        ts: float | None,
    ) -> None:
        """Record the article as a member of the story, with its fingerprint and band keys.

        Does not change the story's size (`grow` does).
        """
        ...

    def forget_member(self, article_id: str) -> None:
        """Delete the member and its band keys (nothing when unknown); sizes unchanged."""
        ...

    def clear(self) -> None:
        """Forget every story and member (before grouping everything again)."""
        ...

    def grow(self, story_id: str, created_ts: float | None) -> None:
        """Add one to the story's size, creating it (size 1, `created_ts`) when new."""
        ...

    def shrink(self, story_id: str) -> None:
        """Take one from the story's size; a story left empty is deleted."""
        ...

    def merge(self, absorbed: str, into: str) -> None:
        """Move every member of story `absorbed` into story `into` (which exists): its
        size is added to `into`'s and `absorbed` is deleted. Where the store keeps each
        article's story (the `articles` table), those rows follow."""
        ...
