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
from collections.abc import Mapping, Sequence

from newsdesk.model import Article
from newsdesk.rules.matcher import Analysis, Facts, Predicate, compile_query
from newsdesk.rules.model import Notified, Rule, RuleOutcome, today
from newsdesk.store.protocol import StateChange, StoreBackend
from newsdesk.wire import DO_NOT_USE


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

    def run(
        self,
        store: StoreBackend,
        rules: Sequence[Rule],
        ids: Sequence[str],
        earlier: Mapping[str, Article] | None = None,
    ) -> RuleOutcome:
        """The rules over the new articles `ids`, their changes written as one step;
        `earlier` holds the telling before of those that re-tell an article."""
        arrival = self.start(store, rules)
        arrival.earlier.update(earlier or {})
        arrival.see(ids, last=True)
        return arrival.finish()

    def start(self, store: StoreBackend, rules: Sequence[Rule]) -> Arrival:
        """An arrival the new articles are shown to as they are stored (`Arrival.see`)
        and whose changes are written once they all are (`Arrival.finish`)."""
        predicates: list[tuple[Rule, Predicate]] = []
        for rule in rules:
            if not rule.enabled:
                continue
            predicate = self._predicate(rule)
            if predicate is not None:
                predicates.append((rule, predicate))
        analysis = self._analysis if predicates else None
        return Arrival(store, predicates, analysis)

    def _predicate(self, rule: Rule) -> Predicate | None:
        try:
            return self.check(rule.query)
        except Exception:  # a rule kept by an older version that no longer parses: skipped
            return None


class Arrival:
    """The rules over one arrival of new articles, shown to it in parts.

    An import shows each committed batch of its files while the next ones are
    still being read (the matching overlaps the extraction), then `finish`
    writes what every rule did as one logged step after the import's own. Wire
    copy is matched at `finish`, read as it is then: a later version in the same
    import can still supersede or kill it.
    """

    def __init__(
        self,
        store: StoreBackend,
        predicates: list[tuple[Rule, Predicate]],
        analysis: Analysis | None,
    ) -> None:
        self.store = store
        self._predicates = predicates
        self._analysis = analysis
        self._matched: dict[str, list[str]] = {}
        #: Rule name -> new versions of copy its killfile keeps archived (below).
        self._kept_out: dict[str, list[str]] = {}
        self._notified: dict[str, list[Notified]] = {}
        self._wire: list[str] = []
        #: Killed or withdrawn copy among the matches: no rule reads or archives it.
        self._kills: set[str] = set()
        #: Re-told articles the editor has acted on (`editor_acted`): no rule reads or
        #: archives them either, and rule name -> those it would have.
        self._kept: set[str] = set()
        self._spared: dict[str, list[str]] = {}
        #: Every article shown to this arrival.
        self._arrived: set[str] = set()
        #: Article id -> the telling it replaces, for an article re-told (a feed's
        #: correction, a new version of wire copy the desk had): filled as it is stored.
        self.earlier: dict[str, Article] = {}

    @property
    def active(self) -> bool:
        """Whether any rule is switched on (else showing articles costs nothing)."""
        return bool(self._predicates)

    def see(self, ids: Sequence[str], *, last: bool = False) -> None:
        """Match the stored articles `ids`; wire copy is kept for `finish` unless
        `last` (no more articles come in this arrival)."""
        if not ids or self._analysis is None:
            return
        analysis = self._analysis
        facts: list[Facts] = []
        self._arrived.update(ids)
        for article in self.store.get_many(ids):
            if article.meta.item_id and not last:
                self._wire.append(article.id)
            else:
                facts.append(Facts(article, analysis))
        for f in facts:
            self._match(f)

    def hiding(self) -> set[str]:
        """The articles seen so far that `finish` will archive (wire copy is matched
        then): the app leaves them out of "arrived since" while the fetch runs."""
        shown = self._kills | self._kept
        hidden = {i for ids in self._kept_out.values() for i in ids}
        for rule, _ in self._predicates:
            if "archived" in rule.change:
                hidden.update(i for i in self._matched.get(rule.name, ()) if i not in shown)
        return hidden

    def _match(self, f: Facts) -> None:
        """Every rule in order over one article; each sees what those before it did.

        A re-told article (a correction, a new version) carries the editor's state: a
        rule its earlier telling matched has acted already and is passed over; a rule
        only the new telling matches (a kill for `is:killed`, a new word) acts."""
        previous = self.earlier.get(f.article.id)
        if previous is not None and previous.id != f.article.id and previous.id in self._arrived:
            previous = None  # an earlier version of this same arrival: not acted on yet
        before = Facts(previous, f.analysis) if previous is not None else None
        # As the editor left it (`_follow` then plays the rules over the copy).
        left_archived = previous is not None and previous.state.archived
        if is_kill(f.article):
            self._kills.add(f.article.id)
        acted: list[bool] = []  # asked of the store once, and only for a rule that hides

        def kept() -> bool:
            if not acted:
                acted.append(
                    previous is not None
                    and not left_archived
                    and editor_acted(self.store, previous)
                )
                if acted[0]:
                    self._kept.add(f.article.id)
            return acted[0]

        for rule, predicate in self._predicates:
            if before is not None and predicate(before):
                _follow(before, rule)
                # A killfile holds for the item: the new version of copy it archived
                # (and the editor left archived) stays out of the inbox too. Its other
                # actions acted on the earlier version and are not done again.
                if "archived" in rule.change and left_archived and predicate(f):
                    self._kept_out.setdefault(rule.name, []).append(f.article.id)
                    f.article.state.archived = True
                continue
            if predicate(f):
                self._matched.setdefault(rule.name, []).append(f.article.id)
                spare = bool(HIDING & set(rule.change)) and kept()
                if spare:
                    self._spared.setdefault(rule.name, []).append(f.article.id)
                _follow(f, rule, hide=not spare)
                if rule.notifies:
                    notified = Notified(rule.name, f.article.id, f.article.title)
                    self._notified.setdefault(rule.name, []).append(notified)

    def finish(self) -> RuleOutcome:
        """Match the wire copy kept back, then write every rule's changes in one
        transaction, logged as one step (one per rule cost more than the matching)."""
        wire, self._wire = self._wire, []
        self.see(wire, last=True)
        outcome = RuleOutcome()
        changes: list[StateChange] = []
        counts: dict[str, int] = {}
        shown = self._kills | self._kept
        for rule, _ in self._predicates:
            matched_ids = self._matched.get(rule.name)
            if matched_ids:
                outcome.matched[rule.name] = matched_ids
                counts[rule.name] = len(matched_ids)
                changes.extend(rule_changes(rule, matched_ids, shown))
                if "archived" in rule.change:
                    hidden = [i for i in matched_ids if i not in shown]
                    if hidden:
                        outcome.archived[rule.name] = hidden
            if self._spared.get(rule.name):
                outcome.spared[rule.name] = self._spared[rule.name]
            kept_out = [i for i in self._kept_out.get(rule.name, ()) if i not in self._kills]
            if kept_out:
                outcome.matched.setdefault(rule.name, []).extend(kept_out)
                counts[rule.name] = counts.get(rule.name, 0) + len(kept_out)
                changes.append(StateChange(f"rule {rule.name}", kept_out, {"archived": True}))
                outcome.archived.setdefault(rule.name, []).extend(kept_out)
            outcome.notified.extend(self._notified.get(rule.name, ()))
        self._matched, self._kept_out, self._notified = {}, {}, {}
        self._kills, self.earlier, self._arrived = set(), {}, set()
        self._kept, self._spared = set(), {}
        if changes:
            # The counts go in the changes' transaction: one commit wakes the others once.
            self.store.apply_all(changes, counts, today())
        return outcome


def rule_change(rule: Rule, ids: Sequence[str]) -> StateChange:
    """What `rule` does to `ids`, as one part of a logged batch named after it."""
    return StateChange(
        f"rule {rule.name}", ids, rule.change, add_tags=rule.add_tags, remove_tags=rule.remove_tags
    )


#: What a rule may not do to a kill or a withdrawal.
HIDING = frozenset({"read", "archived"})


def is_kill(article: Article) -> bool:
    """Killed or withdrawn wire copy (any version): it must be seen."""
    return article.killed or article.meta.status in DO_NOT_USE


def rule_changes(rule: Rule, ids: Sequence[str], kills: set[str]) -> list[StateChange]:
    """What `rule` does to `ids` (on arrival or run by hand): a kill or a withdrawal is never marked read
    or archived by a rule (it arrives unread in the inbox, so it is seen); its other
    actions (a star, a tag) apply."""
    hidden = HIDING & set(rule.change)
    killed = [i for i in ids if i in kills] if hidden else []
    if not killed:
        return [rule_change(rule, ids)]
    rest = [i for i in ids if i not in kills]
    changes = [rule_change(rule, rest)] if rest else []
    shown = {k: v for k, v in rule.change.items() if k not in hidden}
    if shown or rule.add_tags or rule.remove_tags:
        changes.append(
            StateChange(
                f"rule {rule.name}",
                killed,
                shown,
                add_tags=rule.add_tags,
                remove_tags=rule.remove_tags,
            )
        )
    return changes


def editor_acted(store: StoreBackend, told: Article) -> bool:
    """Whether the editor has acted on the article as it was told before: starred it,
    tagged it, written a note on it or claimed it. A star or tag a rule gave, or a tag
    its feed gave, is no act of the editor's; nor is reading (opening an article reads
    it). A re-telling of such an article is never archived or marked read by a rule:
    it stays where the editor left it."""
    state = told.state
    if state.note:
        return True
    if state.starred or state.tags:
        # The editor's own steps in the article's log (a rule's are named "rule NAME").
        for record in store.article_log(told.id, limit=50):
            if record.kind.startswith("rule ") or record.kind == "import":
                continue
            if state.starred and record.kind == "star":
                return True
            if set(record.tags_added) & set(state.tags):
                return True
    return bool(store.claims([told.id]))


def _follow(facts: Facts, rule: Rule, *, hide: bool = True) -> None:
    """What the rule did, on the copy later rules look at (`hide` False: its read and
    archive are not done)."""
    state = facts.article.state
    for name in rule.change:
        if hide or name not in HIDING:
            setattr(state, name, True)
    tags = [t for t in state.tags if t not in rule.remove_tags]
    state.tags = sorted(set(tags) | set(rule.add_tags))
