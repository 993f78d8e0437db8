"""A feed subscription as the store keeps it and the CLI and the app show it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from newsdesk.feeds.urls import without_password


@dataclass
class Subscription:
    """One feed: where it is, how often, and how its last fetches went."""

    name: str
    url: str
    every_s: int
    id: int = 0
    title: str | None = None
    #: Folders of the OPML file it came from, or given by hand: the items' tags.
    tags: list[str] = field(default_factory=list)
    full_text: bool = False
    paused: bool = False
    etag: str | None = None
    last_modified: str | None = None
    last_fetched: str | None = None
    last_success: str | None = None
    last_error: str | None = None
    last_status: int | None = None
    failures: int = 0
    next_due_ts: float = 0.0
    #: The server asked not to be asked before this time (429/503 with a Retry-After);
    #: 0 when it did not. Only this holds a feed back from "fetch every feed now".
    retry_until_ts: float = 0.0
    #: Named after its address (no name given): it takes its own title at its first items.
    auto_name: bool = False
    added_at: str = ""
    #: Counts read with the list (not stored in the row).
    items: int = 0
    unread: int = 0

    @property
    def shown_url(self) -> str:
        """Its URL as lists and messages show it: without a password."""
        return without_password(self.url)

    def as_dict(self) -> dict[str, Any]:
        """What `feeds list --json` prints (the URL shown without its password)."""
        data = asdict(self)
        data.pop("etag")
        data.pop("last_modified")
        data["url"] = self.shown_url
        return data

    @property
    def status(self) -> str:
        """One word for lists: paused, failing, ok, new."""
        if self.paused:
            return "paused"
        if self.last_error:
            return "failing"
        return "ok" if self.last_success else "new"
