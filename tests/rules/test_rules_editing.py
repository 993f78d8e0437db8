"""Rules edited in place, switched off, reordered, and applied by hand as one undo step."""

from __future__ import annotations

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.rules.model import RuleEntry, RuleError, from_toml
from newsdesk.store import StoreBackend
from newsdesk.store.protocol import StateChange


def test_the_store_edits_switches_and_orders_rules(store: StoreBackend) -> None:
    for name in ("a", "b", "c"):
        store.save_rule(name, f"word{name}", ("star",))
    store.count_rule_matches({"b": 2}, "2026-12-04")
    assert store.edit_rule("b", "bee", "storm", ("+weather",))
    assert not store.edit_rule("gone", "x", "storm", ("star",))
    rules = store.rules("2026-12-04")
    assert [r.name for r in rules] == ["a", "bee", "c"]
    assert rules[1].query == "storm" and rules[1].actions == ("+weather",)
    assert rules[1].matched_total == 2  # the counts stay with the rule
    assert all(r.enabled for r in rules)
    assert store.enable_rule("c", False) and not store.enable_rule("gone", False)
    store.order_rules(["c", "a"])
    rules = store.rules("2026-12-04")
    assert [(r.name, r.enabled) for r in rules] == [("c", False), ("a", True), ("bee", True)]


def test_several_changes_are_one_batch_and_one_undo(store: StoreBackend) -> None:
    ids = ["a1", "a2"]
    with store.transaction() as tx:
        for n, aid in enumerate(ids):
            store.insert(tx, aid, Extracted(title=f"Storm {n}", body="Rain."), "t", None)
    store.apply_all(
        [
            StateChange("rule tagger", ids, {}, add_tags=["weather"]),
            StateChange("rule starrer", ids[:1], {"starred": True}),
            StateChange("rule reader", ids, {"read": True}),
        ]
    )
    got = {a.id: a.state for a in store.get_many(ids)}
    assert got[ids[0]].starred and got[ids[0]].tags == ["weather"] and got[ids[0]].read
    log = store.article_log(ids[0], 10)
    assert {r.kind for r in log} == {"rule tagger", "rule starrer", "rule reader"}
    assert len({r.batch for r in log}) == 1
    # History and undo name every rule that acted, not one of them for all the changes.
    (step,) = store.history(10)
    assert step.kind == "rules tagger, starrer, reader" or sorted(
        step.kind.removeprefix("rules ").split(", ")
    ) == ["reader", "starrer", "tagger"]
    # Each article once, however many rules acted on it ("3 article(s)" for one).
    assert sorted(step.article_ids) == sorted(ids)
    record = store.undo()
    assert record is not None and sorted(record.article_ids) == sorted(ids)
    assert record.kind == step.kind
    for article in store.get_many(ids):
        state = article.state
        assert not state.starred and not state.read and state.tags == []
    assert store.undo() is None  # nothing else was logged


def test_apply_by_hand_is_one_undo_step_and_skips_rules_switched_off(desk: Desk) -> None:
    ids = desk.add_extracted(
        [
            Extracted(title="Storm hits the coast", body="A storm and floods."),
            Extracted(title="Budget vote delayed", body="The council waits."),
        ],
        "a",
    )
    desk.add_rule("storms", "storm", ["+weather", "star"])
    desk.add_rule("floods", "floods", ["read"])
    desk.add_rule("budget", "budget", ["archive"])
    desk.enable_rule("budget", False)
    before = len(desk.history(50))
    results = desk.apply_rules()
    assert [r.action for r in results] == ["rule storms", "rule floods"]
    storm, budget = desk.get_many(ids)
    assert storm.state.starred and storm.state.read and storm.state.tags == ["weather"]
    assert not budget.state.archived  # switched off
    assert len(desk.history(50)) == before + 1  # one step for all the rules
    desk.undo()
    storm, budget = desk.get_many(ids)
    assert not storm.state.starred and not storm.state.read and storm.state.tags == []
    # Named, a rule switched off still runs (the editor asked for it).
    (result,) = desk.apply_rules(["budget"])
    assert result.changed == [ids[1]]


def test_a_rule_switched_off_does_nothing_on_arrival(desk: Desk) -> None:
    desk.add_rule("storms", "storm", ["star"])
    desk.enable_rule("storms", False)
    (new,) = desk.add_extracted([Extracted(title="Storm nears", body="A storm.")], "b")
    article = desk.get(new)
    assert article is not None and not article.state.starred
    desk.enable_rule("storms")
    (again,) = desk.add_extracted([Extracted(title="Second storm", body="Storm again.")], "c")
    article = desk.get(again)
    assert article is not None and article.state.starred


def test_edit_and_move_keep_the_rule_where_asked(desk: Desk) -> None:
    desk.add_rule("a", "storm", ["star"])
    desk.add_rule("b", "flood", ["read"])
    desk.add_rule("c", "fire", ["+fire"])
    edited = desk.edit_rule("b", "floods", "flood OR river", ["read", "+water"])
    assert (edited.name, edited.query, edited.actions) == (
        "floods",
        "flood OR river",
        ("read", "+water"),
    )
    assert [r.name for r in desk.rules()] == ["a", "floods", "c"]
    with pytest.raises(RuleError, match="a rule named 'a' exists already"):
        desk.edit_rule("floods", "a", "flood", ["read"])
    with pytest.raises(RuleError, match="no rule named 'zzz'"):
        desk.edit_rule("zzz", "zzz", "flood", ["read"])
    with pytest.raises(RuleError, match="unknown action"):
        desk.edit_rule("floods", "floods", "flood", ["boom"])
    assert [r.name for r in desk.move_rule("c", 1)] == ["c", "a", "floods"]
    assert [r.name for r in desk.move_rule("c", 99)] == ["a", "floods", "c"]
    with pytest.raises(RuleError, match="no rule named"):
        desk.move_rule("zzz", 1)


def test_a_rule_switched_off_travels_switched_off(desk: Desk) -> None:
    desk.add_rule("mute", "source:tabloid", ["archive"])
    desk.enable_rule("mute", False)
    text = desk.export_rules()
    assert "enabled = false" in text
    assert from_toml(text) == [RuleEntry("mute", "source:tabloid", ("archive",), enabled=False)]
    desk.remove_rule("mute")
    (rule,) = desk.import_rules(text)
    assert not rule.enabled
    with pytest.raises(RuleError, match="enabled must be true or false"):
        from_toml('[[rule]]\nname = "x"\nquery = "a"\nactions = ["star"]\nenabled = "no"\n')


def test_cli_switches_and_moves(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "add", "a", "storm", "star"]) == 0
    assert main(["rules", "add", "b", "flood", "read"]) == 0
    assert main(["rules", "disable", "a"]) == 0
    assert main(["rules", "move", "b", "1"]) == 0
    capsys.readouterr()
    assert main(["rules", "list"]) == 0
    listing = capsys.readouterr()
    text = listing.out + listing.err
    assert text.index("b: flood") < text.index("a: storm") and "[off]" in text
    assert main(["rules", "move", "b", "first"]) != 0
    # Both were given: the position is what is wrong, said without the usage line.
    err = capsys.readouterr().err
    assert "the position is a whole number (1 runs first), not 'first'" in err
    assert "NAME POSITION" not in err
    assert main(["rules", "enable", "nope"]) != 0
    assert "no rule named 'nope'" in capsys.readouterr().err


def test_rules_list_writes_the_list_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """`rules list` wrote every rule to stderr: `rules list | grep storm` found nothing."""
    assert main(["rules", "add", "storm-desk", "storm", "+weather", "star"]) == 0
    capsys.readouterr()
    assert main(["rules", "list"]) == 0
    listing = capsys.readouterr()
    assert "storm-desk: storm -> +weather star" in listing.out
    assert listing.err == ""


def test_a_replaced_rule_counts_again_only_when_what_it_does_changes(
    store: StoreBackend,
) -> None:
    store.save_rule("malta", "place:malta", ("star",))
    store.count_rule_matches({"malta": 3}, "2026-12-04")
    store.save_rule("malta", "place:malta", ("star",))  # the same rule kept again
    (rule,) = store.rules("2026-12-04")
    assert rule.matched_total == 3 and rule.matched_today == 3
    store.save_rule("malta", "harbour", ("archive",))  # another rule under the name
    (rule,) = store.rules("2026-12-04")
    assert rule.query == "harbour" and rule.matched_total == 0 and rule.matched_today == 0


def test_adding_a_rule_never_replaces_one_by_accident(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "add", "malta", "place:malta OR place:valletta", "+malta-desk"]) == 0
    capsys.readouterr()
    assert main(["rules", "add", "malta", "harbour", "archive"]) != 0
    err = capsys.readouterr().err
    assert "a rule named 'malta' exists already" in err and "rules replace" in err
    with Desk() as desk:
        (rule,) = desk.rules()
        assert rule.query == "place:malta OR place:valletta" and rule.actions == ("+malta-desk",)
        with pytest.raises(RuleError, match="exists already"):
            desk.add_rule("malta", "harbour", ["archive"])
    assert main(["rules", "replace", "malta", "harbour", "archive"]) == 0
    with Desk() as desk:
        (rule,) = desk.rules()
        assert rule.query == "harbour" and rule.actions == ("archive",)
