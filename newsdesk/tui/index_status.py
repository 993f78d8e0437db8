"""What the status line says about the search index ("indexing 3,000/10,000")."""

from __future__ import annotations


def describe_index(status: object) -> str:
    """Empty when the index is up to date, else how far catching up has got."""
    indexed = getattr(status, "indexed", None)
    total = getattr(status, "total", None)
    if isinstance(indexed, int) and isinstance(total, int) and total and indexed < total:
        return f"indexing {indexed:,}/{total:,}"
    state = getattr(status, "state", None)
    if isinstance(state, str) and state not in ("", "ready", "idle", "up to date"):
        return f"index {state}"
    return ""
