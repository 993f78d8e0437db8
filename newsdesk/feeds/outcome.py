"""What a fetch did: each feed's outcome and the whole fetch's summary, as the CLI, the
app and `--json` say them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from newsdesk.counting import counted
from newsdesk.feeds.urls import without_password
from newsdesk.rules.model import archived_said

Status = Literal["new", "unchanged", "failed"]


@dataclass
class FeedOutcome:
    """What fetching one feed did."""

    name: str
    url: str
    status: Status
    new: int = 0
    duplicates: int = 0
    #: Items stored before and told otherwise now (a correction under the same GUID),
    #: counted among the duplicates too.
    updated: int = 0
    #: Items told again shorter (emptied, a teaser, cut short) whose stored text was
    #: kept: counted among the duplicates too.
    kept_longer: int = 0
    #: Items the editor deleted, which the feed still lists: left out, counted among
    #: the duplicates too.
    deleted: int = 0
    reason: str | None = None
    #: A change made to the subscription (moved, disabled), said once.
    message: str | None = None
    warnings: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    #: The feed's name before this fetch named it after its title (`name` is the new one).
    was: str | None = None
    #: Of `new_ids`, those a rule will archive when the fetch ends (the rules write
    #: once, after every feed): not counted as arrived meanwhile.
    ruled_out: list[str] = field(default_factory=list)
    #: The feed came cut short (a download stopped mid-file): its complete items were
    #: stored, and the subscription records the failure, so it is fetched whole again.
    #: Counted among the failed (`FetchSummary.failed`), `reason` saying it was cut.
    cut_short: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "url": without_password(self.url),
            "status": self.status,
            "new": self.new,
            "duplicates": self.duplicates,
            "updated": self.updated,
            "kept_longer": self.kept_longer,
            "deleted": self.deleted,
            "reason": self.reason,
            "message": self.message,
            "warnings": self.warnings,
            "cut_short": self.cut_short,
        }


@dataclass
class FetchSummary:
    feeds: list[FeedOutcome] = field(default_factory=list)
    #: Subscriptions not fetched: not due, paused or held after failures.
    skipped: int = 0
    #: Of those, the paused ones (said apart: "not due" misread a paused feed).
    paused: int = 0
    #: Rule name -> the articles it archived as they arrived (new ones and corrections).
    archived_by_rule: dict[str, list[str]] = field(default_factory=dict)
    #: Rule name -> corrected articles the editor had acted on, which it matched but
    #: left where the editor left them (not archived, not marked read).
    spared_by_rule: dict[str, list[str]] = field(default_factory=dict)

    @property
    def new(self) -> int:
        return sum(f.new for f in self.feeds)

    @property
    def new_ids(self) -> list[str]:
        return [aid for f in self.feeds for aid in f.new_ids]

    @property
    def updated(self) -> int:
        return sum(f.updated for f in self.feeds)

    @property
    def kept_longer(self) -> int:
        return sum(f.kept_longer for f in self.feeds)

    @property
    def archived_on_arrival(self) -> int:
        return sum(len(ids) for ids in self.archived_by_rule.values())

    @property
    def arrived(self) -> int:
        """The new articles the inbox shows: those a rule archived as they came are not."""
        archived = {i for ids in self.archived_by_rule.values() for i in ids}
        return sum(1 for i in self.new_ids if i not in archived)

    def rules_said(self) -> str:
        """What the rules did as articles arrived that the lists do not show: "archived 1
        by rule kill", and the corrections they left alone ("left 1 corrected article you
        had acted on where you left it (rule kill)"); "" when nothing."""
        parts = archived_said(self.archived_by_rule)
        spared = {i for ids in self.spared_by_rule.values() for i in ids}
        if spared:
            it = "it" if len(spared) == 1 else "them"
            parts.append(
                f"left {counted(len(spared), 'corrected article')} you had acted on where you "
                f"left {it} (rule {', '.join(self.spared_by_rule)})"
            )
        return "; ".join(parts)

    @property
    def failed(self) -> list[FeedOutcome]:
        """The feeds whose fetch failed, those cut short included: their complete items
        are stored (counted new), but the feed was not read whole (`reason` says so)."""
        return [f for f in self.feeds if f.status == "failed" or f.cut_short]

    @property
    def bringing(self) -> list[str]:
        """The feeds that brought a new article or an update, by name."""
        return [f.name for f in self.feeds if f.new or f.updated]

    def arrival_notice(self, shown: int = 3) -> str:
        """What the fetch brought, naming the feeds that brought it ("2 articles arrived
        from reuters and ap, 1 updated."); "" when nothing came."""
        new, updated = self.new, self.updated
        # A feed renamed by this fetch under the name the list now shows, the old one said.
        names = [
            f"{f.name} (renamed from {f.was})" if f.was else f.name
            for f in self.feeds
            if f.new or f.updated
        ]
        if not new and not updated:
            return ""
        if len(names) > shown:
            named = ", ".join(names[: shown - 1]) + f" and {len(names) - shown + 1} more feeds"
        elif len(names) > 1:
            named = ", ".join(names[:-1]) + f" and {names[-1]}"
        else:
            named = names[0]
        told = f"{new:,} article{'s' if new != 1 else ''} arrived" if new else ""
        if updated:
            plural = "s" if updated != 1 else ""
            told = f"{told}, {updated:,} updated" if new else f"{updated:,} article{plural} updated"
        ruled = self.rules_said()
        return f"{told} from {named}, {ruled}." if ruled else f"{told} from {named}."

    def as_dict(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "updated": self.updated,
            "kept_longer": self.kept_longer,
            "fetched": len(self.feeds),
            # A feed cut short is counted failed, not unchanged (it was not read whole).
            "unchanged": sum(1 for f in self.feeds if f.status == "unchanged" and not f.cut_short),
            "failed": len(self.failed),
            "skipped": self.skipped,
            "paused": self.paused,
            "archived_on_arrival": self.archived_on_arrival,
            "archived_by_rule": {name: len(ids) for name, ids in self.archived_by_rule.items()},
            "left_by_rule": {name: len(ids) for name, ids in self.spared_by_rule.items()},
            "feeds": [f.as_dict() for f in self.feeds],
        }
