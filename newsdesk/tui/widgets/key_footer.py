"""The footer of keys, rebuilt only when the keys it shows change.

Textual's footer recomposes (a new widget for every key, each styled again) on
every bindings signal: a focus change, each `refresh_bindings`. The inbox asks
for fresh bindings after most actions, and nearly always the same keys come
back: 14 rebuilds while the app starts (about 0.15 s of CPU), one more after
each key. This footer compares what it would show with what it shows and
rebuilds only on a difference.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

#: Terminal width below which the footer leaves out the space between its keys.
COMPACT_BELOW = 100


class KeyFooter(Footer):
    """Textual's `Footer`, recomposed only when its keys, their state or its layout change."""

    _shown: Hashable = None

    def _keys_to_show(self) -> Hashable:
        """What `compose` reads: the shown bindings with their state, and the palette key."""
        active = self.screen.active_bindings
        keys = tuple(
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in active.values()
            if binding.show
        )
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        return (keys, self.show_command_palette, palette[1:] if palette else None)

    def compose(self) -> ComposeResult:
        self._shown = self._keys_to_show() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._keys_to_show() != self._shown:
            await self.recompose()

    def on_resize(self) -> None:
        # Below COMPACT_BELOW cells the keys sit closer together and the palette's key
        # (ctrl+p still opens it; ? lists it) makes room: the rules screen's last keys
        # (J Later, A Apply) were cut off at 80 columns.
        narrow = self.size.width < COMPACT_BELOW
        self.compact = narrow
        self.show_command_palette = not narrow
        # The keys shown change with the palette's key: a resize from 160 to 80 columns
        # kept "^p palette" and cut off "? Help" and "q Quit" until the next key.
        self.call_after_refresh(self._recompose_if_changed)
