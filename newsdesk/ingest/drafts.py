"""Many-item files (feeds, JSON Lines) in two steps: read the items, then extract each.

Reading a 500-item file (parsing the container, each item's stated fields
and body) is a fifth of the work; extracting each item (entities, quotes,
language) is the rest. `draft` does the first step and `finish` the second
for any run of drafts, so the import pipeline can hand one big file's items
to several workers. A file loaded in one go (`load_file`) goes through the
same two steps in one process, so both ways give the same items and the same
warnings, in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsdesk.ingest.result import Rejected
from newsdesk.model import Extracted

#: Per-item problems beyond this many are summarised, so a broken file does not flood the report.
MAX_WARNINGS = 50


@dataclass
class Draft:
    """One item as read from its file, before extraction (small and picklable)."""

    #: Where it stands in its file ("line 12", "item 3"), for warnings.
    label: str
    #: What the file states outright (title, authors, date...).
    hints: Extracted
    #: The item's text, to extract from.
    body: str


#: In file order: a draft, or a problem met while reading (a skipped line).
Entry = Draft | str


@dataclass
class Drafted:
    """A many-item file read but not yet extracted."""

    #: The importer that finishes the items ("feed", "jsonl").
    format: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def drafts(self) -> list[Draft]:
        return [e for e in self.entries if isinstance(e, Draft)]

    def add_item(self, label: str, hints: Extracted, body: str) -> None:
        """A feed's item as a draft: skipped (and said) with neither title nor text, its
        body bounded (`limits.MAX_ITEM_CHARS`, the cut said)."""
        from newsdesk.ingest.assemble import bounded
        from newsdesk.ingest.limits import MAX_ITEM_CHARS

        if not hints.title.strip() and not body.strip():
            self.entries.append(f"{label}: no title and no text; skipped")
            return
        problems: list[str] = []
        body = bounded(body, MAX_ITEM_CHARS, problems, f"{label}: body")
        self.entries.extend(problems)
        self.entries.append(Draft(label, hints, body))


@dataclass
class Finished:
    """One draft extracted: the item, and the problems extraction reported."""

    item: Extracted
    problems: list[str] = field(default_factory=list)


Finisher = Callable[[Draft, list[str]], Extracted]


def _finisher(format: str) -> Finisher:
    if format == "feed":
        from newsdesk.ingest.feed import finish_feed_item

        return finish_feed_item
    if format == "jsonl":
        from newsdesk.ingest.jsonl import finish_record

        return finish_record
    raise ValueError(f"no finisher for {format!r}")


def finish(format: str, drafts: Sequence[Draft]) -> list[Finished]:
    """Extract each draft (the costly step; any run of a file's drafts, in any process)."""
    finish_one = _finisher(format)
    done: list[Finished] = []
    for draft in drafts:
        problems: list[str] = []
        item = finish_one(draft, problems)
        done.append(Finished(item, problems))
    return done


def conclude(
    drafted: Drafted, finished: Sequence[Finished], warnings: list[str]
) -> list[Extracted]:
    """The file's items, and its problems (in file order) added to `warnings`.

    `finished` holds one entry per draft, in order. Raises `Rejected` when no
    item is left, with the format's reason.
    """
    if len(finished) != len(drafted.drafts):
        raise ValueError("one finished item per draft expected")
    items: list[Extracted] = []
    problems: list[str] = []
    done = iter(finished)
    for entry in drafted.entries:
        if isinstance(entry, str):
            problems.append(entry)
            continue
        result = next(done)
        problems.extend(result.problems)
        items.append(result.item)
    summarise(problems, warnings)
    if not items:
        if drafted.format == "jsonl":
            reason = problems[0] if problems else "no records"
            raise Rejected(f"no articles in this JSON or JSON Lines file ({reason})")
        raise Rejected("feed has no usable items (no title and no text in any)")
    return items


def load_in_one_go(drafted: Drafted, warnings: list[str]) -> list[Extracted]:
    """Both steps in this process: what `load_file` does."""
    return conclude(drafted, finish(drafted.format, drafted.drafts), warnings)


def summarise(problems: list[str], warnings: list[str]) -> None:
    """The first MAX_WARNINGS problems into `warnings`, then how many more there were."""
    warnings.extend(problems[:MAX_WARNINGS])
    if len(problems) > MAX_WARNINGS:
        warnings.append(f"... and {len(problems) - MAX_WARNINGS} more problems")
