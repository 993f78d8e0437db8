"""Incremental grouping of articles into stories.

`assign` costs about the same whether the store holds 1,000 articles or
100,000: it computes one signature, looks up its LSH band keys in the
store's band table (limited to the time window), scores at most
`MAX_CANDIDATES` candidates, and writes a handful of rows, all through the
store's `StoryTables` (SQL in `newsdesk/store/sqlite/stories.py`). Nothing is held in memory between calls; nothing is recomputed for
other articles.

A new article joins the story whose members it matches best on average
(average link: `story_score`, the mean of its scores against every member,
the newest `MAX_MEMBERS`), when that reaches `score.THRESHOLD` and the story
with it would span at most `SPAN_HOURS` of publication times; otherwise it
starts a story named after itself. Joining through the best single member
(or the mean of the best and the average, as before) let a story chain
through its newest member: on the real development slice
(benchmarks/eval_real_stories.py) the largest story held 16 articles of
several events; average link took B-cubed F1 0.788 -> 0.810 and pair
precision 0.40 -> 0.56 (own pairs' clustering: precision 0.93 -> 0.96,
recall 0.89 -> 0.83). The span cap is anchored on the story's own oldest
and newest dates, not its newest member, so long coverage becomes a
sequence of stories.

An event split early stays split under average link: a rewrite that shares
little with the first report starts a story of its own, and no article could
join two stories. Now a new article that reaches another candidate story as a
whole too (its average at least `BRIDGE_SCORE`) merges that story into the one
it joins when the average score between all members of the two (the article
counted in its own) reaches `MERGE_THRESHOLD`, within the span cap and one
report per outlet (`_merges`). On the development slice: B-cubed F1 0.866 ->
0.877, recall 0.789 -> 0.809, precision 0.958 kept, pair precision 0.860 ->
0.865. The two constants were chosen on a grid (bridge 0.175-0.25, merge
0.15-0.225) on each half of the slice by story; both halves chose 0.25 / 0.20,
and on the other half F1 went 0.860 -> 0.879 and 0.902 -> 0.908 (pair
precision 1.00 both before and after). The project's own pairs, the page copies and the real
feeds' stories are unchanged. The merged story keeps the id of the story the
article joined; the other's members (and their articles' rows) move to it.

Story-level joins were tried for recall and not kept (benchmarks/eval_join_stories.py,
constants chosen on one half of the development slice, the other reported; shipped
B-cubed F1 0.879 / 0.908, whole slice 0.877 at pair precision 0.865): the newcomer
against the story's centroid (TF-IDF only: 0.872 / 0.895; every feature: 0.872 /
0.901, whole-slice pair precision 0.59); a lower threshold when names shared with
several members are rare in the language (0.879 / 0.891) or in the queue so far
(0.882 / 0.895), when the newcomer matches most members moderately (0.871 / 0.895),
when a headline bigram is shared (0.882 / 0.900), or three headline words (0.895 /
0.908, whole 0.880 at pair precision 0.845), or rare ones (0.895 / 0.920, whole
pair precision 0.757); names weighed by their rarity in the queue so far, a pair
feature, lost too (0.866 / 0.886). Six draws of a meaningless word-pair rule move the same
figures 0.878-0.888 / 0.904-0.920: none gains beyond chance, and each one that
lowers the threshold loses precision on the whole slice, denser than its halves.
On the slice the missed same-story joins (story score 0.12-0.225) are 35 of 120
decisions in that band, and no story-level signal tried separates them from the
other 85 (those share more names: one person, another day's development).

A story holds one report per outlet, apart from updates of it
(`score.same_outlet_apart`): a newcomer whose outlet already has a member
that it does not update starts its own story or joins another.

The store owns transactions: no method here commits or begins.
"""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.model import Extracted
from newsdesk.store.story_tables import BandKeys, Placement, StoryCandidate, StoryTables
from newsdesk.stories import score as scoring
from newsdesk.stories.signature import Signature, compute

#: Most candidates scored per assignment, those sharing the most band keys first.
#: A rewrite shares several of the 20 term bands (expected 3.4 at Jaccard 0.17,
#: 6 at 0.3); chance neighbours share one. Scoring dominates the cost of assign.
MAX_CANDIDATES = 32
#: Most rows read per band key (newest first): bounds the cost of very common keys.
BUCKET_LIMIT = 200
#: A rare-word key (`Signature.rare_word_keys`) is looked up only when at most this
#: many members within the window hold it: a word that common in the queue is
#: not telling, and reading it cost most of the lookup (see `_candidates`).
RARE_LIMIT = 24
#: Most members of one story scored against a new article (the newest).
MAX_MEMBERS = 48
#: A story holds at most this many articles: five thousand undated items alike
#: ("t1"/"b") made one story that every row and the detail pane counted through.
MAX_STORY_SIZE = 500
#: A story spans at most this much publication time (its members' and the
#: newcomer's dates together), so long coverage becomes a sequence of stories.
SPAN_HOURS = 96.0
#: Two stories an article bridges become one when the average score between all
#: their members (the article with the story it joins, against the other) reaches
#: this: an event split early (a rewrite that shared too little with the first
#: report) is joined again by a later report close to both. See `_merges`.
MERGE_THRESHOLD = 0.20
#: The article's own average score against the other story must reach this to bridge it.
BRIDGE_SCORE = 0.25
#: Stories merged only while each has at most this many members (all of them scored):
#: bounds the cost, and an established story does not swallow another.
MERGE_MEMBERS = 12
#: Most other stories one article may merge (the best bridged first): at most
#: this many times `MERGE_MEMBERS` squared pairs scored for one article.
MERGE_STORIES = 3


def story_id_for(article_id: str) -> str:
    """A new story is named after its first article."""
    return f"s-{article_id}"


def story_score(member_scores: list[float]) -> float:
    """The mean score against a story's members (average link; see module docstring)."""
    return sum(member_scores) / len(member_scores)


class StoryGrouper:
    """Assigns articles to stories through the store's `StoryTables`, in the caller's transaction."""

    def __init__(self, tables: StoryTables) -> None:
        self.tables = tables
        # The importer asks `copy_of` and then `assign` about one article: the
        # band keys and the candidate rows are read once for both. Any change
        # to the story tables through this grouper forgets them.
        self._looked_for: tuple[Signature, float | None] | None = None
        self._looked_keys: tuple[list[int], list[int]] = ([], [])
        self._looked_found: list[StoryCandidate] | None = None
        #: The answer `look_ahead` asked for, not read yet.
        self._asked: Callable[[], list[StoryCandidate]] | None = None
        #: Story sizes of the last `_candidate_stories` (0: not known).
        self._sizes: dict[str, int] = {}
        #: The pairs `reaches` scored in full in the last `_candidate_stories`.
        self._compared: scoring.Scored = {}

    def assign(
        self,
        article_id: str,
        meta: Extracted,
        published_ts: float | None,
        signature: Signature | None = None,
        into: str | None = None,
        new: bool = False,
    ) -> str:
        """Put the article in the best-matching story, or a new one; return the story id.

        `into` names the story it must join whatever the scores say (a new
        version of wire copy joins its earlier versions' story).

        Re-assigning a known article refreshes its fingerprint and keeps its story;
        `new` says the article was stored just now, so it has no story to look up.
        `signature` is `compute(meta)` done ahead, e.g. in an import worker process.
        An undated article (`published_ts` None) is compared with stories of
        any age and takes the date of the story it joins. One that starts a
        story stays undated there, so the dated versions that come later (of
        any date) still find it: its arrival is no publication date.
        """
        sig = signature if signature is not None else compute(meta)
        current = None if new else self.tables.story_of(article_id)
        if current is not None:
            lsh, rare = self._keys(sig, published_ts)
            self._forget_lookup()
            self.tables.forget_member(article_id)
            self.tables.add_member(article_id, current, sig, lsh + rare, published_ts)
            return current
        placement = self.decide(article_id, sig, published_ts, into)
        self.record(article_id, placement)
        return placement.story

    def decide(
        self,
        article_id: str,
        sig: Signature,
        published_ts: float | None,
        into: str | None = None,
    ) -> Placement:
        """Where a new article goes (`assign`'s choice), read-only: the importer
        writes the article with its story in one row and then `record`s it."""
        lsh, rare = self._keys(sig, published_ts)
        best_story, best_score, best_ts = into, scoring.THRESHOLD, None
        candidates = {} if into else self._candidate_stories(sig, published_ts)
        # Stories the article may join: (its average score, its scores per member).
        eligible: dict[str, tuple[float, list[float]]] = {}
        for story, members in candidates.items():
            dated = [ts for _, ts in members if ts is not None]
            if published_ts is not None:
                dated.append(published_ts)
            if dated and max(dated) - min(dated) > SPAN_HOURS * 3600.0:
                continue  # the story would span too long: a new story starts
            pairs, scores = self._scored_members(sig, published_ts, members)
            if any(scoring.same_outlet_apart(f, v) for f, v in zip(pairs, scores, strict=True)):
                continue  # its outlet already has another report in the story
            value = story_score(scores)
            eligible[story] = (value, scores)
            if value >= best_score:
                best_story, best_score = story, value
                best_ts = max(dated) if dated else None
        self._compared = {}  # this decision's own: never read for another article
        ts = published_ts
        if ts is None and best_story is not None:
            ts = best_ts
        merges: tuple[str, ...] = ()
        if best_story is not None and not into:
            merges = self._merges(best_story, sig, published_ts, candidates, eligible)
        return Placement(best_story or story_id_for(article_id), ts, sig, lsh + rare, merges)

    def _scored_members(
        self, sig: Signature, ts: float | None, members: list[tuple[Signature, float | None]]
    ) -> tuple[list[scoring.Features], list[float]]:
        """The features and score of `sig` against each member, those `reaches` compared
        in full for this decision taken from it (about one member in six otherwise
        scored twice; the same values, computed once)."""
        kept = self._compared
        pairs: list[scoring.Features] = []
        scores: list[float] = []
        for m_sig, m_ts in members:
            known = kept.get(id(m_sig))
            if known is not None and known[0] is m_sig and known[1] == m_ts:
                pairs.append(known[2])
                scores.append(known[3])
                continue
            f = scoring.features(sig, m_sig, ts, m_ts)
            pairs.append(f)
            scores.append(scoring.score(f))
        return pairs, scores

    def _merges(
        self,
        joined: str,
        sig: Signature,
        ts: float | None,
        candidates: dict[str, list[tuple[Signature, float | None]]],
        eligible: dict[str, tuple[float, list[float]]],
    ) -> tuple[str, ...]:
        """Other stories to merge into `joined`, the story the article joins.

        Average link keeps a rewrite that shares little with the first report
        out of its story, and nothing joined two stories again: an event split
        early stayed split. A story the article also reaches as a whole
        (`BRIDGE_SCORE`) is merged when the average score between every member
        of the two, the article counted in `joined`, reaches `MERGE_THRESHOLD`,
        the merged story spans at most `SPAN_HOURS` and holds one report per
        outlet (`score.same_outlet_apart`). Both stories must be small enough
        to be scored whole (`MERGE_MEMBERS`), best bridged story first.
        """
        whole = self._sizes
        group = [(sig, ts), *candidates[joined]]
        if len(group) - 1 > MERGE_MEMBERS or whole.get(joined, 0) != len(group) - 1:
            return ()
        merged: list[str] = []
        others = sorted(
            (s for s, (v, _) in eligible.items() if s != joined and v >= BRIDGE_SCORE),
            key=lambda s: -eligible[s][0],
        )
        for story in others[:MERGE_STORIES]:
            members = candidates[story]
            if len(members) > MERGE_MEMBERS or whole.get(story, 0) != len(members):
                continue
            dated = [t for _, t in group + members if t is not None]
            if dated and max(dated) - min(dated) > SPAN_HOURS * 3600.0:
                continue
            # The article's scores against the story are known; its members' against
            # the story's members are not.
            values = list(eligible[story][1])
            apart = False
            for a_sig, a_ts in group[1:]:
                for b_sig, b_ts in members:
                    f = scoring.features(a_sig, b_sig, a_ts, b_ts)
                    value = scoring.score(f)
                    if scoring.same_outlet_apart(f, value):
                        apart = True
                        break
                    values.append(value)
                if apart:
                    break
            if apart or story_score(values) < MERGE_THRESHOLD:
                continue
            merged.append(story)
            group += members
        return tuple(merged)

    def record(self, article_id: str, placement: Placement) -> None:
        """Write what `decide` chose: the article becomes a member of its story."""
        self.recorded()
        self.tables.add_member(
            article_id, placement.story, placement.signature, placement.keys, placement.ts
        )
        self.tables.grow(placement.story, placement.ts)
        self.absorb(placement)

    def absorb(self, placement: Placement) -> None:
        """Merge the stories the placed article bridges into its own (`decide`)."""
        for story in placement.merges:
            self._forget_lookup()
            self.tables.merge(story, placement.story)

    def look_ahead(self, signature: Signature, published_ts: float | None) -> None:
        """Ask the store now for the candidates `copy_of` and `decide` will read for
        this article, so that a server works on them while the caller does something
        else (the importer fingerprints its next article). The answer is of the
        tables as they are now: call it after the previous article is recorded."""
        lsh, rare = self._keys(signature, published_ts)
        if self._asked is not None or self._looked_found is not None:
            return  # asked already (or read) for this very article
        self._asked = self.tables.candidates_later(
            lsh,
            published_ts,
            # As far as a copy may be dated apart (`is_copy`); a story's pairs further
            # apart than `WINDOW_HOURS` score nothing.
            max(scoring.WINDOW_HOURS, scoring.COPY_HOURS) * 3600.0,
            BUCKET_LIMIT,
            MAX_CANDIDATES,
            rare_keys=rare,
            rare_limit=RARE_LIMIT,
        )

    def recorded(self) -> None:
        """The story tables changed (`record`, or the store wrote a placement along
        with its article): what was looked up before is stale."""
        self._forget_lookup()

    def copy_of(self, signature: Signature, published_ts: float | None) -> str | None:
        """A grouped article this one is a copy of (`score.is_copy`), e.g. the HTML page
        of a text copy being imported; None when there is none."""
        for cand in self._candidates(signature, published_ts):
            if not scoring.may_be_copy(signature, cand.signature, published_ts, cand.ts):
                continue
            if scoring.is_copy(scoring.features(signature, cand.signature, published_ts, cand.ts)):
                return cand.article_id
        return None

    def candidate_ids(self, signature: Signature, published_ts: float | None) -> list[str]:
        """The grouped articles sharing band keys with `signature`, most shared first
        (whether or not this one joins their story)."""
        return [cand.article_id for cand in self._candidates(signature, published_ts)]

    def story_of(self, article_id: str) -> str | None:
        return self.tables.story_of(article_id)

    def members(self, story_id: str) -> list[str]:
        """Article ids of the story, oldest publication first (unknown dates last)."""
        return self.tables.members(story_id)

    def remove(self, article_id: str) -> None:
        """Forget the article. Its story keeps its id while other members remain."""
        story = self.tables.story_of(article_id)
        if story is None:
            return
        self._forget_lookup()
        self.tables.forget_member(article_id)
        self.tables.shrink(story)

    def sizes(self, article_ids: list[str]) -> dict[str, int]:
        """Story size per article (1 for articles in no story)."""
        return self.tables.sizes(article_ids)

    def _candidate_stories(
        self, sig: Signature, ts: float | None
    ) -> dict[str, list[tuple[Signature, float | None]]]:
        """Stories worth scoring whole, each with its members (the newest `MAX_MEMBERS`).

        A story's mean over its members reaches the threshold only if some
        member does, so only stories whose candidate members (found by LSH)
        include one at the threshold are read whole: about the cost of
        scoring the candidates alone.
        """
        found = self._candidates(sig, ts)
        size: dict[str, int] = {}
        self._sizes = size
        scored: scoring.Scored = {}
        self._compared = scored
        seen: dict[str, list[tuple[Signature, float | None]]] = {}
        for cand in found:
            size[cand.story_id] = cand.story_size
            seen.setdefault(cand.story_id, []).append((cand.signature, cand.ts))
        out: dict[str, list[tuple[Signature, float | None]]] = {}
        unread: list[str] = []
        for cand in found:
            story = cand.story_id
            if story in out or size[story] >= MAX_STORY_SIZE:
                continue  # scored already, or no event has that many reports: a new one
            if not scoring.reaches(sig, cand.signature, ts, cand.ts, scored):
                continue
            members = seen[story]
            if 0 < len(members) == size[story] and len(members) <= MAX_MEMBERS:
                # Every member is a candidate: scored from them, not read again.
                out[story] = members
                continue
            out[story] = []
            unread.append(story)
        # The stories to read whole, in one query (a server answers one statement,
        # not one per story: about four an article on a busy queue).
        for story, member_sig, member_ts in self.tables.story_signatures(unread, MAX_MEMBERS):
            out[story].append((member_sig, member_ts))
        return out

    def known_keys(self, sig: Signature, ts: float | None, keys: BandKeys) -> None:
        """`sig`'s band keys (`lsh_keys`, `rare_word_keys`) computed ahead, e.g. by an
        import worker with the signature: the next look-up for this very `sig` and `ts`
        reads them here instead of computing them in the (serial) importing process."""
        looked = self._looked_for
        if looked is not None and looked[0] is sig and looked[1] == ts:
            return  # known already (and maybe looked up)
        self._looked_for, self._looked_keys, self._looked_found = (sig, ts), keys, None
        self._asked = None

    def _keys(self, sig: Signature, ts: float | None) -> BandKeys:
        """The article's MinHash band keys and its rare-word keys (`Signature.band_keys`)."""
        looked = self._looked_for
        if looked is None or looked[0] is not sig or looked[1] != ts:
            self._looked_for, self._looked_keys, self._looked_found = (
                (sig, ts),
                (sig.lsh_keys(), sig.rare_word_keys()),
                None,
            )
            self._asked = None
        return self._looked_keys

    def _forget_lookup(self) -> None:
        self._looked_for, self._looked_keys, self._looked_found = None, ([], []), None
        self._asked = None

    def _candidates(self, sig: Signature, ts: float | None) -> list[StoryCandidate]:
        """Members sharing band keys within the time window, most shared keys first.

        Each key reads at most `BUCKET_LIMIT` rows, newest first, so a key
        shared by thousands of articles (a head of state's name) costs no more
        than a rare one. A rare-word key counts only when at most `RARE_LIMIT`
        members within the window hold it. Undated articles are always in the
        window; an undated new article looks at every date (newest first, same
        limit).
        """
        self.look_ahead(sig, ts)  # asks now unless asked (or read) already
        if self._looked_found is None and self._asked is not None:
            self._looked_found, self._asked = self._asked(), None
        assert self._looked_found is not None
        return self._looked_found
