"""Which stored telling a feed item is: its GUID's or its link's in its own feed, and
whether it is that report told again or another report under the same name.

Split from `desk.storing` (which stores what this decides)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.desk.same_report import may_replace, retells, shares_a_sentence
from newsdesk.model import Extracted, article_id

if TYPE_CHECKING:
    from newsdesk.store.feed_tellings import Told


def feed_guid(meta: Extracted) -> str:
    """The GUID of a feed item ("" for anything else)."""
    return (meta.guid or "") if meta.format == "feed" else ""


def feed_link(meta: Extracted) -> str:
    """The link of a feed item without a GUID, which names it in its feed ("" otherwise)."""
    return (meta.url or "") if meta.format == "feed" and not meta.guid else ""


def telling_key(meta: Extracted) -> str:
    """What names a feed item in its feed: its GUID, else its link ("" for anything else)."""
    return feed_guid(meta) or feed_link(meta)


def stored_telling(
    meta: Extracted,
    told: dict[str, list[Told]],
    linked: dict[str, Told],
    feed_id: int | None,
    new_id: str,
) -> tuple[Told | None, Told | None]:
    """The stored telling of a feed item: under its GUID, else under its feed's link;
    or, when the feed gave that GUID or link to another report before, that report's
    telling second (then the item is a new article, not a duplicate of that report:
    `insert`'s `match_guid` and `match_url`).

    A GUID or link this feed gave before names the same report only while the item
    still is one (`same_report`): feeds hand an old GUID to another item (a CMS that
    numbers its items again), a daily briefing keeps its link and headline, and taking
    that for a correction wrote the new item over an unrelated article (the day
    before's news), the editor's star and all. Another feed's GUID is only ever another
    telling (`store_in`)."""
    guid = feed_guid(meta)
    if not guid:
        link = feed_link(meta)
        telling = linked.get(link) if link else None
        if telling is None or telling.article_id == new_id or same_report(telling, meta):
            return telling, None
        return None, telling
    tellings = told.get(guid, [])
    mine = [t for t in tellings if t.told_by == feed_id]
    if not mine:
        return (tellings[0] if tellings else None), None
    for telling in reversed(mine):  # the newest first: what the feed last meant by it
        if telling.article_id == new_id or same_report(telling, meta):
            return telling, None
    return None, mine[-1]


def same_report(before: Told, meta: Extracted) -> bool:
    """Whether a feed item is the stored telling `before` told again (corrected,
    updated, re-titled) rather than another report under its GUID or link: under both
    keys, one told anew throughout is, and so is a telling too short to take the stored
    text's place; otherwise what the two do not share decides (`retells`), not standing
    paragraphs a daily briefing repeats under its one link (and GUID, in some feeds)."""
    both_keys = meta.guid and before.url and before.url == meta.url
    if both_keys and not shares_a_sentence(before.body, meta.body):
        return True
    if not may_replace(before.body, meta.body):
        # Emptied or a teaser: too short to be another report, and it keeps the stored
        # text anyway (`store_in`).
        return True
    return retells(before.title, before.body, meta.title, meta.body)


def retold(before: Told, new_id: str) -> bool:
    """The stored telling told otherwise by the item whose id (the hash of its headline
    and body, `model.article_id`) is `new_id`; respacing is no change."""
    return article_id(Extracted(title=before.title, body=before.body)) != new_id
