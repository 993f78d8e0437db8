"""Rules on arrival: new articles pass every rule, in order, before the editor sees them.

Each rule's query is compiled once (`matcher.compile_query`) and matched in
memory against the new articles; what the rules change is one batch of the
action log (one `u` takes it back), each row named after its rule ("rule
korea"), so an article's log says which rule tagged it. A rule sees
what the rules before it did (a star, a tag). Only new articles are touched:
articles already there change only when rules are applied by hand.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from newsdesk.rules.matcher import Analysis, Facts, Predicate, compile_query
from newsdesk.rules.model import Notified, Rule, RuleOutcome, today
from newsdesk.store.protocol import StateChange, StoreBackend


class RuleRunner:
    """Compiles rule queries once and runs rules over new articles."""

    def __init__(self) -> None:
        self._analysis: Analysis | None = None
        self._compiled: dict[str, Predicate] = {}
        self._lock = threading.Lock()

    def check(self, query: str) -> Predicate:
        """The compiled query (QuerySyntaxError with the search's message when it is bad)."""
        with self._lock:
            found = self._compiled.get(query)
            if found is None:
                if self._analysis is None:
                    self._analysis = Analysis()
                found = compile_query(query, self._analysis)
                if len(self._compiled) > 256:
                    self._compiled.clear()
                self._compiled[query] = found
            return found

    def run(self, store: StoreBackend, rules: Sequence[Rule], ids: Sequence[str]) -> RuleOutcome:
        outcome = RuleOutcome()
        predicates: list[tuple[Rule, Predicate]] = []
        for rule in rules:
            if not rule.enabled:
                continue
            predicate = self._predicate(rule)
            if predicate is not None:
                predicates.append((rule, predicate))
        if not predicates:
            return outcome
        assert self._analysis is not None
        facts = [Facts(article, self._analysis) for article in store.get_many(ids)]
        counts: dict[str, int] = {}
        changes: list[StateChange] = []
        for rule, predicate in predicates:
            matched = [f for f in facts if predicate(f)]
            if not matched:
                continue
            matched_ids = [f.article.id for f in matched]
            outcome.matched[rule.name] = matched_ids
            counts[rule.name] = len(matched_ids)
            changes.append(rule_change(rule, matched_ids))
            for f in matched:
                _follow(f, rule)
                if rule.notifies:
                    outcome.notified.append(Notified(rule.name, f.article.id, f.article.title))
        if changes:
            # One transaction for all the rules (one per rule cost more than the matching).
            store.apply_all(changes)
        if counts:
            store.count_rule_matches(counts, today())
        return outcome

    def _predicate(self, rule: Rule) -> Predicate | None:
        try:
            return self.check(rule.query)
        except Exception:  # a rule kept by an older version that no longer parses: skipped
            return None


def rule_change(rule: Rule, ids: Sequence[str]) -> StateChange:
    """What `rule` does to `ids`, as one part of a logged batch named after it."""
    return StateChange(
        f"rule {rule.name}", ids, rule.change, add_tags=rule.add_tags, remove_tags=rule.remove_tags
    )


def _follow(facts: Facts, rule: Rule) -> None:
    """What the rule did, on the copy later rules look at."""
    state = facts.article.state
    for name in rule.change:
        setattr(state, name, True)
    tags = [t for t in state.tags if t not in rule.remove_tags]
    state.tags = sorted(set(tags) | set(rule.add_tags))
