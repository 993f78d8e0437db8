"""Who a row leaving the list is blamed on (day 32, explorer B, defect 4).

"No longer matches the search (changed by ana)" named the article's newest step of the
log whatever its age: Ana's import, long before the list was drawn. Any change ("*")
is now named only when its step was logged after the list on screen was drawn.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsdesk.store.protocol import ActionRecord
from newsdesk.tui.screens.flows.changed_elsewhere import what_happened


def _stamp(seconds_ago: float) -> str:
    return datetime.fromtimestamp(time.time() - seconds_ago, UTC).replace(microsecond=0).isoformat()


@dataclass
class _Desk:
    log: list[ActionRecord]
    editor: str = "bo"

    def article_log(self, article_id: str, limit: int = 20) -> list[ActionRecord]:
        return self.log[:limit]


@dataclass
class _Host:
    desk: _Desk
    extra: dict[str, Any] = field(default_factory=dict)


def _host(kind: str, seconds_ago: float) -> Any:
    record = ActionRecord(
        batch=1, kind=kind, article_ids=["a1"], ts=_stamp(seconds_ago), editor="ana"
    )
    return _Host(_Desk([record]))


GONE = "no longer matches the search"


def test_an_old_step_is_not_named_as_the_change() -> None:
    drawn = time.time() - 60  # the list was drawn a minute ago; Ana imported an hour ago
    assert what_happened(_host("import", 3600), "a1", GONE, "*", drawn) == GONE


def test_a_step_since_the_list_was_drawn_is_named() -> None:
    drawn = time.time() - 60
    said = what_happened(_host("tag", 5), "a1", GONE, "*", drawn)
    assert said == f"{GONE} (changed by ana)"


def test_a_named_kind_is_named_whatever_its_age() -> None:
    # "was archived" names the archive step itself: its age does not matter.
    assert what_happened(_host("archive", 3600), "a1", "was archived", "archive", time.time()) == (
        "was archived by ana"
    )
