"""An Input whose value never holds escapes or control characters.

A paste (or a value set from a stored query) could otherwise put OSC/CSI
sequences on the screen as the input draws its value.
"""

from __future__ import annotations

from textual.widgets import Input

from newsdesk.sanitize import clean_text


class InertInput(Input):
    """Input that drops escapes and controls from whatever its value is set to."""

    def validate_value(self, value: str) -> str:
        # Not `display`: its collapsing of spaces would eat the space being typed.
        return clean_text(value, keep_newlines=False)
