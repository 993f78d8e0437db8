"""Screens that are dismissed once, however fast the keys come.

Key repeat (Enter held, or `b` then Enter three times within 10 ms) can reach
a screen's handler again after it has called `dismiss` but before it is gone;
a second dismiss then popped the screen below it (the inbox) and the app died
with ScreenStackError. Every later call is a no-op. Every modal derives from
`OnceModal`; a full screen that is dismissed with a result (the feeds screen)
from `OnceScreen`.

Keys right after the key that closes it go to the screen below. In a text
field, Enter (or Esc) travels through the field before its binding answers
the dialog, and the App has meanwhile sent the next key to the same field: a
letter typed just after Enter was typed into the closing dialog and lost.
Once a closing key has been sent on to a field, the dialog is `answering`:
the App holds the keys that follow (key_routing's `KeyGate`) until the dialog
is gone, then routes them in order to the screen below. A dialog that stays
open (the answer was refused, or Enter moved on to the next field) takes them
itself as soon as the key's own message (`Input.Submitted`) has been handled:
an `Answered` note follows it through the same queues. Should that note never
come, the keys go to the dialog after `ANSWER_WAIT_S`.

A screen opening while the app closes (a key typed ahead of the answer that
quits) loses its widgets before its `on_mount` runs: `focus_first` focuses
what is there and nothing otherwise, where `query_one(...).focus()` raised
NoMatches over the closing app.
"""

from __future__ import annotations

import time
from typing import Any, ClassVar, TypeVar, cast

from textual.await_complete import AwaitComplete
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

R = TypeVar("R")


#: How long keys wait for a dialog that may be closing before they go to it after all.
ANSWER_WAIT_S = 0.5


async def _nothing() -> None:
    return None


class DismissOnce:
    """The guard itself, mixed in ahead of the Screen class (which keeps its CSS)."""

    #: Keys that may close the screen: the keys after one of them wait (see the module).
    CLOSING_KEYS: ClassVar[frozenset[str]] = frozenset({"enter", "escape"})

    _dismissed = False
    #: When a closing key was sent on (time.monotonic()), None before.
    _closing_since: float | None = None

    class Answered(Message):
        """Sent after a closing key's own messages: the dialog has had its say."""

    def focus_first(self, selector: str | type[Widget]) -> Widget | None:
        """Focus the screen's first widget matching `selector`, if it still has one (a
        screen torn down as it opens has none); returns the widget focused."""
        screen = cast("Screen[Any]", self)
        widget = next(iter(screen.query(selector)), None)
        if widget is not None:
            widget.focus()
        return widget

    def key_to_field(self, key: str) -> None:
        """The App sent `key` on to this screen's text field (its binding runs later)."""
        if key in self.CLOSING_KEYS:
            self._closing_since = time.monotonic()

    def key_handled(self, key: str) -> None:
        """The App ran `key`'s bindings: what they post is on its way; `Answered` follows
        it from the focused widget, so it arrives once the dialog has handled that."""
        if key in self.CLOSING_KEYS and self._closing_since is not None:
            screen = cast("Screen[Any]", self)
            (screen.focused or screen).post_message(self.Answered())

    def on_dismiss_once_answered(self, message: Answered) -> None:
        message.stop()
        self._closing_since = None  # still open: the keys that wait are its own

    @property
    def answering(self) -> bool:
        """A closing key is on its way through: the keys after it should wait."""
        since = self._closing_since
        if since is None or self._dismissed:
            return False
        if time.monotonic() - since >= ANSWER_WAIT_S:
            self._closing_since = None  # it stays open: keys are its own again
            return False
        return True

    def dismiss(self, result: Any = None) -> AwaitComplete:
        screen = cast("Screen[Any]", self)
        if self._dismissed or not screen.is_active:
            # Already on its way out (or covered by another screen): popping now would
            # take the wrong screen off the stack.
            return AwaitComplete(_nothing())
        self._dismissed = True
        return super().dismiss(result)  # type: ignore[misc]


class OnceScreen(DismissOnce, Screen[R]):
    """A Screen whose `dismiss` acts only once, and only while it is on top."""


class OnceModal(DismissOnce, ModalScreen[R]):
    """A ModalScreen whose `dismiss` acts only once, and only while it is on top."""
