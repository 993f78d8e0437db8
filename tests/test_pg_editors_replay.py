"""The shared-desk check's replay (tests/pg_editors.py) must catch a state no commit
order explains, and must not blame the desk for two editors' overlapping calls."""

from __future__ import annotations

import json
from typing import Any

from tests.pg_editors import replay_differ


def _row(batch: int, editor: str, before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    base: dict[str, Any] = {
        "starred": False,
        "archived": False,
        "exported": False,
        "note": None,
        "tags": [],
    }
    return {
        "batch": batch,
        "kind": "star",
        "article_id": "a",
        "before": json.dumps({**base, **before}),
        "after": json.dumps({**base, **after}),
        "editor": editor,
        "undone": 0,
    }


def _state(**marks: Any) -> dict[str, Any]:
    found = {
        "starred": False,
        "archived": False,
        "exported": False,
        "note": "",
        "tags": [],
        "claim": None,
    }
    return {"a": {**found, **marks}}


# e0 sets the note "x" (batch 1); e1 sets it to "y" (batch 2).
LOG = [_row(1, "e0", {}, {"note": "x"}), _row(2, "e1", {"note": "x"}, {"note": "y"})]


def test_steps_told_one_after_the_other_explain_only_their_order() -> None:
    journals = {
        "e0": [{"kind": "note", "t0": 1.0, "t": 1.1}],
        "e1": [{"kind": "note", "t0": 2.0, "t": 2.1}],
    }
    assert replay_differ(["a"], LOG, journals, _state(note="y")) == []
    assert replay_differ(["a"], LOG, journals, _state(note="x")) == ["a"]
    assert replay_differ(["a"], LOG, journals, _state(note="y", starred=True)) == ["a"]


def test_two_calls_that_overlapped_may_have_committed_either_way() -> None:
    # e1's call began after e0's and returned first: told y then x, committed x then y.
    journals = {
        "e0": [{"kind": "note", "t0": 1.0, "t": 1.5}],
        "e1": [{"kind": "note", "t0": 1.1, "t": 1.2}],
    }
    assert replay_differ(["a"], LOG, journals, _state(note="y")) == []
    assert replay_differ(["a"], LOG, journals, _state(note="x")) == []
    assert replay_differ(["a"], LOG, journals, _state(note="")) == ["a"]


def test_an_undo_keeps_a_mark_another_editor_changed_since() -> None:
    # e0 tags "desk" (1); e1 takes it off (2) and puts it back (3); e0's undo of 1
    # leaves e1's tag: the state with the tag is explained, the one without is not.
    log = [
        _row(1, "e0", {}, {"tags": ["desk"]}),
        _row(2, "e1", {"tags": ["desk"]}, {"tags": []}),
        _row(3, "e1", {"tags": []}, {"tags": ["desk"]}),
    ]
    journals = {
        "e0": [{"kind": "tag", "t0": 1.0, "t": 1.1}, {"kind": "undo", "t0": 4.0, "t": 4.1}],
        "e1": [{"kind": "tag", "t0": 2.0, "t": 2.1}, {"kind": "tag", "t0": 3.0, "t": 3.1}],
    }
    assert replay_differ(["a"], log, journals, _state(tags=["desk"])) == []
    assert replay_differ(["a"], log, journals, _state()) == ["a"]
