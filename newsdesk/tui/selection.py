"""The selection's rules, without Textual: what a pick holds and how a row shows it.

The selection is a set of articles, fixed when they are picked: `x` on a folded story
row picks the versions that row stands for then (the inbox's versions not archived, a
search's matched ones, as the row counts them), `*` the articles the search matched.
It was a set of row ids, and a story row was its headline version: when a sort or a
newer version put another version on top, the row lost its mark while the old
headline version stayed selected, hidden, and `s` starred that one alone; and a
version that arrived after `*` joined the selection through its story's row. Held as
articles, nothing joins a selection the editor did not pick, and every count of it
(the header, the export dialog, the notices) is of articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence, Set
from typing import Literal

#: How a row shows the selection: all it stands for picked, some of it (a folded story
#: row: a version that arrived after the pick, or one picked alone), or none.
RowPick = Literal["all", "some", "none"]

#: The marks, one cell each: "–" as a tri-state checkbox shows "some".
PICK_MARK: dict[RowPick, str] = {"all": "✓", "some": "–", "none": " "}


def toggled(selected: Set[str], versions: Sequence[str]) -> set[str]:
    """`x` on a row standing for `versions`: every one picked unless all already are,
    then none of them (a star's toggle rule: a half-picked story row is picked whole)."""
    if all(v in selected for v in versions):
        return set(selected).difference(versions)
    return set(selected).union(versions)


def in_answer_order(selected: Collection[str], answer: Sequence[str]) -> list[str]:
    """The selection as the answer on screen orders it (a story's versions with their
    rank, not after every row as they were), then what it does not list, by id."""
    ordered = [i for i in answer if i in selected]
    if len(ordered) == len(selected):
        return ordered
    listed = set(ordered)
    return ordered + sorted(i for i in selected if i not in listed)


def picked_by_story(
    selected: Collection[str],
    answer: Sequence[str],
    story_of: Mapping[str, str],
    picked_story_of: Mapping[str, str],
) -> Counter[str]:
    """Story id -> how many of its versions are selected: what a folded story row compares
    with the versions it counts. Those the answer lists (`story_of`), and those picked
    through a story row (`picked_story_of`): the earlier wire takes a row counts are
    listed by no answer, and a row counting them showed "some" after `x` or `*`."""
    if not selected or not (story_of or picked_story_of):
        return Counter()
    small, big = (selected, answer) if len(selected) <= len(answer) else (answer, selected)
    inside = set(big)
    counts = Counter(story for i in small if i in inside and (story := story_of.get(i)) is not None)
    if picked_story_of:
        listed = set(answer)
        counts.update(
            story
            for i in selected
            if i not in listed and (story := picked_story_of.get(i)) is not None
        )
    return counts


def row_pick(picked: int, counts: int) -> RowPick:
    """A folded story row's mark: `picked` of the `counts` versions it stands for."""
    if picked <= 0:
        return "none"
    return "all" if picked >= counts else "some"
