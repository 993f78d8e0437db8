"""The command palette: one Provider built from the key table, so it lists every action."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider

from newsdesk.tui.keymap import KEY_TABLE, KeySpec, key_display

#: Added to our hits' scores: Textual's fuzzy scores grow with the letters
#: matched (a few per letter), far below this.
OURS_FIRST = 1_000_000.0


def _label(spec: KeySpec) -> str:
    keys = " ".join(key_display(k) for k in spec.keys.split(","))
    return f"{spec.description}  ({keys})"


class KeyTableCommands(Provider):
    """Every palette-worthy entry of the key table, run as an action on the inbox screen.

    The inbox screen lists this provider in its `COMMANDS`, so it is offered there only.
    """

    async def _run(self, spec: KeySpec) -> None:
        await self.screen.run_action(spec.action)

    def _specs(self) -> list[KeySpec]:
        return [spec for spec in KEY_TABLE if spec.palette]

    async def discover(self) -> Hits:
        # Discovery hits all score 0 and show in the order they arrive from the
        # providers, so Textual's own commands (theme, keys, quit...) could come
        # first; a full score puts newsdesk's actions at the top, in table order.
        for spec in self._specs():
            label = _label(spec)
            yield Hit(
                OURS_FIRST, label, partial(self._run, spec), text=label, help=spec.help or None
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for spec in self._specs():
            label = _label(spec)
            score = max(matcher.match(label), matcher.match(spec.help) * 0.8)
            if score > 0:
                yield Hit(
                    # Above every one of Textual's own commands, whatever their fuzzy score.
                    OURS_FIRST + score,
                    matcher.highlight(label),
                    partial(self._run, spec),
                    help=spec.help or None,
                )
