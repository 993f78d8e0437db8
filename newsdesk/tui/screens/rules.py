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
from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, get_current_worker

from newsdesk.errors import DeskError
from newsdesk.rules.model import Rule
from newsdesk.sanitize import clean_line
from newsdesk.tui.modals.once import OnceScreen
from newsdesk.tui.modals.rule_form import RuleDialog, RuleForm
from newsdesk.tui.screens.table_moves import TableMoves, move_bindings
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
        self, name: str, query: str, actions: Sequence[str]
    ) -> tuple[str, tuple[str, ...]]: ...

    def add_rule(self, name: str, query: str, actions: Sequence[str]) -> Rule: ...

    def edit_rule(self, name: str, new_name: str, query: str, actions: Sequence[str]) -> Rule: ...

    def remove_rule(self, name: str) -> bool: ...

    def enable_rule(self, name: str, enabled: bool = True) -> Rule: ...

    def move_rule(self, name: str, position: int) -> list[Rule]: ...

    def apply_rules(self, names: Sequence[str] = ()) -> list[ActionResult]: ...

    def count_matches(self, query: str) -> int: ...

    def data_version(self) -> int: ...


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


class RulesScreen(TableMoves, OnceScreen[str | None]):
    """The rules; dismissed with a rule's query to show in the inbox, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="rules_add"),
        Binding("e", "edit", "Edit", id="rules_edit"),
        Binding("d,delete", "remove", "Remove", id="rules_remove"),
        Binding("space", "switch", "On/off", id="rules_switch"),
        Binding("K,shift+up", "move(-1)", "Earlier", id="rules_earlier"),
        Binding("J,shift+down", "move(1)", "Later", id="rules_later"),
        Binding("A", "apply", "Apply now", id="rules_apply"),
        Binding("enter", "show", "Matches", id="rules_show", priority=True),
        Binding("escape,q,ctrl+r", "close", "Close", id="rules_close"),
        *move_bindings("rules"),
    ]
    """The screen's own keys (listed in its footer)."""

    @dataclass
    class Loaded(Message):
        rules: list[Rule]

    @dataclass
    class Counted(Message):
        """How many articles in the desk a rule's query finds now (None: unreadable)."""

        query: str
        count: int | None

    @dataclass
    class Changed(Message):
        """A change went through (notice) or was refused (error); `select` names the
        rule to put the cursor on."""

        notice: str
        error: bool = False
        select: str = ""

    def __init__(self, desk: RuleDesk) -> None:
        super().__init__()
        self._desk = desk
        self.rules: list[Rule] = []
        self.loaded = False
        #: Query -> "12" (or "…" while counting, "?" when it cannot be counted).
        self.counts: dict[str, str] = {}
        self._version: int | None = None
        self._counting: Worker[None] | None = None
        self._select = ""

    def compose(self) -> ComposeResult:
        yield Static(Text("Rules", style="bold"), id="rules-title")
        table: DataTable[Text] = DataTable(id="rules-table", cursor_type="row", zebra_stripes=True)
        for title, width in COLUMNS:
            table.add_column(title, width=width, key=title)
        yield table
        yield Static("", id="rules-detail", markup=False)
        yield Footer()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#rules-table", DataTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.reload()
        self.set_interval(STORE_POLL, self._look)

    def on_unmount(self) -> None:
        if self._counting is not None:
            self._counting.cancel()  # the worker is the App's: stop it with the screen

    # -- the list ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the rules and count their matches again."""
        self._load()

    def _look(self) -> None:
        version = self._desk.data_version()
        if self._version is not None and version != self._version:
            self.reload()
        self._version = version

    @app_worker(name="rules list", group="rules-list")
    def _load(self) -> None:
        self.post_message(self.Loaded(self._desk.rules()))

    def on_rules_screen_loaded(self, message: Loaded) -> None:
        current = self._select or (self.current.name if self.current else "")
        self._select = ""
        self.rules = message.rules
        self.loaded = True
        self._fill(current)
        self._show_title()
        self._show_detail()
        self._counting = self._count([r.query for r in self.rules])

    def _fill(self, current: str) -> None:
        table = self.table
        table.clear()
        for position, rule in enumerate(self.rules, 1):
            table.add_row(*rule_row(position, rule, self.counts.get(rule.query, "…")))
        for index, rule in enumerate(self.rules):
            if rule.name == current:
                table.move_cursor(row=index, animate=False)

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
            if rule.query == message.query:
                self.table.update_cell_at(
                    Coordinate(index, len(COLUMNS) - 1), Text(shown, justify="right")
                )

    @property
    def current(self) -> Rule | None:
        row = self.table.cursor_row
        return self.rules[row] if self.rules and 0 <= row < len(self.rules) else None

    def _show_title(self) -> None:
        title = Text("Rules", style="bold")
        if self.loaded:
            on = sum(1 for r in self.rules if r.enabled)
            title.append(f"  {len(self.rules):,} rules · {on:,} on")
            title.append("   run in this order on every new article", "dim")
        self.query_one("#rules-title", Static).update(title)

    def _show_detail(self) -> None:
        detail = self.query_one("#rules-detail", Static)
        rule = self.current
        if rule is not None:
            text = Text(end="")
            text.append(clean_line(rule.name), "bold")
            text.append("" if rule.enabled else "  (off: passed over on arrival)", "yellow")
            text.append(f"\n{clean_line(rule.query)}\n")
            text.append("→ " + clean_line(" ".join(rule.actions)), "cyan")
            text.append(
                f"   matched {rule.matched_today:,} today, {rule.matched_total:,} in all on arrival",
                "dim",
            )
            detail.update(text)
        elif self.loaded:
            detail.update(
                Text(
                    "No rules yet: a adds one (a name, a query, actions such as "
                    "+africa-desk star), or `newsdesk rules import FILE.toml`.",
                    style="dim",
                )
            )

    def on_data_table_row_highlighted(self) -> None:
        self._show_detail()

    # -- keys ----------------------------------------------------------------------------

    def _check(self, name: str, query: str, actions: tuple[str, ...]) -> str | None:
        try:
            self._desk.check_rule(name, query, actions)
        except DeskError as exc:
            return str(exc)
        return None

    def action_add(self) -> None:
        def keep(form: RuleForm | None) -> None:
            if form is not None:
                self._change("add", "", form)

        self.app.push_screen(RuleDialog("Add a rule", check=self._check), keep)

    def action_edit(self) -> None:
        rule = self.current
        if rule is None:
            return

        def keep(form: RuleForm | None) -> None:
            if form is not None:
                self._change("edit", rule.name, form)

        self.app.push_screen(
            RuleDialog(
                f"Edit rule {rule.name}",
                check=self._check,
                name=rule.name,
                query=rule.query,
                actions=rule.actions,
            ),
            keep,
        )

    def action_remove(self) -> None:
        from newsdesk.tui.modals.confirm import ConfirmDialog

        rule = self.current
        if rule is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._change("remove", rule.name)

        question = (
            f"Remove the rule {clean_line(rule.name)}? What it already did stays "
            "(u in the inbox takes back its steps)."
        )
        self.app.push_screen(ConfirmDialog("Remove rule", question, confirm="Remove"), answer)

    def action_switch(self) -> None:
        rule = self.current
        if rule is not None:
            self._change("disable" if rule.enabled else "enable", rule.name)

    def action_move(self, step: int) -> None:
        rule = self.current
        if rule is None:
            return
        position = self.table.cursor_row + 1 + step
        if 1 <= position <= len(self.rules):
            self._change("move", rule.name, position=position)

    def action_apply(self) -> None:
        from newsdesk.tui.modals.confirm import ConfirmDialog

        on = [r for r in self.rules if r.enabled]
        if not on:
            self.notify("No rule is switched on.", timeout=3)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._change("apply", "")

        question = (
            f"Run the {len(on):,} rules switched on over every article in the desk now? "
            "It is one step: u in the inbox takes it all back."
        )
        self.app.push_screen(ConfirmDialog("Apply rules now", question, confirm="Apply"), answer)

    def action_show(self) -> None:
        rule = self.current
        if rule is not None:
            self.dismiss(rule.query)

    def action_close(self) -> None:
        self.dismiss(None)

    @app_worker(name="rule change", group="rules-change", exclusive=False)
    def _change(
        self, verb: str, name: str, form: RuleForm | None = None, *, position: int = 0
    ) -> None:
        select = name
        try:
            if verb == "add" and form is not None:
                rule = self._desk.add_rule(form.name, form.query, form.actions)
                notice, select = f"Rule {rule.name} added: it acts on new articles.", rule.name
            elif verb == "edit" and form is not None:
                rule = self._desk.edit_rule(name, form.name, form.query, form.actions)
                notice, select = f"Rule {rule.name} saved.", rule.name
            elif verb == "remove":
                if not self._desk.remove_rule(name):
                    raise DeskError(f"no rule named {name!r}")
                notice = f"Rule {name} removed."
            elif verb in ("enable", "disable"):
                rule = self._desk.enable_rule(name, verb == "enable")
                notice = f"Rule {rule.name} " + ("on." if rule.enabled else "off.")
            elif verb == "move":
                self._desk.move_rule(name, position)
                notice = f"Rule {name} now runs {ordinal(position)}."
            else:
                notice = applied(self._desk.apply_rules())
        except DeskError as exc:
            self.post_message(self.Changed(str(exc), error=True))
            return
        self.post_message(self.Changed(notice, select=select))

    def on_rules_screen_changed(self, message: Changed) -> None:
        self.notify(
            clean_line(message.notice),
            severity="error" if message.error else "information",
            timeout=4,
            markup=False,
        )
        if not message.error:
            self._select = message.select
            self.reload()


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
        f"Applied {len(results):,} rules: {matched:,} matches, {changed:,} articles changed "
        "(u in the inbox undoes it)."
    )
