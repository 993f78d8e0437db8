"""The feed verbs behind the Desk: subscribe, list, remove, OPML in and out, fetch.

The Desk hands in its store and its one way of storing items (the same
importer path files take: dedupe, story grouping, and whatever later runs on
every new article), so feeds never write articles any other way. Network and
parsing run in worker threads; each feed's items and its subscription's new
state are written together in one transaction by the calling thread, so a
fetch killed at any moment leaves each feed before or after, never between.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from newsdesk.counting import counted
from newsdesk.errors import DeskError
from newsdesk.feeds import schedule
from newsdesk.feeds.daemon_calls import call_in_daemon
from newsdesk.feeds.download import PAGES_PER_HOST, Downloaded, download
from newsdesk.feeds.http import Client, HostGate, Limits, check_url
from newsdesk.feeds.names import name_from_title, name_from_url, slug, unique_name
from newsdesk.feeds.opml import OpmlError, read_opml, write_opml
from newsdesk.feeds.outcome import FeedOutcome, FetchSummary
from newsdesk.feeds.subscription import Subscription
from newsdesk.feeds.urls import same_site_spelling, unwrapped, without_password
from newsdesk.isodates import iso_to_ts, utc_now_iso
from newsdesk.model import Extracted
from newsdesk.store.protocol import StoreBackend, Transaction
from newsdesk.tags import normalise_tag, normalise_tags

#: The Desk's item writer: (items, their feed, after(tx, ids), updated, kept, deleted)
#: -> (created ids, duplicates); the ids of items it stored before and updated now go to
#: `updated`, those told again cut short, which kept their stored text, to `kept`, and
#: those the editor deleted, left out, to `deleted`.
StoreItems = Callable[
    [
        Sequence[Extracted],
        Subscription,
        Callable[[Transaction, list[str]], None],
        list[str],
        list[str],
        list[str],
    ],
    tuple[list[str], int],
]
MAX_OPML_BYTES = 4 * 1024 * 1024
#: How often a fetch looks whether it was asked to stop while downloads run (seconds).
STOP_POLL_S = 0.2


class FeedError(DeskError):
    """A subscription could not be added, found or changed; one line for the user."""

    def __init__(self, message: str) -> None:
        # A URL it quotes is shown without its password, as everywhere a feed URL is.
        super().__init__(without_password(message))


# -- subscriptions -------------------------------------------------------------------


def find(store: StoreBackend, name_or_url: str) -> Subscription:
    wanted = name_or_url.strip()
    subs = store.feeds()
    for sub in subs:
        if sub.url == wanted or sub.name == wanted.casefold() or sub.name == slug(wanted):
            return sub
    if "://" in wanted or wanted.lower().startswith("feed:"):
        # Any spelling `add` takes for the feed ("HTTP://Host/./feed.xml#top") finds it.
        spelt = same_site_spelling(unwrapped(wanted))
        for sub in subs:
            if same_site_spelling(sub.url) == spelt:
                return sub
    raise FeedError(f"no feed named or at {wanted!r} (see `newsdesk feeds list`)")


def add(
    store: StoreBackend,
    url: str,
    *,
    name: str | None = None,
    every_s: int | None = None,
    full_text: bool = False,
    tags: Sequence[str] = (),
    title: str | None = None,
) -> Subscription:
    url = unwrapped(url.strip())
    problem = check_url(url)
    if problem:
        raise FeedError(problem)
    url = same_site_spelling(url)
    # As typed tags are: `--tag "Breaking News"` tags breaking-news; `--tag ''` was
    # kept as an empty tag ("tags )").
    for tag in tags:
        if not normalise_tag(tag):
            raise FeedError(f"{tag!r} cannot be a tag: use letters or digits")
    subs = store.feeds()
    for sub in subs:
        if same_site_spelling(sub.url) == url:
            raise FeedError(f"already subscribed to {url} as {sub.name!r}")
    taken = {s.name for s in subs}
    if name is not None:
        wanted = slug(name)
        if not wanted:
            raise FeedError(f"{name!r} cannot be a feed name: use letters or digits")
        if wanted in taken:
            raise FeedError(f"a feed is already named {wanted!r}; choose another --name")
    else:
        wanted = unique_name(name_from_title(title or "") or name_from_url(url), taken)
    sub = Subscription(
        name=wanted,
        url=url,
        title=title,
        every_s=every_s or schedule.DEFAULT_EVERY_S,
        full_text=full_text,
        tags=normalise_tags(tags),
        auto_name=name is None and not title,
        added_at=utc_now_iso(),
    )
    sub.id = store.add_feed(sub)
    return sub


@dataclass
class FeedChange:
    """What `change` (or `remove`) did, for the CLI and the app to say."""

    feed: Subscription
    #: The name it had, when it was renamed.
    renamed_from: str = ""
    #: Saved searches whose queries still say `feed:OLD` ("saved search NAME"; a rule
    #: cannot name a feed): the old name after a rename, the feed's after a removal.
    still_old: list[str] = field(default_factory=list)


def change(
    store: StoreBackend,
    name_or_url: str,
    *,
    name: str | None = None,
    every_s: int | None = None,
    full_text: bool | None = None,
    tags: Sequence[str] | None = None,
) -> FeedChange:
    """Rename a feed, or change how often it is fetched, its tags or its full-text
    setting (what `feeds add` set): its articles, fetch state and counts stay."""
    sub = find(store, name_or_url)
    done = FeedChange(sub)
    if name is not None:
        wanted = slug(name)
        if not wanted:
            raise FeedError(f"{name!r} cannot be a feed name: use letters or digits")
        if wanted != sub.name:
            if wanted in {s.name for s in store.feeds() if s.id != sub.id}:
                raise FeedError(f"a feed is already named {wanted!r}; choose another name")
            done.renamed_from, sub.name = sub.name, wanted
        sub.auto_name = False  # named by the editor: its title no longer renames it
    if tags is not None:
        for tag in tags:
            if not normalise_tag(tag):
                raise FeedError(f"{tag!r} cannot be a tag: use letters or digits")
        sub.tags = normalise_tags(tags)
    if full_text is not None:
        sub.full_text = full_text
    if every_s is not None and every_s != sub.every_s:
        sub.every_s = every_s
        fetched = iso_to_ts(sub.last_fetched) if sub.last_fetched else None
        if not sub.failures and not sub.paused and fetched is not None:
            # Due at the new interval from its last fetch (a backoff or a server's
            # Retry-After is left as it was: the interval stretches it next time).
            sub.next_due_ts = fetched + every_s
    update(store, sub)
    if done.renamed_from:
        done.still_old = _saying_feed(store, done.renamed_from)
    return done


def _saying_feed(store: StoreBackend, name: str) -> list[str]:
    """Saved searches whose query names the feed `name` (`feed:NAME`)."""
    # Negated (`-feed:NAME`), quoted (`feed:"NAME"`) and as a prefix (`feed:NAME*`) too.
    said = re.compile(rf"(?<!\w)feed:\"?{re.escape(name)}(?![\w-])", re.IGNORECASE)
    return [f"saved search {n}" for n, query in store.saved_searches() if said.search(query)]


def remove(store: StoreBackend, name_or_url: str) -> FeedChange:
    """Unsubscribe (its articles stay); the saved searches that still say `feed:NAME`
    are named, as after a rename (they find nothing now)."""
    sub = find(store, name_or_url)
    store.remove_feed(sub.id)
    return FeedChange(sub, still_old=_saying_feed(store, sub.name))


def update(store: StoreBackend, sub: Subscription) -> None:
    with store.transaction() as tx:
        store.save_feed(tx, sub)


@dataclass
class OpmlReport:
    added: list[Subscription] = field(default_factory=list)
    #: (URL, why it was not added).
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: (URL, a setting of the list not taken) for feeds that were added.
    notes: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": [{"name": s.name, "url": s.shown_url, "tags": s.tags} for s in self.added],
            "skipped": [{"url": u, "reason": r} for u, r in self.skipped],
            "notes": [{"url": u, "note": n} for u, n in self.notes],
        }


def import_opml(store: StoreBackend, path: Path) -> OpmlReport:
    try:
        if path.stat().st_size > MAX_OPML_BYTES:
            raise FeedError(f"{path}: too large for a subscription list")
        data = path.read_bytes()
    except OSError as exc:
        raise FeedError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        entries = read_opml(data)
    except OpmlError as exc:
        raise FeedError(f"{path}: {exc}") from exc
    if not entries:
        raise FeedError(f"{path}: no feeds in it (no outline has an xmlUrl)")
    report = OpmlReport()
    for entry in entries:
        shown = without_password(entry.url)  # the report is shown: no password in it
        if not entry.url:
            report.skipped.append(("", f"{entry.title or 'an outline'}: xmlUrl is empty"))
            continue
        # The name the editor gave (newsdesk's own export carries it) comes back when it is
        # free: `feed:NAME` in saved searches and rules goes on matching; else one is made.
        wanted = slug(entry.name) if entry.name else ""
        free = bool(wanted) and wanted not in {s.name for s in store.feeds()}
        try:
            sub = add(
                store,
                entry.url,
                name=wanted if free else None,
                tags=entry.tags,
                title=entry.title or None,
                every_s=entry.every_s,
                full_text=entry.full_text,
            )
            if entry.paused:
                sub.paused = True
                update(store, sub)
            report.added.append(sub)
            for what in entry.untaggable:
                report.notes.append(
                    (shown, f"{what} has no letter or digit to make a tag of: left out")
                )
            if entry.bad_every is not None:
                report.notes.append(
                    (
                        shown,
                        f'every="{entry.bad_every}" is no interval in seconds from '
                        f"{schedule.MIN_EVERY_S} to {schedule.MAX_EVERY_S}; fetched every "
                        f"{counted(sub.every_s // 60, 'minute')}",
                    )
                )
        except FeedError as exc:
            report.skipped.append((shown, str(exc)))
    return report


def export_opml(store: StoreBackend) -> str:
    return write_opml(store.feeds())


# -- fetching --------------------------------------------------------------------------


def choose(
    store: StoreBackend, names: Sequence[str], *, every: bool, now: float
) -> tuple[list[Subscription], int, int]:
    """The subscriptions to fetch now, how many were left for later, and how many of
    those are paused."""
    if names:
        return list({s.id: s for s in (find(store, n) for n in names)}.values()), 0, 0
    subs = store.feeds()
    if every:
        chosen = [s for s in subs if not s.paused and not schedule.is_held(s, now)]
    else:
        chosen = [s for s in subs if schedule.is_due(s, now)]
    paused = sum(1 for s in subs if s.paused)  # never chosen without a name
    return chosen, len(subs) - len(chosen), paused


def fetch(
    store: StoreBackend,
    store_items: StoreItems,
    names: Sequence[str] = (),
    *,
    every: bool = False,
    limits: Limits | None = None,
    progress: Callable[[FeedOutcome, int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> FetchSummary:
    """Fetch the due feeds (every unpaused one with `every`, or those named)."""
    now = time.time()
    subs, skipped, paused = choose(store, names, every=every, now=now)
    summary = FetchSummary(skipped=skipped, paused=paused)
    if not subs:
        return summary
    limits = limits or Limits()
    page_gate = HostGate(PAGES_PER_HOST)
    with Client(limits) as client:
        pending: set[Future[Downloaded]] = set()
        queue = list(reversed(subs))
        total = len(subs)
        while queue or pending:
            # A bounded window: a stop request leaves little in flight.
            while queue and len(pending) < max(1, limits.overall):
                sub = queue.pop()
                pending.add(call_in_daemon(partial(_download, sub, client, page_gate, store)))
            finished, pending = wait(pending, timeout=STOP_POLL_S, return_when=FIRST_COMPLETED)
            for future in finished:
                outcome = _record(store, store_items, future.result())
                summary.feeds.append(outcome)
                if progress is not None:
                    progress(outcome, len(summary.feeds), total)
            if should_stop is not None and should_stop():
                # Asked to stop (the app quitting): the downloads in flight are left to
                # their daemon threads; nothing of theirs is written.
                break
    return summary


def _download(
    sub: Subscription, client: Client, page_gate: HostGate, store: StoreBackend
) -> Downloaded:
    return download(
        sub, client, full_text=sub.full_text, page_gate=page_gate, known=store.known_links
    )


def _record(store: StoreBackend, store_items: StoreItems, done: Downloaded) -> FeedOutcome:
    """Write one feed's items and its subscription's new state in one transaction."""
    sub = done.sub
    _keep_edits(store, sub)
    fetched = done.fetched
    now = time.time()
    sub.last_fetched = utc_now_iso()
    sub.last_status = fetched.status
    # What is said of the fetch is shown: any URL in it without its password (a relative
    # redirect keeps the feed URL's user and password).
    warnings = [without_password(warning) for warning in done.warnings[:20]]
    outcome = FeedOutcome(sub.name, sub.url, "unchanged", warnings=warnings)
    if fetched.moved_to and fetched.moved_to != sub.url:
        other = _url_taken(store, fetched.moved_to, sub)
        moved = without_password(fetched.moved_to)
        if other is None:
            outcome.message = f"moved permanently: now fetched from {moved}"
            sub.url = fetched.moved_to
        else:
            # Both would fetch one feed: said, for the editor to remove one of them.
            outcome.message = (
                f"moved permanently to {moved}, which feed {other!r} "
                "already follows: remove one of the two"
            )
    if done.error:
        outcome.status = "failed"
        outcome.reason = without_password(done.error)
        sub.last_error = outcome.reason
        if fetched.status == 410:
            sub.paused = True
            outcome.message = "the feed is gone (410): paused; remove it or resume it by hand"
        schedule.after_failure(sub, now, fetched.retry_after)
        update(store, sub)
        return outcome
    if done.cut_short:
        # Its complete items are stored, but the fetch failed: the feeds screen says so,
        # and a cut body's validators are not kept, so the retry gets the whole feed (a
        # 304 would leave the rest of its items unread until the feed changed).
        sub.last_error = outcome.reason = without_password(done.cut_short)
        sub.etag = sub.last_modified = None
        schedule.after_failure(sub, now, fetched.retry_after)
        outcome.cut_short = True
    else:
        sub.last_error = None
        sub.last_success = sub.last_fetched
        if fetched.etag or fetched.last_modified or not fetched.not_modified:
            sub.etag = fetched.etag or (sub.etag if fetched.not_modified else None)
            sub.last_modified = fetched.last_modified or (
                sub.last_modified if fetched.not_modified else None
            )
        schedule.after_success(sub, now)
    if fetched.not_modified or not done.items:
        update(store, sub)
        return outcome

    if sub.title is None:
        before = sub.name
        _take_title(store, sub, done.title, done.items)
        if sub.name != before:
            # `fetch OLD` would now say "no feed named": the new name is said once.
            renamed = f"named {sub.name} after its title from now on (was {before})"
            for what in _saying_feed(store, before):
                renamed += f"; {what} still says feed:{before}"
            outcome.name, outcome.was = sub.name, before
            outcome.message = f"{outcome.message}; {renamed}" if outcome.message else renamed

    def after(tx: Transaction, ids: list[str]) -> None:
        store.link_feed_items(tx, sub.id, ids)
        store.save_feed(tx, sub)

    updated: list[str] = []
    kept: list[str] = []
    deleted: list[str] = []
    created, duplicates = store_items(done.items, sub, after, updated, kept, deleted)
    outcome.status = "new" if created or updated else "unchanged"
    outcome.new = len(created)
    outcome.duplicates = duplicates
    outcome.updated = len(updated)
    outcome.kept_longer = len(kept)
    outcome.deleted = len(deleted)
    outcome.new_ids = created
    return outcome


#: What the editor sets on a feed (`feeds set`, pause/resume); the rest is the fetch's.
_EDITOR_FIELDS = ("name", "every_s", "tags", "full_text", "paused", "auto_name")


def _keep_edits(store: StoreBackend, sub: Subscription) -> None:
    """Take into `sub` (read when its fetch began) what the editor changed on the feed
    since: the fetch wrote its copy back whole, so a rename, an interval or a pause made
    while it downloaded was undone by it."""
    # One row, no counts: this runs for every feed a fetch stores (all feeds with their
    # item and unread counts cost a scan of feed_items each time).
    current = store.feed(sub.id)
    if current is None:
        return  # removed meanwhile: saving it changes nothing
    for name in _EDITOR_FIELDS:
        setattr(sub, name, getattr(current, name))


def _take_title(
    store: StoreBackend, sub: Subscription, own: str | None, items: Sequence[Extracted]
) -> None:
    """At its first items, a feed takes its own title ("Google Alert - Slack"), or when
    it gives none that names it (none, "News"), the outlet most of its items name; one
    named after its address (no name given) takes its name from it."""
    wanted = name_from_title(own) if own else ""
    if wanted:
        title: str = own or ""
    else:
        # The items' outlet: an aggregator's items each name their own site, so this
        # is only for a feed with no title of its own (and wire copy).
        sources = Counter(item.source for item in items if item.source)
        if not sources:
            return
        title = sources.most_common(1)[0][0]
        wanted = name_from_title(title) or slug(title)
    sub.title = title
    if sub.auto_name and wanted:
        taken = {s.name for s in store.feeds() if s.id != sub.id}
        sub.name = unique_name(wanted, taken)
    sub.auto_name = False


def _url_taken(store: StoreBackend, url: str, sub: Subscription) -> str | None:
    """The name of another feed fetched from `url`, if any."""
    wanted = same_site_spelling(url)
    return next(
        (s.name for s in store.feeds() if s.id != sub.id and same_site_spelling(s.url) == wanted),
        None,
    )
