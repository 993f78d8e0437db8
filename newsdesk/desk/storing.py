"""Extracted items into the store: duplicates merged, page copies folded into one
article, wire versions settled, each new article put in its story."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk import paths as paths_mod
from newsdesk.desk.feed_tellings import feed_guid, feed_link, retold, stored_telling, telling_key
from newsdesk.desk.page_address import another_report_at, cut_copy_in
from newsdesk.desk.results import ImportProgress, ImportSummary
from newsdesk.desk.same_report import completes, may_replace
from newsdesk.desk.teaser_ids import (
    is_teaser,
    names_another,
    own_id,
    story_of_own,
    telling_of,
)
from newsdesk.desk.text_ids import ids_for_text
from newsdesk.import_batch import Pending, bulk_collection, store_batch
from newsdesk.isodates import iso_to_ts
from newsdesk.model import Article, Extracted, article_id
from newsdesk.outlet_names import OutletSpellings
from newsdesk.sanitize import clean_text
from newsdesk.store import StoreBackend, Transaction

if TYPE_CHECKING:
    from newsdesk.pipeline import Prepared
    from newsdesk.store.protocol import InsertOutcome
    from newsdesk.store.story_tables import BandKeys
    from newsdesk.stories.grouping import StoryGrouper
    from newsdesk.stories.signature import Signature

#: How many of the articles sharing words with a text file are read to find the copy
#: of it cut short (`_cut_copy_near`): the likeliest come first.
CUT_COPY_LOOKS = 8


class ArticleStorer:
    """Writes extracted items inside a transaction the caller holds (the import's batch,
    a feed's items); the Desk commits, reports and lets the rules act."""

    def __init__(self, store: StoreBackend) -> None:
        self.store = store
        #: The desk's spelling of each outlet, read from the store at the first import.
        self._outlets: OutletSpellings | None = None

    def _spelled(self, meta: Extracted) -> Extracted:
        """`meta` with its outlet spelled as the desk already spells it."""
        if not meta.source:
            return meta
        if self._outlets is None:
            self._outlets = OutletSpellings(self.store.outlet_counts())
        spelled = self._outlets.spell(meta.source)
        return meta if spelled == meta.source else replace(meta, source=spelled)

    def import_files(
        self,
        inputs: Sequence[Path],
        progress: Callable[[ImportProgress], None] | None,
        should_stop: Callable[[], bool] | None,
        stored: Callable[[list[str]], None] | None = None,
        summary: ImportSummary | None = None,
        earlier: dict[str, Article] | None = None,
        before_commit: Callable[[Transaction, list[str]], None] | None = None,
        waiting: Callable[[bool], None] | None = None,
    ) -> ImportSummary:
        """Load the files under `inputs` (in parallel, in order) and store them, several
        to a transaction, each in its own savepoint (see `import_batch`); a file is
        reported to `progress` only once its transaction is committed, and the new
        articles of each committed transaction are handed to `stored` (the rules).
        `before_commit(tx, new ids)` writes the import's step of the action log with them.

        `summary`, when given, is filled as transactions commit: a caller whose import
        is interrupted still knows what was stored. `earlier` gets the version each new
        version of wire copy replaces (`store_in`)."""
        from newsdesk.ingest import iter_input_files
        from newsdesk.pipeline import load_in_order

        files = list(iter_input_files(inputs))
        summary = summary if summary is not None else ImportSummary()
        results = Pending(iter(load_in_order(files, should_stop)))
        done = 0
        #: A file's items that corrected the article an earlier import of that feed made
        #: (by file path; read once its transaction is known to be committed).
        corrected: dict[str, list[str]] = {}

        def store_one(tx: Transaction, prepared: Prepared) -> tuple[list[str], int]:
            ids = corrected.setdefault(str(prepared.result.path), [])
            ids.clear()  # a file stored again after its savepoint was rolled back
            return self.store_file(tx, prepared, earlier, updated=ids)

        with bulk_collection(), self.store.bulk_import():
            while True:
                batch, finished = store_batch(
                    self.store, results, store_one, before_commit, waiting
                )
                # The whole batch is committed: counted before anything else runs (the
                # rules on arrival, any report), so an import a signal stops there still
                # knows every article it stored.
                for outcome, created in batch:
                    summary.imported_ids.extend(created)
                    summary.files.append(outcome)
                    changed = corrected.pop(outcome.path, [])
                    if outcome.error is None and changed:
                        # Said as updated ("imported 0 duplicates 1" hid a correction).
                        outcome.duplicates -= len(changed)
                        summary.updated.extend((outcome.path, a) for a in dict.fromkeys(changed))
                if stored is not None:
                    stored([aid for _, created in batch for aid in created])
                for outcome, _created in batch:
                    done += 1
                    if progress is not None:
                        progress(
                            ImportProgress(
                                done=done, total=len(files), path=outcome.path, outcome=outcome
                            )
                        )
                if finished:
                    break
        return summary

    def store_file(
        self,
        tx: Transaction,
        prepared: Prepared,
        earlier: dict[str, Article] | None = None,
        updated: list[str] | None = None,
    ) -> tuple[list[str], int]:
        """One loaded file's items into `tx`: (new ids, duplicates); the articles its
        items corrected go to `updated` (counted among the duplicates)."""
        result = prepared.result
        # The decoded page is kept (inert, like everything stored) as the
        # raw copy of a one-article file, so it can be extracted again.
        raw = clean_text(result.text) if result.text and len(result.items) == 1 else None
        # A name that is not UTF-8 is stored losslessly as text (paths.name_text).
        origin = paths_mod.name_text(str(result.path))
        return self.store_in(
            tx,
            result.items,
            origin,
            raw,
            prepared.signatures,
            updated=updated,
            earlier=earlier,
            keys=prepared.keys,
            ids=prepared.ids,
        )

    def store_in(
        self,
        tx: Transaction,
        items: Sequence[Extracted],
        origin: str,
        raw: str | None,
        signatures: Sequence[Signature | None] = (),
        after: Callable[[Transaction, list[str]], None] | None = None,
        updated: list[str] | None = None,
        *,
        feed_id: int | None = None,
        earlier: dict[str, Article] | None = None,
        keys: Sequence[BandKeys | None] = (),
        ids: Sequence[str] = (),
        kept: list[str] | None = None,
        deleted: list[str] | None = None,
    ) -> tuple[list[str], int]:
        """Store items inside the open transaction `tx`: (new ids, duplicates).

        `feed_id` is the subscription the items come from (None for files). Its items
        the editor deleted stay out (by id, by GUID, or by the feed's own link for an
        item without a GUID): they count as duplicates, and their ids go to `deleted`.

        `after(tx, ids)` runs last with every item's article id (new or the
        duplicate it merged into). A feed item the same feed told before (its GUID, or
        without a GUID its link) with another headline or body is a correction: the
        stored article takes the new telling (`StoreBackend.update_content`), counts
        as a duplicate, and its id goes to `updated`. Another feed's item under that
        GUID is another telling: the stored article keeps its text and gains an origin.

        `earlier`, when given, gets the telling each updated article and each new
        version of wire copy replaces, as it was before (the rules act only on what is
        new in a re-telling). `keys` are the band keys of `signatures` computed with
        them (`pipeline.Prepared.keys`), one per item or None; `ids` the items' article
        ids computed ahead (`pipeline.Prepared.ids`), one per item, or none. `kept` gets
        the articles whose feed told them again cut short, which kept their text."""
        from newsdesk.stories.feed_subject import MIN_ITEMS, subject_names, without_names
        from newsdesk.stories.grouping import StoryGrouper
        from newsdesk.stories.signature import compute as compute_signature

        #: (item index, new id): reported in the order of the items.
        created: list[tuple[int, str]] = []
        #: Item index -> the article it is now (new, or the one it merged into).
        stored: dict[int, str] = {}
        duplicates = 0
        #: Items written along with their story, whose outcome is read at the end.
        pending: list[tuple[int, Callable[[], InsertOutcome]]] = []
        grouper = StoryGrouper(self.store.story_tables(tx))
        ids = list(ids) if len(ids) == len(items) else [article_id(meta) for meta in items]
        ready: dict[int, tuple[Extracted, float | None, Signature]] = {}
        signatures = list(signatures) + [None] * max(0, len(items) - len(signatures))
        #: Band keys computed ahead, by item index, for the signature they came with.
        keys_of = {
            index: (signatures[index], known)
            for index, known in enumerate(keys[: len(items)])
            if known is not None and signatures[index] is not None
        }

        def known_keys(index: int, signature: Signature, ts: float | None) -> BandKeys | None:
            """The band keys of item `index`'s `signature` computed ahead, handed to the
            grouper for its next look-up (None when that signature's are not known)."""
            ahead = keys_of.get(index)
            if ahead is None or ahead[0] is not signature:
                return None
            grouper.known_keys(signature, ts, ahead[1])
            return ahead[1]

        #: Name tokens most of the file's items carry (an alert feed's company): left out
        #: when its items are matched (`stories.feed_subject`).
        subject: frozenset[int] = frozenset()
        if len(items) >= MIN_ITEMS:
            for index, known_signature in enumerate(signatures):
                if known_signature is None:
                    signatures[index] = compute_signature(self._spelled(items[index]))
            subject = subject_names([sig for sig in signatures if sig is not None])

        def prepare(index: int) -> tuple[Extracted, float | None, Signature]:
            """Item `index` as stored: outlet spelled, date, fingerprint (once)."""
            if index not in ready:
                # After its id: the same page imported again is the same article.
                meta = self._spelled(items[index])
                signature = signatures[index] if index < len(signatures) else None
                if signature is None:
                    signature = compute_signature(meta)
                ready[index] = (meta, iso_to_ts(meta.published), signature)
            return ready[index]

        if len(items) == 1 and not items[0].item_id:
            # A file of one article (a folder's page copy): its story candidates are
            # asked for before the check below, one round trip to a server for both.
            _, first_ts, first_signature = prepare(0)
            known_keys(0, first_signature, first_ts)
            grouper.look_ahead(first_signature, first_ts)
        # Which of the batch's articles are stored already: one query, not one an item.
        known = self.store.existing(
            [aid for aid, meta in zip(ids, items, strict=True) if not meta.item_id]
        )
        # An id whose article a correction gave other text names that text no more.
        content_ids = ids
        ids, known = ids_for_text(self.store, tx, items, ids, known, raw)
        # A page saved again under its address with other news (a daily briefing): its own.
        other_report = feed_id is None and another_report_at(self.store, tx, ids, items, raw)
        # Feed items stored before under their GUID (or, without one, under the link the
        # same feed gave): told otherwise by that feed, a correction.
        guids = [guid for m in items if (guid := feed_guid(m))]
        told = self.store.by_guid(tx, guids) if guids else {}
        links = [link for m in items if (link := feed_link(m))] if feed_id is not None else []
        linked = self.store.by_link(tx, feed_id, links) if feed_id is not None and links else {}
        gone: set[str] = set()
        if feed_id is not None:
            # Deleted by the editor: the feed still lists it, and each fetch brought it
            # back, under its id or, told in other words, under its GUID or link (`u`
            # after the delete is how it comes back).
            gone = self.store.removed([a for a in ids if a not in known])
            gone |= self.store.removed_tellings(
                [g for g in guids if g not in told],
                [u for u in links if u not in linked],
                feed_id,
            )
        order = oldest_first(items)
        #: What names the item each text's id was first met with here (`teaser_ids`).
        holders: dict[str, tuple[str, str]] = {}
        for position, index in enumerate(order):
            item_origin = origin if len(items) == 1 else f"{origin}#{index}"
            aid = ids[index]
            before, named = stored_telling(items[index], told, linked, feed_id, aid)
            # A key the feed gave another report before names it no more: no merging by it.
            reused = named is not None
            by_link = named is None or not named.url or named.url != items[index].url
            by_link = by_link and not other_report
            if before is None and (aid in gone or telling_key(items[index]) in gone):
                duplicates += 1
                if deleted is not None:
                    deleted.append(aid)
                continue
            meta, published_ts, signature = prepare(index)
            if before is not None and before.told_by == feed_id:
                stored_id = before.article_id
                if not retold(before, content_ids[index]) or (aid in known and aid != stored_id):
                    # The same telling (or one another article holds already).
                    self.store.add_origin(tx, stored_id, item_origin)
                    stored[index] = stored_id
                    duplicates += 1
                    continue
                replaces = may_replace(before.body, meta.body)  # no I/O: most tellings do
                previous = (
                    self.store.get(stored_id) if not replaces or earlier is not None else None
                )
                if previous is not None and not replaces:
                    # Emptied or cut to a teaser: the stored text stays (no undo would
                    # bring it back); only a corrected headline is taken.
                    if kept is not None:
                        kept.append(stored_id)
                    if not meta.title or meta.title == previous.meta.title:
                        self.store.add_origin(tx, stored_id, item_origin)
                        stored[index] = stored_id
                        duplicates += 1
                        continue
                    meta = replace(previous.meta, title=meta.title)
                    signature = compute_signature(meta)
                if earlier is not None and previous is not None:
                    earlier[stored_id] = previous
                self.store.update_content(tx, stored_id, meta)
                self.store.add_origin(tx, stored_id, item_origin)
                # Its fingerprint follows the new telling; it stays in its story.
                grouper.assign(stored_id, meta, published_ts, signature)
                stored[index] = stored_id
                duplicates += 1
                if updated is not None:
                    updated.append(stored_id)
                continue
            own = self._own_id(aid, meta, signature, known, holders)
            if own is not None:
                aid = ids[index] = own
            looks = not meta.item_id and aid not in known
            matching = without_names(signature, subject)
            if looks:
                known_keys(index, matching, published_ts)
                # Its story candidates are asked for now (the item before it is
                # stored) and the next item fingerprinted while a server answers.
                grouper.look_ahead(matching, published_ts)
            if position + 1 < len(order):
                prepare(order[position + 1])
            if position:
                ready.pop(order[position - 1], None)
            # The same article saved another way (its HTML page and a text copy):
            # one article with one more origin, not a second version of the story.
            # Versions of wire copy are articles of their own, never copies of each other,
            # and so is a recurring teaser under its own GUID or link.
            copy = grouper.copy_of(matching, published_ts) if looks and own is None else None
            if copy is not None and not same_page(self.store.get(copy), meta):
                copy = None
            if copy is not None:
                # The stored copy may be this text cut short (most of it, so near-alike):
                # the whole completes it, else its extra text was lost as "a duplicate".
                if len(items) == 1:
                    self._complete(tx, copy, aid, meta, raw, grouper, earlier, updated)
                self.store.add_origin(tx, copy, item_origin)
                stored[index] = copy
                duplicates += 1
                continue
            # Undated articles take the date of the story they join, else none.
            # Its story is chosen before the article is written, so the row is
            # written once, story and all (a second write of the row cost a third
            # of an import's time on PostgreSQL). Wire copy is placed after: its
            # story is that of its other versions, which `settle_versions` finds.
            # A recurring teaser under its own id starts its own story (`story_of_own`).
            alone = story_of_own(aid) if own is not None else None
            placement = grouper.decide(aid, matching, published_ts, alone) if looks else None
            cut = cut_copy_in(self.store, placement, items, aid, raw)
            if cut is None and looks:
                cut = self._cut_copy_near(grouper.candidate_ids(matching, published_ts), items, raw)
            if cut is not None:
                self._complete(tx, cut, aid, meta, raw, grouper, earlier, updated)
                self.store.add_origin(tx, cut, item_origin)
                stored[index], duplicates = cut, duplicates + 1
                continue
            if placement is not None and matching is not signature:
                # Matched without the file's subject; stored whole.
                full = keys_of.get(index)
                stored_keys = (
                    full[1][0] + full[1][1]
                    if full is not None and full[0] is signature
                    else signature.band_keys()
                )
                placement = placement._replace(signature=signature, keys=stored_keys)
            if placement is not None:
                # Written with its story; its outcome is read at the end, so a
                # server writes it while the next article is looked up.
                pending.append(
                    (
                        index,
                        self.store.insert_later(
                            tx,
                            aid,
                            meta,
                            item_origin,
                            raw,
                            placement,
                            match_guid=not reused,
                            match_url=by_link,
                        ),
                    )
                )
                grouper.recorded()
                # Stories it bridges become its story (their articles' rows follow).
                grouper.absorb(placement)
                stored[index] = aid
                known.add(aid)
                continue
            previous = self._current_version(tx, aid, meta) if earlier is not None else None
            outcome = self.store.insert(
                tx, aid, meta, item_origin, raw, match_guid=not reused, match_url=by_link
            )
            stored[index] = outcome.article_id
            if not outcome.created:
                duplicates += 1
                self._complete(tx, outcome.article_id, aid, meta, raw, grouper, earlier, updated)
                continue
            created.append((index, aid))
            known.add(aid)
            if previous is not None and earlier is not None:
                earlier[aid] = previous
            into = self._settle_wire(tx, aid, meta, grouper)
            known_keys(index, signature, published_ts)
            story = grouper.assign(aid, meta, published_ts, signature, into=into, new=True)
            self.store.set_story(tx, aid, story)
        for index, answer in pending:
            outcome = answer()
            stored[index] = outcome.article_id
            if outcome.created:
                created.append((index, outcome.article_id))
                continue
            duplicates += 1
            if raw is not None:  # a file of one article: `items[index]` is the page's
                meta = self._spelled(items[index])
                self._complete(
                    tx, outcome.article_id, ids[index], meta, raw, grouper, earlier, updated
                )
        if feed_id is not None and created:
            self.store.set_teller(tx, feed_id, [aid for _, aid in created])
        if after is not None:
            after(tx, [stored[i] for i in sorted(stored)])
        return [aid for _, aid in sorted(created)], duplicates

    def _complete(
        self,
        tx: Transaction,
        stored_id: str,
        aid: str,
        meta: Extracted,
        raw: str | None,
        grouper: StoryGrouper,
        earlier: dict[str, Article] | None,
        updated: list[str] | None,
    ) -> None:
        """A one-article file's page, stored already (by its address, or a text copy in its
        story: `page_address`) from a copy of it cut short, completes that article: it takes
        the whole page's text in place (id, state, tags, star and story kept), and its id
        goes to `updated`. Only a page whose stored copy is its start
        (`same_report.completes`) is taken; nothing of the stored text is lost."""
        if raw is None or stored_id == aid or meta.item_id or meta.format == "feed":
            return
        if not completes(self.store.raw_copy(stored_id), raw):
            return
        previous = self.store.get(stored_id)
        if previous is None or (previous.meta.title, previous.meta.body) == (
            meta.title,
            meta.body,
        ):
            return
        if earlier is not None:
            earlier[stored_id] = previous
        # The whole page is its raw copy from now on: the cut copy again is its start.
        self.store.update_content(tx, stored_id, meta, raw)
        # Its fingerprint follows the whole text; it stays in its story.
        grouper.assign(stored_id, meta, iso_to_ts(meta.published))
        if updated is not None:
            updated.append(stored_id)

    def _cut_copy_near(
        self, candidates: Sequence[str], items: Sequence[Extracted], raw: str | None
    ) -> str | None:
        """Of the articles sharing words with a one-article text file (`candidates`),
        the one whose stored copy is the start of its text (`completes`), or None.

        A copy cut early shares too little with the whole to join its story, where
        `cut_copy_in` looks: the whole came in as a second article beside it. Only the
        likeliest few are read (a copy each)."""
        if raw is None or len(items) != 1 or items[0].item_id or items[0].url:
            return None
        for member in candidates[:CUT_COPY_LOOKS]:
            if completes(self.store.raw_copy(member), raw):
                return member
        return None

    def _own_id(
        self,
        aid: str,
        meta: Extracted,
        signature: Signature,
        known: set[str],
        holders: dict[str, tuple[str, str]],
    ) -> str | None:
        """The id of its own (`teaser_ids.own_id`) for an item whose text is no evidence
        of a copy and whose text's id `aid` another item holds (stored, or met earlier in
        this batch under another GUID or link); None when `aid` is its id."""
        mine = telling_of(meta)
        holder = holders.setdefault(aid, mine)
        if meta.item_id or not (mine[0] or mine[1]) or not is_teaser(signature):
            return None
        if holder is mine and aid in known:
            stored = self.store.get(aid)  # rare: copy whose text is stored already
            if stored is None:
                return None
            holder = holders[aid] = telling_of(stored.meta)
        return own_id(aid, meta) if names_another(mine, holder) else None

    def _current_version(self, tx: Transaction, aid: str, meta: Extracted) -> Article | None:
        """The version of wire item `meta` the desk has now, before version `aid` is stored."""
        if not meta.item_id:
            return None
        current = self.store.current_version(tx, meta.item_id)
        return self.store.get(current) if current is not None and current != aid else None

    def _settle_wire(
        self, tx: Transaction, aid: str, meta: Extracted, grouper: StoryGrouper
    ) -> str | None:
        """A new version of wire copy: settle which version is current (state carries
        over, a kill marks them all) and return the story of its other versions."""
        if not meta.item_id:
            return None
        settled = self.store.settle_versions(tx, meta.item_id, stated_star=meta.starred is not None)
        if settled is None:
            return None
        others = sorted((settled.superseded | {settled.current}) - {aid})
        for other in others:
            story = grouper.story_of(other)
            if story is not None:
                return story
        return None


def oldest_first(items: Sequence[Extracted]) -> list[int]:
    """The order to store a file's items in: oldest publication first, undated ones last
    in the file's order. A feed lists its newest item first, and stories grouped in
    that order came out otherwise than in the order the news happened (an article
    whose own day had not arrived yet joined the day before's story)."""
    if len(items) < 2:
        return list(range(len(items)))
    stamps = [iso_to_ts(meta.published) for meta in items]
    dated = sorted((ts, n) for n, ts in enumerate(stamps) if ts is not None)
    return [n for _, n in dated] + [n for n, ts in enumerate(stamps) if ts is None]


def same_page(found: Article | None, meta: Extracted) -> bool:
    """The checks a copy needs beyond the signatures: the whole headline, numbers
    included ("report number 4" is not "number 5"), no two different addresses, and no
    paragraph of one that is the other's with words changed (`stories.edits`)."""
    from newsdesk.stories.text import words

    if found is None or words(found.meta.title) != words(meta.title):
        return False
    if meta.url and found.meta.url and found.meta.url != meta.url:
        return False
    # A corrected copy ("4 euros" now "5 euros") is a version of its own, not folded away.
    from newsdesk.stories.edits import edited

    return not edited(found.meta.body, meta.body)
