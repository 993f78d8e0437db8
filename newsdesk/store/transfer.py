"""Copying one desk into another (`newsdesk store migrate`), and a checksum of a desk's state.

The copy goes table by table through the backends' own `dump` and `load`
(one transaction on the target: all or nothing). The checksum is computed
through the plain `StoreBackend` reads on both sides, so it checks the copy
the way the program will see it, not the way the tables store it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from newsdesk.store.protocol import StoreBackend, TableCopy

_CHUNK = 500
#: The log is read whole for the checksum (history is newest first, any length).
_ALL = 2**62


@dataclass
class CopyReport:
    """What `copy_desk` did: rows per table and the state checksum of both sides."""

    rows: dict[str, int] = field(default_factory=dict)
    source_checksum: str = ""
    target_checksum: str = ""
    articles: int = 0
    #: The source changed while it was copied (an editor wrote to it meanwhile).
    source_changed: bool = False
    #: The incomplete copy was a SQLite file this copy made: removed again.
    removed: bool = False

    @property
    def same(self) -> bool:
        return self.source_checksum == self.target_checksum

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "rows": {k: v for k, v in self.rows.items() if k != "meta"},
            "checksum": self.target_checksum,
            "source_checksum": self.source_checksum,
            "same": self.same,
        }


def _line(h: Any, value: Any) -> None:
    h.update(json.dumps(value, sort_keys=True, default=str, ensure_ascii=False).encode())
    h.update(b"\n")


def state_checksum(store: StoreBackend) -> str:
    """sha256 over every article (content, marks, tags, note, origins, story), the action
    log, saved searches, feed subscriptions and rules, each in a fixed order."""
    h = hashlib.sha256()
    ids = sorted(store.ordered_ids())
    for start in range(0, len(ids), _CHUNK):
        for article in sorted(store.get_many(ids[start : start + _CHUNK]), key=lambda a: a.id):
            record = asdict(article)
            record["origins"] = sorted(record["origins"])
            record["state"]["tags"] = sorted(record["state"]["tags"])
            _line(h, record)
    for action in reversed(store.history(_ALL)):
        record = asdict(action)
        record["article_ids"] = sorted(record["article_ids"])  # a set; backends list it apart
        _line(h, record)
    _line(h, sorted(store.saved_searches()))
    _line(h, sorted((asdict(sub) for sub in store.feeds()), key=lambda s: str(s["name"])))
    # Today's match count depends on the clock, not on the desk: left out.
    _line(h, [{**asdict(rule), "matched_today": None} for rule in store.rules("")])
    return "sha256:" + h.hexdigest()


def copy_desk(
    source: StoreBackend,
    target: StoreBackend,
    progress: Callable[[str], None] | None = None,
) -> CopyReport:
    """Copy every table of `source` into the empty `target`; checksums of both after."""
    report = CopyReport()
    # Taken again after: a copy that differs from a source that changed meanwhile is
    # told apart from a copy gone wrong.
    before = state_checksum(source)

    def told(tables: Iterator[TableCopy]) -> Iterator[TableCopy]:
        for table in tables:
            if progress is not None and table.name != "meta":
                progress(table.name)
            yield table

    dump = source.dump()
    try:
        report.rows = target.load(told(dump))
    finally:
        # Ends the source's read transaction now, even when the target refused.
        close = getattr(dump, "close", None)
        if close is not None:
            close()
    report.articles = target.count()
    report.source_checksum = state_checksum(source)
    report.target_checksum = state_checksum(target)
    report.source_changed = before != report.source_checksum
    return report
