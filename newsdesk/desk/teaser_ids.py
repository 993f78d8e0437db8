"""The id of a feed item whose text is no evidence of a copy: a recurring item ("Morning
briefing", always "Today's top stories from the desk.") under its own GUID or link.

An article's id is the hash of its headline and body (`model.article_id`), so two such
items hash alike and the second was merged into the first as a duplicate: the editor
never saw the next day's briefing. A body of fewer than `COPY_BODY_WORDS` distinct
content words (a teaser, or none) says nothing about being one article; a GUID or link
of its own that differs from the holder's does. Such an item takes an id derived from
its content id and its GUID (else link): importing it again is still a no-op.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.model import Extracted
    from newsdesk.stories.signature import Signature


def telling_of(meta: Extracted) -> tuple[str, str]:
    """What names an item where it came from: its (GUID, link), either may be empty."""
    return (meta.guid or "", meta.url or "")


def is_teaser(signature: Signature) -> bool:
    """Too little body to be evidence of one copy (`stories.score.COPY_BODY_WORDS`)."""
    # Imported here: the desk is opened by the first screen, which loads no story code.
    from newsdesk.stories.score import COPY_BODY_WORDS

    return len(signature.lede_set - signature.title_set) < COPY_BODY_WORDS


def names_another(mine: tuple[str, str], holder: tuple[str, str]) -> bool:
    """Whether an item named `mine` (GUID, link) is another item than the one named
    `holder`: a GUID or link both have differs, and none both have is the same. One
    link is one item (a feed that numbered its GUIDs again still links its article)."""
    pairs = [(a, b) for a, b in zip(mine, holder, strict=True) if a and b]
    return bool(pairs) and all(a != b for a, b in pairs)


def own_id(content_id: str, meta: Extracted) -> str:
    """The id of teaser `meta` whose text's id `content_id` another item holds."""
    guid, url = telling_of(meta)
    key = f"guid:{guid}" if guid else f"url:{url}"
    return hashlib.sha256(f"{content_id}\x00{key}".encode()).hexdigest()[:16]


def story_of_own(own: str) -> str:
    """The story a teaser stored under its own id `own` starts, alone: the text it shares
    with the other day's item is no evidence of one article, so none of one story either
    (the two days' "Morning briefing" were one story of two versions)."""
    # Imported here, as `is_teaser`'s: the first screen loads no story code.
    from newsdesk.stories.grouping import story_id_for

    return story_id_for(own)


def own_story(article_id: str, meta: Extracted) -> str | None:
    """`story_of_own` for a stored article that is such a teaser (its id is `own_id` of
    its text's id), None for any other: grouping everything again keeps them apart."""
    from newsdesk.model import article_id as content_id

    content = content_id(meta)
    if article_id == content or own_id(content, meta) != article_id:
        return None
    return story_of_own(article_id)
