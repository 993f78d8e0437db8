"""`RoutedStore`: the routing both store backends share, from a `StoreBackend` verb to its SQL.

Why this module is over 600 lines: it routes every verb of `StoreBackend` (about
a hundred, three to five lines each, all alike); splitting them by concern would
only add a second place to look for a verb the protocol lists in one.

A backend's store class only routes: each method takes this thread's connection (or the
caller's transaction) and calls the module that owns the SQL of its concern. That routing
is the same for every backend, so it lives here once; a backend (`sqlite/store.py`,
`postgresql/store.py`) subclasses `RoutedStore` and gives

- `sql`: its `SqlModules`, the modules holding its SQL by concern;
- `driver_error` and `translate`: the error its driver raises and the `StoreError` the
  user reads instead (every routed method translates);
- `connection_type`: what a transaction it opened is (checked when handed back);
- `editor_args`: how its SQL learns the editor (SQLite's functions are told);

and keeps what differs: opening, migrating, the change signal, read-only, the health check.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from newsdesk.errors import StoreError
from newsdesk.feeds.subscription import Subscription
from newsdesk.isodates import utc_now_iso
from newsdesk.model import Article, ArticleRow, Extracted
from newsdesk.store.feed_tellings import Told
from newsdesk.store.protocol import (
    ActionRecord,
    Claim,
    ClaimOutcome,
    InsertOutcome,
    StateChange,
    StepPreview,
    StoryVersion,
    TableCopy,
    Transaction,
)
from newsdesk.store.story_tables import Placement, StoryTables

if TYPE_CHECKING:
    from newsdesk.rules.model import Rule
    from newsdesk.search.query import Node
    from newsdesk.wire import Settled

T = TypeVar("T")


@dataclass(frozen=True)
class SqlModules:
    """The modules holding one backend's SQL, by concern (each exposes the same functions)."""

    articles: ModuleType
    actions: ModuleType
    claims: ModuleType
    feeds: ModuleType
    #: Which article a file made, by its path.
    origins: ModuleType
    #: Saved searches.
    saved: ModuleType
    rules: ModuleType
    #: Which version of wire copy is current.
    wire: ModuleType
    removal: ModuleType
    transfer: ModuleType
    migrations: ModuleType
    #: Story tables: `outdated(conn)` and the backend's `StoryTables` class.
    stories: ModuleType
    story_tables: Callable[[Any], StoryTables]


class Connections(Protocol):
    """What a backend's connection keeper offers: one connection per thread, transactions."""

    @property
    def conn(self) -> Any: ...

    def transaction(self) -> AbstractContextManager[Any]: ...

    def changed_nothing(self) -> None:
        """The transaction open on this thread changed nothing: its commit announces
        nothing and moves no change counter (no other editor is woken for it)."""
        ...

    def savepoint(self, tx: Any) -> AbstractContextManager[None]: ...

    def open_connections(self) -> int: ...

    def close(self) -> None: ...


#: Marks an editor gives a story rather than the words of one version: given to a version
#: of wire copy a newer one has replaced, they go to its current version (read and archive
#: stay on what was read: the newer version may say something the editor has not seen).
TO_CURRENT_VERSION = frozenset({"star", "unstar", "note", "tag"})


def routed(method: Callable[..., T]) -> Callable[..., T]:
    """Wrap a store method so its driver's error leaves it as a `StoreError`."""

    @functools.wraps(method)
    def wrapper(self: RoutedStore, *args: Any, **kwargs: Any) -> T:
        try:
            return method(self, *args, **kwargs)
        except self.driver_error as exc:
            raise self.translate(exc) from exc

    return wrapper


class _Refused(Exception):
    """Ends a claim's transaction without a trace when another editor holds an article."""

    def __init__(self, outcome: ClaimOutcome) -> None:
        super().__init__("claimed by another editor")
        self.outcome = outcome


class RoutedStore:
    """A `StoreBackend` routing each verb to its backend's SQL modules (see the module)."""

    #: The backend's SQL, by concern.
    sql: ClassVar[SqlModules]
    #: The error the backend's driver raises.
    driver_error: ClassVar[type[Exception]]
    #: What a transaction of this backend is.
    connection_type: ClassVar[type]
    #: The backend's name in messages.
    backend_name: ClassVar[str]

    _db: Connections

    def __init__(self, editor: str) -> None:
        self._editor = editor
        #: This open store's session, stamped on the steps it logs: the app's undo takes
        #: back only its own steps or older ones (`undo(since=...)`).
        self.session = uuid.uuid4().hex

    def translate(self, exc: Exception) -> StoreError:
        """The user's version of a driver error (what happened, what to do)."""
        raise NotImplementedError

    @property
    def location(self) -> str:
        """Where the data is, as the user may read it (no password)."""
        raise NotImplementedError

    @property
    def editor_args(self) -> dict[str, str]:
        """Keyword arguments telling the SQL functions who acts (none when the connection knows)."""
        return {}

    def condition_sql(self, condition: Node | None) -> tuple[Any, list[Any]]:
        """A query's store leaves as an SQL condition and its parameters."""
        raise NotImplementedError

    def _tx(self, tx: Transaction) -> Any:
        """The connection behind a transaction this backend opened."""
        if not isinstance(tx, self.connection_type):
            raise TypeError(f"not a transaction of the {self.backend_name} store: {tx!r}")
        return tx

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def editor(self) -> str:
        return self._editor

    @property
    def conn(self) -> Any:
        """This thread's connection."""
        return self._db.conn

    def open_connections(self) -> int:
        return self._db.open_connections()

    def close(self) -> None:
        self._db.close()

    def transaction(self) -> AbstractContextManager[Any]:
        return self._db.transaction()

    def savepoint(self, tx: Transaction) -> AbstractContextManager[None]:
        return self._db.savepoint(self._tx(tx))

    def bulk_import(self) -> AbstractContextManager[None]:
        return nullcontext()  # a server keeps its own cache

    @routed
    def schema_version(self) -> int:
        return self.sql.migrations.read_version(self.conn)

    # -- import ------------------------------------------------------------------------

    @routed
    def insert(
        self,
        tx: Transaction,
        article_id: str,
        meta: Extracted,
        origin: str,
        raw: str | None,
        story_id: str | None = None,
        *,
        match_guid: bool = True,
        match_url: bool = True,
    ) -> InsertOutcome:
        outcome: InsertOutcome = self.sql.articles.insert(
            self._tx(tx),
            article_id,
            meta,
            origin,
            raw,
            story_id,
            match_guid=match_guid,
            match_url=match_url,
        )
        return outcome

    @routed
    def insert_later(
        self,
        tx: Transaction,
        article_id: str,
        meta: Extracted,
        origin: str,
        raw: str | None,
        placed: Placement,
        *,
        match_guid: bool = True,
        match_url: bool = True,
    ) -> Callable[[], InsertOutcome]:
        answer: Callable[[], InsertOutcome] = self.sql.articles.insert_later(
            self._tx(tx),
            article_id,
            meta,
            origin,
            raw,
            placed,
            match_guid=match_guid,
            match_url=match_url,
        )

        def outcome() -> InsertOutcome:
            try:
                return answer()
            except self.driver_error as exc:
                raise self.translate(exc) from exc

        return outcome

    @routed
    def add_origin(self, tx: Transaction, article_id: str, origin: str) -> None:
        self.sql.articles.add_origin(self._tx(tx), article_id, origin)

    @routed
    def by_guid(self, tx: Transaction, guids: Sequence[str]) -> dict[str, list[Told]]:
        return dict(self.sql.articles.by_guid(self._tx(tx), guids))

    @routed
    def by_link(self, tx: Transaction, feed_id: int, urls: Sequence[str]) -> dict[str, Told]:
        return dict(self.sql.feeds.by_link(self._tx(tx), feed_id, urls))

    @routed
    def at_url(self, tx: Transaction, url: str, guid: str | None = None) -> str | None:
        found: str | None = self.sql.feeds.at_url(self._tx(tx), url, guid)
        return found

    @routed
    def set_teller(self, tx: Transaction, feed_id: int, article_ids: Sequence[str]) -> None:
        self.sql.feeds.set_teller(self._tx(tx), feed_id, article_ids)

    @routed
    def removed_tellings(
        self, guids: Sequence[str], urls: Sequence[str], feed_id: int | None
    ) -> set[str]:
        found: set[str] = self.sql.feeds.removed_tellings(self.conn, guids, urls, feed_id)
        return found

    @routed
    def current_version(self, tx: Transaction, item_id: str) -> str | None:
        found: str | None = self.sql.wire.current_version(self._tx(tx), item_id)
        return found

    @routed
    def stored_texts(
        self, tx: Transaction, article_ids: Sequence[str], *, corrected_only: bool = False
    ) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = self.sql.articles.stored_texts(
            self._tx(tx), article_ids, corrected_only=corrected_only
        )
        return found

    @routed
    def update_content(
        self, tx: Transaction, article_id: str, meta: Extracted, raw: str | None = None
    ) -> None:
        self.sql.articles.update_content(self._tx(tx), article_id, meta, raw)

    @routed
    def settle_versions(
        self, tx: Transaction, item_id: str, *, stated_star: bool = False
    ) -> Settled | None:
        settled: Settled | None = self.sql.wire.settle_versions(
            self._tx(tx), item_id, stated_star=stated_star
        )
        return settled

    @routed
    def resettle_versions(self, tx: Transaction) -> int:
        return self.sql.wire.resettle_versions(self._tx(tx))

    @routed
    def current_versions(self, ids: Sequence[str]) -> list[str]:
        current: list[str] = self.sql.wire.current_of(self.conn, ids)
        return current

    @routed
    def urgencies(self, ids: Sequence[str]) -> dict[str, int]:
        return self.sql.wire.urgencies(self.conn, ids)

    def story_tables(self, tx: Transaction) -> StoryTables:
        return self.sql.story_tables(self._tx(tx))

    @routed
    def stories_outdated(self) -> int:
        return self.sql.stories.outdated(self.conn)

    @routed
    def set_story(self, tx: Transaction, article_id: str, story_id: str | None) -> None:
        self.sql.articles.set_story(self._tx(tx), article_id, story_id)

    # -- revisions -----------------------------------------------------------------------

    @routed
    def max_rev(self) -> int:
        return self.sql.articles.max_rev(self.conn)

    @routed
    def changed_since(self, rev: int, limit: int) -> list[Mapping[str, Any]]:
        return self.sql.articles.changed_since(self.conn, rev, limit)

    @routed
    def pending_count(self, rev: int) -> int:
        return self.sql.articles.pending_count(self.conn, rev)

    # -- reading -----------------------------------------------------------------------

    @routed
    def count(self) -> int:
        return self.sql.articles.count(self.conn)

    @routed
    def counts(self) -> dict[str, int]:
        return self.sql.articles.counts(self.conn)

    @routed
    def exists(self, article_id: str) -> bool:
        return self.sql.articles.exists(self.conn, article_id)

    @routed
    def outlet_counts(self) -> dict[str, int]:
        counts: dict[str, int] = self.sql.articles.outlet_counts(self.conn)
        return counts

    @routed
    def existing(self, article_ids: Sequence[str]) -> set[str]:
        found: set[str] = self.sql.articles.existing(self.conn, article_ids)
        return found

    @routed
    def removed(self, article_ids: Sequence[str]) -> set[str]:
        gone: set[str] = self.sql.articles.removed(self.conn, article_ids)
        return gone

    @routed
    def resolve_prefix(self, prefix: str) -> list[str]:
        return self.sql.articles.resolve_prefix(self.conn, prefix)

    @routed
    def get(self, article_id: str) -> Article | None:
        article: Article | None = self.sql.articles.get(self.conn, article_id)
        return article

    @routed
    def get_many(self, ids: Sequence[str]) -> list[Article]:
        return self.sql.articles.get_many(self.conn, ids)

    @routed
    def raw_copy(self, article_id: str) -> str | None:
        found: str | None = self.sql.articles.raw_copy(self.conn, article_id)
        return found

    @routed
    def made_from(self, origins: Sequence[str]) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = self.sql.origins.made_from(self.conn, origins)
        return found

    @routed
    def rows(self, ids: Sequence[str]) -> list[ArticleRow]:
        return self.sql.articles.rows(self.conn, ids)

    @routed
    def tags_for(self, ids: Sequence[str]) -> dict[str, list[str]]:
        return self.sql.articles.tags_for(self.conn, ids)

    @routed
    def all_tags(self) -> list[tuple[str, int]]:
        return self.sql.articles.all_tags(self.conn)

    @routed
    def inbox_head(self, limit: int) -> list[str]:
        return self.sql.articles.inbox_head(self.conn, limit)

    # -- conditions ----------------------------------------------------------------------

    @routed
    def ordered_ids(self, condition: Node | None = None) -> list[str]:
        return self.sql.articles.ordered_ids(self.conn, *self.condition_sql(condition))

    @routed
    def id_set(self, condition: Node | None = None) -> set[str]:
        return self.sql.articles.id_set(self.conn, *self.condition_sql(condition))

    @routed
    def matching(self, ids: Sequence[str], condition: Node | None = None) -> set[str]:
        if not ids:
            return set()
        return self.sql.articles.matching(self.conn, ids, *self.condition_sql(condition))

    @routed
    def count_where(self, condition: Node | None = None) -> int:
        return self.sql.articles.count_where(self.conn, *self.condition_sql(condition))

    # -- stories -------------------------------------------------------------------------

    @routed
    def story_members(self, story_id: str) -> list[str]:
        return self.sql.articles.story_members(self.conn, story_id)

    @routed
    def story_ids(self, ids: Sequence[str] | None = None) -> list[str]:
        return self.sql.articles.story_ids(self.conn, ids)

    @routed
    def with_versions(self, ids: Sequence[str]) -> list[str]:
        return self.sql.articles.with_versions(self.conn, ids)

    @routed
    def story_map(self) -> dict[str, str]:
        return self.sql.articles.story_map(self.conn)

    @routed
    def story_versions(self, ids: Sequence[str]) -> list[StoryVersion]:
        if not ids:
            return []
        return self.sql.articles.story_versions(self.conn, ids)

    # -- state and the action log ----------------------------------------------------------

    def apply(
        self,
        kind: str,
        ids: Sequence[str],
        change: dict[str, Any],
        *,
        add_tags: Sequence[str] = (),
        remove_tags: Sequence[str] = (),
        log: bool = True,
    ) -> list[str]:
        with self._db.transaction() as tx:
            if log and kind in TO_CURRENT_VERSION:
                # The app showed this version a moment ago; a newer one has replaced it
                # since (another process imported it): the mark goes where it is seen.
                ids = self.sql.wire.current_of(tx, ids)
            changed: list[str] = self.sql.actions.apply(
                tx,
                kind,
                ids,
                change,
                add_tags=add_tags,
                remove_tags=remove_tags,
                log=log,
                **self.editor_args,
            )
            if not changed:
                self._db.changed_nothing()  # a star on a starred article wakes no one
            return changed

    def apply_all(
        self,
        changes: Sequence[StateChange],
        rule_counts: Mapping[str, int] | None = None,
        today: str = "",
    ) -> list[list[str]]:
        actions = self.sql.actions
        with self._db.transaction() as tx:
            batch = actions.next_batch(tx)
            changed = [
                actions.apply(
                    tx,
                    c.kind,
                    c.ids,
                    c.change,
                    add_tags=c.add_tags,
                    remove_tags=c.remove_tags,
                    log=True,
                    batch=batch,
                    **self.editor_args,
                )
                for c in changes
            ]
            if rule_counts:
                self.sql.rules.count_matches(tx, rule_counts, today)
            elif not any(changed):
                self._db.changed_nothing()
            return changed

    def undo(
        self,
        before_commit: Callable[[Transaction, ActionRecord], None] | None = None,
        *,
        since: int | None = None,
        held: Collection[int] = (),
        expect: int | None = None,
    ) -> ActionRecord | None:
        mine = (self.session, since) if since is not None else None
        with self._db.transaction() as tx:
            record: ActionRecord | None = self.sql.actions.undo(
                tx, mine=mine, held=held, expect=expect, **self.editor_args
            )
            if record is None:
                self._db.changed_nothing()
            elif before_commit is not None:
                before_commit(tx, record)
            return record

    def log_import(self, tx: Transaction, ids: Sequence[str], batch: int | None = None) -> int:
        result: int = self.sql.actions.log_import(
            self._tx(tx), ids, batch=batch, **self.editor_args
        )
        return result

    def delete(
        self,
        ids: Sequence[str],
        *,
        before_commit: Callable[[Transaction, list[str]], None] | None = None,
    ) -> list[str]:
        with self._db.transaction() as tx:
            removed: list[str] = self.sql.actions.delete(tx, ids, **self.editor_args)
            if not removed:
                self._db.changed_nothing()
            elif before_commit is not None:
                before_commit(tx, removed)
            return removed

    @routed
    def removed_since(self, rev: int, limit: int) -> list[tuple[str, int]]:
        return self.sql.removal.removed_since(self.conn, rev, limit)

    @routed
    def history(self, limit: int = 20, editor: str | None = None) -> list[ActionRecord]:
        return self.sql.actions.history(self.conn, limit, editor)

    @routed
    def editors_after(self, batch: int) -> set[str]:
        found: set[str] = self.sql.actions.editors_after(self.conn, batch)
        return found

    @routed
    def undo_step(self, *, since: int | None = None) -> StepPreview | None:
        mine = (self.session, since) if since is not None else None
        found: StepPreview | None = self.sql.actions.undo_step(
            self.conn, mine=mine, **self.editor_args
        )
        return found

    def prune_log(self, older_than: str, max_rows: int | None = None) -> int:
        with self._db.transaction() as tx:
            pruned: int = self.sql.actions.prune(tx, older_than, max_rows)
            if not pruned:
                self._db.changed_nothing()
            return pruned

    @routed
    def article_log(self, article_id: str, limit: int = 20) -> list[ActionRecord]:
        return self.sql.actions.article_log(self.conn, article_id, limit)

    # -- claims ------------------------------------------------------------------------------

    def claim(self, ids: Sequence[str]) -> ClaimOutcome:
        claims, actions = self.sql.claims, self.sql.actions
        try:
            with self._db.transaction() as tx:
                outcome: ClaimOutcome = claims.claim(tx, ids, **self.editor_args)
                if outcome.held:
                    raise _Refused(outcome)  # nothing half-claimed: roll back
                if not outcome.done:
                    self._db.changed_nothing()
                # One batch of the log, so `undo` lets them go again.
                taken = claims.claims(tx, outcome.done)
                actions.log_claims(
                    tx, "claim", [taken[a] for a in outcome.done], **self.editor_args
                )
                return outcome
        except _Refused as refused:
            return refused.outcome

    def release(self, ids: Sequence[str]) -> ClaimOutcome:
        claims = self.sql.claims
        with self._db.transaction() as tx:
            # When each was taken, for undo. On a server another process of this editor
            # may claim one between this read and the DELETE: then it was taken just now.
            held = claims.claims(tx, ids)
            outcome: ClaimOutcome = claims.release(tx, ids, **self.editor_args)
            gone = [held.get(a) or Claim(a, self._editor, utc_now_iso()) for a in outcome.done]
            self.sql.actions.log_claims(tx, "release", gone, **self.editor_args)
            if not outcome.done:
                self._db.changed_nothing()
            return outcome

    @routed
    def claims(self, ids: Sequence[str] | None = None) -> dict[str, Claim]:
        return self.sql.claims.claims(self.conn, ids)

    # -- rules and saved searches ------------------------------------------------------------

    @routed
    def rules(self, today: str) -> list[Rule]:
        return self.sql.rules.rules(self.conn, today)

    @routed
    def save_rule(self, name: str, query: str, actions: Sequence[str]) -> None:
        with self._db.transaction() as tx:
            self.sql.rules.save_rule(tx, name, query, actions)

    @routed
    def remove_rule(self, name: str) -> bool:
        with self._db.transaction() as tx:
            return self.sql.rules.remove_rule(tx, name)

    @routed
    def edit_rule(self, name: str, new_name: str, query: str, actions: Sequence[str]) -> bool:
        with self._db.transaction() as tx:
            return self.sql.rules.edit_rule(tx, name, new_name, query, actions)

    @routed
    def enable_rule(self, name: str, enabled: bool) -> bool:
        with self._db.transaction() as tx:
            return self.sql.rules.enable_rule(tx, name, enabled)

    @routed
    def order_rules(self, names: Sequence[str]) -> None:
        with self._db.transaction() as tx:
            self.sql.rules.order_rules(tx, names)

    @routed
    def rule_changes(
        self, article_id: str, limit: int = 50
    ) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
        return self.sql.rules.rule_changes(self.conn, article_id, limit)

    @routed
    def count_rule_matches(self, counts: Mapping[str, int], today: str) -> None:
        with self._db.transaction() as tx:
            self.sql.rules.count_matches(tx, counts, today)

    @routed
    def saved_searches(self) -> list[tuple[str, str]]:
        return self.sql.saved.saved_searches(self.conn)

    def save_search(self, name: str, query: str) -> None:
        with self._db.transaction() as tx:
            self.sql.saved.save_search(tx, name, query)

    def delete_search(self, name: str) -> bool:
        with self._db.transaction() as tx:
            return self.sql.saved.delete_search(tx, name)

    # -- feed subscriptions ------------------------------------------------------------------

    @routed
    def feeds(self) -> list[Subscription]:
        return self.sql.feeds.feeds(self.conn)

    def feed(self, feed_id: int) -> Subscription | None:
        found: Subscription | None = self.sql.feeds.feed(self.conn, feed_id)
        return found

    def add_feed(self, sub: Subscription) -> int:
        with self._db.transaction() as tx:
            return self.sql.feeds.add_feed(tx, sub)

    @routed
    def save_feed(self, tx: Transaction, sub: Subscription) -> None:
        self.sql.feeds.save_feed(self._tx(tx), sub)

    def remove_feed(self, feed_id: int) -> bool:
        with self._db.transaction() as tx:
            return self.sql.feeds.remove_feed(tx, feed_id)

    @routed
    def link_feed_items(self, tx: Transaction, feed_id: int, article_ids: Sequence[str]) -> None:
        self.sql.feeds.link_feed_items(self._tx(tx), feed_id, article_ids)

    @routed
    def known_links(self, keys: Sequence[str]) -> set[str]:
        return self.sql.feeds.known_links(self.conn, keys)

    # -- copying a whole desk -----------------------------------------------------------------

    def dump(self) -> Iterator[TableCopy]:
        def rows(table: TableCopy) -> Iterator[tuple[Any, ...]]:
            # Read while the caller consumes them: errors surface there, translated.
            try:
                yield from table.rows
            except self.driver_error as exc:
                raise self.translate(exc) from exc

        try:
            for table in self.sql.transfer.dump(self.conn):
                yield TableCopy(table.name, table.columns, rows(table))
        except self.driver_error as exc:
            raise self.translate(exc) from exc

    def load(self, tables: Iterable[TableCopy]) -> dict[str, int]:
        with self._db.transaction() as tx:
            return self.sql.transfer.load(tx, tables, self.location)
