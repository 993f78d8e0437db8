"""Keys typed in a burst go where they would have gone typed one at a time.

Textual sends a key to the focused widget first and runs the screen's bindings
only when the key comes back up to the App. In a burst the App has already sent
the next keys on before the first one's binding has run: `i` then a path lost
the path (its keys reached the list, then a dialog that had no focus yet), and
`/` in the path even ran the inbox's priority search binding. Two rules, for
every screen and dialog:

- When the focused widget reads no keys itself (the list, the reader, a button:
  anything but a text field), the bindings run at once, so a key that opens a
  dialog has opened it before the next key is routed.
- While the active screen is opening (not mounted yet, or its focus not placed
  yet), keys wait, then go in order to where it put the focus: a path typed
  right after `i` lands in the prompt's field as if typed slowly (replacing the
  preselected last folder, as typing does).
- While a dialog is answering the key that closes it (`answering`, see
  modals/once.py), keys wait too, then go to the screen below it: Enter then
  `j` saves the note and moves the inbox's cursor.

A key sent on to a screen's widgets runs the bindings of that screen only. Textual
runs them when the key comes back up to the App, against whatever screen is on top
by then: `e` typed over the "Quit during an import" question, then Enter, came back
after Enter had closed the question and opened the export dialog of the inbox
below it (as the app was quitting). A key whose screen has gone meanwhile is
dropped (`KeyGate.sent`/`came_back`).
"""

from __future__ import annotations

from collections import OrderedDict, deque
from weakref import ReferenceType, WeakSet, ref

from textual import events
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

#: How often held keys look again whether the opening screen is ready (seconds).
OPENING_TICK = 0.01
#: Keys that move between a form's fields: their binding runs at once from a one-line
#: field too, so a form filled in one burst ("name", Tab, "query") fills each field.
FIELD_MOVES = ("tab", "shift+tab")
#: Keys remembered on their way through a screen's widgets (one a widget stops never
#: comes back; the oldest are forgotten past this many).
SENT_KEPT = 64


def reads_keys_itself(node: DOMNode | None) -> bool:
    """True for widgets that handle keys before bindings do (Input, TextArea...)."""
    if node is None:
        return False
    cls = type(node)
    return (
        getattr(cls, "_on_key", Widget._on_key) is not Widget._on_key
        or hasattr(cls, "on_key")
        or any(name.startswith("key_") for name in dir(cls))
    )


class KeyGate:
    """Holds keys while the active screen opens, to be routed in order once it is ready."""

    def __init__(self) -> None:
        self._held: deque[events.Key] = deque()
        #: Mounted screens with no focus, seen once: one more tick for the focus
        #: their `on_mount` asked for (Textual places it later), then keys go.
        self._waited: WeakSet[Screen[object]] = WeakSet()
        #: Keys sent on to a screen's widgets, by id, with that screen.
        self._sent: OrderedDict[int, tuple[events.Key, ReferenceType[Screen[object]]]] = (
            OrderedDict()
        )

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def ready(self, screen: Screen[object]) -> bool:
        """Can keys go to `screen` now? (Answers False once for a mounted screen without focus.)"""
        if not screen.is_mounted or getattr(screen, "answering", False):
            return False
        if screen.focused is not None or screen in self._waited:
            return True
        self._waited.add(screen)
        return False

    def hold(self, key: events.Key) -> None:
        self._held.append(key)

    def take(self) -> events.Key:
        return self._held.popleft()

    def sent(self, key: events.Key, screen: Screen[object]) -> None:
        """`key` goes on to `screen`'s focused widget; its bindings run when it comes back."""
        self._sent[id(key)] = (key, ref(screen))
        while len(self._sent) > SENT_KEPT:
            self._sent.popitem(last=False)

    def came_back(self, key: events.Key, screen: Screen[object]) -> bool:
        """`key` is back at the App with `screen` on top: may its bindings run there?

        False when it was sent to another screen that has gone or been covered since
        (its bindings would run on the wrong screen). A key not sent by the gate (a
        simulated one) runs as Textual would run it.
        """
        kept = self._sent.pop(id(key), None)
        if kept is None or kept[0] is not key:
            return True
        return kept[1]() is screen
