"""The rules screen (`ctrl+r`, and "Rules…" in the palette): the desk's rules on arrival.

Every rule in the order it runs, whether it is on, its query and actions, how
many articles it matched on arrival today and in all (kept by the store), and
how many in the desk its query finds now (counted in a thread worker, one rule
at a time, as the saved-search picker does). The list reads itself again when
the store changes (an import, a fetch, another editor), so the counts are live.

Changes go through the Desk's rule verbs in a worker; a refused rule is shown
inside the form (`RuleDialog`) with the search's own message. "Apply now" runs
the rules switched on over the queue as one step that `u` takes back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.worker import Worker, get_current_worker

from newsdesk.counting import counted
from newsdesk.errors import DeskError
from newsdesk.rules.model import Rule
from newsdesk.sanitize import clean_line
from newsdesk.tui.modals.rule_form import RuleDialog, RuleForm
from newsdesk.tui.screens.table_screen import ChangeDone, TableScreen, move_bindings
from newsdesk.tui.workers import app_worker

if TYPE_CHECKING:
    from newsdesk.desk import ActionResult

#: Seconds between two looks for a change of the store (then the list is read again).
STORE_POLL = 1.0
#: Columns: (title, width).
COLUMNS = (
    ("#", 3),
    ("On", 3),
    ("Name", 16),
    ("Query", 34),
    ("Actions", 22),
    ("Today", 6),
    ("All", 6),
    ("In desk", 8),
)


class RuleDesk(Protocol):
    """The Desk's rule verbs this screen uses."""

    def rules(self) -> list[Rule]: ...

    def check_rule(
        self, name: str, query: str, actions: Sequence[str], *, new: bool = False
    ) -> tuple[str, tuple[str, ...]]: ...

    def add_rule(self, name: str, query: str, actions: Sequence[str]) -> Rule: ...

    def edit_rule(self, name: str, new_name: str, query: str, actions: Sequence[str]) -> Rule: ...

    def remove_rule(self, name: str) -> bool: ...

    def enable_rule(self, name: str, enabled: bool = True) -> Rule: ...

    def move_rule(self, name: str, position: int) -> list[Rule]: ...

    def apply_rules(self, names: Sequence[str] = ()) -> list[ActionResult]: ...

    def count_matches(self, query: str) -> int: ...

    def data_version(self) -> int: ...


def desk_query(rule: Rule) -> str:
    """What "In desk" counts and Enter shows: for a rule that archives (a killfile), its
    matches in the archive too; its query alone found nothing once it had acted, and
    what it had archived could not be reviewed from here."""
    if rule.change.get("archived"):
        return f"in:all ({rule.query})"
    return rule.query


def rule_row(position: int, rule: Rule, in_desk: str) -> list[Text]:
    """One table row; names, queries and tags are cleaned (they may come from a shared file)."""
    dim = "" if rule.enabled else "dim"
    return [
        Text(str(position), justify="right", style="dim"),
        Text("on", style="green") if rule.enabled else Text("off", style="yellow"),
        Text(clean_line(rule.name), style="bold" if rule.enabled else "dim"),
        Text(clean_line(rule.query), style=dim),
        Text(clean_line(" ".join(rule.actions)), style=dim),
        Text(
            f"{rule.matched_today:,}",
            justify="right",
            style="bold" if rule.matched_today else "dim",
        ),
        Text(f"{rule.matched_total:,}", justify="right"),
        Text(in_desk, justify="right"),
    ]


class RulesScreen(TableScreen[Rule]):
    """The rules; dismissed with a rule's query to show in the inbox, or None."""

    NAME = "rules"
    COLUMNS = COLUMNS
    STRETCH: ClassVar[dict[str, int]] = {"Query": 2, "Actions": 1}
    # At 80 cells the three counts stay in view; the query and actions are whole below.
    SHRINK: ClassVar[dict[str, int]] = {"Name": 10, "Query": 14, "Actions": 12}
    POLL = STORE_POLL
    BINDINGS: ClassVar[list[BindingType]] = [
        # Close first: a narrow footer cuts the keys at its end, never this one.
        Binding("escape,q,ctrl+r", "close", "Close", id="rules_close"),
        Binding("a", "add", "Add", id="rules_add"),
        Binding("e", "edit", "Edit", id="rules_edit"),
        Binding("d,delete", "remove", "Remove", id="rules_remove"),
        Binding("space", "switch", "On/off", id="rules_switch"),
        Binding("K,shift+up", "move(-1)", "Earlier", id="rules_earlier"),
        Binding("J,shift+down", "move(1)", "Later", id="rules_later"),
        Binding("A", "apply", "Apply", id="rules_apply"),
        Binding("enter", "show", "Matches", id="rules_show", priority=True),
        *move_bindings("rules"),
    ]
    """The screen's own keys (listed in its footer)."""

    @dataclass
    class Counted(Message):
        """How many articles in the desk a rule's query finds now (None: unreadable)."""

        query: str
        count: int | None

    def __init__(self, desk: RuleDesk) -> None:
        super().__init__(desk.data_version)
        self._desk = desk
        #: Query -> "12" (or "…" while counting, "?" when it cannot be counted).
        self.counts: dict[str, str] = {}
        self._counting: Worker[None] | None = None

    @property
    def rules(self) -> list[Rule]:
        return self.items

    def on_unmount(self) -> None:
        if self._counting is not None:
            self._counting.cancel()  # the worker is the App's: stop it with the screen

    # -- the list ----------------------------------------------------------------------

    def read(self) -> list[Rule]:
        return self._desk.rules()

    def key_of(self, item: Rule) -> str:
        return item.name

    def row(self, position: int, item: Rule) -> list[Text]:
        return rule_row(position, item, self.counts.get(desk_query(item), "…"))

    def filled(self) -> None:
        self._counting = self._count([desk_query(r) for r in self.rules])

    @app_worker(name="rule counts", group="rules-counts")
    def _count(self, queries: list[str]) -> None:
        worker = get_current_worker()
        for query in dict.fromkeys(queries):
            if worker.is_cancelled:
                return
            try:
                count: int | None = self._desk.count_matches(query)
            except DeskError:
                count = None
            self.post_message(self.Counted(query, count))

    def on_rules_screen_counted(self, message: Counted) -> None:
        shown = "?" if message.count is None else f"{message.count:,}"
        if self.counts.get(message.query) == shown:
            return
        self.counts[message.query] = shown
        for index, rule in enumerate(self.rules):
            if desk_query(rule) == message.query:
                self.table.update_cell_at(
                    Coordinate(index, len(COLUMNS) - 1), Text(shown, justify="right")
                )
        current = self.current
        if current is not None and desk_query(current) == message.query:
            self.show_detail()

    def heading(self) -> Text:
        title = Text("Rules", style="bold")
        if self.loaded:
            on = sum(1 for r in self.rules if r.enabled)
            title.append(f"  {counted(len(self.rules), 'rule')} · {on:,} on")
            title.append("   run in this order on every new article", "dim")
        return title

    def detail_of(self, item: Rule) -> Text:
        text = Text(end="")
        text.append(clean_line(item.name), "bold")
        text.append("" if item.enabled else "  (off: passed over on arrival)", "yellow")
        text.append(f"\n{clean_line(item.query)}\n")
        text.append("→ " + clean_line(" ".join(item.actions)), "cyan")
        text.append(
            f"   matched {item.matched_today:,} today, {item.matched_total:,} in all on arrival",
            "dim",
        )
        # What the "In desk" column says, also when a narrow screen cuts the table.
        in_desk = self.counts.get(desk_query(item), "…")
        where = "in the desk and its archive" if item.change.get("archived") else "in the desk"
        text.append(f"; {in_desk} {where} now", "dim")
        return text

    def empty_text(self) -> Text:
        return Text(
            "No rules yet: a adds one (a name, a query, actions such as "
            "+africa-desk star), or `newsdesk rules import FILE.toml`.",
            style="dim",
        )

    def query_of(self, item: Rule) -> str:
        return desk_query(item)

    # -- keys ----------------------------------------------------------------------------

    def _check(
        self, name: str, query: str, actions: tuple[str, ...], new: bool = False
    ) -> str | None:
        """Why the form cannot be kept, or None; `new`: adding never replaces a rule."""
        try:
            self._desk.check_rule(name, query, actions, new=new)
        except DeskError as exc:
            return str(exc)
        return None

    def _check_edit(
        self, name: str, new_name: str, query: str, actions: tuple[str, ...]
    ) -> str | None:
        """As `_check`; a new name must not be another rule's (caught only after the form
        had closed, the edits lost)."""
        return self._check(new_name, query, actions, new=new_name.strip() != name)

    def action_add(self) -> None:
        def keep(form: RuleForm | None) -> None:
            if form is not None:
                self.change(lambda: self._add(form))

        self.app.push_screen(RuleDialog("Add a rule", check=partial(self._check, new=True)), keep)

    def _add(self, form: RuleForm) -> ChangeDone:
        rule = self._desk.add_rule(form.name, form.query, form.actions)
        return f"Rule {rule.name} added: it acts on new articles.", rule.name

    def action_edit(self) -> None:
        rule = self.current
        if rule is None:
            return

        def keep(form: RuleForm | None) -> None:
            if form is not None:
                self.change(lambda: self._edit(rule.name, form))

        self.app.push_screen(
            RuleDialog(
                f"Edit rule {rule.name}",
                check=partial(self._check_edit, rule.name),
                name=rule.name,
                query=rule.query,
                actions=rule.actions,
            ),
            keep,
        )

    def _edit(self, name: str, form: RuleForm) -> ChangeDone:
        rule = self._desk.edit_rule(name, form.name, form.query, form.actions)
        return f"Rule {rule.name} saved.", rule.name

    def action_remove(self) -> None:
        rule = self.current
        if rule is None:
            return
        name = rule.name

        def remove() -> ChangeDone:
            if not self._desk.remove_rule(name):
                raise DeskError(f"no rule named {name!r}")
            return f"Rule {name} removed.", name

        question = (
            f"Remove the rule {clean_line(name)}? What it already did stays "
            "(u in the inbox takes back its steps)."
        )
        self.confirm("Remove rule", question, "Remove", lambda: self.change(remove))

    def action_switch(self) -> None:
        rule = self.current
        if rule is None:
            return

        def switch() -> ChangeDone:
            done = self._desk.enable_rule(rule.name, not rule.enabled)
            return f"Rule {done.name} " + ("on." if done.enabled else "off."), rule.name

        self.change(switch)

    def action_move(self, step: int) -> None:
        rule = self.current
        if rule is None:
            return
        position = self.table.cursor_row + 1 + step
        if not 1 <= position <= len(self.rules):
            return

        def move() -> ChangeDone:
            self._desk.move_rule(rule.name, position)
            return f"Rule {rule.name} now runs {ordinal(position)}.", rule.name

        self.change(move)

    def action_apply(self) -> None:
        on = [r for r in self.rules if r.enabled]
        if not on:
            self.notify("No rule is switched on.", timeout=3)
            return
        question = (
            f"Run the {counted(len(on), 'rule')} switched on over every article in the desk now? "
            "It is one step: u in the inbox takes it all back."
        )
        self.confirm(
            "Apply rules now",
            question,
            "Apply",
            lambda: self.change(lambda: (applied(self._desk.apply_rules()), "")),
        )


def ordinal(n: int) -> str:
    """1 -> "first", 12 -> "12th"."""
    words = {1: "first", 2: "second", 3: "third"}
    if n in words:
        return words[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def applied(results: Sequence[ActionResult]) -> str:
    """What "apply now" did, in one line."""
    if not results:
        return "No rule is switched on."
    changed = len({aid for r in results for aid in r.changed})
    matched = sum(r.requested for r in results)
    return (
        f"Applied {counted(len(results), 'rule')}: {counted(matched, 'match', 'matches')}, "
        f"{counted(changed, 'article')} changed "
        "(u in the inbox undoes it)."
    )
