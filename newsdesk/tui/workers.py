"""Thread workers that belong to the App, so one handler reports their failures.

Textual's `@work` ties a worker to the node that starts it, and a worker's
`StateChanged` message does not bubble: every screen and dialog would need its
own handler. `@app_worker` starts the same thread worker on the App instead
(the harlequin way), where `NewsdeskApp.on_worker_failed` turns any failure
into a notification. The method still posts its results to its own node.

Groups are the App's: each must be unique across the app (`exclusive` cancels
the group's running worker).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial, wraps
from typing import Concatenate, ParamSpec, TypeVar

from textual.dom import DOMNode
from textual.worker import Worker

P = ParamSpec("P")
N = TypeVar("N", bound=DOMNode)


def app_worker(
    *, name: str, group: str, exclusive: bool = True
) -> Callable[[Callable[Concatenate[N, P], None]], Callable[Concatenate[N, P], Worker[None]]]:
    """Run the decorated method in a thread worker owned by the App (errors never exit)."""

    def decorate(
        method: Callable[Concatenate[N, P], None],
    ) -> Callable[Concatenate[N, P], Worker[None]]:
        @wraps(method)
        def start(node: N, *args: P.args, **kwargs: P.kwargs) -> Worker[None]:
            return run_app_worker(
                node,
                partial(method, node, *args, **kwargs),
                name=name,
                group=group,
                exclusive=exclusive,
            )

        return start

    return decorate


def run_app_worker(
    node: DOMNode, work: Callable[[], None], *, name: str, group: str, exclusive: bool = True
) -> Worker[None]:
    """`@app_worker` for a callable whose name or group is known only at run time."""
    return node.app.run_worker(
        work, name=name, group=group, exclusive=exclusive, thread=True, exit_on_error=False
    )
