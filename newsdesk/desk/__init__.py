"""The Desk: the one service the CLI, the TUI and the tests all go through.

It owns the store (the truth) and the search index (derived), and offers the
verbs of the product: import, search, look, act (tag/star/read/archive), undo,
export, stories, feeds, rules, claims. Nothing here knows about terminals. Each
verb is short; the work lives in the modules beside it (`storing`: articles
into the store; `indexing`: the search index, opened on first use; `targets`:
ids and queries; `feeding`; `follow`: changes others make; `stories`;
`rulebook`; `exporting`; `migrate`; `results`: what the verbs return) and in
the packages behind them.
Everything public is importable from `newsdesk.desk`.

Why this module is over 600 lines: it is the one door, so it lists every verb
the CLI, the app and the tests may call (about ninety, each with its
signature and a docstring saying what the caller gets); splitting the class
would only make callers look for a verb in several places.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk import paths as paths_mod
from newsdesk.action_log import LogKeeper
from newsdesk.config import editor_name, store_url
from newsdesk.desk import feeding
from newsdesk.desk.exporting import exportable, mark_written
from newsdesk.desk.follow import ChangeFollower
from newsdesk.desk.indexing import DeskIndex
from newsdesk.desk.migrate import migrate_store
from newsdesk.desk.results import (
    BIG_ACTION,
    OTHER_EDITORS,
    SORTS,
    ActionResult,
    ChangedSince,
    ImportProgress,
    ImportSummary,
    Sort,
    StoryGroup,
    Targets,
    normalise_tag,
)
from newsdesk.desk.rulebook import RuleBook
from newsdesk.desk.stories import (
    mend_stories,
    regroup,
    shown_story_counts,
    shown_story_members,
    story_groups,
    view_members,
    with_shown_versions,
)
from newsdesk.desk.storing import ArticleStorer
from newsdesk.desk.targets import action_targets, resolve_id
from newsdesk.errors import DeskError, StoreError
from newsdesk.model import Article, ArticleRow, Extracted
from newsdesk.store import ActionRecord, StoreBackend, Transaction, open_store

__all__ = [
    "BIG_ACTION",
    "SORTS",
    "ActionResult",
    "Desk",
    "DeskError",
    "ImportProgress",
    "ImportSummary",
    "Sort",
    "StoryGroup",
    "Targets",
    "migrate_store",
    "normalise_tag",
    "open_desk",
]

if TYPE_CHECKING:
    from newsdesk.export import ExportOptions, ExportReport, Rendered
    from newsdesk.feeds.http import Limits
    from newsdesk.feeds.service import FeedChange, FeedOutcome, FetchSummary, OpmlReport
    from newsdesk.feeds.subscription import Subscription
    from newsdesk.import_log import ImportRecord, LogRead, RunningImport
    from newsdesk.ingest import LoadResult
    from newsdesk.rules.arrival import Arrival
    from newsdesk.rules.model import Notified, Rule
    from newsdesk.search.engine import SearchEngine, SearchResult
    from newsdesk.search.index import IndexStatus, SearchIndex
    from newsdesk.store.protocol import Claim, ClaimOutcome, StepPreview
    from newsdesk.stories.signature import Signature

log = logging.getLogger(__name__)

#: At most this many removals the index has not dropped yet are left out of an answer
#: (a big delete meanwhile is the index's to catch up with: a notice says it is behind).
REMOVED_NOT_INDEXED = 5_000


class Desk:
    """The newsdesk service over one data directory."""

    def __init__(
        self, paths: paths_mod.Paths | None = None, *, background_index: bool = False
    ) -> None:
        self.paths = paths or paths_mod.resolve()
        try:
            self.paths.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if isinstance(exc, FileExistsError | NotADirectoryError):
                # "[Errno 17] File exists" said nothing of what was wrong.
                raise DeskError(
                    f"the data directory {self.paths.data_dir} is not a folder (it, or a "
                    "folder on its path, is a file)"
                ) from exc
            raise DeskError(
                f"cannot create the data directory {self.paths.data_dir}: {exc}"
            ) from exc
        #: The truth. Callers use the Desk's verbs, never the store itself.
        #: Who this desk acts as (`[desk] editor`, default the login name).
        self.editor = editor_name(self.paths)
        url = store_url(self.paths)
        #: A shared desk (on a PostgreSQL server): other editors work on it too.
        self.shared = bool(url)
        self.store: StoreBackend = open_store(self.paths.database, url=url, editor=self.editor)
        self._log = LogKeeper(self.store, self.paths)
        # The log's newest step when this Desk opened: the app's `u` takes back steps up to
        # it and its own since, never another shell's or window's made meanwhile.
        newest = self.store.history(1)
        self._opened_after = newest[0].batch if newest else 0
        #: The log batches of imports this desk is writing now (`undo` refuses them).
        self._writing_steps: set[int] = set()
        self._steps_lock = threading.Lock()
        #: This desk's local search index (one per shared desk; see `Paths.index_dir_for`).
        self.index_dir = self.paths.index_dir_for(
            self.store.index_name, self.store.former_index_names
        )
        self._indexing = DeskIndex(self.store, self.index_dir, background=background_index)
        #: Messages for the user from opening the index (e.g. "rebuilding").
        self.notices: list[str] = self._indexing.notices
        self._rulebook = RuleBook(self.store, self._newest_matches)
        self._storer = ArticleStorer(self.store)

    # -- lifecycle -----------------------------------------------------------

    def close(self) -> None:
        self._indexing.stop()
        self.store.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def on_wait(self) -> Callable[[], None] | None:
        """Called once when a write must wait for another process (to tell the user why)."""
        return self.store.on_wait

    @on_wait.setter
    def on_wait(self, callback: Callable[[], None] | None) -> None:
        self.store.on_wait = callback

    @property
    def read_only(self) -> bool:
        """True when the data directory can be read but not changed."""
        return self.store.read_only

    @property
    def index(self) -> SearchIndex:
        """The search index, opened on first use (the list needs only the store).

        Internal to the Desk (and its tests): callers use the Desk's verbs.
        """
        return self._indexing.index

    @property
    def engine(self) -> SearchEngine:
        """The search engine (internal, like `index`)."""
        return self._indexing.engine

    def sync_index(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Bring the index up to date with the store now (the CLI does this before searching)."""
        return self._indexing.sync(progress)

    def index_status(self) -> IndexStatus:
        return self._indexing.status()

    def user_active(self, seconds: float = 0.3) -> None:
        """The user is at the keys: background indexing gives way for `seconds` (cheap)."""
        self._indexing.hold(seconds)

    @property
    def index_damaged(self) -> bool:
        """True when a search found a damaged index file that is not rebuilt yet."""
        return self._indexing.damaged

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        return self._indexing.rebuild(progress)

    # -- import ----------------------------------------------------------------

    def inspect(self, path: Path) -> LoadResult:
        """Extract without storing."""
        from newsdesk.ingest import load_file

        return load_file(path)

    def import_paths(
        self,
        inputs: Sequence[Path],
        *,
        progress: Callable[[ImportProgress], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        log: bool = True,
        into: ImportSummary | None = None,
        waiting: Callable[[bool], None] | None = None,
    ) -> ImportSummary:
        """Import files and folders; a bad file is reported and skipped, the rest import.

        `log`: the import is one step of the action log (not for a watched folder's).
        `waiting(True)`: the import waits (up to 15 s) for the shared desk to answer again;
        `waiting(False)`: it goes on (or stopped). Said, the editor knows why it stands.
        `into`: the summary to fill as transactions commit (returned), so a caller whose
        import is interrupted can say what was stored.

        Files are stored several to a transaction, each in its own savepoint,
        and reported done only once their transaction is committed (see
        `import_batch`): an interrupted import keeps every file reported done
        and nothing half-written.
        """
        # Each article records where it came from: a path relative to the shell's folder
        # would mean nothing in the app or from anywhere else.
        inputs = [Path(path).absolute() for path in inputs]
        # The rules match each committed batch while the next files are read, and
        # write what they did once the import is logged.
        arrival = self._rulebook.start_arrival()
        stored = arrival.see if arrival is not None else None
        earlier = arrival.earlier if arrival is not None else None
        summary = into if into is not None else ImportSummary()
        # One step of the action log, written with each transaction's articles: however
        # the import ends (Ctrl-C, the shared desk gone, the process killed), what it
        # stored is that step, and `undo` takes it back rather than the step before.
        step: list[int] = []
        # Noted before the first file: an import whose process dies reads "interrupted".
        from newsdesk import import_log

        running = import_log.begin(self.paths.data_dir, [str(p) for p in inputs]) if log else None

        def log_step(tx: Transaction, ids: list[str]) -> None:
            if ids:
                if running is not None:
                    running.committing(ids)
                batch = self.store.log_import(tx, ids, step[0] if step else None)
                with self._steps_lock:
                    if step:
                        self._writing_steps.discard(step[0])
                    # `u` while it runs took back part of it (the rest went on arriving).
                    self._writing_steps.add(batch)
                step[:] = [batch]

        def committed(ids: list[str]) -> None:
            # The app's index catches up as the import goes, not at its end.
            if stored is not None:
                stored(ids)
            if ids:
                self._indexing.notify()
            if running is not None:
                running.stored(ids)

        def reported(done: ImportProgress) -> None:
            if running is not None:
                running.progressed(done.done, done.total)
            if progress is not None:
                progress(done)

        try:
            self._storer.import_files(
                inputs,
                reported,
                should_stop,
                committed,
                summary,
                earlier,
                log_step if log else None,
                waiting,
            )
        except BaseException:
            # Ctrl-C, SIGTERM, the store gone: what it stored is in the import log (`L`) too.
            if log:
                with contextlib.suppress(Exception):
                    self._log_for_editor(
                        summary, inputs, watched=False, stopped=lambda: True, running=running
                    )
            raise
        finally:
            if step:
                with self._steps_lock:
                    self._writing_steps.discard(step[0])
        if log:  # a watched folder's are logged by the watch (`watch_folders`)
            self._log_for_editor(
                summary, inputs, watched=False, stopped=should_stop, running=running
            )
        if summary.imported_ids:
            if log:
                self._log.after_write()
            # The rules act after the import's step, so `undo` takes their changes
            # back first and leaves the articles.
            if arrival is not None:
                summary.archived_by_rule = self._rulebook.finish_arrival(arrival).archived
            self._indexing.notify()
        return summary

    def _log_for_editor(
        self,
        summary: ImportSummary,
        inputs: Sequence[Path],
        *,
        watched: bool,
        stopped: Callable[[], bool] | None,
        running: RunningImport | None = None,
    ) -> None:
        """The import in the import log (`L`), for every process; a watched folder's only
        when it did something (a copy already stored is no news)."""
        from newsdesk import import_log

        if watched and not (summary.imported or summary.failed or summary.updated):
            return
        record = import_log.record_of(
            summary,
            [str(p) for p in inputs],
            by="watch" if watched else "import",
            stopped=bool(stopped is not None and stopped()),
            running=running,
        )
        import_log.append(self.paths.data_dir, record, running)

    def recent_imports(self, limit: int = 20) -> list[ImportRecord]:
        """The last imports of any process on this machine (the app, the CLI, watched
        folders), newest first, with their failures and what was left out."""
        return self.read_import_log(limit).records

    def read_import_log(self, limit: int = 20) -> LogRead:
        """`recent_imports` and how many lines of the log could not be read, from one
        reading of the log (`L` and `newsdesk imports` show both)."""
        from newsdesk import import_log

        read = import_log.read_log(self.paths.data_dir, limit)
        return import_log.LogRead(self._with_store_state(read.records), read.unreadable)

    def _with_store_state(self, records: list[ImportRecord]) -> list[ImportRecord]:
        from dataclasses import replace

        probes = [i for r in records for i in [*r.probe, r.pending_probe] if i]
        if not probes:
            return records
        # An import `u` took back still read "59 articles imported" (one query for all).
        stored = self.store.existing(probes)
        # A process killed as a transaction committed: its articles count if it did.
        records = [
            replace(r, imported=r.imported + r.pending, probe=r.probe or [r.pending_probe])
            if r.pending and r.pending_probe in stored
            else r
            for r in records
        ]
        return [
            replace(r, undone=True) if r.probe and stored.isdisjoint(r.probe) else r
            for r in records
        ]

    def add_extracted(self, items: Iterable[Extracted], origin: str) -> list[str]:
        """Store already-extracted items (benchmarks, tests, other tools)."""
        created, _ = self._store_items(list(items), origin, raw=None)
        if created:
            self._indexing.notify()
        return created

    def _store_items(
        self,
        items: Sequence[Extracted],
        origin: str,
        raw: str | None,
        signatures: Sequence[Signature | None] = (),
        after: Callable[[Transaction, list[str]], None] | None = None,
        updated: list[str] | None = None,
        *,
        feed_id: int | None = None,
        arrival: Arrival | None = None,
        kept: list[str] | None = None,
        deleted: list[str] | None = None,
    ) -> tuple[list[str], int]:
        """Store items in one transaction; `after(tx, ids)` runs inside it with every
        item's article id (new or the duplicate it merged into); corrected ones go to
        `updated` (`Storer.store_in`). The rules see the new articles, and what is new
        in the re-told ones: at once as a step of their own, or shown to `arrival`
        (a fetch's, whose feeds are one step)."""
        earlier: dict[str, Article] = {}
        try:
            with self.store.transaction() as tx:
                stored = self._storer.store_in(
                    tx,
                    items,
                    origin,
                    raw,
                    signatures,
                    after,
                    updated=updated,
                    feed_id=feed_id,
                    earlier=earlier,
                    kept=kept,
                    deleted=deleted,
                )
        except StoreError as exc:
            raise type(exc)(f"could not store articles from {origin}: {exc}") from exc
        if arrival is None:
            self._rulebook.arrive([*stored[0], *(updated or ())], earlier)
        else:
            arrival.earlier.update(earlier)
            arrival.see([*stored[0], *(updated or ())])
        return stored

    # -- feeds (newsdesk/feeds/service.py does the work) ------------------------------

    def feeds(self) -> list[Subscription]:
        """Every subscription, by name, with item and unread counts."""
        return self.store.feeds()

    def feeds_due(self) -> int:
        """How many feeds are due now (a store read: loads no fetcher)."""
        return feeding.feeds_due(self.store)

    def feed(self, name_or_url: str) -> Subscription:
        from newsdesk.feeds import service

        return service.find(self.store, name_or_url)

    def add_feed(
        self,
        url: str,
        *,
        name: str | None = None,
        every_s: int | None = None,
        full_text: bool = False,
        tags: Sequence[str] = (),
    ) -> Subscription:
        from newsdesk.feeds import service

        return service.add(
            self.store, url, name=name, every_s=every_s, full_text=full_text, tags=tags
        )

    def remove_feed(self, name_or_url: str) -> FeedChange:
        from newsdesk.feeds import service

        return service.remove(self.store, name_or_url)

    def change_feed(
        self,
        name_or_url: str,
        *,
        name: str | None = None,
        every_s: int | None = None,
        full_text: bool | None = None,
        tags: Sequence[str] | None = None,
    ) -> FeedChange:
        """Rename a feed or change its interval, tags or full-text setting."""
        from newsdesk.feeds import service

        return service.change(
            self.store, name_or_url, name=name, every_s=every_s, full_text=full_text, tags=tags
        )

    def pause_feed(self, name_or_url: str, paused: bool = True) -> Subscription:
        """Pause (never due) or resume a feed; resuming makes it due at once."""
        return feeding.pause_feed(self.store, name_or_url, paused)

    def import_opml(self, path: Path) -> OpmlReport:
        from newsdesk.feeds import service

        return service.import_opml(self.store, path)

    def export_opml(self) -> str:
        from newsdesk.feeds import service

        return service.export_opml(self.store)

    def fetch(
        self,
        names: Sequence[str] = (),
        *,
        every: bool = False,
        limits: Limits | None = None,
        progress: Callable[[FeedOutcome, int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> FetchSummary:
        """Fetch due feeds (every unpaused one with `every`, or the named ones) and
        store their new items through the import path."""
        from newsdesk.feeds import service

        # The rules see each feed's items as they are stored and write what they did
        # once, after the fetch: one step that `u` takes back, whatever the feeds.
        arrival = self._rulebook.start_arrival()

        def store_items(
            items: Sequence[Extracted],
            sub: Subscription,
            after: Callable[[Transaction, list[str]], None],
            updated: list[str],
            kept: list[str],
            deleted: list[str],
        ) -> tuple[list[str], int]:
            return self._store_items(
                items,
                # The article's origin is shown (`show`, exports): no password in it.
                sub.shown_url,
                raw=None,
                after=after,
                updated=updated,
                feed_id=sub.id,
                arrival=arrival,
                kept=kept,
                deleted=deleted,
            )

        def stored(outcome: FeedOutcome, done: int, total: int) -> None:
            # A feed's items are indexed once its transaction commits, not after the
            # slowest feed of the fetch (the app lists them meanwhile).
            if outcome.new or outcome.updated:
                self._indexing.notify()
            if arrival is not None and outcome.new_ids:
                hiding = arrival.hiding()
                outcome.ruled_out = [i for i in outcome.new_ids if i in hiding]
            if progress is not None:
                progress(outcome, done, total)

        summary = None
        try:
            summary = service.fetch(
                self.store,
                store_items,
                names,
                every=every,
                limits=limits,
                progress=stored,
                should_stop=should_stop,
            )
        finally:
            # Stopped or not, what was stored has passed the rules.
            if arrival is not None:
                ruled = self._rulebook.finish_arrival(arrival)
                if summary is not None:
                    summary.archived_by_rule = ruled.archived
                    summary.spared_by_rule = ruled.spared
        if summary.new or any(f.updated for f in summary.feeds):
            self._indexing.notify()
        return summary

    # -- reading -------------------------------------------------------------

    def watch_folders(
        self,
        folders: Sequence[Path],
        *,
        stop: threading.Event,
        on_import: Callable[[ImportSummary], None],
        on_error: Callable[[str], None],
        settle_s: float | None = None,
        initial: bool = True,
    ) -> None:
        """Import files as they arrive in the folders (complete ones only) until `stop`."""
        from newsdesk import watch

        try:
            checked = watch.check_folders(folders)
        except ValueError as exc:
            raise DeskError(str(exc)) from exc
        from newsdesk.watch_revisions import Revisions

        revisions = Revisions(
            # A watched folder's arrivals are no step of the editor's (as a feed's): `u`
            # takes back what the editor did, not a file someone dropped meanwhile.
            lambda paths: self.import_paths(paths, log=False),
            self.inspect,
            self.get,
            self.revise,
            self.store.raw_copy,
            self._made_from,
        )

        def import_watched(paths: list[Path]) -> ImportSummary:
            summary = revisions(paths)
            self._log_for_editor(summary, paths, watched=True, stopped=None)
            return summary

        watch.watch(
            checked,
            import_watched,
            stop=stop,
            on_import=on_import,
            on_error=on_error,
            settle_s=watch.SETTLE_S if settle_s is None else settle_s,
            initial=initial,
        )

    def _made_from(self, paths: list[Path]) -> dict[Path, tuple[str, float]]:
        """The article the store holds from each file (as `store_file` records its path),
        with when it came from there: what another watch of the folder imported."""
        from newsdesk.isodates import iso_to_ts

        names = {paths_mod.name_text(str(p)): p for p in paths}
        found: dict[Path, tuple[str, float]] = {}
        for origin, (article_id, seen) in self.store.made_from(list(names)).items():
            ts = iso_to_ts(seen)
            if ts is not None:
                found[names[origin]] = (article_id, ts)
        return found

    def revise(self, article_id: str, meta: Extracted, raw: str | None = None) -> None:
        """Replace a stored article's text with `meta` (a watched file written again, see
        `watch_revisions`); its state, tags and story stay, and the index follows. `raw`,
        the whole page of a copy cut short, becomes its raw copy."""
        from newsdesk.isodates import iso_to_ts
        from newsdesk.stories.grouping import StoryGrouper

        with self.store.transaction() as tx:
            self.store.update_content(tx, article_id, meta, raw)
            # Its fingerprint follows the new text (as a feed's correction's does); it
            # keeps its story.
            StoryGrouper(self.store.story_tables(tx)).assign(
                article_id, meta, iso_to_ts(meta.published)
            )
        self._indexing.notify()

    def search(
        self,
        query: str = "",
        *,
        sort: Sort = "relevance",
        limit: int | None = None,
        now: datetime | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Ranked ids for a query (raises QuerySyntaxError with a message on bad syntax;
        `SearchSuperseded` once `should_stop` answers True while it ranks).

        When the search finds a damaged index file, the index is rebuilt from the
        store and the search asked again, at once when this Desk indexes in the
        foreground (the CLI); the app's background writer rebuilds it instead, and
        the result's notice says so meanwhile.
        """
        if sort == "urgency":
            # Most urgent first, newest first within an urgency: every match, then cut.
            result = self.search(query, sort="newest", limit=None, now=now, should_stop=should_stop)
            result.ids = self._by_urgency(result.ids)[:limit]
            result.sort = "urgency"
            return result
        result = self.engine.search(query, sort=sort, limit=limit, now=now, should_stop=should_stop)
        if self.index_damaged and not self._indexing.background and not self.read_only:
            from newsdesk.search.index import MSG_DAMAGED

            self.sync_index()
            result = self.engine.search(query, sort=sort, limit=limit, now=now)
            result.notice = "; ".join(n for n in (MSG_DAMAGED, result.notice) if n)
        if result.index_behind and result.ids:
            # Deleted since the index last caught up: the index still finds them, and a
            # search right after a delete showed the deleted row again.
            gone = self._removed_not_indexed()
            if gone:
                kept = [aid for aid in result.ids if aid not in gone]
                result.total -= len(result.ids) - len(kept)
                result.ids = kept
        return result

    def _removed_not_indexed(self) -> set[str]:
        """Articles removed from the store that the index has not dropped yet (a few)."""
        try:
            rev = self._indexing.index.indexed_rev()
        except Exception:  # an index that cannot say: nothing is filtered
            return set()
        return {aid for aid, _ in self.store.removed_since(rev, REMOVED_NOT_INDEXED)}

    def _by_urgency(self, ids: list[str]) -> list[str]:
        from newsdesk.wire import by_urgency

        return by_urgency(ids, self.store.urgencies(ids))

    def count_matches(self, query: str) -> int:
        """How many articles a query matches (saved-search counts); 0 for an unreadable one."""
        return self.engine.count(query)

    def inbox_ids(self, sort: Sort = "newest") -> list[str]:
        """The inbox straight from the store, newest first (or most urgent first):
        no index needed (first paint)."""
        from newsdesk.search.query import Flag

        ids = self.store.ordered_ids(Flag("inbox"))
        return self._by_urgency(ids) if sort == "urgency" else ids

    def inbox_head(self, limit: int) -> list[str]:
        """The newest `limit` inbox ids, read along the date index (a screenful, at once).

        The whole inbox of a big store takes a second to read; the app paints this first.
        """
        return self.store.inbox_head(limit)

    def data_version(self) -> int:
        """A number that changes when another process (or thread) has written to the store.

        Cheap enough to poll from a UI thread; compare values read in the same thread.
        """
        return self.store.data_version()

    def wait_for_change(self, since: int, timeout: float = 1.0) -> int:
        """Wait until someone (another editor, window or process) commits a change, or
        `timeout` seconds pass; the data version then (compare with `since`, read on
        this thread). A shared desk wakes the waiter by LISTEN/NOTIFY, with a poll of its
        change counter as fallback. A change seen sets the search index catching up
        from the store's change feed (incrementally, in its own thread)."""
        version = self.store.wait_for_change(since, timeout)
        if version != since:
            self._indexing.notify()
        return version

    def follow_changes(self) -> ChangeFollower:
        """A follower of the changes others make (editors, windows, processes), this
        desk's own commits skipped: the app's watch thread waits on it."""
        return ChangeFollower(self.store, self._indexing.notify)

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]:
        return self.store.rows(ids)

    def get(self, article_id: str) -> Article | None:
        return self.store.get(article_id)

    def get_many(self, ids: Sequence[str]) -> list[Article]:
        return self.store.get_many(ids)

    def count(self) -> int:
        """Articles in the store, archived ones included."""
        return self.store.count()

    def counts(self) -> dict[str, int]:
        """total, inbox, unread, starred, archived."""
        return self.store.counts()

    def tags(self) -> list[tuple[str, int]]:
        return self.store.all_tags()

    def resolve_id(self, text: str) -> str:
        """A full id from a full or unique-prefix id; DeskError otherwise."""
        return resolve_id(self.store, text)

    def resolve_targets(self, targets: Sequence[str]) -> list[str]:
        """Ids from a mix of ids/prefixes; if the words are not ids, they are one query."""
        return self.action_targets(targets).ids

    def action_targets(self, targets: Sequence[str], within: str | None = None) -> Targets:
        """What an action on `targets` would touch: ids, plus what the query part matched.

        A query that means nothing (only punctuation, emoji or `*`) is refused,
        never read as "every article": acting on everything takes `in:all`. `within`
        narrows the query part ("is:archived" for unarchive: the inbox it searches by
        default holds nothing to unarchive).
        """
        if within is None:
            return action_targets(self.store, targets, self._find_all)
        return action_targets(self.store, targets, lambda q: self._find_all(f"{within} ({q})"))

    def _find_all(self, query: str) -> list[str]:
        """Every article a query matches, the index brought up to date first."""
        self.sync_index()
        return self.search(query, limit=None).ids

    # -- actions -------------------------------------------------------------

    def star(self, ids: Sequence[str], on: bool = True) -> ActionResult:
        return self._apply("star" if on else "unstar", ids, {"starred": on})

    def mark_read(self, ids: Sequence[str], on: bool = True) -> ActionResult:
        return self._apply("read" if on else "unread", ids, {"read": on})

    def mark_opened(self, ids: Sequence[str]) -> ActionResult:
        """Read because the editor opened it: not a step of the action log, so `undo` takes
        back the editor's last deliberate action (a star), not the reading of an article
        opened since (as a pager marks a message read; `r` marks it unread again)."""
        changed = self.store.apply("read", ids, {"read": True}, log=False)
        self._after_marks(changed)
        return ActionResult("read", changed, len(ids))

    def archive(self, ids: Sequence[str], on: bool = True) -> ActionResult:
        return self._apply("archive" if on else "unarchive", ids, {"archived": on})

    def mark_exported(self, ids: Sequence[str]) -> ActionResult:
        return self._apply("exported", ids, {"exported": True})

    def set_note(self, article_id: str, note: str) -> ActionResult:
        return self._apply("note", [article_id], {"note": note})

    def tag(
        self, ids: Sequence[str], add: Sequence[str] = (), remove: Sequence[str] = ()
    ) -> ActionResult:
        add = [normalise_tag(t) for t in add if normalise_tag(t)]
        remove = [normalise_tag(t) for t in remove if normalise_tag(t)]
        both = [t for t in add if t in remove]
        if both:
            # "+x -x" said "Tags -x on 0 of 1": which was meant is not for us to guess.
            raise DeskError(f"+{both[0]} and -{both[0]} together: say whether to add or remove it")
        changed = self.store.apply("tag", ids, {}, add_tags=add, remove_tags=remove)
        self._after_marks(changed)
        return ActionResult("tag", changed, len(ids))

    def _apply(self, kind: str, ids: Sequence[str], change: dict[str, Any]) -> ActionResult:
        changed = self.store.apply(kind, ids, change)
        self._after_marks(changed)
        return ActionResult(kind, changed, len(ids))

    def _after_marks(self, changed: Sequence[str]) -> None:
        self._log.after_write()
        # The index holds the marks too; the watch skips this desk's own commits.
        if changed:
            self._indexing.notify()

    def delete(self, ids: Sequence[str]) -> ActionResult:
        """Remove articles, one step of the action log: `undo` brings them back whole
        (state, tags, note, origins, story). The index drops them as it catches up."""
        removed = self.store.delete(
            ids, before_commit=lambda tx, gone: mend_stories(self.store, tx, gone, [])
        )
        self._log.after_write()
        if removed:
            self._indexing.notify()
        return ActionResult("delete", removed, len(ids))

    # -- claims (who has it) ----------------------------------------------------

    def claim(self, ids: Sequence[str], *, with_versions: bool = True) -> ClaimOutcome:
        """Claim articles for this editor; a story's versions not archived come along (as
        the inbox's story row stands for them) unless `with_versions` is off (the app's
        story row in a search: the ids are the versions it stood for). All or none: when
        another editor has any of them, nothing is claimed and `held` says who."""
        return self.store.claim(
            self.with_versions(ids, with_archived=False) if with_versions else list(ids)
        )

    def release(self, ids: Sequence[str]) -> ClaimOutcome:
        """Let go of this editor's claims on the articles and on every other version of
        their stories, archived or not, shown or not: a claim on a version archived after
        it was made is one nobody sees, and letting go of one's own claim harms no one.
        What a claim would take (the versions not archived) is asked for whole, so another
        editor's claim there is said as `held` ("2 stay with bo", as the claim's "Taken by
        bo (2 articles)"); beyond it only this editor's own claims are let go."""
        asked = list(dict.fromkeys([*ids, *self.with_versions(ids, with_archived=False)]))
        named = set(asked)
        others = [i for i in self.with_versions(asked) if i not in named]
        mine = (
            [i for i, c in self.claims(others).items() if c.editor == self.editor] if others else []
        )
        return self.store.release(asked + mine)

    def claims(self, ids: Sequence[str] | None = None) -> dict[str, Claim]:
        """Who has which article (None: every claim)."""
        return self.store.claims(ids)

    def history(self, limit: int = 20, editor: str | None = None) -> list[ActionRecord]:
        """The newest batches of the action log not yet undone; with `editor`, only theirs."""
        return self.store.history(limit, editor)

    def changed_since(self, batch: int) -> ChangedSince:
        """Who logged steps after `batch` (every one of them, not the newest 50): an undo
        of it keeps their changes and names them."""
        later = self.store.editors_after(batch)
        return ChangedSince.of(later, self.editor) if later else OTHER_EDITORS

    def log_keep_days(self) -> int:
        """How many days of action log are kept (`[history] keep_days`)."""
        return self._log.keep_days()

    def prune_log(self, keep_days: int | None = None) -> int:
        """Drop the action log's batches older than `keep_days` (default `[history]
        keep_days`); the rows removed. Runs by itself after writes, hourly at most."""
        return self._log.prune(keep_days)

    def article_log(self, article_id: str, limit: int = 20) -> list[ActionRecord]:
        """Who changed this article and how, newest first (the log, undone batches left out)."""
        return self.store.article_log(article_id, limit)

    def _steps_written_now(self) -> frozenset[int]:
        with self._steps_lock:
            return frozenset(self._writing_steps)

    def undo_step(self, *, own_session: bool = False) -> StepPreview | None:
        """The step `undo` (with the same `own_session`) would take back now: the app
        asks before a big one (an import from a shell an hour ago is one `u` away)."""
        return self.store.undo_step(since=self._opened_after if own_session else None)

    def undo(self, *, own_session: bool = False, expect: int | None = None) -> ActionResult | None:
        """Undo the newest step: marks back, an import's articles removed, a delete's restored.

        `own_session` (the app's `u`): this Desk's own newest step, or one from before it
        opened, never what another shell or window did while it was open. `expect`: the
        batch of the step the editor was asked about (`undo_step`); `StepChanged`, and
        nothing undone, when the newest is another by now."""
        record = self.store.undo(
            before_commit=lambda tx, rec: mend_stories(self.store, tx, rec.removed, rec.restored),
            since=self._opened_after if own_session else None,
            held=self._steps_written_now(),
            expect=expect,
        )
        if record is None:
            return None
        self._indexing.notify()  # marks back, or articles removed or restored
        from newsdesk.store.protocol import StepPreview

        return ActionResult(
            f"undo {record.kind}",
            record.article_ids,
            len(record.article_ids) + len(record.in_deleted),
            in_deleted=record.in_deleted,
            step=StepPreview(record.batch, record.kind, record.ts, record.editor, record.articles),
        )

    # -- saved searches --------------------------------------------------------

    def saved_searches(self) -> list[tuple[str, str]]:
        return self.store.saved_searches()

    def save_search(self, name: str, query: str, *, replace: bool = False) -> None:
        """Keep `query` under `name`; a query that cannot be read is refused with the
        search's own message (kept, it showed in the picker as "0 articles"), and so are
        an empty name or query, and a name already taken unless `replace`."""
        from newsdesk.search.query import parse

        name = name.strip()
        if not name or not query.strip():
            raise DeskError("a saved search needs a name and a query")
        if parse(query, now=datetime.now().astimezone()).root is None:
            # `*`, `!!!`, an emoji: a search of nothing (it showed as "0 articles").
            raise DeskError(f"{query!r} means nothing as a query: no word, field or id in it")
        taken = dict(self.store.saved_searches()).get(name)
        if taken is not None and not replace and taken != query:
            raise DeskError(f"a saved search is already named {name!r} ({taken}); replace it?")
        self.store.save_search(name, query)

    def delete_search(self, name: str) -> bool:
        return self.store.delete_search(name)

    # -- export ----------------------------------------------------------------

    def export(
        self,
        ids: Sequence[str],
        dest: Path | None,
        options: ExportOptions,
        *,
        rename_if_taken: bool = False,
    ) -> ExportReport:
        """Write the articles to `dest` (atomic; default: a free default name in the
        documents folder) and mark them exported. `rename_if_taken`: `dest` is a name
        newsdesk proposed, so a taken one gets `-2`, `-3`... instead of being refused."""
        from newsdesk.export import default_destination, export

        articles, held = exportable(self.store, ids, options)
        if dest is None:
            dest, rename_if_taken = default_destination(options.format), True
        report = export(
            articles,
            dest,
            options,
            templates_dir=self.paths.templates_dir,
            staging_journal=self.paths.staging_journal,
            rename_if_taken=rename_if_taken,
        )
        report.warnings.extend(held)
        report.warnings.extend(self.mark_written([a.id for a in articles]))
        return report

    def mark_written(self, ids: Sequence[str]) -> list[str]:
        """Mark a written export's articles exported; what could not be marked (a
        read-only desk) is said in the lines returned, never raised: the export stands."""
        return mark_written(self.mark_exported, ids)

    def render_export(
        self, ids: Sequence[str], options: ExportOptions, *, mark: bool = True
    ) -> Rendered:
        """The export as one text (stdout, clipboard); marks the articles exported unless
        not `mark` (the caller marks `Rendered.ids` once the text is written)."""
        from newsdesk.export import render

        articles, held = exportable(self.store, ids, options)
        rendered = render(articles, options, templates_dir=self.paths.templates_dir)
        rendered.warnings.extend(held)
        rendered.ids = [a.id for a in articles]
        if mark:
            rendered.warnings.extend(self.mark_written(rendered.ids))
        return rendered

    # -- rules (issue 18; newsdesk/rules/ does the work) --------------------------------

    def rules(self) -> list[Rule]:
        """Every rule in the order they run, with today's and all-time match counts."""
        return self._rulebook.rules()

    def check_rule(
        self, name: str, query: str, actions: Sequence[str], *, new: bool = False
    ) -> tuple[str, tuple[str, ...]]:
        """The rule's name and actions, cleaned; RuleError or QuerySyntaxError when it
        cannot be kept (`new`: also when the name is taken). Nothing is stored."""
        return self._rulebook.check(name, query, actions, new=new)

    def add_rule(
        self, name: str, query: str, actions: Sequence[str], *, replace: bool = False
    ) -> Rule:
        """Keep a new rule; a name already taken is refused unless `replace` (the rule of
        that name is then replaced where it stands)."""
        return self._rulebook.add(name, query, actions, replace=replace)

    def edit_rule(self, name: str, new_name: str, query: str, actions: Sequence[str]) -> Rule:
        """Change a rule (its name too) where it stands in the order, checked as `add_rule`."""
        return self._rulebook.edit(name, new_name, query, actions)

    def enable_rule(self, name: str, enabled: bool = True) -> Rule:
        """Switch a rule on or off (off: kept, but passed over on arrival)."""
        return self._rulebook.enable(name, enabled)

    def move_rule(self, name: str, position: int) -> list[Rule]:
        """Put a rule at `position` (1 = runs first; clamped to the list); the new order."""
        return self._rulebook.move(name, position)

    def remove_rule(self, name: str) -> bool:
        return self._rulebook.remove(name)

    def test_rule(self, query: str) -> SearchResult:
        """What a rule with this query would match in the queue now; nothing changes."""
        return self._rulebook.test(query)

    def apply_rules(self, names: Sequence[str] = ()) -> list[ActionResult]:
        """Run rules (the named ones, else every one switched on) over the queue as it is
        now, in order: one step of the action log."""
        results = self._rulebook.apply(names)
        self._after_marks([aid for result in results for aid in result.changed])
        return results

    def export_rules(self) -> str:
        """The rules as TOML, to share across a desk (`import_rules` reads it back)."""
        return self._rulebook.to_toml()

    def import_rules(self, text: str) -> list[Rule]:
        """Add (or replace) the rules of a TOML file; every one is checked before any is kept."""
        return self._rulebook.from_toml(text)

    def _newest_matches(self, query: str) -> SearchResult:
        """Every match of a query, newest first, the index brought up to date first."""
        self.sync_index()
        return self.search(query, sort="newest", limit=None)

    def rule_effects(self, article: Article) -> list[str]:
        """What rules did to an article that still shows ("tagged korea-desk and starred
        by rule korea"), from the action log; [] when none."""
        from newsdesk.rules.provenance import rule_effects

        return rule_effects(self.store.rule_changes(article.id), article.state)

    def take_notifications(self) -> list[Notified]:
        """Headlines the `notify` rules flagged since the last call (the CLI prints them)."""
        return self._rulebook.take_notifications()

    # -- stories ----------------------------------------------------------------

    def story_members(
        self,
        story_id: str,
        *,
        with_archived: bool = True,
        matched: Collection[str] | None = None,
    ) -> list[str]:
        """The versions of one story, newest first: without `with_archived`, those not
        archived (what a folded story row of the inbox stands for); with `matched` (a
        search's answer), those it matched (`stories.shown_versions`)."""
        if with_archived and matched is None:
            return self.store.story_members(story_id)
        return view_members(self.store, story_id, with_archived=with_archived, matched=matched)

    def shown_story_counts(
        self,
        ids: Sequence[str],
        *,
        with_archived: bool,
        matched: Collection[str] | None = None,
    ) -> dict[str, tuple[int, int]]:
        """Per article of `ids` in a story of two or more: its story's versions a view
        shows (archived ones only `with_archived`, in a search those it `matched`) and
        how many of them are starred."""
        return shown_story_counts(self.store, ids, with_archived=with_archived, matched=matched)

    def shown_story_members(
        self,
        ids: Sequence[str],
        *,
        with_archived: bool,
        matched: Collection[str] | None = None,
    ) -> dict[str, list[str]]:
        """Story id -> the versions its folded row counts in a view, for the stories of
        `ids` (`stories.shown_story_members`): one statement for them all."""
        return shown_story_members(self.store, ids, with_archived=with_archived, matched=matched)

    def existing(self, ids: Sequence[str]) -> set[str]:
        """Those of `ids` still stored (a selection may hold articles deleted elsewhere)."""
        return self.store.existing(ids)

    def current_versions(self, ids: Sequence[str]) -> list[str]:
        """`ids`, each wire version a newer one replaced given as its current version."""
        return self.store.current_versions(ids)

    def with_versions(self, ids: Sequence[str], *, with_archived: bool = True) -> list[str]:
        """`ids` plus every other version of their stories ("read one, read all"), order
        kept; without `with_archived`, the archived ones left out (those given stay)."""
        if not with_archived:
            return with_shown_versions(self.store, ids)
        return self.store.with_versions(ids)

    def stories(
        self,
        ids: Sequence[str] | None = None,
        *,
        min_size: int = 2,
        with_archived: bool = True,
        matched: Collection[str] | None = None,
    ) -> list[StoryGroup]:
        """Stories among `ids` (default: everything), largest and newest first; each
        with the versions a view shows (`story_members`' `with_archived` and `matched`)."""
        return story_groups(self.store, ids, min_size, with_archived=with_archived, matched=matched)

    def stories_outdated(self) -> int:
        """Articles grouped by an older recipe: `regroup` brings them up to date."""
        return self.store.stories_outdated()

    def regroup(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Group every article again with the current recipe, oldest first; how many.

        One transaction: stopped halfway, the old stories stay. Articles keep
        everything else (state, tags, notes); only their story changes.
        """
        return regroup(self.store, progress)

    def story_map(self) -> dict[str, str]:
        """Article id -> story id, for articles in a story of two or more (grouped views)."""
        return self.store.story_map()

    def related(self, article_id: str, limit: int = 5) -> list[str]:
        return self.engine.related(article_id, limit=limit)


def open_desk(data_dir: Path | None = None, *, background_index: bool = False) -> Desk:
    return Desk(paths_mod.resolve(data_dir), background_index=background_index)
