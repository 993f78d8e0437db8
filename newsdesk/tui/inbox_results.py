"""What the list shows, without Textual: the last search's answer, grouped or not.

In the grouped view each story is one row (its best-ranked version, the
"head"); an expanded head has its other versions under it. The screen hands
answers in and reads rows out; the list widget only draws them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsdesk.tui.search_runner import SearchAnswer, SearchRequest
from newsdesk.tui.story_view import story_heads, with_versions


@dataclass(frozen=True)
class Placement:
    """Where the cursor goes when new rows are shown."""

    keep: str | None


class InboxResults:
    """The answer on screen and the grouped view's state."""

    def __init__(self) -> None:
        #: Every matching id, in order (before grouping).
        self.ids: list[str] = []
        #: Matches in all (more than `ids` when the search was cut short).
        self.total = 0
        #: Search terms to highlight in the detail pane.
        self.terms: list[str] = []
        #: Article id -> story id (grouped view).
        self.story_of: dict[str, str] = {}
        #: Head id -> story id for each story row of the grouped view.
        self.story_of_head: dict[str, str] = {}
        #: Expanded heads -> their other versions.
        self.expanded: dict[str, list[str]] = {}
        #: The query whose answer is on screen (None before the first answer).
        self.query: str | None = None
        #: Only the first screenful of the inbox is on screen.
        self.partial = False
        #: The order the ids on screen are in (`SearchAnswer.sort`).
        self.sort = "newest"
        self._rows: list[str] = []

    def accept(
        self,
        answer: SearchAnswer,
        *,
        has_rows: bool,
        current: str | None,
        successor: Callable[[str], str] | None = None,
    ) -> Placement | None:
        """Take an answer; None when it is not worth showing.

        `has_rows` and `current` describe the list now: a first screenful is
        skipped when the whole inbox is already there, and the reader's place
        in a first screenful is kept when the whole list arrives. `successor` gives
        the version that replaced an article (wire copy): a kept article that left
        the answer because a newer version of it arrived keeps the cursor on that one.
        """
        request = answer.request
        keep = request.keep
        if answer.stopped is not None and self.query is not None:
            return None  # nothing was searched: the list on screen stays (`kept_notice`)
        if not answer.complete:
            if has_rows and self.query == "":
                return None  # the whole inbox is already on screen: wait for the fresh copy
        elif request.keep_current or (
            # The rows on screen are still the first screenful's: its top row is where
            # the cursor was put.
            self.partial and (keep is None or keep in self.ids or current != self._top_row())
        ):
            # The reader may have moved in the first screenful, or meanwhile. An article
            # asked for that the first screenful lacked (a related jump to an older one)
            # is where the cursor goes now, unless the reader moved off the top row.
            keep = current
        if (
            keep is not None
            and successor is not None
            and answer.complete
            and keep not in answer.ids
        ):
            keep = successor(keep)
        self.partial = not answer.complete
        self.query = request.query
        self.ids = answer.ids
        self.total = answer.total
        self.terms = answer.terms
        self.sort = answer.sort
        self.story_of = answer.story_of
        if request.grouped:
            self._rows, self.story_of_head = story_heads(answer.ids, answer.story_of)
            self.expanded = {h: v for h, v in self.expanded.items() if h in self.story_of_head}
            if keep is not None and keep not in self.story_of_head:
                # A version folded into its story: keep the cursor on the story's row.
                folded = not any(keep in members for members in self.expanded.values())
                head = self.head_of(keep)
                if folded and head is not None:
                    keep = head
        else:
            self._rows, self.story_of_head = list(answer.ids), {}
            self.expanded = {}
        if request.reveal and answer.complete and self.reveals(request, current):
            keep = self.first_listed(request.reveal) or keep
        return Placement(keep)

    @staticmethod
    def reveals(request: SearchRequest, current: str | None) -> bool:
        """Whether the request's `reveal` may move the cursor, now on `current`: not when
        the editor moved it since the import began (`reveal_if_at`)."""
        return not request.reveal_if_unmoved or current == request.reveal_if_at

    def kept_notice(self, stopped: str) -> str:
        """What the bar says when a search was cut short before it ran (`stopped`, why)
        and the list kept what it showed."""
        shown = "the inbox" if not self.query else f"the results for {self.query!r}"
        return f"{stopped}: the list still shows {shown}"

    def first_listed(self, ids: Sequence[str]) -> str | None:
        """The row highest in the list that is one of `ids` or the story row of one."""
        wanted = set(ids)
        wanted.update(h for h in (self.head_of(i) for i in ids) if h is not None)
        return next((row for row in self._rows if row in wanted), None)

    def lists_any(self, ids: Sequence[str]) -> bool:
        """Whether the answer on screen holds any of `ids` (folded into a story or not)."""
        return not set(ids).isdisjoint(self.ids)

    def _top_row(self) -> str | None:
        return self._rows[0] if self._rows else None

    def story_rows(self) -> int:
        """How many rows the grouped view shows before any is expanded (one a story)."""
        return len(self._rows)

    def rows(self) -> tuple[list[str], list[int]]:
        """The displayed ids and their depth (1 for a version under its expanded head)."""
        return with_versions(self._rows, self.expanded)

    def head_of(self, article_id: str) -> str | None:
        """The row standing for the story that holds `article_id` (grouped view)."""
        story = self.story_of.get(article_id)
        if story is None:
            return None
        return next((h for h, s in self.story_of_head.items() if s == story), None)

    def is_story_row(self, article_id: str) -> bool:
        """True for the row of a folded story in the grouped view."""
        return article_id in self.story_of_head and article_id not in self.expanded

    def expand(self, head: str, members: Sequence[str]) -> None:
        self.expanded[head] = [m for m in members if m != head]

    def collapse(self, head: str) -> bool:
        """Fold an expanded head; False if it was not expanded."""
        return self.expanded.pop(head, None) is not None

    def drop(self, ids: set[str]) -> None:
        """Articles that left the answer (archived): they count neither as shown nor as
        matched. A story row whose head left stays while the answer lists a version of
        it: that version (the best-ranked left) heads it, folded or expanded as it was,
        so the list stays a tree (the versions of an expanded story stayed under no
        row: "5 shown in 0 stories", and `h` folded nothing)."""
        before = len(self.ids)
        self.ids = [i for i in self.ids if i not in ids]
        self.total = max(len(self.ids), self.total - (before - len(self.ids)))
        rows: list[str] = []
        heads: dict[str, str] = {}
        expanded: dict[str, list[str]] = {}
        left: dict[str, str] | None = None  # story -> its best-ranked version left
        for row in self._rows:
            story = self.story_of_head.get(row)
            head = row
            if row in ids:
                if story is None:
                    continue
                if left is None:  # one pass for every story row that lost its head
                    left = {}
                    for i in self.ids:
                        if (of := self.story_of.get(i)) is not None:
                            left.setdefault(of, i)
                best = left.get(story)
                if best is None:
                    continue  # the story left whole
                head = best
            rows.append(head)
            if story is not None:
                heads[head] = story
            if row in self.expanded:
                expanded[head] = [v for v in self.expanded[row] if v not in ids and v != head]
        self._rows, self.story_of_head, self.expanded = rows, heads, expanded

    def with_story_members(
        self, ids: Sequence[str], members_of: Callable[[str], list[str]]
    ) -> list[str]:
        """Each folded story row replaced by every version of its story (`members_of`)."""
        return self.story_targets(ids, members_of, lambda _head: None).ids

    def story_targets(
        self,
        ids: Sequence[str],
        members_of: Callable[[str], list[str]],
        drawn_size: Callable[[str], int | None],
    ) -> StoryTargets:
        """Each folded story row replaced by the versions its row stood for.

        `members_of` reads a story's versions now, raising when it cannot (a
        `DeskError`: the store is away): the action is then refused by the caller,
        never taken to the row's head alone; `drawn_size` gives the count a
        row showed when it was drawn (None when not known). A story that has more
        versions now than its row showed grew after the row was drawn (an import
        from a shell, before the list caught up): the action reaches the versions the
        answer on screen knew of, never one the editor has not seen.
        """
        if not any(self.is_story_row(i) for i in ids):
            return StoryTargets(list(ids), 0)
        out: dict[str, None] = {}
        newer = 0
        for article_id in ids:
            if not self.is_story_row(article_id):
                out[article_id] = None
                continue
            story = self.story_of_head[article_id]
            # Empty only when the story lists nothing now (its versions deleted elsewhere):
            # the row is what is left. A failed read raises instead (see above).
            members = members_of(story) or [article_id]
            drawn = drawn_size(article_id)
            if drawn is None or len(members) > drawn:
                known = [m for m in members if m == article_id or self.story_of.get(m) == story]
                newer += len(members) - len(known)
                members = known
            out.update(dict.fromkeys(members))
        return StoryTargets(list(out), newer)


@dataclass(frozen=True)
class StoryTargets:
    """What an action on rows reaches, and the story versions it left out."""

    ids: list[str]
    #: Versions that joined a story after its row was drawn: left as they were.
    newer: int
