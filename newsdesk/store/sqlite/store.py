"""`SqliteStore`: the SQLite backend of `StoreBackend`, one file in the data directory.

This class only routes: each method takes this thread's connection (or the
caller's transaction) and calls the module that owns the SQL for its concern:
`articles` (import, reading, revisions, stories' columns), `wire` (which
version of wire copy is current), `actions` (state and the action log),
`saved` (saved searches), `conditions` (a query's store leaves as SQL),
`migrations` (numbered schema steps). Every `sqlite3.Error`
leaves as a `StoreError` (see `connections.translate`).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.errors import DamagedStoreError
from newsdesk.feeds.subscription import Subscription
from newsdesk.model import Article, ArticleRow, Extracted
from newsdesk.store.protocol import (
    ActionRecord,
    Claim,
    ClaimOutcome,
    InsertOutcome,
    StateChange,
    TableCopy,
    Transaction,
)
from newsdesk.store.sqlite import (
    actions,
    articles,
    feeds,
    migrations,
    removal,
    rules,
    saved,
    stories,
    transfer,
    wire,
)
from newsdesk.store.sqlite import claims as claim_sql
from newsdesk.store.sqlite.connections import Connections, translate, translated
from newsdesk.store.sqlite.stories import SqliteStoryTables

#: Seconds between two looks at a SQLite file's change counter while waiting for a change.
CHANGE_POLL_S = 0.2

if TYPE_CHECKING:
    from newsdesk.rules.model import Rule
    from newsdesk.search.query import Node
    from newsdesk.wire import Settled


def _tx(tx: Transaction) -> sqlite3.Connection:
    """The connection behind a transaction this backend opened."""
    if not isinstance(tx, sqlite3.Connection):
        raise TypeError(f"not a transaction of the SQLite store: {tx!r}")
    return tx


class _Refused(Exception):
    """Ends a claim's transaction without a trace when another editor holds an article."""

    def __init__(self, outcome: ClaimOutcome) -> None:
        super().__init__("claimed by another editor")
        self.outcome = outcome


class SqliteStore:
    """The store in one SQLite file. Safe to use from several threads."""

    def __init__(self, path: Path, editor: str = "") -> None:
        self.path = path
        self._editor = editor
        self._db = Connections(path, editor)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._db.read_only

    @property
    def on_wait(self) -> Callable[[], None] | None:
        return self._db.on_wait

    @on_wait.setter
    def on_wait(self, callback: Callable[[], None] | None) -> None:
        self._db.on_wait = callback

    @property
    def editor(self) -> str:
        return self._editor

    @property
    def index_name(self) -> str:
        return ""

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (SQLite only: doctor and tests read the file directly)."""
        return self._db.conn

    def open_connections(self) -> int:
        return self._db.open_connections()

    def close(self) -> None:
        self._db.close()

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._db.transaction()

    def savepoint(self, tx: Transaction) -> AbstractContextManager[None]:
        return self._db.savepoint(_tx(tx))

    def _migrate(self) -> None:
        try:
            current = migrations.read_version(self.conn)
        except (sqlite3.DatabaseError, ValueError) as exc:
            raise DamagedStoreError(
                f"the database {self.path} is damaged ({exc}). "
                "Run `newsdesk doctor` to check it and recover what can be recovered."
            ) from exc
        migrations.check_version(current, self.path)
        if current != migrations.SCHEMA_VERSION:
            with self._db.transaction() as tx:
                migrations.upgrade(tx, current)
        # The story tables keep their own version: derived data, upgraded in place.
        if not self.read_only and stories.needs_upgrade(self.conn):
            with self._db.transaction() as tx:
                stories.upgrade(tx)

    @translated
    def schema_version(self) -> int:
        return migrations.read_version(self.conn)

    # -- import ------------------------------------------------------------------------

    @translated
    def insert(
        self, tx: Transaction, article_id: str, meta: Extracted, origin: str, raw: str | None
    ) -> InsertOutcome:
        return articles.insert(_tx(tx), article_id, meta, origin, raw)

    @translated
    def add_origin(self, tx: Transaction, article_id: str, origin: str) -> None:
        articles.add_origin(_tx(tx), article_id, origin)

    @translated
    def settle_versions(self, tx: Transaction, item_id: str) -> Settled | None:
        return wire.settle_versions(_tx(tx), item_id)

    @translated
    def resettle_versions(self, tx: Transaction) -> int:
        return wire.resettle_versions(_tx(tx))

    @translated
    def urgencies(self, ids: Sequence[str]) -> dict[str, int]:
        return wire.urgencies(self.conn, ids)

    def story_tables(self, tx: Transaction) -> SqliteStoryTables:
        return SqliteStoryTables(_tx(tx))

    @translated
    def stories_outdated(self) -> int:
        return stories.outdated(self.conn)

    @translated
    def set_story(self, tx: Transaction, article_id: str, story_id: str | None) -> None:
        articles.set_story(_tx(tx), article_id, story_id)

    # -- revisions -----------------------------------------------------------------------

    @translated
    def max_rev(self) -> int:
        return articles.max_rev(self.conn)

    @translated
    def data_version(self) -> int:
        # SQLite's PRAGMA data_version: only meaningful compared on one connection.
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def wait_for_change(self, since: int, timeout: float) -> int:
        # A file announces nothing: look at the pragma (it reads no page) a few times a second.
        deadline = time.monotonic() + timeout
        while True:
            now = self.data_version()
            left = deadline - time.monotonic()
            if now != since or left <= 0:
                return now
            time.sleep(min(left, CHANGE_POLL_S))

    @translated
    def changed_since(self, rev: int, limit: int) -> list[Mapping[str, Any]]:
        return list(articles.changed_since(self.conn, rev, limit))

    @translated
    def pending_count(self, rev: int) -> int:
        return articles.pending_count(self.conn, rev)

    # -- reading -----------------------------------------------------------------------

    @translated
    def count(self) -> int:
        return articles.count(self.conn)

    @translated
    def counts(self) -> dict[str, int]:
        return articles.counts(self.conn)

    @translated
    def exists(self, article_id: str) -> bool:
        return articles.exists(self.conn, article_id)

    @translated
    def resolve_prefix(self, prefix: str) -> list[str]:
        return articles.resolve_prefix(self.conn, prefix)

    @translated
    def get(self, article_id: str) -> Article | None:
        return articles.get(self.conn, article_id)

    @translated
    def get_many(self, ids: Sequence[str]) -> list[Article]:
        return articles.get_many(self.conn, ids)

    @translated
    def rows(self, ids: Sequence[str]) -> list[ArticleRow]:
        return articles.rows(self.conn, ids)

    @translated
    def tags_for(self, ids: Sequence[str]) -> dict[str, list[str]]:
        return articles.tags_for(self.conn, ids)

    @translated
    def all_tags(self) -> list[tuple[str, int]]:
        return articles.all_tags(self.conn)

    @translated
    def inbox_head(self, limit: int) -> list[str]:
        return articles.inbox_head(self.conn, limit)

    # -- conditions ----------------------------------------------------------------------
    # `conditions` (and the query grammar it reads) loads on the first condition, not
    # at start: the app's first screen is read by `inbox_head`.

    @translated
    def ordered_ids(self, condition: Node | None = None) -> list[str]:
        from newsdesk.store.sqlite.conditions import where

        return articles.ordered_ids(self.conn, *where(condition))

    @translated
    def id_set(self, condition: Node | None = None) -> set[str]:
        from newsdesk.store.sqlite.conditions import where

        return articles.id_set(self.conn, *where(condition))

    @translated
    def count_where(self, condition: Node | None = None) -> int:
        from newsdesk.store.sqlite.conditions import where

        return articles.count_where(self.conn, *where(condition))

    # -- stories -------------------------------------------------------------------------

    @translated
    def story_members(self, story_id: str) -> list[str]:
        return articles.story_members(self.conn, story_id)

    @translated
    def story_ids(self, ids: Sequence[str] | None = None) -> list[str]:
        return articles.story_ids(self.conn, ids)

    @translated
    def with_versions(self, ids: Sequence[str]) -> list[str]:
        return articles.with_versions(self.conn, ids)

    @translated
    def story_map(self) -> dict[str, str]:
        return articles.story_map(self.conn)

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
            return actions.apply(
                tx,
                kind,
                ids,
                change,
                add_tags=add_tags,
                remove_tags=remove_tags,
                log=log,
                editor=self._editor,
            )

    def apply_all(self, changes: Sequence[StateChange]) -> list[list[str]]:
        with self._db.transaction() as tx:
            batch = actions.next_batch(tx)
            return [
                actions.apply(
                    tx,
                    c.kind,
                    c.ids,
                    c.change,
                    add_tags=c.add_tags,
                    remove_tags=c.remove_tags,
                    log=True,
                    editor=self._editor,
                    batch=batch,
                )
                for c in changes
            ]

    def undo(
        self, before_commit: Callable[[Transaction, ActionRecord], None] | None = None
    ) -> ActionRecord | None:
        with self._db.transaction() as tx:
            record = actions.undo(tx, self._editor)
            if record is not None and before_commit is not None:
                before_commit(tx, record)
            return record

    def log_import(self, ids: Sequence[str]) -> None:
        if not ids:
            return
        with self._db.transaction() as tx:
            actions.log_import(tx, ids, self._editor)

    def delete(
        self,
        ids: Sequence[str],
        *,
        before_commit: Callable[[Transaction, list[str]], None] | None = None,
    ) -> list[str]:
        with self._db.transaction() as tx:
            removed = actions.delete(tx, ids, self._editor)
            if removed and before_commit is not None:
                before_commit(tx, removed)
            return removed

    @translated
    def removed_since(self, rev: int, limit: int) -> list[tuple[str, int]]:
        return removal.removed_since(self.conn, rev, limit)

    @translated
    def history(self, limit: int = 20, editor: str | None = None) -> list[ActionRecord]:
        return actions.history(self.conn, limit, editor)

    def prune_log(self, older_than: str, max_rows: int | None = None) -> int:
        with self._db.transaction() as tx:
            return actions.prune(tx, older_than, max_rows)

    @translated
    def article_log(self, article_id: str, limit: int = 20) -> list[ActionRecord]:
        return actions.article_log(self.conn, article_id, limit)

    # -- claims ------------------------------------------------------------------------------

    def claim(self, ids: Sequence[str]) -> ClaimOutcome:
        try:
            with self._db.transaction() as tx:
                outcome = claim_sql.claim(tx, ids, self._editor)
                if outcome.held:
                    raise _Refused(outcome)  # nothing half-claimed: roll back
                # One batch of the log, so `undo` lets them go again.
                taken = claim_sql.claims(tx, outcome.done)
                actions.log_claims(tx, "claim", [taken[a] for a in outcome.done], self._editor)
                return outcome
        except _Refused as refused:
            return refused.outcome

    def release(self, ids: Sequence[str]) -> ClaimOutcome:
        with self._db.transaction() as tx:
            held = claim_sql.claims(tx, ids)
            outcome = claim_sql.release(tx, ids, self._editor)
            actions.log_claims(tx, "release", [held[a] for a in outcome.done], self._editor)
            return outcome

    @translated
    def claims(self, ids: Sequence[str] | None = None) -> dict[str, Claim]:
        return claim_sql.claims(self.conn, ids)

    # -- saved searches --------------------------------------------------------------------

    @translated
    def rules(self, today: str) -> list[Rule]:
        return rules.rules(self.conn, today)

    @translated
    def save_rule(self, name: str, query: str, actions: Sequence[str]) -> None:
        with self._db.transaction() as tx:
            rules.save_rule(tx, name, query, actions)

    @translated
    def remove_rule(self, name: str) -> bool:
        with self._db.transaction() as tx:
            return rules.remove_rule(tx, name)

    @translated
    def edit_rule(self, name: str, new_name: str, query: str, actions: Sequence[str]) -> bool:
        with self._db.transaction() as tx:
            return rules.edit_rule(tx, name, new_name, query, actions)

    @translated
    def enable_rule(self, name: str, enabled: bool) -> bool:
        with self._db.transaction() as tx:
            return rules.enable_rule(tx, name, enabled)

    @translated
    def order_rules(self, names: Sequence[str]) -> None:
        with self._db.transaction() as tx:
            rules.order_rules(tx, names)

    @translated
    def rule_changes(
        self, article_id: str, limit: int = 50
    ) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
        return rules.rule_changes(self.conn, article_id, limit)

    @translated
    def count_rule_matches(self, counts: Mapping[str, int], today: str) -> None:
        with self._db.transaction() as tx:
            rules.count_matches(tx, counts, today)

    def saved_searches(self) -> list[tuple[str, str]]:
        return saved.saved_searches(self.conn)

    def save_search(self, name: str, query: str) -> None:
        with self._db.transaction() as tx:
            saved.save_search(tx, name, query)

    def delete_search(self, name: str) -> bool:
        with self._db.transaction() as tx:
            return saved.delete_search(tx, name)

    # -- feed subscriptions ------------------------------------------------------------------

    @translated
    def feeds(self) -> list[Subscription]:
        return feeds.feeds(self.conn)

    def add_feed(self, sub: Subscription) -> int:
        with self._db.transaction() as tx:
            return feeds.add_feed(tx, sub)

    @translated
    def save_feed(self, tx: Transaction, sub: Subscription) -> None:
        feeds.save_feed(_tx(tx), sub)

    def remove_feed(self, feed_id: int) -> bool:
        with self._db.transaction() as tx:
            return feeds.remove_feed(tx, feed_id)

    @translated
    def link_feed_items(self, tx: Transaction, feed_id: int, article_ids: Sequence[str]) -> None:
        feeds.link_feed_items(_tx(tx), feed_id, article_ids)

    @translated
    def known_links(self, keys: Sequence[str]) -> set[str]:
        return feeds.known_links(self.conn, keys)

    # -- copying a whole desk -----------------------------------------------------------------

    def dump(self) -> Iterator[TableCopy]:
        def rows(table: TableCopy) -> Iterator[tuple[Any, ...]]:
            # Read while the caller consumes them: errors surface there, translated.
            try:
                yield from table.rows
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc

        try:
            for table in transfer.dump(self.conn):
                yield TableCopy(table.name, table.columns, rows(table))
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc

    def load(self, tables: Iterable[TableCopy]) -> dict[str, int]:
        with self._db.transaction() as tx:
            return transfer.load(tx, tables, str(self.path))

    # -- health ----------------------------------------------------------------------------

    @translated
    def integrity_check(self) -> list[str]:
        found = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        return [] if found == ["ok"] else found
