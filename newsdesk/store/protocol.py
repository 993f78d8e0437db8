"""What a store backend offers: the interface the Desk, the search engine and the index use.

Why this module is over 600 lines: it is one interface, every verb a backend offers
(about a hundred, each with what it promises); split by concern, a backend's author
would have to find the verbs it must implement in several places.

SQLite (`newsdesk.store.sqlite`, the data directory's file) and PostgreSQL
(`newsdesk.store.postgresql`, a shared desk) implement `StoreBackend`, so nothing here
names a database library: a transaction is an opaque handle the caller only gives
back to the store that opened it, rows come back as plain mappings and
dataclasses, and a search condition is the query's own tree of store leaves
(`newsdesk.search.query`), which each backend translates into its own SQL.

Every method raises only `newsdesk.errors.StoreError` subclasses.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from newsdesk.feeds.subscription import Subscription
from newsdesk.model import Article, ArticleRow, Extracted
from newsdesk.store.feed_tellings import Told
from newsdesk.store.story_tables import Placement, StoryTables

if TYPE_CHECKING:
    from newsdesk.rules.model import Rule
    from newsdesk.search.query import Node
    from newsdesk.store.own_changes import OwnChanges
    from newsdesk.wire import Settled

#: The editor's marks on an article, as the state columns and the action log name them.
STATE_FIELDS = ("read", "starred", "archived", "exported")


class Transaction(Protocol):
    """An open write transaction. Opaque: callers hand it back to its store, nothing else."""


@dataclass
class InsertOutcome:
    """What happened to one extracted item at import."""

    article_id: str
    created: bool
    #: When not created: the existing article it merged into ("duplicate").
    reason: str = ""


@dataclass(frozen=True)
class StateChange:
    """One named change to many articles, a part of a batch (`StoreBackend.apply_all`)."""

    kind: str
    ids: Sequence[str]
    change: dict[str, Any]
    add_tags: Sequence[str] = ()
    remove_tags: Sequence[str] = ()


#: Joins a batch's kinds in one SQL value (no kind holds it: rule names are one line).
KINDS_SEPARATOR = "\x1f"


def batch_kind(kinds: str) -> str:
    """What a batch did, from its rows' kinds (`KINDS_SEPARATOR`-joined): one kind as it
    is; the rules that acted on one arrival together ("rules portugal, flash"), not one
    of them credited with every change."""
    distinct = list(dict.fromkeys(k for k in kinds.split(KINDS_SEPARATOR) if k))
    if len(distinct) <= 1:
        return distinct[0] if distinct else ""
    if all(k.startswith("rule ") for k in distinct):
        return "rules " + ", ".join(k.removeprefix("rule ") for k in distinct)
    return " + ".join(distinct)


@dataclass(frozen=True)
class StepPreview:
    """The step `undo` would take back next, read without taking it back (the app asks
    before a big one): its batch, what it did, when, by whom, over how many articles."""

    batch: int
    kind: str
    ts: str
    editor: str
    articles: int
    #: An import's articles the undo would keep: another editor has worked on them since
    #: (the question said it removed them all, and the undo then removed none).
    stays: int = 0
    #: An import's articles deleted since (nothing left to remove).
    gone: int = 0

    @property
    def removes(self) -> int:
        """How many articles undoing an import would remove now."""
        return max(0, self.articles - self.stays - self.gone)


def step_preview(batch: int, rows: Iterable[Mapping[str, Any]], articles: int) -> StepPreview:
    """A `StepPreview` from a batch's (kind, ts, editor) rows in the order logged."""
    found = list(rows)
    kind = batch_kind(KINDS_SEPARATOR.join(str(r["kind"]) for r in found))
    ts = str(found[0]["ts"] or "") if found else ""
    editor = str(found[0]["editor"] or "") if found else ""
    return StepPreview(batch, kind, ts, editor, articles)


@dataclass
class ActionRecord:
    """One batch of the action log, as undo and `history` see it."""

    batch: int
    kind: str
    article_ids: list[str]
    ts: str
    #: After an undo: the articles it removed (an import's) and brought back (a delete's).
    removed: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    #: After an undo of marks: articles another editor deleted since, whose delete kept
    #: them as they were; the change is taken back there, so they come back without it.
    in_deleted: list[str] = field(default_factory=list)
    #: Who did it ("" in a log written before editors were recorded).
    editor: str = ""
    #: In an article's log (`article_log`): the tags this step added and took off.
    tags_added: list[str] = field(default_factory=list)
    tags_removed: list[str] = field(default_factory=list)
    #: After an undo: how many articles the step it took back covered (what `undo_step`
    #: read before it), counted in the same transaction as the take.
    articles: int = 0


def batch_records(rows: Iterable[Mapping[str, Any]]) -> list[ActionRecord]:
    """`ActionRecord`s from rows of (batch, kind, ts, editor, ids), ids comma-joined.

    An article is listed once a batch: three rules that acted on one arrival log three
    rows for it, and `history` said "3 article(s)" with its id three times.
    """
    return [
        ActionRecord(
            batch=int(row["batch"]),
            kind=batch_kind(str(row["kind"])),
            article_ids=list(dict.fromkeys(str(row["ids"]).split(","))),
            ts=row["ts"],
            editor=row["editor"],
        )
        for row in rows
    ]


@dataclass
class TableCopy:
    """One table of a desk as `dump` gives it and `load` takes it (`newsdesk store migrate`).

    `rows` is read lazily: consume it before asking `dump` for the next table.
    """

    name: str
    columns: list[str]
    rows: Iterable[tuple[Any, ...]]


@dataclass
class Claim:
    """Who has an article: the editor who claimed it, and when (ISO 8601, UTC)."""

    article_id: str
    editor: str
    ts: str


@dataclass(frozen=True)
class StoryVersion:
    """One member of a story, with what decides whether a view shows and counts it."""

    id: str
    story_id: str
    archived: bool
    starred: bool
    superseded: bool
    #: The agency's GUID (wire copy), None for other articles.
    item_id: str | None


@dataclass
class ClaimOutcome:
    """What a claim or a release did: the ids it took (or let go), and the ones
    someone else holds (then a claim took nothing at all)."""

    done: list[str] = field(default_factory=list)
    held: list[Claim] = field(default_factory=list)


class StoreBackend(Protocol):
    """The truth: articles, their state and tags, origins, the action log, saved searches."""

    @property
    def read_only(self) -> bool:
        """True when the data could only be opened for reading (every change is refused)."""
        ...

    @property
    def on_wait(self) -> Callable[[], None] | None:
        """Called once when a write has to wait for another writer (to tell the user why)."""
        ...

    @on_wait.setter
    def on_wait(self, callback: Callable[[], None] | None) -> None: ...

    @property
    def editor(self) -> str:
        """Who this store acts for: recorded in the log; undo and read state are theirs."""
        ...

    @property
    def index_name(self) -> str:
        """The name of this desk's local search index ("" for the data directory's own
        file): an index per desk, so switching desks never searches another desk's index."""
        ...

    @property
    def former_index_names(self) -> tuple[str, ...]:
        """Names the index folder of this desk had before (`Paths.index_dir_for` moves one)."""
        ...

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None: ...

    def transaction(self) -> AbstractContextManager[Transaction]:
        """One atomic write: committed when the block ends, rolled back on any error."""
        ...

    def bulk_import(self) -> AbstractContextManager[None]:
        """A long import stores through this thread's connection in the block: a
        backend may give it more memory for it then (SQLite: a bigger page cache)."""
        ...

    def savepoint(self, tx: Transaction) -> AbstractContextManager[None]:
        """An all-or-nothing part of `tx`: on any error in the block, only it is undone.

        The error still leaves the block. After a storage failure the whole
        transaction may be gone: the caller then ends it (its commit fails).
        """
        ...

    def schema_version(self) -> int: ...

    # -- import ----------------------------------------------------------------------

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
        """Insert one article in the caller's transaction, merging exact duplicates
        (a duplicate keeps its own story): the same id, GUID or URL. `match_guid` False:
        not by GUID (its feed gave that GUID to another item before: `storing`);
        `match_url` False: not by URL (its feed gave that link to another report)."""
        ...

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
        """`insert` into story `placed.story`, and, when the article is new, its
        membership of that story (`StoryTables.add_member` and `grow`) in the same
        write; the outcome is read when the returned function is called, so a
        server writes while the caller goes on (the next article's lookups are
        sent after it and see it)."""
        ...

    def set_story(self, tx: Transaction, article_id: str, story_id: str | None) -> None: ...

    def add_origin(self, tx: Transaction, article_id: str, origin: str) -> None:
        """Record one more place the article came from (a copy of it was imported)."""
        ...

    def by_guid(self, tx: Transaction, guids: Sequence[str]) -> dict[str, list[Told]]:
        """The stored articles with these GUIDs: GUID -> their tellings, oldest first (a
        feed may give an old GUID to another item)."""
        ...

    def by_link(self, tx: Transaction, feed_id: int, urls: Sequence[str]) -> dict[str, Told]:
        """The articles without a GUID that feed `feed_id` told under these links."""
        ...

    def at_url(self, tx: Transaction, url: str, guid: str | None = None) -> str | None:
        """The article `insert` takes a page of this URL for (the one of this GUID, else
        the newest), or None: asked first when the page may be another report."""
        ...

    def set_teller(self, tx: Transaction, feed_id: int, article_ids: Sequence[str]) -> None:
        """Feed `feed_id` told these new articles (`Told.told_by`)."""

    def removed_tellings(
        self, guids: Sequence[str], urls: Sequence[str], feed_id: int | None
    ) -> set[str]:
        """Of `guids`, those a removed article had; of `urls`, those a removed article
        without a GUID had from feed `feed_id`."""
        ...

    def current_version(self, tx: Transaction, item_id: str) -> str | None:
        """The current version of wire item `item_id` (None: none stored)."""
        ...

    def stored_texts(
        self, tx: Transaction, article_ids: Sequence[str], *, corrected_only: bool = False
    ) -> dict[str, tuple[str, str]]:
        """The (headline, body) of the stored articles among `article_ids`; with
        `corrected_only`, only of those corrected in place (`update_content`), the only
        ones whose text can be other than the text their id was made of."""
        ...

    def update_content(
        self, tx: Transaction, article_id: str, meta: Extracted, raw: str | None = None
    ) -> None:
        """Replace an article's extracted content with a newer telling of it (a feed's
        correction under the same GUID): headline, body, dates, link and the rest of
        what extraction found; a new revision (the index takes it again). The editor's
        state stays: read (for every editor), tags, star, note, archive and story.
        `raw`, when given, becomes its raw copy (`raw_copy`): the whole page a copy cut
        short was completed from, so that cut copy is known as its start again."""
        ...

    def settle_versions(
        self, tx: Transaction, item_id: str, *, stated_star: bool = False
    ) -> Settled | None:
        """After a version of wire item `item_id` was inserted: mark which version is
        current (`newsdesk.wire.settle`), the others superseded, and all killed when one
        was killed or withheld; carry the editor's star (unless the new version's input
        stated it), read state, tags and note from the version it replaced (a kill
        arrives unread; a kill outlives its deleted version: `wire.kill_stays`). Returns
        what `settle` decided (None: no article has that id)."""
        ...

    def resettle_versions(self, tx: Transaction) -> int:
        """`settle_versions` for every item whose versions have no current one, or
        several (after a delete or an undo); how many items it settled."""
        ...

    def current_versions(self, ids: Sequence[str]) -> list[str]:
        """`ids` with each wire version a newer one has replaced given as its item's
        current version (order kept, repeats dropped): where the reader's place went."""
        ...

    def urgencies(self, ids: Sequence[str]) -> dict[str, int]:
        """Wire urgency (1-9) of those of `ids` that have one (the urgency sort)."""
        ...

    def story_tables(self, tx: Transaction) -> StoryTables:
        """Story persistence inside the transaction `tx` (what the grouper works on)."""
        ...

    def stories_outdated(self) -> int:
        """How many articles were grouped by an older grouping recipe (regroup them)."""
        ...

    # -- revisions (what the index catches up on) ---------------------------------------

    def max_rev(self) -> int: ...

    def data_version(self) -> int:
        """A number that changes when another connection commits (cheap: no I/O).

        Compare values read from the same thread: it tells the app to refresh.
        """
        ...

    def wait_for_change(
        self, since: int, timeout: float, stop: threading.Event | None = None
    ) -> int:
        """Wait until `data_version()` differs from `since` (read on this thread), or
        `timeout` seconds pass, or `stop` is set; the version then. A shared desk is
        woken by the server's announcement of each commit; a file is polled."""
        ...

    def change_count(self) -> int:
        """The change counter: every committed write that changes something moves it by
        one (the same on every connection, unlike `data_version`)."""
        ...

    @property
    def own_changes(self) -> OwnChanges:
        """The change-counter values this process committed (its follower skips them)."""
        ...

    def changed_since(self, rev: int, limit: int) -> list[Mapping[str, Any]]:
        """Whole article rows whose content revision is above `rev`, oldest change first."""
        ...

    def pending_count(self, rev: int) -> int:
        """How many articles changed since revision `rev`."""
        ...

    # -- reading ---------------------------------------------------------------------

    def count(self) -> int: ...

    def counts(self) -> dict[str, int]:
        """total, inbox, unread, starred, archived; unread and starred count what the inbox
        holds (not archived, not superseded), as `is:unread` and `is:starred` find."""
        ...

    def exists(self, article_id: str) -> bool: ...

    def outlet_counts(self) -> dict[str, int]:
        """How many articles each outlet spelling has (one query; `outlet_names`)."""
        ...

    def existing(self, article_ids: Sequence[str]) -> set[str]:
        """Those of `article_ids` that are stored: one query for a batch (an import's)."""
        ...

    def removed(self, article_ids: Sequence[str]) -> set[str]:
        """Those of `article_ids` that were stored and removed (deleted, or an import undone)
        and not brought back."""
        ...

    def resolve_prefix(self, prefix: str) -> list[str]:
        """Up to three ids starting with `prefix`."""
        ...

    def get(self, article_id: str) -> Article | None: ...

    def get_many(self, ids: Sequence[str]) -> list[Article]: ...

    def raw_copy(self, article_id: str) -> str | None:
        """The page text an article was extracted from, as stored (None: no such article;
        "" when none was kept: an item of a file of several)."""
        ...

    def made_from(self, origins: Sequence[str]) -> dict[str, tuple[str, str]]:
        """The article each of `origins` (an imported file's path) made, and when (ISO
        UTC), when its latest arrival was one article; none, or several: left out."""
        ...

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]:
        """Slim inbox rows in the order of `ids` (missing ids dropped)."""
        ...

    def tags_for(self, ids: Sequence[str]) -> dict[str, list[str]]: ...

    def all_tags(self) -> list[tuple[str, int]]:
        """Every tag with its article count, most used first."""
        ...

    def inbox_head(self, limit: int) -> list[str]:
        """The newest `limit` ids not archived (a screenful, fast on any size)."""
        ...

    # -- conditions (the store's side of a search) ----------------------------------------
    # A condition is a query tree made only of store leaves (`is:`, `tag:`,
    # `published:`, `lang:`, `id:`, `in:`) joined by And/Or/Not; None is every article.

    def ordered_ids(self, condition: Node | None = None) -> list[str]:
        """Ids matching `condition`, newest first."""
        ...

    def id_set(self, condition: Node | None = None) -> set[str]: ...

    def matching(self, ids: Sequence[str], condition: Node | None = None) -> set[str]:
        """Those of `ids` that match `condition` (the ranked matches of a search checked
        against its state, tag or date conditions: as many reads as matches, not as
        articles)."""
        ...

    def count_where(self, condition: Node | None = None) -> int: ...

    # -- stories ---------------------------------------------------------------------

    def story_members(self, story_id: str) -> list[str]:
        """The articles of one story, newest first."""
        ...

    def story_ids(self, ids: Sequence[str] | None = None) -> list[str]:
        """Stories of the given articles; with None, every story of two or more."""
        ...

    def with_versions(self, ids: Sequence[str]) -> list[str]:
        """`ids` plus every other version of their stories, order kept."""
        ...

    def story_map(self) -> dict[str, str]:
        """Article id -> story id, for the articles of stories of two or more."""
        ...

    def story_versions(self, ids: Sequence[str]) -> list[StoryVersion]:
        """Every member of the stories of `ids` (these included), with their marks, in one
        statement: a page of story rows counted its versions one query a row."""
        ...

    # -- state and the action log --------------------------------------------------------

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
        """Change the state of many articles in one transaction, one batch of the log.

        Returns the ids whose state actually changed.
        """
        ...

    def apply_all(
        self,
        changes: Sequence[StateChange],
        rule_counts: Mapping[str, int] | None = None,
        today: str = "",
    ) -> list[list[str]]:
        """Several changes, in order (each sees the ones before), in one transaction and
        one batch of the log: one undo takes them all back. Each log row keeps its own
        change's kind ("rule korea"), so an article's log says which did what.
        `rule_counts` are added to the rules' match counts (`count_rule_matches`) in
        the same transaction: one commit, one wake-up of the other editors.

        Returns, per change, the ids whose state it changed.
        """
        ...

    def undo(
        self,
        before_commit: Callable[[Transaction, ActionRecord], None] | None = None,
        *,
        since: int | None = None,
        held: Collection[int] = (),
        expect: int | None = None,
    ) -> ActionRecord | None:
        """Undo this editor's newest batch not yet undone, in one transaction (`since`: one
        this store logged or numbered up to `since`, not another shell's after it).
        Others' batches stay. Marks go back only where the batch changed them and they
        still read as it left them: a later change by anyone else stays. A state change
        gets its states back; an import's articles are removed (`record.removed`); a
        delete's articles come back whole (`record.restored`), or, when imported again
        since, get their marks back. `before_commit(tx, record)` runs inside it.
        `held`: batches still being written (a running import's): when the newest is
        one, `StepInProgress` and nothing changes. `expect`: the batch the editor was
        asked about; when the newest is another (or none), `StepChanged` and nothing changes.
        """
        ...

    def log_import(self, tx: Transaction, ids: Sequence[str], batch: int | None = None) -> int:
        """Log in `tx` an import's articles as one undo step, `batch` (None: new; returned);
        a `batch` undone meanwhile is not added to: the rest is a new one."""
        ...

    def delete(
        self,
        ids: Sequence[str],
        *,
        before_commit: Callable[[Transaction, list[str]], None] | None = None,
    ) -> list[str]:
        """Remove articles in one transaction and one batch of the log; the ids removed.

        Each article is kept whole in the log (row, tags, origins, feed links) so
        undo restores it, and leaves a tombstone for the index (`removed_since`).
        `before_commit(tx, removed)` runs inside the transaction.
        """
        ...

    def removed_since(self, rev: int, limit: int) -> list[tuple[str, int]]:
        """(article id, revision) of removals above `rev`, oldest first: the index drops them."""
        ...

    def history(self, limit: int = 20, editor: str | None = None) -> list[ActionRecord]:
        """Batches not undone, newest first; with `editor`, only theirs."""
        ...

    def editors_after(self, batch: int) -> set[str]:
        """The editors of the steps logged after `batch` on its articles and not undone
        ("" for steps logged before editors were recorded)."""
        ...

    def undo_step(self, *, since: int | None = None) -> StepPreview | None:
        """The step `undo` (with the same `since`) would take back now, or None."""
        ...

    def prune_log(self, older_than: str, max_rows: int | None = None) -> int:
        """Drop the action log's batches older than `older_than` (ISO time, UTC), every
        editor's: they can no longer be undone. The number of rows removed.

        With `max_rows`, stop after about that many (whole batches, at least one).
        """
        ...

    def article_log(self, article_id: str, limit: int = 20) -> list[ActionRecord]:
        """The batches not undone that changed this article, newest first (who did what)."""
        ...

    # -- claims (who has it) -------------------------------------------------------------

    def claim(self, ids: Sequence[str]) -> ClaimOutcome:
        """Claim the articles for this editor, all or none: when another editor holds
        any of them, nothing is claimed and `held` says who (decided by the database,
        so of two editors claiming at once exactly one wins). Own claims stay."""
        ...

    def release(self, ids: Sequence[str]) -> ClaimOutcome:
        """Let go of this editor's claims on these articles; others' stay (`held`)."""
        ...

    def claims(self, ids: Sequence[str] | None = None) -> dict[str, Claim]:
        """Claims on these articles (None: every claim), by article id."""
        ...

    # -- saved searches --------------------------------------------------------------

    def saved_searches(self) -> list[tuple[str, str]]: ...

    def save_search(self, name: str, query: str) -> None: ...

    def delete_search(self, name: str) -> bool: ...

    # -- rules (issue 18) -------------------------------------------------------------
    # Run in `position` order; match counts are kept per local day ("YYYY-MM-DD").

    def rules(self, today: str) -> list[Rule]:
        """Every rule in the order they run; `matched_today` counts only `today`."""
        ...

    def save_rule(self, name: str, query: str, actions: Sequence[str]) -> None:
        """Add a rule at the end, or replace the query and actions of the one so named
        (keeping its place)."""
        ...

    def remove_rule(self, name: str) -> bool: ...

    def edit_rule(self, name: str, new_name: str, query: str, actions: Sequence[str]) -> bool:
        """Change a rule in place (a new name too), keeping its place, switch and counts;
        False when there is no rule `name`."""
        ...

    def enable_rule(self, name: str, enabled: bool) -> bool:
        """Switch a rule on or off (off: passed over on arrival); False when unknown."""
        ...

    def order_rules(self, names: Sequence[str]) -> None:
        """Run the named rules first, in that order, then the rest in their old order."""
        ...

    def rule_changes(
        self, article_id: str, limit: int = 50
    ) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
        """What rules did to one article: (kind "rule NAME", marks before, marks after)
        of its log rows not undone, newest first."""
        ...

    def count_rule_matches(self, counts: Mapping[str, int], today: str) -> None:
        """Add to each named rule's counts (today's count restarts on a new day)."""
        ...

    # -- feed subscriptions ------------------------------------------------------------
    # A name and a URL are each unique; `feeds()` fills `items` and `unread`.

    def feeds(self) -> list[Subscription]:
        """Every subscription by name, with its item and unread counts."""
        ...

    def feed(self, feed_id: int) -> Subscription | None:
        """One subscription as stored, without its counts (0), or None when removed."""
        ...

    def add_feed(self, sub: Subscription) -> int:
        """Store a new subscription; its id."""
        ...

    def save_feed(self, tx: Transaction, sub: Subscription) -> None:
        """Write a subscription's settings and fetch state, in the caller's transaction."""
        ...

    def remove_feed(self, feed_id: int) -> bool:
        """Forget a subscription and its links (its articles stay)."""
        ...

    def link_feed_items(self, tx: Transaction, feed_id: int, article_ids: Sequence[str]) -> None:
        """Record that a feed carried these articles (`feed:NAME` finds them)."""
        ...

    def known_links(self, keys: Sequence[str]) -> set[str]:
        """Which of these GUIDs or URLs an article already has."""
        ...

    # -- copying a whole desk ---------------------------------------------------------

    def dump(self) -> Iterator[TableCopy]:
        """Every table of the desk, read in one consistent snapshot.

        Bookkeeping of the backend itself (its schema step, its change counter)
        is left out; the revision counter is included (`meta`), so a copy's
        index revisions stay meaningful.
        """
        ...

    def load(self, tables: Iterable[TableCopy]) -> dict[str, int]:
        """Write a dump into this desk, which must be empty, in one transaction.

        Returns the rows written per table. Refuses (StoreError, nothing
        written) a desk that holds data, and a table or column it lacks.
        """
        ...

    # -- health ------------------------------------------------------------------------

    def integrity_check(self) -> list[str]:
        """Problems the database itself finds (empty when healthy)."""
        ...
