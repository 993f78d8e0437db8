"""An id that the store could not look up is not a query to act on."""

from __future__ import annotations

from typing import Any, cast

import pytest

from newsdesk.desk.targets import action_targets
from newsdesk.errors import StoreUnreachableError
from newsdesk.store import StoreBackend


class _LostStore:
    """A store whose server went away: every read fails."""

    def exists(self, text: str) -> bool:
        raise StoreUnreachableError("cannot reach the shared desk at postgresql://ed@db/desk")

    def resolve_prefix(self, text: str) -> list[str]:
        raise StoreUnreachableError("cannot reach the shared desk at postgresql://ed@db/desk")


def test_a_lost_store_while_resolving_an_id_is_said_not_searched() -> None:
    """`newsdesk star 4f3a9c0d12` with the server gone read the id as query words and
    acted on whatever the search found (any store error was taken for "not an id")."""
    searched: list[str] = []

    def find(query: str) -> list[str]:
        searched.append(query)
        return ["0123456789abcdef0123"]

    store = cast(StoreBackend, cast(Any, _LostStore()))
    with pytest.raises(StoreUnreachableError, match="cannot reach"):
        action_targets(store, ["4f3a9c0d12"], find)
    assert searched == []
