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
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from newsdesk.export import (
    EXPORT_FORMATS,
    FORMAT_LABELS,
    ExportFormat,
    ExportOptions,
    default_destination,
)


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

    def options(self) -> ExportOptions:
        """The export options for `Desk.export`."""
        return ExportOptions(
            format=self.format,  # type: ignore[arg-type]
            summary=self.summary,
            query=self.query,
            force=self.force,
        )


def default_path(format: str, now: datetime) -> Path:
    fmt: ExportFormat = format if format in EXPORT_FORMATS else "md"
    return default_destination(fmt, now)


class ExportDialog(ModalScreen[ExportRequest | None]):
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
    ) -> None:
        super().__init__()
        self.scopes = {"selection": selection, "article": current, "shown": shown}
        self.scope = scope
        self.current_label = current_label
        self.query_text = query
        self.now = now
        self.format = "md"
        self._dest_edited = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label(Text("Export", style="bold"), classes="dialog-title")
            with Horizontal(id="export-choices"):
                with RadioSet(id="export-scope"):
                    if self.scopes["selection"]:
                        yield RadioButton(
                            f"Selected ({len(self.scopes['selection']):,})",
                            value=self.scope == "selection",
                            id="scope-selection",
                        )
                    yield RadioButton(
                        self.current_label, value=self.scope == "article", id="scope-article"
                    )
                    yield RadioButton(
                        f"All shown ({len(self.scopes['shown']):,})", id="scope-shown"
                    )
                with RadioSet(id="export-format"):
                    for fmt in EXPORT_FORMATS:
                        yield RadioButton(
                            FORMAT_LABELS[fmt], value=fmt == self.format, id=f"format-{fmt}"
                        )
            yield Checkbox("Summary instead of the full body", id="export-summary")
            yield Checkbox("Copy the digest to the clipboard", id="export-copy")
            yield Checkbox("Overwrite if it exists", id="export-force")
            yield Label(Text("Destination", style="dim"))
            yield Input(str(default_path(self.format, self.now)), id="export-dest")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export-go", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-go", Button).focus()

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        self.format = (event.pressed.id or "format-md").removeprefix("format-")
        if not self._dest_edited:
            field = self.query_one("#export-dest", Input)
            with field.prevent(Input.Changed):
                field.value = str(default_path(self.format, self.now))

    @on(RadioSet.Changed, "#export-scope")
    def _scope_changed(self, event: RadioSet.Changed) -> None:
        self.scope = (event.pressed.id or "scope-article").removeprefix("scope-")

    @on(Input.Changed, "#export-dest")
    def _dest_changed(self) -> None:
        self._dest_edited = True

    @on(Input.Submitted, "#export-dest")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        dest_text = self.query_one("#export-dest", Input).value.strip()
        ids = self.scopes.get(self.scope) or []
        if not ids:
            self.notify("Nothing to export in this scope.", severity="warning")
            return
        self.dismiss(
            ExportRequest(
                ids=list(ids),
                dest=Path(dest_text).expanduser() if dest_text else None,
                format=self.format,
                summary=self.query_one("#export-summary", Checkbox).value,
                force=self.query_one("#export-force", Checkbox).value,
                copy=self.query_one("#export-copy", Checkbox).value,
                query=self.query_text,
            )
        )

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
