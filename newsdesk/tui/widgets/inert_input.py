"""An Input whose value never holds escapes or control characters, and whose editing
keys apply in the order they were typed.

A paste (or a value set from a stored query) could otherwise put OSC/CSI
sequences on the screen as the input draws its value.

Textual's Input inserts a printable key where it reads it, but its editing keys
(Backspace, arrows, Home, ctrl+u, ...) are bindings, run only once the key has
bubbled up to the app, behind the letters typed after it: `koreaz` Backspace
` summit` typed in one burst gave "koreaz summi", and a tag `desk-tw` Backspace
`wo` was stored as "desk-tww" (Textual issue 6605). Here the input runs its own
editing bindings as it reads the key, so they keep their place among the letters.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from newsdesk.sanitize import clean_text

#: The input's own actions that edit its text or move in it, run as the key is read.
#: Not Enter (submit): a dialog's answer, and a Tab a dialog binds (completing a tag)
#: still on its way up, go through the app in their turn (see key_routing).
EDITING_ACTIONS = ("cursor_", "delete_", "home", "end", "select_all", "cut", "copy", "paste")


class InertInput(Input):
    """Input that drops escapes and controls from whatever its value is set to."""

    def validate_value(self, value: str) -> str:
        # Not `display`: its collapsing of spaces would eat the space being typed.
        return clean_text(value, keep_newlines=False)

    def _on_paste(self, event: events.Paste) -> None:
        # Textual keeps a paste's first line only: a pasted note or query of three lines
        # lost two without a word. A one-line field takes them joined by spaces. (Textual
        # runs Input's own handler after this one, with the text as left here.)
        if event.text and ("\n" in event.text or "\r" in event.text):
            event.text = " ".join(line.strip() for line in event.text.splitlines() if line.strip())

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable and await self._run_own_binding(event.key):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    async def _run_own_binding(self, key: str) -> bool:
        """Run this input's own (non-priority) binding for `key`, as the app would.

        Priority bindings ran before the key reached the input; the focused widget is
        the first place the app looks for the others, so what runs is what would have.
        """
        bindings = self._bindings
        if self.app._keymap:  # copied only to apply it: most keys meet no keymap
            bindings = bindings.copy()
            bindings.apply_keymap(self.app._keymap)
        for binding in bindings.key_to_bindings.get(key, ()):
            if binding.priority or not binding.action.startswith(EDITING_ACTIONS):
                continue
            if await self.app.run_action(binding.action, self):
                return True
        return False
