"""The base of every modal: it is dismissed once, however fast the keys come.

Key repeat (Enter held, or `b` then Enter three times within 10 ms) can reach
a modal's handler again after it has called `dismiss` but before the screen
is gone; a second dismiss then popped the screen below it (the inbox) and the
app died with ScreenStackError. Every later call is a no-op.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

R = TypeVar("R")


async def _nothing() -> None:
    return None


class OnceModal(ModalScreen[R]):
    """A ModalScreen whose `dismiss` acts only once, and only while it is on top."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._dismissed = False

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        if self._dismissed or not self.is_active:
            # Already on its way out (or covered by another screen): popping now would
            # take the wrong screen off the stack.
            return AwaitComplete(_nothing())
        self._dismissed = True
        return super().dismiss(result)
