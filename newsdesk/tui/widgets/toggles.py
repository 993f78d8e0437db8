"""Radio buttons and check boxes whose mark says their state without colour.

Textual draws an unset and a set toggle with the same character and tells them
apart by colour only: under NO_COLOR, or on a terminal without colour, every
choice of the export dialog read `▐●▌`. Here the mark is blank when unset.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class MarkedRadioButton(RadioButton):
    """A radio button drawn `▐●▌` when chosen and `▐ ▌` when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "\u25cf" if self.value else " "


class MarkedCheckbox(Checkbox):
    """A check box drawn `▐X▌` when ticked and `▐ ▌` when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "
