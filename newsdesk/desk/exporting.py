"""What an export may write: wire copy that is killed or under embargo is held back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsdesk.counting import counted
from newsdesk.errors import DeskError, StoreError
from newsdesk.model import Article
from newsdesk.store import StoreBackend

if TYPE_CHECKING:
    from newsdesk.export import ExportOptions


def exportable(
    store: StoreBackend, ids: Sequence[str], options: ExportOptions
) -> tuple[list[Article], list[str]]:
    """The articles an export writes, and a line per kind of wire copy it leaves out.

    A kill of any version holds back every version (the store marks them all
    killed when the kill arrives).
    """
    from newsdesk.wire import export_hold

    articles = store.get_many(ids)
    if not articles:
        raise DeskError("nothing to export: no article matched")
    kept: list[Article] = []
    left: dict[str, int] = {}
    for article in articles:
        hold = export_hold(article.meta, killed=article.killed)
        if hold is None or (
            options.include_killed if hold == "killed" else options.include_embargoed
        ):
            kept.append(article)
        else:
            left[hold] = left.get(hold, 0) + 1
    # Said the same in the app, which exports neither: the command line can.
    notes = [
        f"left out {counted(count, hold + ' wire item')} "
        f"(`newsdesk export --include-{hold}` exports {'it' if count == 1 else 'them'})"
        for hold, count in left.items()
    ]
    if not kept:
        raise DeskError("nothing to export: " + "; ".join(notes))
    return kept, notes


def mark_written(mark: Callable[[Sequence[str]], object], ids: Sequence[str]) -> list[str]:
    """Mark the articles of a written export exported (⇪) with `mark`; when the store
    refuses the change, a line saying so instead of an error.

    An export is a read: on a read-only data directory (or a busy or full store) the
    file is written all the same. Raised, the refusal made the command exit 1 over a
    file it had written, which the next run then would not replace.
    """
    try:
        mark(ids)
    except StoreError as exc:
        which = "the article was" if len(ids) == 1 else f"the {len(ids):,} articles were"
        return [f"{which} not marked exported (⇪): {exc}"]
    return []
