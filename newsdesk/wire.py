"""Wire copy vocabulary: urgency names, statuses, kills and embargoes.

Agency copy (NITF, NewsML-G2, ninjs) carries what no web page does: an IPTC
urgency from 1 (most urgent) to 9, a status (an update, a correction, a
withdrawal), a version and an embargo. This module names them the same way
for the inbox, the detail pane, the CLI, the search and the exports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo

from newsdesk.isodates import iso_to_ts, normalise_date
from newsdesk.model import Article, ArticleRow, Extracted

#: The names desks give the top of the IPTC scale; 4 to 9 are routine copy.
URGENCY_NAMES: dict[int, str] = {1: "flash", 2: "bulletin", 3: "urgent"}
ROUTINE = "routine"
#: `is:urgent` and the inbox's urgent marker: urgency 1 to 3.
URGENT_MAX = 3
MIN_URGENCY = 1
MAX_URGENCY = 9

#: The highest version number kept: what a store's INTEGER column holds (PostgreSQL's
#: is 32 bits). A larger one is no agency's real count; it is reported and ignored.
MAX_VERSION = 2**31 - 1

#: Every status a wire item may have, in the order an item's life goes.
STATUSES: tuple[str, ...] = ("usable", "updated", "corrected", "withheld", "withdrawn")
#: Statuses that mean "do not use": the agency withdrew (killed) or withheld the item.
DO_NOT_USE: frozenset[str] = frozenset({"withheld", "withdrawn"})

KILLED_LABEL = "KILLED: do not use"
WITHHELD_LABEL = "WITHHELD: do not use"

#: The words agencies flag copy and notices to editors with ("KILL", "ELIMINATION",
#: "CORRECTED-", "FLASH", "EMBARGOED", "ADVISORY"), folded: never an entity, and a
#: headline opening with one is labelled (`story_label`).
ADVISORY_WORDS: frozenset[str] = frozenset(
    {
        "kill", "kills", "killed", "withhold", "withholds", "withheld", "withdrawn",
        "withdrawal", "elimination", "eliminate", "eliminated", "correction", "corrections",
        "corrected", "corrective", "corrects", "advisory", "advisories", "embargo",
        "embargoed", "flash", "bulletin", "urgent", "update", "updated", "updates",
        "mandatory", "editors", "editor's", "editors'", "note", "repeat", "repeating",
        "writethru", "recast", "recasts", "refiled", "refile", "cancel", "canceled",
        "cancelled",
    }
)  # fmt: skip
#: A headline or text opening with one of these is a notice to editors, not copy: a kill,
#: a hold, an elimination or an advisory ("KILL - Estonia election story").
ADVISORY_OPENERS: frozenset[str] = frozenset(
    {
        "kill", "killed", "withhold", "withheld", "withdrawn", "withdrawal", "elimination",
        "eliminate", "advisory", "editors", "mandatory", "cancel", "canceled", "cancelled",
    }
)  # fmt: skip

#: What a store's `killed` column holds for every version of an item: 0 usable,
#: KILL_MARK once any version was killed (withdrawn: for good), HOLD_MARK while the
#: agency withholds it (a hold its next usable version lifts). Both mean "do not use".
KILL_MARK = 1
HOLD_MARK = 2


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


def is_urgent(urgency: int | None) -> bool:
    """Whether a wire urgency is urgent (`is:urgent`, the inbox's `!`): 1 to URGENT_MAX."""
    return urgency is not None and urgency <= URGENT_MAX


#: Where an item says it is embargoed but gives no time newsdesk can read (9999-12-31,
#: "TBA", a date past 2100): held until further notice, never released by accident.
UNTIL_FURTHER_NOTICE = "2100-12-31T23:59:59+00:00"
_FURTHER_NOTICE_TS = datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp()


def read_embargo(raw: str | None, warnings: list[str], prefix: str = "") -> str | None:
    """The embargo time an item states, `UNTIL_FURTHER_NOTICE` when it states one that
    cannot be read (with a warning), None when it states none."""
    if raw is None or not raw.strip():
        return None
    when = normalise_date(raw.strip())
    if when is None:
        warnings.append(
            f"{prefix}embargo {raw.strip()[:40]!r} is no time newsdesk can read: "
            "held until further notice"
        )
        return UNTIL_FURTHER_NOTICE
    return when


#: A moment further away than this is shown with its whole date (year included).
FAR_MOMENT = timedelta(days=61)


def embargo_active(embargo_until: str | None, now: datetime | None = None) -> bool:
    """Whether an embargo time is still ahead of `now`."""
    stamp = iso_to_ts(embargo_until)
    if stamp is None:
        return False
    moment = now if now is not None else datetime.now(UTC)
    return stamp > moment.timestamp()


def embargo_label(
    embargo_until: str | float | None, now: datetime | None = None, zone: tzinfo | None = None
) -> str | None:
    """ "embargoed until 14:00" (the day too when not today, the whole date in another
    year or more than two months away), in local time; None once passed.

    `embargo_until` is the ISO time the item gives, or the timestamp a store keeps.
    """
    stamp = embargo_until if isinstance(embargo_until, float) else iso_to_ts(embargo_until)
    if stamp is None or stamp <= (now if now is not None else datetime.now(UTC)).timestamp():
        return None
    if stamp >= _FURTHER_NOTICE_TS:
        return "embargoed until further notice"
    return f"embargoed until {_local_moment(stamp, now, zone)}"


def _local_moment(stamp: float, now: datetime | None, zone: tzinfo | None) -> str:
    """ "14:00" today, "Tue 08 Dec 14:00" another day, the whole date in another year or
    months away."""
    moment = (now if now is not None else datetime.now(UTC)).astimezone(zone)
    until = datetime.fromtimestamp(stamp, UTC).astimezone(zone)
    # The seconds when it has any: "until 18:22" read as free at 18:22:00 held until :05.
    shown = until.strftime("%H:%M:%S" if until.second else "%H:%M")
    if until.date() != moment.date():
        # A weekday and a day say which one while it is near and this year's; else the
        # whole date ("Tue 02 Mar" in November left the reader to guess the year).
        far = until.year != moment.year or abs(until - moment) > FAR_MOMENT
        shown = f"{until.strftime('%Y-%m-%d' if far else '%a %d %b')} {shown}"
    return shown


def embargo_lifted(embargo_until: str | None, now: datetime | None = None) -> str | None:
    """ "lifted at 18:22:05" for an embargo that has passed (None when it holds or is
    unreadable)."""
    stamp = iso_to_ts(embargo_until)
    if stamp is None or embargo_label(stamp, now) is not None:
        return None
    return f"lifted at {_local_moment(stamp, now, None)}"


def headline_says(title: str, status: str) -> bool:
    """The headline opens with its status already ("CORRECTED-Portugal ...", "UPDATE 2-..."):
    a row or an export does not say "corrected" or "updated" twice."""
    head = title.lstrip().casefold()
    return head.startswith(status[:-2]) or (status == "updated" and head.startswith("update"))


def status_label(status: str | None, *, killed: bool = False, withheld: bool = False) -> str | None:
    """What the inbox and the detail pane say about an item's status, if anything.

    `killed` and `withheld` are the store's marks for the whole item (`Article.killed`,
    `Article.withheld`): a version that was itself usable reads as its item's kill or hold.
    """
    if status == "withdrawn" or (killed and not withheld):
        return KILLED_LABEL
    if killed or status == "withheld":
        return WITHHELD_LABEL
    if status in ("updated", "corrected"):
        return status
    return None


def row_killed(row: ArticleRow) -> bool:
    """A list row says "do not use": its item (any version) was killed or withheld."""
    return row.killed or row.wire_status in DO_NOT_USE


def row_mark(row: ArticleRow) -> str:
    """A row's one-cell wire marker: ✗ killed, ! urgent (1-3), else a blank.

    The inbox and the CLI's table and TSV mark a row alike from this."""
    if row_killed(row):
        return "✗"
    if is_urgent(row.urgency):
        return "!"
    return " "


def row_label(row: ArticleRow, now: datetime | None = None, *, always: bool = False) -> str:
    """What a list row says before its headline: the kill, an embargo still holding, a
    wire update or correction, or a feed's correction in place; "" for plain copy.
    `always`: say the status even when the headline says it already (a script's column
    is read without the headline: "CORRECTED-..." left it empty)."""
    if row_killed(row):
        return (
            status_label(row.wire_status, killed=row.killed, withheld=row.withheld) or KILLED_LABEL
        )
    embargo = embargo_label(float(row.embargo_ts), now) if row.embargo_ts is not None else None
    if embargo:
        return embargo
    if row.wire_status in ("updated", "corrected") and (
        always or not headline_says(row.title, row.wire_status)
    ):
        return row.wire_status
    if row.updated_at and (always or not headline_says(row.title, "updated")):
        return "updated"  # its feed corrected it in place
    return ""


#: The wire fields `show --json` and the exports give, in order.
WIRE_FIELDS: tuple[str, ...] = (
    "urgency",
    "urgency_name",
    "slugline",
    "version",
    "item_id",
    "embargo_until",
    "status",
    "agency_note",
    "subjects",
    "killed",
    "withheld",
    "current",
)


def article_wire(article: Article) -> dict[str, object] | None:
    """`wire_fields` of a stored article, with the store's marks."""
    return wire_fields(
        article.meta,
        killed=article.killed,
        withheld=article.withheld,
        superseded=article.superseded,
    )


def wire_fields(
    meta: Extracted, *, killed: bool = False, withheld: bool = False, superseded: bool = False
) -> dict[str, object] | None:
    """The item's wire fields keyed by WIRE_FIELDS; None for anything not wire copy.

    One dict for the CLI, the detail pane and every export, so they name the
    fields the same way; web pages get None so no empty wire block appears.
    `killed`, `withheld` and `superseded` are the store's marks (`Article.killed`,
    `Article.withheld`, `Article.superseded`): "killed" when any version was killed or
    the item is withheld, "withheld" when that "do not use" is the agency's hold (no
    version was killed), "current" unless a newer version replaced this one.
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
        "agency_note": meta.agency_note,
        "subjects": list(meta.subjects),
        "killed": killed or meta.status in DO_NOT_USE,
        "withheld": status_label(meta.status, killed=killed, withheld=withheld) == WITHHELD_LABEL,
        "current": not superseded,
    }


def wire_summary(
    meta: Extracted,
    now: datetime | None = None,
    *,
    killed: bool = False,
    withheld: bool = False,
    superseded: bool = False,
) -> list[tuple[str, str]]:
    """(label, text) lines for a human view of the wire fields; empty for web pages."""
    if not is_wire(meta):
        return []
    lines: list[tuple[str, str]] = []
    if meta.urgency is not None:
        lines.append(("urgency", f"{meta.urgency} ({urgency_name(meta.urgency)})"))
    if meta.slugline:
        lines.append(("slugline", meta.slugline))
    if meta.version is not None:
        later = " (superseded by a newer version)" if superseded else ""
        lines.append(("version", f"{meta.version}{later}"))
    if meta.item_id:
        lines.append(("item id", meta.item_id))
    if meta.status or killed:
        label = status_label(meta.status, killed=killed, withheld=withheld)
        lines.append(("status", label or meta.status or ""))
    if meta.agency_note:
        # What the agency says it corrected (or why it holds the item), beside the status.
        lines.append(("agency note", meta.agency_note))
    if meta.embargo_until:
        shown = embargo_label(meta.embargo_until, now) or embargo_lifted(meta.embargo_until, now)
        lines.append(("embargo", shown or meta.embargo_until))
    if meta.subjects:
        lines.append(("subjects", ", ".join(meta.subjects)))
    return lines


def export_hold(meta: Extracted, *, killed: bool, now: datetime | None = None) -> str | None:
    """Why an export leaves this item out unless asked ("killed", "embargoed"), or None.

    Killed when this version or any other version of the same item was killed
    or withheld (`killed`: the store's mark, `Article.killed`); embargoed while
    the embargo holds.
    """
    if killed or meta.status in DO_NOT_USE:
        return "killed"
    if embargo_active(meta.embargo_until, now):
        return "embargoed"
    return None


# -- versions (issue 15 item 3) -------------------------------------------------------


@dataclass(frozen=True)
class StoredVersion:
    """What a store knows of one stored version of a wire item, to settle which is current."""

    article_id: str
    version: int | None
    published_ts: float | None
    #: The store's revision at insert: among equal versions the later arrival wins.
    rev: int
    status: str | None
    superseded: bool


@dataclass(frozen=True)
class Settled:
    """The versions of one item after a new one arrived."""

    current: str
    #: Every version but the current one (kept, reachable, out of the inbox).
    superseded: frozenset[str]
    #: Some version was killed, or the item is withheld: every version says "do not use".
    killed: bool
    #: The version that was current before and now is not (its state carries over), or None.
    replaced: str | None
    #: The "do not use" is the agency's hold, no kill: its next usable version lifts it.
    withheld: bool = False

    @property
    def mark(self) -> int:
        """The store's `killed` column for every version: 0, KILL_MARK or HOLD_MARK."""
        if not self.killed:
            return 0
        return HOLD_MARK if self.withheld else KILL_MARK


def _rank(version: StoredVersion) -> tuple[int, float, int]:
    return (version.version or 0, version.published_ts or 0.0, version.rev)


def settle(versions: Sequence[StoredVersion]) -> Settled:
    """The current version of an item: the highest version number (then the latest
    publication, then the latest arrival). Every store backend settles with this.

    A kill (withdrawn) of any version holds every version for good; a hold (withheld)
    holds while it is the current version: a later version the agency sends usable
    releases it.
    """
    if not versions:
        raise ValueError("settle needs at least one version")
    current = max(versions, key=_rank)
    # The latest arrival was never current unless it is now: an older version arriving
    # late is not the version the current one replaces (its unread state was carried
    # onto the current version, which the editor had read).
    newest = max(versions, key=lambda v: v.rev)
    was_current = [v for v in versions if not v.superseded and v is not current and v is not newest]
    replaced = max(was_current, key=lambda v: v.rev).article_id if was_current else None
    killed = any(v.status == "withdrawn" for v in versions)
    held = not killed and current.status == "withheld"
    return Settled(
        current=current.article_id,
        superseded=frozenset(v.article_id for v in versions if v is not current),
        killed=killed or held,
        replaced=replaced,
        withheld=held,
    )


def kill_stays(settled: Settled, marked: int) -> Settled:
    """`settled`, still killed or withheld as the store had marked the item (`marked`,
    its `killed` column: KILL_MARK or HOLD_MARK).

    The agency's kill holds every version even once the editor deleted the kill notice
    itself (only undoing the import that brought the kill takes it back). A hold stays
    too, until a new version takes over as current (`replaced`): deleting the hold
    notice, or an older version arriving late, releases nothing.
    """
    if marked == KILL_MARK and (not settled.killed or settled.withheld):
        return replace(settled, killed=True, withheld=False)
    if marked == HOLD_MARK and not settled.killed and settled.replaced is None:
        return replace(settled, killed=True, withheld=True)
    return settled


#: How `subjects` is kept in a store column: one per line, folded, with a line
#: break at each end, so `subject:` is one LIKE '%\nNAME\n%' (or '%\nPREFIX%').
SUBJECT_SEP = "\n"


def fold_subject(name: str) -> str:
    return " ".join(name.casefold().split())


def subjects_column(subjects: Iterable[str]) -> str | None:
    folded = [fold_subject(s) for s in subjects if fold_subject(s)]
    if not folded:
        return None
    return SUBJECT_SEP + SUBJECT_SEP.join(dict.fromkeys(folded)) + SUBJECT_SEP


def wire_columns(meta: Extracted) -> dict[str, object]:
    """The wire fields as a store keeps them in columns (searched and sorted there)."""
    return {
        "item_id": meta.item_id,
        "wire_version": meta.version,
        "urgency": meta.urgency,
        "embargo_ts": iso_to_ts(meta.embargo_until),
        "wire_status": meta.status,
        "slugline": meta.slugline.casefold() if meta.slugline else None,
        "subjects": subjects_column(meta.subjects),
    }


#: Where items with no urgency (web pages) go in the urgency sort: after routine copy.
NO_URGENCY = MAX_URGENCY + 1


def by_urgency(ids: Sequence[str], urgencies: Mapping[str, int]) -> list[str]:
    """`ids` (newest first) reordered most urgent first; time order kept within an urgency."""
    return sorted(ids, key=lambda i: urgencies.get(i, NO_URGENCY))
