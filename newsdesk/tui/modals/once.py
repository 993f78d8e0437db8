"""Screens that are dismissed once, however fast the keys come.

Key repeat (Enter held, or `b` then Enter three times within 10 ms) can reach
a screen's handler again after it has called `dismiss` but before it is gone;
a second dismiss then popped the screen below it (the inbox) and the app died
with ScreenStackError. Every later call is a no-op. Every modal derives from
`OnceModal`; a full screen that is dismissed with a result (the feeds screen)
from `OnceScreen`.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen

R = TypeVar("R")


async def _nothing() -> None:
    return None


class _DismissOnce:
    """The guard itself, mixed in ahead of the Screen class (which keeps its CSS)."""

    _dismissed = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        screen = cast("Screen[Any]", self)
        if self._dismissed or not screen.is_active:
            # Already on its way out (or covered by another screen): popping now would
            # take the wrong screen off the stack.
            return AwaitComplete(_nothing())
        self._dismissed = True
        return super().dismiss(result)  # type: ignore[misc]


class OnceScreen(_DismissOnce, Screen[R]):
    """A Screen whose `dismiss` acts only once, and only while it is on top."""


class OnceModal(_DismissOnce, ModalScreen[R]):
    """A ModalScreen whose `dismiss` acts only once, and only while it is on top."""
