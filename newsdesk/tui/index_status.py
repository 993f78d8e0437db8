"""What the status line says about the search index ("indexing 3,000/10,000")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.search.index import IndexStatus


def describe_index(status: IndexStatus) -> str:
    """Empty when the index is up to date, else how far catching up has got."""
    if status.pending <= 0:
        return ""
    total = max(status.store_docs, status.pending)
    done = max(0, total - status.pending)
    return f"indexing {done:,}/{total:,}"
