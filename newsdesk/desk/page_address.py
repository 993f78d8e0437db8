"""A page saved again: under its address, the same article or another report there;
and a text copy saved whole after a copy of it cut short, that article completed.

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
from newsdesk.store.story_tables import Placement


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
    if raw is not None and same_raw_page(store.raw_copy(stored_id), raw):
        return False
    stored = store.stored_texts(tx, [stored_id]).get(stored_id)
    return stored is not None and not retells(*stored, meta.title, meta.body)


def cut_copy_in(
    store: StoreBackend,
    placement: Placement | None,
    items: Sequence[Extracted],
    aid: str,
    raw: str | None,
) -> str | None:
    """The article of the story a one-article file joins (`placement`) whose stored copy
    is the start of this file's text (`completes`), or whose stored copy this file's
    text is the start of (a copy cut short of it: a duplicate, as a page's), or None.

    A text copy has no address to find it by: saved cut short and then whole (a copy
    in two bursts, under another name or imported again), the whole became a second
    article of the story beside the cut one, where a page completes its cut copy."""
    if placement is None or raw is None or len(items) != 1:
        return None
    if items[0].item_id or items[0].url:
        return None  # wire copy has versions; a page with an address is found by it
    for member in store.story_members(placement.story):
        # Completed only: the same text again may be one a correction replaced (its own).
        if member != aid and same_raw_page(store.raw_copy(member), raw, also_equal=False):
            return member
    return None


def same_raw_page(stored_raw: str | None, raw: str, *, also_equal: bool = True) -> bool:
    """Whether `raw` is the page a stored copy was made from: the same (unless not
    `also_equal`), that page completed, or cut short again (what extraction made of a
    cut page says nothing)."""
    same = also_equal and raw == stored_raw
    return same or completes(stored_raw, raw) or completes(raw, stored_raw)
