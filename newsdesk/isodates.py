"""ISO 8601 dates as the store keeps them: one parser for every layer.

A date without a time zone (or a bare calendar date) is read as UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime


def parse_iso(value: str | None) -> datetime | None:
    """An aware datetime from an ISO date or datetime, None when unusable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def iso_to_ts(value: str | None) -> float | None:
    """Epoch seconds for an ISO date or datetime, None when unusable."""
    parsed = parse_iso(value)
    if parsed is None:
        return None
    try:
        return parsed.timestamp()
    except (OverflowError, OSError, ValueError):
        return None
