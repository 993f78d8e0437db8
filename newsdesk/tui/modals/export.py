"""The export dialog: what to export, in which form, where; returns an ExportRequest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, RadioSet

from newsdesk.export import (
    EXPORT_FORMATS,
    FORMAT_LABELS,
    ExportError,
    ExportExists,
    ExportFormat,
    ExportOptions,
    check_destination,
    default_destination,
    default_file_name,
    free_variant,
    typed_destination,
)
from newsdesk.export.destination import FOLDER_ENDINGS
from newsdesk.export.options import FORMAT_SUFFIX
from newsdesk.sanitize import display
from newsdesk.tui.modals.once import OnceModal
from newsdesk.tui.widgets.inert_input import InertInput
from newsdesk.tui.widgets.toggles import MarkedCheckbox, MarkedRadioButton


@dataclass(frozen=True)
class ExportRequest:
    """What the export dialog asked for."""

    ids: list[str]
    dest: Path | None
    format: str
    summary: bool
    force: bool
    copy: bool
    query: str | None
    #: `dest` is a name newsdesk proposed: taken by the time it is written, it gets `-2`.
    rename_if_taken: bool = False

    def options(self) -> ExportOptions:
        """The export options for `Desk.export`."""
        return ExportOptions(
            format=self.format,  # type: ignore[arg-type]
            summary=self.summary,
            query=self.query,
            force=self.force,
        )


def as_format(format: str) -> ExportFormat:
    return format if format in EXPORT_FORMATS else "md"


def _refused(dest: Path, format: str, force: bool, rename_if_taken: bool) -> str:
    """Why the export would fail at once (the writer's own checks), or ""."""
    options = ExportOptions(format=as_format(format), force=force)
    try:
        check_destination(dest, options, rename_if_taken=rename_if_taken)
    except ExportExists as exc:
        return display(f"{exc}: tick 'Overwrite if it exists' or choose another name.")
    except ExportError as exc:
        return display(str(exc))
    return ""


def default_path(format: str, now: datetime, folder: Path | None = None) -> Path:
    """In `folder` (the last export's, or the configured one), else the default folder;
    a name no file or folder has yet (`-2`, `-3` after an export in the same minute)."""
    if folder is None:
        return default_destination(as_format(format), now)
    return free_variant(folder / default_file_name(as_format(format), now), as_format(format))


def retarget(dest: Path, old: str, new: str) -> Path:
    """A destination typed for one format, made right for another (its suffix or none)."""
    old_suffix = FORMAT_SUFFIX[as_format(old)]
    new_suffix = FORMAT_SUFFIX[as_format(new)]
    name = dest.name
    if old_suffix and name.endswith(old_suffix):
        name = name[: -len(old_suffix)]
    return dest.with_name(name + new_suffix) if name else dest


class ExportDialog(OnceModal[ExportRequest | None]):
    """Scope, format, body or summary, destination, clipboard; Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog_cancel"),
        Binding("ctrl+s", "export", "Export", id="export_confirm"),
    ]
    """Esc closes; ctrl+s exports without reaching for the button."""

    def __init__(
        self,
        *,
        selection: list[str],
        current: list[str],
        current_label: str = "This article",
        shown: list[str],
        scope: str,
        query: str | None,
        now: datetime,
        folder: Path | None = None,
        selection_is_answer: bool = False,
    ) -> None:
        super().__init__()
        #: The selection is `*`'s over this search: its answer, though more arrived since.
        self.selection_is_answer = selection_is_answer
        #: Where the destination starts: the last export's folder or the configured one.
        self.folder = folder
        self.scopes = {"selection": selection, "article": current, "shown": shown}
        self.scope = scope
        self.current_label = current_label
        self.query_text = query
        self.now = now
        self.format = "md"
        self._dest_edited = False
        #: The destination the dialog proposed (its name is newsdesk's, so never refused).
        self._proposed = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label(Text("Export", style="bold"), classes="dialog-title")
            with Horizontal(id="export-choices"):
                with RadioSet(id="export-scope"):
                    if self.scopes["selection"]:
                        yield MarkedRadioButton(
                            f"Selected ({len(self.scopes['selection']):,})",
                            value=self.scope == "selection",
                            id="scope-selection",
                        )
                    yield MarkedRadioButton(
                        self.current_label, value=self.scope == "article", id="scope-article"
                    )
                    yield MarkedRadioButton(
                        f"All shown ({len(self.scopes['shown']):,})", id="scope-shown"
                    )
                with RadioSet(id="export-format"):
                    for fmt in EXPORT_FORMATS:
                        yield MarkedRadioButton(
                            FORMAT_LABELS[fmt], value=fmt == self.format, id=f"format-{fmt}"
                        )
            yield MarkedCheckbox("Summary instead of the full body", id="export-summary")
            yield MarkedCheckbox("Copy the digest to the clipboard", id="export-copy")
            yield MarkedCheckbox("Overwrite if it exists", id="export-force")
            yield Label(Text("Destination", style="dim"))
            self._proposed = str(default_path(self.format, self.now, self.folder))
            yield InertInput(self._proposed, id="export-dest")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export-go", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        self.focus_first("#export-go")

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        old, self.format = self.format, (event.pressed.id or "format-md").removeprefix("format-")
        field = self.query_one("#export-dest", Input)
        typed = field.value.strip()
        if self._dest_edited and typed.endswith(FOLDER_ENDINGS):
            value = field.value  # a folder stays a folder whatever goes in it
        elif self._dest_edited:
            # Keep the typed place, with the new format's kind of name (file or folder).
            value = str(retarget(Path(typed), old, self.format)) if typed else ""
        else:
            value = self._proposed = str(default_path(self.format, self.now, self.folder))
        with field.prevent(Input.Changed):
            field.value = value

    @on(RadioSet.Changed, "#export-scope")
    def _scope_changed(self, event: RadioSet.Changed) -> None:
        self.scope = (event.pressed.id or "scope-article").removeprefix("scope-")

    @on(Input.Changed, "#export-dest")
    def _dest_changed(self, event: Input.Changed) -> None:
        # The Input reports its first value too: only a value the user typed counts.
        self._dest_edited = event.value != self._proposed

    @on(Input.Submitted, "#export-dest")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        dest_text = self.query_one("#export-dest", Input).value.strip()
        ids = self.scopes.get(self.scope) or []
        if not ids:
            self.notify("Nothing to export in this scope.", severity="warning")
            return
        dest, proposed = self._destination(dest_text)
        force = self.query_one("#export-force", Checkbox).value
        refusal = _refused(dest, self.format, force, proposed)
        if refusal:
            # Said here, with the dialog still open: every choice made stays made.
            self.notify(refusal, title="Export", severity="error", markup=False)
            return
        self.dismiss(
            ExportRequest(
                ids=list(ids),
                dest=dest,
                format=self.format,
                summary=self.query_one("#export-summary", Checkbox).value,
                force=force,
                copy=self.query_one("#export-copy", Checkbox).value,
                # Only the articles the search shows are what the query found: a selection
                # (made across searches) or one story is no query's answer, unless it is
                # exactly what the search shows (`*` in a search).
                query=self.query_text if self._is_the_search() else None,
                rename_if_taken=proposed,
            )
        )

    def _is_the_search(self) -> bool:
        """The scope is the search's whole answer: all shown, or a selection of just that."""
        if self.scope == "shown":
            return True
        if self.scope != "selection":
            return False
        return self.selection_is_answer or set(self.scopes["selection"]) == set(
            self.scopes["shown"]
        )

    def _destination(self, typed: str) -> tuple[Path, bool]:
        """Where to write, and whether the name is newsdesk's own (a taken one then gets
        `-2`, never refused). A field left empty or as proposed is the default file; a
        path ending in a separator is a folder that gets the default name; a relative
        path is taken in the dialog's folder, never the folder the app started in."""
        if not typed:
            return default_path(self.format, self.now, self.folder), True
        if typed == self._proposed:
            return Path(typed), True
        dest, proposed = typed_destination(typed, as_format(self.format), self.now)
        if dest.is_absolute():
            return dest, proposed
        return (self.folder or default_path(self.format, self.now).parent) / dest, proposed

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
