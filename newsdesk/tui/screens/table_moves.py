"""The inbox's moves (j k g G) on a screen built around one DataTable (feeds, rules).

A DataTable knows only the arrows; these screens answer the same letters as the
inbox, so the hands need not move.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import DataTable


def move_bindings(prefix: str) -> list[Binding]:
    """j, k, g, G for a screen whose binding ids start with `prefix` ("feeds")."""
    return [
        Binding("j", "cursor(1)", "Down", show=False, id=f"{prefix}_down"),
        Binding("k", "cursor(-1)", "Up", show=False, id=f"{prefix}_up"),
        Binding("g", "cursor_to(0)", "Top", show=False, id=f"{prefix}_top"),
        Binding("G", "cursor_to(-1)", "Bottom", show=False, id=f"{prefix}_bottom"),
    ]


class TableMoves:
    """The actions of `move_bindings`, for a screen with a `table` property."""

    @property
    def table(self) -> DataTable[Any]:
        raise NotImplementedError

    def action_cursor(self, step: int) -> None:
        self.table.move_cursor(row=self.table.cursor_row + step)

    def action_cursor_to(self, row: int) -> None:
        self.table.move_cursor(row=row if row >= 0 else self.table.row_count - 1)
