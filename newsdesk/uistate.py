"""What the triage app remembers between runs: last query, sort, grouping, the cursor's
article, recent searches.

A small versioned JSON file in the data directory, written through
`newsdesk.atomic` so a crash never leaves half a file. A damaged or unknown file
is ignored (defaults), never fatal. Pure Python, no Textual.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from newsdesk.atomic import atomic_write_text

UI_STATE_VERSION = 1
RECENT_LIMIT = 30

SortOrder = Literal["relevance", "newest", "urgency"]


@dataclass
class UIState:
    """The persisted view state."""

    query: str = ""
    sort: SortOrder = "relevance"
    grouped: bool = False
    #: The article under the cursor at quit: the cursor goes back to it when it is shown.
    cursor: str = ""
    #: Most recent first, without repeats.
    recent_searches: list[str] = field(default_factory=list)
    #: The folder of the last import, offered by the next import prompt ("" if none).
    last_import_folder: str = ""
    #: The folder the last export went to, where the next one starts ("" if none).
    last_export_folder: str = ""
    #: The sample queue was offered once (imported on a first start): an empty store
    #: later, after `u` took it back out, stays empty.
    sample_offered: bool = False
    #: The sample import began and never finished (the app quit or was killed first):
    #: the next start imports it again (what was stored merges as duplicates).
    sample_pending: bool = False
    #: Imports whose process died that the app has said so about (their log tokens),
    #: newest first: each is said once.
    told_interrupted: list[str] = field(default_factory=list)

    def remember_search(self, query: str) -> None:
        """Put `query` at the front of the recent searches."""
        query = query.strip()
        if not query:
            return
        # In place: the search box holds this very list for up/down recall.
        self.recent_searches[:] = [query, *(q for q in self.recent_searches if q != query)]
        del self.recent_searches[RECENT_LIMIT:]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": UI_STATE_VERSION,
            "query": self.query,
            "sort": self.sort,
            "grouped": self.grouped,
            "cursor": self.cursor,
            "recent_searches": list(self.recent_searches),
            "last_import_folder": self.last_import_folder,
            "last_export_folder": self.last_export_folder,
            "sample_offered": self.sample_offered,
            "sample_pending": self.sample_pending,
            "told_interrupted": list(self.told_interrupted),
        }

    @classmethod
    def from_dict(cls, data: object) -> UIState:
        """Read what is usable; wrong types fall back to defaults field by field."""
        state = cls()
        if not isinstance(data, dict) or data.get("version") != UI_STATE_VERSION:
            return state
        if isinstance(data.get("query"), str):
            state.query = data["query"]
        if data.get("sort") in ("relevance", "newest", "urgency"):
            state.sort = data["sort"]
        if isinstance(data.get("grouped"), bool):
            state.grouped = data["grouped"]
        for flag in ("sample_offered", "sample_pending"):
            if isinstance(data.get(flag), bool):
                setattr(state, flag, data[flag])
        for name in ("cursor", "last_import_folder", "last_export_folder"):
            if isinstance(data.get(name), str):
                setattr(state, name, data[name])
        told = data.get("told_interrupted")
        if isinstance(told, list):
            state.told_interrupted = [t for t in told if isinstance(t, str)][:RECENT_LIMIT]
        recent = data.get("recent_searches")
        if isinstance(recent, list):
            state.recent_searches = [q for q in recent if isinstance(q, str) and q.strip()][
                :RECENT_LIMIT
            ]
        return state


def load(path: Path) -> UIState:
    """The saved state, or defaults when the file is missing or unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UIState()
    except OSError:
        return UIState()  # an unreadable state file only costs the user their last query
    try:
        return UIState.from_dict(json.loads(text))
    except json.JSONDecodeError:
        return UIState()


def save(path: Path, state: UIState) -> None:
    """Write atomically (the one atomic writer: same temp names doctor knows)."""
    save_data(path, state.to_dict())


def save_data(path: Path, data: dict[str, Any]) -> None:
    """Write a state's `to_dict` atomically: taken on the UI thread, written from any."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1))
