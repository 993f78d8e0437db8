"""The desk's rules (issue 18): kept in the store, checked with the search's own
grammar, run over the queue on demand; `newsdesk/rules/` does the work, and the
Desk runs them on arrival."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from newsdesk.desk.results import ActionResult
from newsdesk.errors import QuerySyntaxError
from newsdesk.store import StoreBackend

if TYPE_CHECKING:
    from newsdesk.model import Article
    from newsdesk.rules.arrival import Arrival, RuleRunner
    from newsdesk.rules.model import Notified, Rule, RuleOutcome
    from newsdesk.search.engine import SearchResult


class RuleBook:
    """Add, edit, switch, order, test, apply, export and import rules.

    `find(query)` is every match of a query, newest first, with the index up to date.
    """

    def __init__(self, store: StoreBackend, find: Callable[[str], SearchResult]) -> None:
        self.store = store
        self._find = find
        self._runner: RuleRunner | None = None
        #: Headlines `notify` rules flagged, until `take_notifications`; articles arrive
        #: on import, fetch and watch threads while the app reads them on its own.
        self._notified: list[Notified] = []
        self._notified_lock = threading.Lock()

    @property
    def runner(self) -> RuleRunner:
        """Compiled rules, made on first use (the query grammar stays out of the app's start)."""
        if self._runner is None:
            from newsdesk.rules.arrival import RuleRunner

            self._runner = RuleRunner()
        return self._runner

    def arrive(
        self, ids: Sequence[str], earlier: Mapping[str, Article] | None = None
    ) -> RuleOutcome | None:
        """New articles pass the rules, in order, once they are stored; those in
        `earlier` re-tell an article the desk had (its telling before), and pass only
        the rules that telling did not match."""
        if not ids:
            return None
        rules = self.rules()
        if not rules:
            return None
        outcome = self.runner.run(self.store, rules, ids, earlier)
        if outcome.notified:
            with self._notified_lock:
                self._notified.extend(outcome.notified)
        return outcome

    def start_arrival(self) -> Arrival | None:
        """For an import: the rules switched on now, shown each committed batch as it is
        stored (`Arrival.see`), so matching overlaps the reading of the next files;
        None when no rule is on. `finish_arrival` writes what they did."""
        rules = self.rules()
        if not any(r.enabled for r in rules):
            return None
        arrival = self.runner.start(self.store, rules)
        return arrival if arrival.active else None

    def finish_arrival(self, arrival: Arrival) -> RuleOutcome:
        """Write what the rules did to an import's articles: one step of the action log."""
        outcome = arrival.finish()
        if outcome.notified:
            with self._notified_lock:
                self._notified.extend(outcome.notified)
        return outcome

    def take_notifications(self) -> list[Notified]:
        with self._notified_lock:
            taken, self._notified = self._notified, []
        return taken

    def rules(self) -> list[Rule]:
        from newsdesk.rules.model import today

        return self.store.rules(today())

    def check(
        self, name: str, query: str, actions: Sequence[str], *, new: bool = False
    ) -> tuple[str, tuple[str, ...]]:
        """The rule's name and actions, cleaned; RuleError or QuerySyntaxError (the search's
        own message) when it cannot be kept. `new`: the name must not be taken. Nothing
        is stored."""
        from newsdesk.rules.model import RuleNameTaken, check_name, parse_actions

        name = check_name(name)
        checked = parse_actions(actions)
        self._check_query(query)
        if new and any(r.name == name for r in self.rules()):
            raise RuleNameTaken(f"a rule named {name!r} exists already")
        return name, checked

    def add(self, name: str, query: str, actions: Sequence[str], *, replace: bool = False) -> Rule:
        """Keep a new rule; with `replace`, one of the same name is replaced where it
        stands (and its match counts start again when its query or actions change).

        A name already taken (unless replacing), a malformed query, an unknown
        action or a query that would match everything is refused with a
        one-line message: a rule is never replaced by accident.
        """
        name, checked = self.check(name, query, actions, new=not replace)
        self.store.save_rule(name, query.strip(), checked)
        return self.get(name)

    def edit(self, name: str, new_name: str, query: str, actions: Sequence[str]) -> Rule:
        from newsdesk.rules.model import RuleError, RuleNameTaken

        new_name, checked = self.check(new_name, query, actions)
        if new_name != name and any(r.name == new_name for r in self.rules()):
            raise RuleNameTaken(f"a rule named {new_name!r} exists already")
        if not self.store.edit_rule(name, new_name, query.strip(), checked):
            raise RuleError(f"no rule named {name!r}")
        return self.get(new_name)

    def enable(self, name: str, enabled: bool = True) -> Rule:
        from newsdesk.rules.model import RuleError

        if not self.store.enable_rule(name.strip(), enabled):
            raise RuleError(f"no rule named {name!r}")
        return self.get(name.strip())

    def move(self, name: str, position: int) -> list[Rule]:
        from newsdesk.rules.model import RuleError

        names = [r.name for r in self.rules()]
        if name not in names:
            raise RuleError(f"no rule named {name!r}")
        names.remove(name)
        names.insert(max(0, min(position - 1, len(names))), name)
        self.store.order_rules(names)
        return self.rules()

    def get(self, name: str) -> Rule:
        return next(r for r in self.rules() if r.name == name)

    def remove(self, name: str) -> bool:
        return self.store.remove_rule(name.strip())

    def test(self, query: str) -> SearchResult:
        self._check_query(query)
        return self._find(query)

    def _check_query(self, query: str) -> None:
        """A rule's query compiles, and names no field that does not exist: the search
        box reads `tittle:x` as words (and says so), a rule would quietly never fire."""
        from newsdesk.search.query import parse

        self.runner.check(query)
        unknown = [w for w in parse(query).warnings if w.startswith("unknown field")]
        if unknown:
            raise QuerySyntaxError(
                f"{unknown[0].replace(': searched as words', '')}; write the field as the "
                "search syntax names it, or quote the words to mean them"
            )

    def apply(self, names: Sequence[str] = ()) -> list[ActionResult]:
        """Run rules (the named ones, else every one switched on) over the queue as it is
        now, by searching it, in order.

        All their changes are one step of the action log (one `undo` takes them all
        back); each article's log names the rule that changed it.
        """
        from newsdesk.rules.arrival import HIDING, rule_changes
        from newsdesk.rules.model import RuleError
        from newsdesk.wire import row_killed

        chosen = self.rules()
        if names:
            known = {r.name for r in chosen}
            missing = [n for n in names if n not in known]
            if missing:
                raise RuleError(f"no rule named {missing[0]!r}")
            chosen = [r for r in chosen if r.name in names]
        else:
            chosen = [r for r in chosen if r.enabled]
        # Every rule's query is read before anything changes, so a later rule does not
        # see an earlier one's tag here (the index has not caught up within the step).
        found = [self._find(r.query).ids for r in chosen]
        # As on arrival, a kill or a withdrawal is never marked read or archived by a
        # rule, run by hand or not: it must be seen (`rules.arrival.rule_changes`).
        hiding = {
            i for r, ids in zip(chosen, found, strict=True) if HIDING & set(r.change) for i in ids
        }
        kills = {row.id for row in self.store.rows(list(hiding)) if row_killed(row)}
        per_rule = [rule_changes(r, ids, kills) for r, ids in zip(chosen, found, strict=True)]
        changed = iter(self.store.apply_all([c for changes in per_rule for c in changes]))
        results = []
        for rule, ids, changes in zip(chosen, found, per_rule, strict=True):
            done: list[str] = []
            for _ in changes:  # a rule's kills are a change of their own (`rule_changes`)
                done.extend(next(changed))
            results.append(ActionResult(f"rule {rule.name}", list(dict.fromkeys(done)), len(ids)))
        return results

    def to_toml(self) -> str:
        from newsdesk.rules.model import to_toml

        return to_toml(self.rules())

    def from_toml(self, text: str) -> list[Rule]:
        from newsdesk.rules.model import from_toml

        entries = from_toml(text)
        for number, entry in enumerate(entries, 1):
            try:
                self.runner.check(entry.query)
            except QuerySyntaxError as exc:
                # Named like the file's other errors: which of its rules is wrong.
                raise QuerySyntaxError(f"rule {number} ({entry.name}): {exc}") from None
        for entry in entries:
            self.store.save_rule(entry.name, entry.query.strip(), entry.actions)
            self.store.enable_rule(entry.name, entry.enabled)
        names = {entry.name for entry in entries}
        return [r for r in self.rules() if r.name in names]
