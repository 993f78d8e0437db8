"""A page saved again under its address: the same article, or another report there.

A daily briefing keeps its canonical URL and its headline; saved the next day with
other news, it was "already stored" as the day before's and never came in. The rule
is the one a watched file written again and a feed's item under an old link follow
(`same_report.retells`): what the two texts do not share decides.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdesk.desk.same_report import completes, retells
from newsdesk.model import Extracted
from newsdesk.store import StoreBackend, Transaction


def another_report_at(
    store: StoreBackend,
    tx: Transaction,
    ids: Sequence[str],
    items: Sequence[Extracted],
    raw: str | None,
) -> bool:
    """Whether a file of one article (`items`, their `ids`) is a page whose URL names a
    stored article (the one `insert` would take it for) of another report, so the page
    is an article of its own. A correction, a copy, the page completed after a cut copy
    of it or a cut copy of it (`completes`: what extraction made of a cut page says
    nothing) is not."""
    if len(items) != 1:
        return False
    aid, meta = ids[0], items[0]
    if meta.item_id or not meta.url:
        return False
    stored_id = store.at_url(tx, meta.url, meta.guid)
    if stored_id is None or stored_id == aid:
        return False
    if raw is not None:
        stored_raw = store.raw_copy(stored_id)
        if raw == stored_raw or completes(stored_raw, raw) or completes(raw, stored_raw):
            return False  # that page again, completed or cut: the page says, not its text
    stored = store.stored_texts(tx, [stored_id]).get(stored_id)
    return stored is not None and not retells(*stored, meta.title, meta.body)
