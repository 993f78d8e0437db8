"""The inbox screen's top layer: the key table and the triage verbs.

Every verb applies to the selection when there is one, else to the cursor
row; toggles turn a mark on unless every target already has it. Small
batches run at once (a few milliseconds of SQLite); big ones (select-all over
a large inbox) run in a thread worker so the screen never stalls.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.binding import BindingType
from textual.message import Message

from newsdesk.desk import ActionResult
from newsdesk.tui.keymap import KEY_TABLE
from newsdesk.tui.modals.prompt import PromptDialog
from newsdesk.tui.modals.tag import TagChange, TagDialog
from newsdesk.tui.screens.jobs import ExportRequest, JobsScreen
from newsdesk.tui.widgets.inbox import InboxList
from newsdesk.tui.widgets.search_bar import SearchInput

#: Batches up to this size are applied on the spot; bigger ones in a worker.
SYNC_LIMIT = 2000

_PAST = {
    "star": "Starred",
    "unstar": "Unstarred",
    "read": "Marked read",
    "unread": "Marked unread",
    "archive": "Archived",
    "unarchive": "Unarchived",
    "tag": "Tagged",
}


class MainScreen(JobsScreen):
    """The one working screen of the app."""

    BINDINGS: ClassVar[list[BindingType]] = [spec.binding() for spec in KEY_TABLE]
    """Built from the key table, so footer, help, palette and KEYS.md agree."""

    @dataclass
    class ActionDone(Message):
        """A big batch finished in its worker."""

        result: ActionResult
        ids: list[str]

    #: Actions that need a row to act on (disabled in the footer on an empty list).
    NEEDS_ROW: ClassVar[frozenset[str]] = frozenset(
        {
            "open",
            "star",
            "tag",
            "read",
            "archive",
            "export",
            "open_url",
            "select",
            "select_range",
            "expand",
            "collapse",
            "diff",
        }
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keep the footer to the keys that do something now."""
        if action in self.NEEDS_ROW and not self._has_rows():
            return None  # shown dimmed
        if action == "clear":
            # Hidden when there is nothing to clear; Esc then does nothing.
            return bool(self._has_selection() or self._typed_query())
        return True

    def _has_rows(self) -> bool:
        lists = self.query(InboxList)
        return bool(lists) and lists.first().row_count > 0

    def _has_selection(self) -> bool:
        lists = self.query(InboxList)
        return bool(lists) and bool(lists.first().selected)

    def _typed_query(self) -> str:
        inputs = self.query(SearchInput)
        return inputs.first().value.strip() if inputs else ""

    # -- targets ------------------------------------------------------------------

    def targets(self) -> list[str]:
        """The selection in list order, else the cursor row, else nothing.

        A folded story row stands for its story: every version, so one action (and
        one undo) covers them all.
        """
        if self.inbox.selected:
            return self.with_story_members(self.inbox.selected_in_order())
        current = self.inbox.current_id
        return self.with_story_members([current]) if current else []

    def is_story_row(self, article_id: str) -> bool:
        """True for the row of a folded story in the grouped view."""
        return article_id in self.story_of_head and article_id not in self.expanded

    def with_story_members(self, ids: list[str]) -> list[str]:
        """Each folded story row replaced by all the versions of its story."""
        if not any(self.is_story_row(i) for i in ids):
            return ids
        out: dict[str, None] = {}
        for article_id in ids:
            if self.is_story_row(article_id):
                members = self.app.desk.story_members(self.story_of_head[article_id])
                out.update(dict.fromkeys(members or [article_id]))
            else:
                out[article_id] = None
        return list(out)

    # -- toggles --------------------------------------------------------------------

    def action_star(self) -> None:
        self._toggle("starred")

    def action_read(self) -> None:
        self._toggle("read")

    def action_archive(self) -> None:
        self._toggle("archived")

    def _toggle(self, field: str) -> None:
        ids = self.targets()
        if not ids:
            self.notify("Nothing to act on.", timeout=2)
            return
        if len(ids) <= SYNC_LIMIT:
            result = self.saved(lambda: self._apply_toggle(field, ids))
            if result is not None:
                self.action_applied(result, ids)
        else:
            self.busy["action"] = f"updating {len(ids):,} articles…"
            self.update_status()
            self._toggle_worker(field, ids)

    def _apply_toggle(self, field: str, ids: list[str]) -> ActionResult:
        """Runs in the UI thread or a worker: read the states, then one transaction."""
        desk = self.app.desk
        rows = desk.rows(ids)
        on = not all(getattr(row, field) for row in rows)
        if field == "read" and on and self.app.settings.read_all_versions:
            ids = desk.with_versions(ids)
        if field == "starred":
            return desk.star(ids, on)
        if field == "read":
            return desk.mark_read(ids, on)
        return desk.archive(ids, on)

    @work(thread=True, group="actions", exit_on_error=False, name="bulk change")
    def _toggle_worker(self, field: str, ids: list[str]) -> None:
        self.post_message(self.ActionDone(self._apply_toggle(field, ids), ids))

    def on_main_screen_action_done(self, message: ActionDone) -> None:
        self.busy.pop("action", None)
        self.action_applied(message.result, message.ids)

    def action_applied(self, result: ActionResult, ids: list[str]) -> None:
        """Show what changed: markers, rows leaving the inbox, a note for batches."""
        kind = result.action
        if kind == "archive" and "is:archived" not in self.query_text:
            gone = set(result.changed)
            self.inbox.drop_rows(gone)
            self.result_ids = [i for i in self.result_ids if i not in gone]
        self.after_change(result.changed)
        if len(ids) > 1 or kind in ("archive", "unarchive"):
            verb = _PAST.get(kind, kind.capitalize())
            self.notify(
                f"{verb} {len(result.changed):,} of {len(ids):,} (u to undo)",
                timeout=3,
                markup=False,
            )
        if kind in ("archive", "unarchive"):
            self.show_detail()

    # -- tags ---------------------------------------------------------------------------

    def action_tag(self) -> None:
        ids = self.targets()
        if not ids:
            self.notify("Nothing to tag.", timeout=2)
            return
        rows = self.app.desk.rows(ids[:SYNC_LIMIT])
        current: dict[str, int] = {}
        for row in rows:
            for tag in row.tags:
                current[tag] = current.get(tag, 0) + 1
        known = [tag for tag, _ in self.app.desk.tags()]

        def apply(change: TagChange | None) -> None:
            if change is None or not (change.add or change.remove):
                return
            result = self.saved(
                lambda: self.app.desk.tag(ids, add=change.add, remove=change.remove)
            )
            if result is None:
                return
            self.after_change(result.changed)
            self.show_detail()
            parts = [f"+{t}" for t in change.add] + [f"-{t}" for t in change.remove]
            self.notify(
                f"Tags {' '.join(parts)} on {len(result.changed):,} of {len(ids):,}",
                timeout=3,
                markup=False,
            )

        self.app.push_screen(TagDialog(current, known, len(ids)), apply)

    # -- selection ------------------------------------------------------------------------

    def action_select(self) -> None:
        current = self.inbox.current_id
        if current is None:
            return
        self.inbox.toggle_selected(current)
        self.inbox.range_anchor = self.inbox.cursor
        self.update_status()

    def action_select_range(self) -> None:
        if not self.inbox.ids:
            return
        anchor = (
            self.inbox.range_anchor if self.inbox.range_anchor is not None else self.inbox.cursor
        )
        count = self.inbox.select_range(anchor, self.inbox.cursor)
        self.inbox.range_anchor = self.inbox.cursor
        self.notify(f"Selected {count:,} rows.", timeout=2)
        self.update_status()

    def action_select_all(self) -> None:
        self.inbox.set_selection(self.result_ids)
        self.update_status()

    def action_clear(self) -> None:
        """Esc: first the selection, then the query."""
        if self.inbox.selected:
            self.inbox.set_selection(())
            self.inbox.range_anchor = None
            self.update_status()
        elif self.query_text:
            self.set_query("")

    # -- undo ------------------------------------------------------------------------------

    def action_undo(self) -> None:
        self.saved(self._undo, title="Not undone")

    def _undo(self) -> None:
        result = self.app.desk.undo()
        if result is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        what = result.action.removeprefix("undo ")
        self.notify(f"Undid {what} on {len(result.changed):,} articles", timeout=3, markup=False)
        self.inbox.invalidate()
        self.refresh_counts()
        self.refresh_results()
        self.show_detail()

    # -- versions of a story -----------------------------------------------------------------

    def action_diff(self) -> None:
        """Open what changed between this version and another of its story."""
        article_id = self.inbox.current_id
        article = self.app.desk.get(article_id) if article_id else None
        if article is None:
            return
        others = (
            [m for m in self.app.desk.story_members(article.story_id) if m != article.id]
            if article.story_id
            else []
        )
        if not others:
            self.notify("This article has no other version to compare with.", timeout=3)
            return
        from newsdesk.tui.modals.version_diff import VersionDiffScreen

        self.app.push_screen(VersionDiffScreen(article.id, others))

    # -- related articles ------------------------------------------------------------------

    def action_jump_related(self, number: int) -> None:
        """Put the cursor on the detail pane's related article `number` (1-based)."""
        related = self.detail.related_ids
        if not 1 <= number <= len(related):
            self.notify(f"No related article {number} for this article.", timeout=2)
            return
        target = related[number - 1]
        if target in self.inbox.ids:
            self.inbox.cursor = self.inbox.ids.index(target)
            return
        if target in self.result_ids and self.app.ui_state.grouped:
            self._expand_story_of(target)  # a version folded into its story's row
            return
        rows = self.app.desk.rows([target])
        if rows and not rows[0].archived and self.query_text:
            # Not in this search's results: back to the inbox, cursor on it.
            self.notify("Search cleared to show the related article.", timeout=2)
            if self.app.ui_state.grouped:
                self._pending_expand = target
            self.set_query("", keep=target)
            return
        # Archived (or otherwise out of the list): show it without moving the cursor.
        self.show_article(target)

    # -- open the original -----------------------------------------------------------------

    def action_open_url(self) -> None:
        article_id = self.inbox.current_id
        article = self.app.desk.get(article_id) if article_id else None
        if article is None or not article.meta.url:
            self.notify("No URL is known for this article.", timeout=3)
            return
        self.notify(f"Opening {article.meta.url}", timeout=2, markup=False)
        self.open_url(article.meta.url)

    # -- export and import -----------------------------------------------------------------

    def action_export(self) -> None:
        ids = self.targets()
        if not ids:
            self.notify("Nothing to export.", timeout=2)
            return
        scope = "selection" if self.inbox.selected else "article"
        current = self.with_story_members([self.inbox.current_id]) if self.inbox.current_id else []
        # Imported here: the export package is not needed for the first frame.
        from newsdesk.tui.modals.export import ExportDialog

        def go(request: ExportRequest | None) -> None:
            if request is not None:
                self.start_export(request)

        self.app.push_screen(
            ExportDialog(
                selection=ids if self.inbox.selected else [],
                current=current,
                current_label=f"This story ({len(current)})"
                if len(current) > 1
                else "This article",
                shown=self.result_ids,
                scope=scope,
                query=self.query_text or None,
                now=self.app.clock(),
            ),
            go,
        )

    def action_import_files(self) -> None:
        def go(text: str | None) -> None:
            if not text:
                return
            path = Path(text).expanduser()
            if not path.exists():
                self.notify(f"{path} does not exist.", severity="error", markup=False)
                return
            self.import_paths([path])

        self.app.push_screen(
            PromptDialog(
                "Import files or folders",
                placeholder="path to a file or folder (HTML, text, feeds, Markdown, JSON Lines)",
                value=str(Path.cwd()) + "/",
            ),
            go,
        )

    # -- saved searches ----------------------------------------------------------------------

    def action_save_search(self) -> None:
        query = self.query_text
        if not query:
            self.notify("Type a query first (/), then save it.", timeout=3)
            return

        def go(name: str | None) -> None:
            if name and name.strip():
                self.app.desk.save_search(name, query)
                self.notify(f"Saved search {name.strip()!r}.", timeout=3, markup=False)

        self.app.push_screen(
            PromptDialog("Save this search as", placeholder="a name", value=query[:40]), go
        )

    def action_saved_searches(self) -> None:
        searches = self.app.desk.saved_searches()
        if not searches:
            self.notify("No saved searches yet: search, then press B to save.", timeout=3)
            return

        from newsdesk.tui.modals.saved_searches import SavedSearchPicker

        def go(query: str | None) -> None:
            if query is not None:
                self.set_query(query)
                self.set_focus(self.inbox)

        self.app.push_screen(SavedSearchPicker(searches), go)
