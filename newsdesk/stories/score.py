"""How alike two articles are, and whether they report the same event.

Features (all in [0, 1], computed from two `Signature`s; AUC is how well each
alone separates same-event from same-topic pairs on the tune split of
benchmarks/story_pairs, 50 same / 76 different pairs since the hard pairs were
added; in brackets, the first tune set of 34 easier same pairs):

- `names` (AUC 0.85 [0.98]): mention-weighted overlap of name tokens: for each
  article, the share of its name mentions that go to names both carry; the
  lower of the two. Rewrites keep the people and places they are about;
  another flood in the same state shares the governor in passing, not the
  town, the sheriff, the victims.
- `figures` (AUC 0.74 [0.82]): |A∩B| / (sqrt(|A| |B|) + 1) over canonical
  figures (death tolls, amounts, percentages; not years). Rewrites keep some;
  same-topic events have their own.
- `title` (AUC 0.77 [0.90]): Jaccard of headline content words.
- `lede` (AUC 0.81): the same smoothed Ochiai over content words of the
  headline and the prose opening (`signature.LEDE_WORDS`). It carries
  rewrites that quote other people and give other figures: a local feature
  and the agency copy both say "chlorine leak", "plant", "workers".
- `tfidf`: cosine of the headline-and-lede words, each weighted by its
  rarity in the language (`idf`, from general word frequencies). Real
  rewrites share the event's telling words ("body camera", "Columbus",
  "footage") more than its names or figures, and the plain `lede` overlap
  counts "said" and "Tuesday" as much as "Kabul". Given 0.40 of the weight
  (the others scaled down by 0.6) and THRESHOLD 0.207 -> 0.225, chosen by
  a grid on the real development slice and the tune-to-hard pairs together
  (README, Stories on real news): real slice B-cubed F1 0.810 -> 0.831,
  pair precision 0.56 -> 0.75; own clustering precision 0.96 -> 1.00,
  recall 0.83 -> 0.80. (Since refitted with the others: "Fitted on real news".)
- `shingles` (AUC 0.66): MinHash estimate of body 2-shingle Jaccard. Near zero
  for rewrites (its fitted weight is 0), but a copy above `SYNDICATED` is the
  same story outright, unless the template guard says otherwise.

Decision, in order (see `score`):

1. Further apart than `WINDOW_HOURS`: different (0).
2. Template guard: near-identical copy (shingles >= `SYNDICATED` or headline
   Jaccard >= `TEMPLATE_TITLE`) where neither text's headline-and-first-
   paragraph figures occur anywhere in the other: different (0). Automated
   alerts ("X (NASDAQ:Y) CFO Sells 12,500 Shares", then "CEO Sells 30,000
   Shares" two days later) share the whole template, the company and most
   boilerplate figures; what tells the trades apart is the shares, price and
   value up top. A syndicated copy, a whole-page copy, or an update with a
   new toll keeps at least one of them.
3. Two items of one outlet whose bodies are copies under headlines that share no
   word: different (0), the outlet's furniture (`Features.furniture_body`). Copy
   (shingles >= `SYNDICATED`, the bodies long enough to be evidence:
   `COPY_BODY_WORDS`): same (1).
4. Otherwise the weighted mean of the features both articles have (one
   shared name, of one word or several, with nothing else in common counts
   only as far as the texts agree: `name_alone`), minus a time decay: `DECAY * min(hours, WINDOW_HOURS) /
   WINDOW_HOURS` (half of `DECAY` when a date is unknown: `UNDATED_GAP`). Versions
   written hours apart need less overlap than versions three days apart: a
   follow-up a day later shares little, and the longer the gap, the likelier
   a similar article is another event (second outage, another case in the
   same court). The decay is small (at most `DECAY`), so the content decides.

Fitted on real news (`python benchmarks/eval_real_stories.py --fit`): WEIGHTS
are an L2-regularised logistic regression over the six features on the pairs
of the real development slice (../shared/realworld-stories) within the window
plus the own tune pairs, pairs the rules decide (window, template guard,
copies, one outlet) left out, each source and class weighed equally; DECAY
and THRESHOLD are the grid values (0-0.2, 0.10-0.35) whose grouping of the
slice by the real grouper has the best B-cubed F1. The held-out check (fit on
one half of the slice by story, score the other) gave B-cubed F1 0.839 and
0.861, pair precision 0.93 and 0.88, against 0.852 / 0.857 for the earlier
hand-picked constants on the same halves (which had seen them) and 0.896 /
0.898 for a TF-IDF single-link baseline with its cut-off chosen on the other
half: fitting does not beat that baseline on held-out halves. On the whole
slice (in-sample) 0.829 -> 0.846, pair precision 0.755 -> 0.852; own pairs:
precision 1.00 everywhere, hard-split recall 0.44 -> 0.22, clustering recall
0.76 -> 0.72, blind set recall 0.90 -> 0.80. Both halves chose the larger
decay (0.2): versions of one development are written within hours, the next
day's is another story on real news.

Before that (the figures below): WEIGHTS were a logistic regression on the tune pairs inside
the window that the guard and the copy rule do not decide, scaled to sum to
1; DECAY (grid 0-0.2) and THRESHOLD (middle of the range of cut-offs with the
best F1) are chosen together on the tune pairs. All three are re-measured by
`python benchmarks/eval_stories.py --fit`, which also reports the holdout,
fresh and hard (held-out new pairs) splits and leave-one-topic-out figures.
That fit now weighs all six features (it used to see five and keep tfidf's
weight as it was) and leaves out every pair a rule decides, one-outlet pairs
too (`Features.decided_by_rule`), as the real-news fit does; leave one topic
out, 32 folds: P/R/F1 0.961/0.851/0.902 with five -> 0.961/0.839/0.896 with
six (tune-pairs fit: names 0.34, figures 0.27, title 0.09, lede 0.10, tfidf
0.20): the own pairs alone do not ask for the TF-IDF feature; real news does.

The earlier constants (names 0.57 / figures 0.28 / title 0.15, threshold
0.357, no decay) were fitted on same pairs that shared many names and
figures; on rewrites sharing one or two, they missed most (hard split recall
0.00; a blind set saw recall 0.70 with misses scoring 0.17-0.31).

Measured (pair precision/recall; `eval_stories.py`, entities from
`newsdesk.extract.enrich`), first constants -> these:

    tune, all 50 same / 76 different      0.881/0.740 -> 0.953/0.820
      of which the 16/20 hard tune pairs  0.571/0.250 -> 1.000/0.500
    hard split (held out), 9 / 12         1.000/0.000 -> 1.000/0.556
    holdout, 16 / 28                      1.000/1.000 -> 0.941/1.000
    fresh, 12 / 20                        1.000/1.000 -> 0.923/1.000
    leave-one-topic-out, 32 topics        0.864/0.805 -> 0.961/0.851
    clustering, all article pairs         0.857/0.759 -> 0.928/0.885

(The two new holdout/fresh false pairs, 49 and 60 h apart, score just above
THRESHOLD; `grouping.story_score` keeps them from merging stories.)
Not done: IDF weights for the lede words (needs document frequencies kept in
the store; the rare words that matter are mostly names, already weighted).
Tried and not kept: a whole-body vector's cosine, as a feature or to lift pairs
just below the threshold (benchmarks/eval_body_stories.py): on held-out halves
of the real slice it gains what a coin does, and the slice's bodies (openings
of at most 62 content words) hold no word the lede does not.

The window (96 h) is not fitted: it is set wider than any gap between two
versions of one event in the set (46 h), so follow-ups days later still
join, while a rematch of the same teams 11 days later does not.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass

import numpy as np

from newsdesk.stories import minhash

# Kept here too: callers ask `score` whether two articles are one (`grouping.copy_of`).
from newsdesk.stories.copies import COPY_FIGURES as COPY_FIGURES
from newsdesk.stories.copies import COPY_HOURS as COPY_HOURS
from newsdesk.stories.copies import COPY_SHINGLES as COPY_SHINGLES
from newsdesk.stories.copies import COPY_TFIDF as COPY_TFIDF
from newsdesk.stories.copies import is_copy as is_copy
from newsdesk.stories.copies import may_be_copy as may_be_copy
from newsdesk.stories.overlap import short_lede_penalty, smoothed_ochiai, weighted_overlap
from newsdesk.stories.pair_guards import NAME_ALONE_TEXT as NAME_ALONE_TEXT
from newsdesk.stories.pair_guards import RECURRING_HOURS as RECURRING_HOURS
from newsdesk.stories.pair_guards import TEMPLATE_HEADLINE as TEMPLATE_HEADLINE
from newsdesk.stories.pair_guards import TEMPLATE_TITLE as TEMPLATE_TITLE
from newsdesk.stories.pair_guards import name_alone as name_alone
from newsdesk.stories.pair_guards import one_name as one_name
from newsdesk.stories.pair_guards import one_template_two_reports as one_template_two_reports
from newsdesk.stories.pair_guards import other_people as other_people
from newsdesk.stories.pair_guards import recurring_headline as recurring_headline
from newsdesk.stories.pair_guards import text_overlap
from newsdesk.stories.signature import RETELLING, Signature

#: Articles further apart than this are never the same story (hours).
WINDOW_HOURS = 96.0
#: The features of a pair (`Features.as_dict`), in the order the fits report them.
FEATURES: tuple[str, ...] = ("names", "figures", "title", "lede", "shingles", "tfidf")
#: Weights of the features in the score; they sum to 1.
#: Fitted by `benchmarks/eval_real_stories.py --fit` (see "Fitted on real news" above).
WEIGHTS: dict[str, float] = {
    "names": 0.258,
    "figures": 0.178,
    "title": 0.218,
    "lede": 0.159,
    "shingles": 0.0,
    "tfidf": 0.187,
}
#: Body-shingle Jaccard above which two texts are copies of one another
#: (syndicated or lightly edited wire copy): same story whatever else differs.
SYNDICATED = 0.5
#: Fewer distinct content words than this in a body's opening (its headline's left out)
#: and its copy is no evidence of one story (`Features.syndicated`): a teaser or a line
#: of boilerplate. Real syndicated copies on the development slice and the own pairs
#: have openings of 40 words and more.
COPY_BODY_WORDS = 20
#: Score taken off at the far edge of the window (linear in hours).
DECAY = 0.20
#: Minimum score to join an existing story (measured; see module docstring).
THRESHOLD = 0.225
#: The share of the window taken as the gap when either date is unknown: half of it,
#: not none. Two undated pages about one country's diplomacy weeks apart otherwise
#: scored as if written the same hour (the seeds' two South Korea pieces: 0.259).
UNDATED_GAP = 0.5


@dataclass
class Features:
    """The measured similarity of two articles."""

    names: float
    figures: float
    title: float
    lede: float
    shingles: float
    #: Cosine of the headline-and-lede words weighted by rarity (`idf`).
    tfidf: float
    #: Hours between publication, None when either date is unknown.
    hours: float | None
    #: Content words in the shorter of the two ledes (`overlap.short_lede_penalty`).
    shortest_lede: int = 1 << 16
    #: Distinct content words of the shorter body's opening, besides its headline's:
    #: counted only for a pair whose bodies are copies (`syndicated`), else unknown.
    shortest_body: int = 1 << 16
    #: Features that say nothing here because one article has none of the kind
    #: (no figures at all, no names, an empty headline).
    missing: frozenset[str] = frozenset()
    #: Both openings carry figures and neither opening's figures occur anywhere in
    #: the other text (for the template guard). Anywhere, not just in the other
    #: opening: a whole-page copy has menus before the first paragraph.
    figures_clash: bool = False
    #: Share of the smaller figure set found in the other (0 when either has none):
    #: a text copy of a page keeps fewer of its figures, all of them the page's.
    figures_contained: float = 0.0
    #: Both openings (headline and first paragraph) carry figures and share none.
    openings_apart: bool = False
    #: Each opening gives a figure the other text never mentions (an alert's amount up
    #: top), though they may share another (the day's share price).
    openings_unmatched: bool = False
    #: Both come from one outlet (`signature.outlet_key`, known on both sides).
    same_outlet: bool = False
    #: One outlet's wire copy under one slugline or item id (`signature.report_keys`).
    same_report: bool = False
    #: One of two items of one outlet says it corrects or updates a report
    #: (`signature.RETELLING_HEADLINE`): it need not reach `UPDATE_SCORE`.
    retelling: bool = False
    #: How many name tokens both carry (`names` weighs them by mentions).
    names_shared: int = 0
    #: `names_shared` when the shared tokens read as one name ("Port Alva": `one_name`),
    #: else 0.
    name_words: int = 0
    #: With one shared name: the best headline, lede and TF-IDF overlap of the two
    #: without it (`name_alone`); 1.0 (no say) otherwise.
    beyond_name: float = 1.0
    #: For a pair under one headline, undated or a day apart (`pair_guards.RECURRING_HOURS`):
    #: the best lede and TF-IDF overlap without the headlines' words
    #: (`recurring_headline`); 1.0 (no say) otherwise.
    beyond_title: float = 1.0

    def as_dict(self) -> dict[str, float]:
        """The feature values by name (`FEATURES`)."""
        return {name: getattr(self, name) for name in FEATURES}

    @property
    def decided_by_rule(self) -> bool:
        """The window, the template guard, the copy rule or the one-outlet rule decides
        this pair whatever the weights (`score`, `same_outlet_apart`): fits leave it out."""
        outside = self.hours is not None and self.hours > WINDOW_HOURS
        return outside or self.template_clash or self.syndicated or self.same_outlet

    @property
    def syndicated(self) -> bool:
        """The bodies are copies (`SYNDICATED`) long enough to say so (`COPY_BODY_WORDS`):
        a paywalled feed's teaser ("Subscribe to read the full story on our website.") in
        four items made four headlines one story. Such pairs are scored as any other."""
        return self.shingles >= SYNDICATED and self.shortest_body >= COPY_BODY_WORDS

    @property
    def furniture_body(self) -> bool:
        """Two items of one outlet whose bodies are copies under headlines that share no
        word: the outlet's furniture (a paywall's or a teaser feed's text in every item),
        not an update of one report, which keeps a word of its headline."""
        return (
            self.same_outlet
            and self.shingles >= SYNDICATED
            and "title" not in self.missing
            and self.title <= 0.0
        )

    @property
    def template_clash(self) -> bool:
        """Near-identical copy or headline whose opening figures all differ (guard 2),
        unless it is one report with its figures corrected (`corrected_figures`)."""
        near_identical = self.shingles >= SYNDICATED or self.title >= TEMPLATE_TITLE
        return near_identical and self.figures_clash and not self.corrected_figures

    @property
    def corrected_figures(self) -> bool:
        """One outlet's report told again with its figures corrected ("voted 31 to 19"
        now "32 to 18"): the same headline and names, the text near-identical, at most
        `CORRECTED_HOURS` apart. It is a version of the report (`D` shows the change),
        where the template guard read two reports. Templated alerts differ in their
        headline or their names, or come a bulletin's interval apart."""
        return (
            self.same_outlet
            and self.shingles >= SYNDICATED
            and "title" not in self.missing
            and self.title >= 1.0
            and "names" not in self.missing
            and self.names >= CORRECTED_NAMES
            and self.hours is not None
            and self.hours <= CORRECTED_HOURS
        )


#: A corrected retelling (`Features.corrected_figures`): this many hours apart at most,
#: names this alike (a corrected spelling of one name lowers them a little).
CORRECTED_HOURS = 3.0
CORRECTED_NAMES = 0.8


#: The score two items of one outlet need to be one story: an update of one
#: report keeps most of its headline and telling words (measured in
#: `same_outlet_apart`).
UPDATE_SCORE = 0.6


def same_outlet_apart(f: Features, value: float) -> bool:
    """Two items of one outlet that are not an update of one report (`value` is `score(f)`).

    An outlet does not write two reports of one event to be read as one: its
    second piece is an analysis, a video, a column or another development, and
    its items share the outlet's own furniture and beat words (a Guardian
    feed's State of the Union news, column and video; Macworld's "Face ID"
    security story and iPad rumours; two automated trade alerts about one
    company). Such pairs score up to 0.50 on the real feeds in
    `../shared/realworld`; the updates there (a report and its video version,
    one trade told twice) score 0.71-0.74, and a copy scores 1. On the real
    development slice every same-outlet pair is two stories (best 0.33). The
    project's own pairs have six follow-ups by one outlet labelled one event
    (0.15-0.48): they are kept apart now, a deliberate loss.
    """
    if f.retelling:
        return False  # "CORRECTION: ..." of the outlet's own report: scored as any pair
    if f.same_report:
        return False
    return f.same_outlet and (value < UPDATE_SCORE or f.furniture_body)


def _contained(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def features(a: Signature, b: Signature, ts_a: float | None, ts_b: float | None) -> Features:
    """Compare two signatures."""
    hours = abs(ts_a - ts_b) / 3600.0 if ts_a is not None and ts_b is not None else None
    missing = frozenset(
        name
        for name, empty in (
            ("names", not a.name_weights or not b.name_weights),
            ("figures", not a.figure_set or not b.figure_set),
            ("title", not a.title_set or not b.title_set),
            ("lede", not a.lede_set or not b.lede_set),
            ("tfidf", not a.lede_vector[1] or not b.lede_vector[1]),
        )
        if empty
    )
    # The shared lede words, found once (C set code) for both lede features.
    shared_lede = a.lede_set & b.lede_set
    shared_names = a.name_weights.keys() & b.name_weights.keys()
    one = one_name(a.name_weights, b.name_weights, shared_names)
    same_outlet = len(a.outlet) >= 1 and len(b.outlet) >= 1 and a.outlet[0] == b.outlet[0]
    shingles = minhash.estimate(a.shingles, b.shingles)
    return Features(
        names=weighted_overlap(a.name_weights, b.name_weights),
        figures=smoothed_ochiai(a.figure_set, b.figure_set),
        # Only `is_copy` reads it, and only for the same headline words: not worth a
        # set intersection for every other pair grouping scores.
        figures_contained=(
            _contained(a.figure_set, b.figure_set) if a.title_set == b.title_set else 0.0
        ),
        title=minhash.jaccard(a.title_set, b.title_set),
        lede=smoothed_ochiai(a.lede_set, b.lede_set, len(shared_lede)),
        shingles=shingles,
        tfidf=tfidf(a, b, shared_lede),
        hours=hours,
        missing=missing,
        figures_clash=bool(a.lede_figure_set)
        and bool(b.lede_figure_set)
        and a.lede_figure_set.isdisjoint(b.figure_set)
        and b.lede_figure_set.isdisjoint(a.figure_set),
        openings_apart=bool(a.lede_figure_set)
        and bool(b.lede_figure_set)
        and a.lede_figure_set.isdisjoint(b.lede_figure_set),
        openings_unmatched=bool(a.lede_figure_set - b.figure_set)
        and bool(b.lede_figure_set - a.figure_set),
        same_outlet=same_outlet,
        same_report=same_outlet
        and not (set(a.outlet[1:].tolist()) - {RETELLING}).isdisjoint(b.outlet[1:].tolist()),
        retelling=same_outlet
        and (RETELLING in a.outlet[1:].tolist() or RETELLING in b.outlet[1:].tolist()),
        names_shared=len(shared_names),
        name_words=len(shared_names) if one else 0,
        beyond_name=beyond_name(a, b, shared_lede, shared_names) if one else 1.0,
        beyond_title=_beyond_title(a, b, shared_lede, hours),
        # An empty lede is a row stored before ledes were (the headline's words are in
        # every newer one): unknown, not short.
        shortest_lede=min(len(a.lede_set), len(b.lede_set)) if "lede" not in missing else 1 << 16,
        shortest_body=_shortest_body(a, b) if shingles >= SYNDICATED else 1 << 16,
    )


def _beyond_title(
    a: Signature, b: Signature, shared_lede: frozenset[int], hours: float | None
) -> float:
    """`Features.beyond_title`: asked only of pairs `recurring_headline` may keep apart
    (the same headline, hours apart), else 1.0."""
    if (hours is not None and hours < RECURRING_HOURS) or not a.title_set or not b.title_set:
        return 1.0
    if minhash.jaccard(a.title_set, b.title_set) < TEMPLATE_TITLE:
        return 1.0
    rest = shared_lede - (a.title_set | b.title_set)
    return max(smoothed_ochiai(a.lede_set, b.lede_set, len(rest)), tfidf(a, b, rest))


def _shortest_body(a: Signature, b: Signature) -> int:
    """`Features.shortest_body`: the fewer distinct body words of the two openings (unknown,
    not short, for a row stored before ledes were)."""
    if not a.lede_set or not b.lede_set:
        return 1 << 16
    return min(len(a.lede_set - a.title_set), len(b.lede_set - b.title_set))


def beyond_name(
    a: Signature, b: Signature, shared_lede: frozenset[int], shared_names: set[int]
) -> float:
    """`Features.beyond_name`: how far the texts agree besides their one shared name
    (`shared_names`, its words: the caller asks only when they are one, `one_name`).

    The name is a rare word, so it alone lifted the TF-IDF cosine of two one-line
    items from one town ("Quillport libraries scrap late fines", "Quillport ferry
    crews vote to strike") to 0.23-0.38, past `NAME_ALONE_TEXT`: four such items
    were one story. Without the name the same pairs agree 0.0-0.08.

    A name word the ledes do not share as it is (they hold stems and whole
    hyphenated words: "athen" for "Athens", "hollin-on-sea" for "Hollin" and
    "Sea") is taken to be there in another form: the rarest other shared word goes
    with the name. When the name is further down instead, that word was evidence
    lost; on the development slice and the own pairs no same-story pair changed."""
    rest = shared_lede - shared_names
    name = shared_names
    weights = a.lede_vector[0]  # empty for a row stored before lede weights were
    if rest and weights and not shared_names <= shared_lede:
        # The hash breaks ties, so the choice is the same in every process.
        name = shared_names | {max(rest, key=lambda word: (weights[word], word))}
        rest = rest - name
    title_rest = (a.title_set - name, b.title_set - name)
    return max(
        minhash.jaccard(*title_rest) if all(title_rest) else 0.0,
        smoothed_ochiai(a.lede_set, b.lede_set, len(rest)),
        tfidf(a, b, rest),
    )


#: The features `reaches` can bound; a weight on any other (an experiment's extra
#: feature) sends every pair through the full `score`.
_BOUNDED = frozenset(FEATURES)
#: Slack for float rounding in `reaches`'s bound: a pair is decided on the bound only
#: when the bound is below the threshold by more than this.
_SLACK = 1e-9


Scored = dict[int, tuple[Signature, float | None, Features, float]]  # id(b): b, ts_b, f, score


def reaches(
    a: Signature, b: Signature, ts_a: float | None, ts_b: float | None, scored: Scored | None = None
) -> bool:
    """Whether the pair may put `a` in `b`'s story: `score(features(a, b, ts_a, ts_b)) >=
    THRESHOLD`, and for two items of one outlet that are not one report, the score of an
    update (`UPDATE_SCORE`): below it, `same_outlet_apart` keeps `a` out of that story
    whatever its other members say. Most pairs are decided on an upper bound of the
    score before the costly features.

    Grouping asks this of every candidate (about 25 an article) and most are
    far below the threshold. The bound first takes the cheap exact overlaps
    (names, title, figures) with the highest possible lede overlap and TF-IDF
    cosine (1), then the exact lede and TF-IDF: when it is below the
    threshold, the pair cannot reach it. Pairs a rule may decide the other
    way (one report of one outlet, a copy by its shingles) and those at or
    above the bound get the full `score` (the template guard and the exact
    shingles), kept in `scored` when given (grouping scores that member again).
    """
    threshold, w, decay = THRESHOLD, WEIGHTS, DECAY
    if threshold <= 0 or not _BOUNDED.issuperset(w):
        return _full(a, b, ts_a, ts_b, scored) >= threshold
    hours = abs(ts_a - ts_b) / 3600.0 if ts_a is not None and ts_b is not None else None
    if hours is not None and hours > WINDOW_HOURS:
        return False  # outside the window: score 0
    if a.outlet_key is not None and a.outlet_key == b.outlet_key:
        marks_a, marks_b = set(a.outlet[1:].tolist()), set(b.outlet[1:].tolist())
        if not (marks_a - {RETELLING}).isdisjoint(marks_b):
            return True  # one report of one outlet (score 1)
        # A feed's items share their outlet, so many candidates are its earlier items:
        # bounded like any other pair, against the higher mark (a correction of the
        # outlet's own report against the usual one).
        if RETELLING not in marks_a and RETELLING not in marks_b:
            threshold = max(threshold, UPDATE_SCORE)
    # The shingle estimate counts equal positions that are not empty: at most all equal ones.
    sa, sb = a.shingles, b.shingles
    same = sa.size == sb.size and sa.size > 0
    shingles = float(np.count_nonzero(sa == sb)) / float(sa.size) if same else 0.0
    if shingles >= SYNDICATED:
        return _full(a, b, ts_a, ts_b, scored) >= threshold  # may be a copy
    # The weights of the features both articles have (as in `score`).
    wn = w.get("names", 0.0) if a.name_weights and b.name_weights else 0.0
    wf = w.get("figures", 0.0) if a.figure_set and b.figure_set else 0.0
    wt = w.get("title", 0.0) if a.title_set and b.title_set else 0.0
    wl = w.get("lede", 0.0) if a.lede_set and b.lede_set else 0.0
    ws = w.get("shingles", 0.0)
    wi = w.get("tfidf", 0.0) if a.lede_vector[1] and b.lede_vector[1] else 0.0
    total = sum(x for x in (wn, wf, wt, wl, ws, wi) if x > 0)
    if total <= 0:
        return False  # score 0
    gap = min(hours, WINDOW_HOURS) / WINDOW_HOURS if hours is not None else UNDATED_GAP
    # As `score`'s: short items' pairs mostly failed by it alone, after a full `score`.
    la, lb = len(a.lede_set), len(b.lede_set)
    penalty = short_lede_penalty(min(la, lb)) if la and lb else 0.0
    floor = (threshold - _SLACK + decay * gap + penalty) * total
    # Negative weights (none is fitted so) would make the bounds below no bounds.
    known = (
        max(wn, 0.0) * weighted_overlap(a.name_weights, b.name_weights)
        + max(wf, 0.0) * smoothed_ochiai(a.figure_set, b.figure_set)
        + max(wt, 0.0) * minhash.jaccard(a.title_set, b.title_set)
        + max(ws, 0.0) * shingles
    )
    if known + max(wl, 0.0) + max(wi, 0.0) < floor:
        return False
    shared_lede = a.lede_set & b.lede_set
    lede = smoothed_ochiai(a.lede_set, b.lede_set, len(shared_lede))
    if known + max(wl, 0.0) * lede + max(wi, 0.0) * tfidf(a, b, shared_lede) < floor:
        return False
    return _full(a, b, ts_a, ts_b, scored) >= threshold


def _full(
    a: Signature, b: Signature, ta: float | None, tb: float | None, kept: Scored | None
) -> float:
    f = features(a, b, ta, tb)
    value = score(f)
    if kept is not None:
        kept[id(b)] = (b, tb, f, value)
    return value


def tfidf(a: Signature, b: Signature, shared: frozenset[int] | None = None) -> float:
    """Cosine of the two ledes' word vectors, each word weighted by its rarity.

    Binary term frequency: a lede is short and a repeated word is mostly the
    subject, already weighted by rarity. `shared` is the words both ledes
    hold (`a.lede_set & b.lede_set`) when the caller has it.
    """
    va, na = a.lede_vector
    vb, nb = b.lede_vector
    if not na or not nb:
        return 0.0
    if shared is None:
        shared = a.lede_set & b.lede_set
    # The weights are whole tenths held as floats: the sum is exact in any order.
    dot = sum(map(operator.mul, map(va.__getitem__, shared), map(vb.__getitem__, shared)))
    return dot / (na * nb)


def score(
    f: Features, weights: dict[str, float] | None = None, decay: float | None = None
) -> float:
    """The decision value of a pair: compare with THRESHOLD (module docstring, steps 1-4).

    A feature one article cannot have (a report with no figures at all) is
    left out and the other weights rescaled, rather than counted as a
    mismatch: absence of figures is not evidence of another event. Figures
    present on both sides but not shared still count against.
    """
    if f.hours is not None and f.hours > WINDOW_HOURS:
        return 0.0
    if f.same_report:
        return 1.0  # the agency says so: a flash, then the full report (one slugline)
    if f.template_clash or one_template_two_reports(f):
        return 0.0
    if f.furniture_body and not f.retelling:
        return 0.0  # an outlet's furniture in both items (`Features.furniture_body`)
    if f.syndicated:
        return 1.0
    w = weights or WEIGHTS
    values = f.as_dict()
    if name_alone(f):
        values["names"] = min(f.names, text_overlap(f), f.beyond_name)
    if recurring_headline(f):
        # The series' name and its standing sentences' names ("welcome to the
        # Harbourside briefing") count no more than the rest of the texts.
        values["title"] = min(f.title, f.beyond_title)
        values["names"] = min(f.names, f.beyond_title)
    active = [name for name in w if name not in f.missing and w[name] > 0]
    total = sum(w[name] for name in active)
    if total <= 0:
        return 0.0
    content = sum(w[name] * values[name] for name in active) / total
    gap = min(f.hours, WINDOW_HOURS) / WINDOW_HOURS if f.hours is not None else UNDATED_GAP
    # Overlaps of a few words are weak evidence (a copy or one report is decided above).
    penalty = short_lede_penalty(f.shortest_lede)
    return content - (DECAY if decay is None else decay) * gap - penalty
