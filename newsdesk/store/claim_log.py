"""Claims in the action log: a claim or a release is one batch, undone like a star.

Each row of such a batch keeps the article's claim before and after, as JSON
(`{"claim": null}` or `{"claim": {"editor": "ana", "ts": "..."}}`), in the
same `before`/`after` columns the marks use. Both backends write and read
them through these helpers, so the two logs read alike (`store migrate`
copies one into the other).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from newsdesk.store.protocol import Claim

#: The log kinds a claim and a release write.
CLAIM_KINDS = frozenset({"claim", "release"})


def entry(claim: Claim | None) -> str:
    """The `before` or `after` text of a log row: who had the article, if anyone."""
    return json.dumps(
        {"claim": None if claim is None else {"editor": claim.editor, "ts": claim.ts}}
    )


def log_rows(kind: str, changed: Sequence[Claim]) -> list[tuple[str, str, str]]:
    """(article id, before, after) for each claim a claim took or a release let go."""
    free = entry(None)
    if kind == "claim":
        return [(c.article_id, free, entry(c)) for c in changed]
    return [(c.article_id, entry(c), free) for c in changed]


def claim_in(article_id: str, text: str) -> Claim | None:
    """The claim a log row's `before` or `after` holds (None: nobody had it)."""
    held = json.loads(text).get("claim")
    if not isinstance(held, dict):
        return None
    return Claim(article_id, str(held.get("editor", "")), str(held.get("ts", "")))
