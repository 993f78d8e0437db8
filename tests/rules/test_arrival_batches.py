"""Rules on arrival over an import stored in many transactions: each committed batch is
matched while the next files are read, wire copy once the import is done, and the
result is what the searches find afterwards (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import import_batch
from newsdesk.desk import Desk

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"

#: The searches compared here run to the end, not until the clock says (a loaded machine).
pytestmark = pytest.mark.usefixtures("no_search_time_limit")

RULES = [
    ("nairobi", "place:nairobi", ["+africa-desk", "star"]),
    ("killed", "is:killed", ["+killed"]),
    ("storm", "storm -is:killed", ["+storm"]),
    ("flash", "urgency:1", ["notify"]),
    ("seen", "tag:africa-desk OR tag:killed", ["+seen"]),
]


def test_rules_over_an_import_in_many_batches_match_the_searches_after_it(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_batch, "BATCH_FILES", 2)  # many commits, wire versions apart
    for name, query, actions in RULES:
        desk.add_rule(name, query, actions)
    shown: list[int] = []
    from newsdesk.rules.arrival import Arrival

    see = Arrival.see

    def counted(self: Arrival, ids: list[str], *, last: bool = False) -> None:
        shown.append(len(ids))
        see(self, ids, last=last)

    monkeypatch.setattr(Arrival, "see", counted)
    summary = desk.import_paths([SAMPLE_DATA])
    assert len(shown) > 5 and sum(shown[:-1]) == summary.imported  # batch by batch
    desk.sync_index()
    new = set(summary.imported_ids)
    for name, query, actions in RULES:
        if name in ("flash", "seen"):
            continue
        expected = set(desk.search(f"in:all ({query})", limit=None).ids) & new
        assert expected, name
        tag = actions[0][1:]
        assert set(desk.search(f"in:all tag:{tag}", limit=None).ids) == expected, name
    # A later version killed earlier ones in the same import: all versions count as killed.
    killed = set(desk.search("in:all tag:killed", limit=None).ids)
    assert len(killed) >= 2
    seen = set(desk.search("in:all tag:seen", limit=None).ids)
    assert seen == killed | set(desk.search("in:all tag:africa-desk", limit=None).ids)
    (flash,) = desk.take_notifications()
    assert flash.rule == "flash" and flash.title.startswith("FLASH")
    # One step of the log, after the import's: u takes the rules' changes back first.
    assert desk.history(1)[0].kind.startswith("rules ")  # every rule that acted, named
    desk.undo()
    assert not desk.search("in:all (tag:killed OR tag:seen OR is:starred)", limit=None).ids
    assert desk.get_many(list(new))
