"""The id new copy is stored under: the hash of its text, unless the article with that id
now holds other text.

An article's id is the hash of its headline and body (`model.article_id`), so copy
already stored is found by it. A feed's correction (and a watched file written again)
replaces an article's text in place and the article keeps its id: the old text's id then
names an article holding other text, and copy of the old text was counted a duplicate of
it (a second feed's item joined it, a star meant for that item went to it). Such copy
takes the first of a row of ids derived from the hash that is free, or that names the
article holding that text already: importing it again is still a no-op.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from newsdesk.desk.same_report import completes
from newsdesk.model import Extracted, article_id
from newsdesk.store import StoreBackend, Transaction

#: Derived ids tried for one text: each is taken only after its text moved out from
#: under the one before, so more than a couple is not met in practice.
PROBES = 8


def derived_id(content_id: str, n: int) -> str:
    """The `n`th id (from 1) copy whose text hashes to `content_id` is stored under when
    the ids before it name articles holding other text."""
    return hashlib.sha256(f"{content_id}#{n}".encode()).hexdigest()[:16]


def _holds(text: tuple[str, str], content_id: str) -> bool:
    """Whether a stored (headline, body) is the text whose id is `content_id`."""
    return article_id(Extracted(title=text[0], body=text[1])) == content_id


def ids_for_text(
    store: StoreBackend,
    tx: Transaction,
    items: Sequence[Extracted],
    ids: Sequence[str],
    known: set[str],
    raw: str | None = None,
) -> tuple[list[str], set[str]]:
    """The ids `items` are stored under (`ids` are their text's hashes, `known` those of
    them stored), and the ids among them that are stored.

    A file of one article whose page (`raw`) is the start of the page its article was
    completed from in place (`same_report.completes`) is that article's copy cut short
    again, a duplicate: not the text a correction replaced.

    Only a stored id can name other text (wire copy is not in `known`: asked for
    anyway), and only an article corrected in place can hold it; new copy, nearly all
    of an import, costs no query."""
    ids = list(ids)
    asked = [aid for aid, meta in zip(ids, items, strict=True) if aid in known or meta.item_id]
    if not asked:
        return ids, known
    texts = store.stored_texts(tx, asked, corrected_only=True)
    moved = [i for i, aid in enumerate(ids) if aid in texts and not _holds(texts[aid], aid)]
    if moved == [0] and len(items) == 1 and completes(raw, store.raw_copy(ids[0])):
        return ids, known
    if not moved:
        return ids, known
    content = {i: ids[i] for i in moved}
    known = set(known)
    for n in range(1, PROBES + 1):
        for i in moved:
            ids[i] = derived_id(content[i], n)
        texts = store.stored_texts(tx, [ids[i] for i in moved])
        known.update(ids[i] for i in moved if ids[i] in texts)
        moved = [i for i in moved if ids[i] in texts and not _holds(texts[ids[i]], content[i])]
        if not moved:
            break
    return ids, known
