"""The command palette: one Provider built from the key table, so it lists every action."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsdesk.tui.keymap import KEY_TABLE, KeySpec, key_display


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
        for spec in self._specs():
            yield DiscoveryHit(_label(spec), partial(self._run, spec), help=spec.help or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for spec in self._specs():
            label = _label(spec)
            score = max(matcher.match(label), matcher.match(spec.help) * 0.8)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(self._run, spec),
                    help=spec.help or None,
                )
