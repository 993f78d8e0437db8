"""What a verb acts on: ids (or unique prefixes of six or more) and the query the
other words make."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsdesk.desk.results import Targets
from newsdesk.errors import ArticleNotFoundError, DeskError, QuerySyntaxError, StoreError
from newsdesk.store import StoreBackend


class AmbiguousIdError(ArticleNotFoundError):
    """A prefix that two or more ids start with."""


def resolve_id(store: StoreBackend, text: str) -> str:
    """A full id from a full or unique-prefix id; DeskError otherwise."""
    text = text.strip()
    if store.exists(text):
        return text
    # Short ids work like git's: a unique hex prefix of six or more characters.
    is_prefix = 6 <= len(text) <= 16 and all(c in "0123456789abcdef" for c in text)
    matches = store.resolve_prefix(text) if is_prefix else []
    if len(matches) == 1:
        return matches[0]
    if not matches and 0 < len(text) < 6 and all(c in "0123456789abcdef" for c in text):
        raise DeskError(f"id {text!r} is too short: give at least six characters of an id")
    if not matches:
        raise ArticleNotFoundError(f"no article with id {text!r}")
    raise AmbiguousIdError(f"id {text!r} is ambiguous: {', '.join(matches)}")


def action_targets(
    store: StoreBackend, targets: Sequence[str], find: Callable[[str], list[str]]
) -> Targets:
    """What an action on `targets` would touch: ids, plus what the query part matched.

    `find` gives every article a query matches. A query that means nothing (only
    punctuation, emoji or `*`) is refused, never read as "every article": acting on
    everything takes `in:all`.
    """
    from newsdesk.search.dates import shown
    from newsdesk.search.query import parse

    ids: list[str] = []
    unresolved: list[str] = []
    #: Words that could be the start of an id but are too short ("cafe", "2026", "dead")
    #: or start several ids: read as query words; the id's problem is said when the
    #: query finds nothing (it said "no article matched" of an ambiguous prefix).
    too_short: DeskError | None = None
    for target in targets:
        try:
            ids.append(resolve_id(store, target))
        except AmbiguousIdError as exc:
            too_short = too_short or exc
            unresolved.append(target)
        except ArticleNotFoundError:
            unresolved.append(target)
        except StoreError:
            raise  # a store that cannot answer: the id is not query words (it acted on matches)
        except DeskError as exc:
            too_short = too_short or exc
            unresolved.append(target)
    query = " ".join(unresolved)
    matched = 0
    if unresolved:
        parsed = parse(query)
        if parsed.root is None:
            raise QuerySyntaxError(
                f"{shown(query)} means nothing as a query (no word, field or id): "
                "nothing was changed; to act on every article, say in:all"
            )
        found = find(query)
        if not found and too_short is not None:
            raise too_short
        matched = len(found)
        ids.extend(found)
    return Targets(list(dict.fromkeys(ids)), query, matched)
