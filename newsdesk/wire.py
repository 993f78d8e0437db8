"""Wire copy vocabulary: urgency names, statuses, kills and embargoes.

Agency copy (NITF, NewsML-G2, ninjs) carries what no web page does: an IPTC
urgency from 1 (most urgent) to 9, a status (an update, a correction, a
withdrawal), a version and an embargo. This module names them the same way
for the inbox, the detail pane, the CLI, the search and the exports.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo

from newsdesk.isodates import iso_to_ts
from newsdesk.model import Extracted

#: The names desks give the top of the IPTC scale; 4 to 9 are routine copy.
URGENCY_NAMES: dict[int, str] = {1: "flash", 2: "bulletin", 3: "urgent"}
ROUTINE = "routine"
#: `is:urgent` and the inbox's urgent marker: urgency 1 to 3.
URGENT_MAX = 3
MIN_URGENCY = 1
MAX_URGENCY = 9

#: Every status a wire item may have, in the order an item's life goes.
STATUSES: tuple[str, ...] = ("usable", "updated", "corrected", "withheld", "withdrawn")
#: Statuses that mean "do not use": the agency withdrew (killed) or withheld the item.
DO_NOT_USE: frozenset[str] = frozenset({"withheld", "withdrawn"})

KILLED_LABEL = "KILLED: do not use"
WITHHELD_LABEL = "WITHHELD: do not use"


def urgency_name(urgency: int | None) -> str | None:
    """ "flash" for 1 ... "routine" for 4 to 9; None when the item gives no urgency."""
    if urgency is None:
        return None
    return URGENCY_NAMES.get(urgency, ROUTINE)


def valid_urgency(value: object) -> int | None:
    """An urgency from whatever a format gives ("3", 3, 3.0); None when not 1 to 9."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and MIN_URGENCY <= value <= MAX_URGENCY:
        return value
    return None


def is_wire(meta: Extracted) -> bool:
    """Whether the item came from agency wire copy (it has wire fields)."""
    return meta.item_id is not None or meta.urgency is not None or meta.status is not None


def is_urgent(meta: Extracted) -> bool:
    return meta.urgency is not None and meta.urgency <= URGENT_MAX


def embargo_active(embargo_until: str | None, now: datetime | None = None) -> bool:
    """Whether an embargo time is still ahead of `now`."""
    stamp = iso_to_ts(embargo_until)
    if stamp is None:
        return False
    moment = now if now is not None else datetime.now(UTC)
    return stamp > moment.timestamp()


def embargo_label(
    embargo_until: str | None, now: datetime | None = None, zone: tzinfo | None = None
) -> str | None:
    """ "embargoed until 14:00" (the day too when not today), in local time; None once passed."""
    if not embargo_active(embargo_until, now):
        return None
    stamp = iso_to_ts(embargo_until)
    assert stamp is not None
    moment = (now if now is not None else datetime.now(UTC)).astimezone(zone)
    until = datetime.fromtimestamp(stamp, UTC).astimezone(zone)
    shown = until.strftime("%H:%M")
    if until.date() != moment.date():
        shown = f"{until.strftime('%a %d %b')} {shown}"
    return f"embargoed until {shown}"


def status_label(status: str | None, *, killed: bool = False) -> str | None:
    """What the inbox and the detail pane say about an item's status, if anything."""
    if killed or status == "withdrawn":
        return KILLED_LABEL
    if status == "withheld":
        return WITHHELD_LABEL
    if status in ("updated", "corrected"):
        return status
    return None


#: The wire fields `show --json` and the exports give, in order.
WIRE_FIELDS: tuple[str, ...] = (
    "urgency",
    "urgency_name",
    "slugline",
    "version",
    "item_id",
    "embargo_until",
    "status",
    "subjects",
)


def wire_fields(meta: Extracted) -> dict[str, object] | None:
    """The item's wire fields keyed by WIRE_FIELDS; None for anything not wire copy.

    One dict for the CLI, the detail pane and every export, so they name the
    fields the same way; web pages get None so no empty wire block appears.
    """
    if not is_wire(meta):
        return None
    return {
        "urgency": meta.urgency,
        "urgency_name": urgency_name(meta.urgency),
        "slugline": meta.slugline,
        "version": meta.version,
        "item_id": meta.item_id,
        "embargo_until": meta.embargo_until,
        "status": meta.status,
        "subjects": list(meta.subjects),
    }


def wire_summary(meta: Extracted, now: datetime | None = None) -> list[tuple[str, str]]:
    """(label, text) lines for a human view of the wire fields; empty for web pages."""
    fields = wire_fields(meta)
    if fields is None:
        return []
    lines: list[tuple[str, str]] = []
    if meta.urgency is not None:
        lines.append(("urgency", f"{meta.urgency} ({urgency_name(meta.urgency)})"))
    if meta.slugline:
        lines.append(("slugline", meta.slugline))
    if meta.version is not None:
        lines.append(("version", str(meta.version)))
    if meta.item_id:
        lines.append(("item id", meta.item_id))
    if meta.status:
        lines.append(("status", status_label(meta.status) or meta.status))
    if meta.embargo_until:
        lines.append(("embargo", embargo_label(meta.embargo_until, now) or meta.embargo_until))
    if meta.subjects:
        lines.append(("subjects", ", ".join(meta.subjects)))
    return lines


def killed_item_ids(metas: Iterable[Extracted]) -> set[str]:
    """The agency GUIDs some stored version of which says "do not use"."""
    return {m.item_id for m in metas if m.item_id and m.status in DO_NOT_USE}


def export_hold(
    meta: Extracted, killed_ids: set[str] | frozenset[str], now: datetime | None = None
) -> str | None:
    """Why an export leaves this item out unless asked ("killed", "embargoed"), or None.

    Killed when this version or any other version of the same item was killed
    or withheld (`killed_ids` from `killed_item_ids`); embargoed while the
    embargo holds.
    """
    if meta.status in DO_NOT_USE or (meta.item_id is not None and meta.item_id in killed_ids):
        return "killed"
    if embargo_active(meta.embargo_until, now):
        return "embargoed"
    return None
