"""Indexing a text field's words in one loop: Whoosh's postings, without its token stream.

Whoosh turns a field's text into postings through a chain of generators (the
tokenizer, then the stop and stem filters, each handing on a Token object) and
then counts positions per word; for a 500-word body that per-token Python was
about a third of an index build (`benchmarks/profile_stages.py`). `FastPositions`
is the `Positions` format of the headline, standfirst and body fields: when it
meets the chain `schema.text_analyzer` builds, it finds the same words, drops the
same stop words, numbers positions the same way (`StopFilter`'s renumbering) and
stems with the same function in one loop, and gives exactly the postings Whoosh's
generic path gives (a test compares them on many texts). Any other analyzer or
call falls back to Whoosh's own.

Only indexes created since use it: Whoosh keeps the schema an index was made
with, so an older index goes on with the generic path until it is rebuilt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from whoosh.analysis import CompositeAnalyzer, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.tokenizers import default_pattern
from whoosh.formats import Positions

#: Stems remembered across documents (words recur), one table per stemmer and its
#: words left alone; each cleared when full, as a bound.
_STEM_CACHE_MAX = 100_000
_stems: dict[tuple[Callable[[str], str], frozenset[str]], dict[str, str]] = {}


class _Plan(NamedTuple):
    """What the recognised analyzer chain does, read off its parts."""

    #: The tokenizer's pattern without capturing groups: `findall` then gives whole
    #: matches, as `finditer(...).group(0)` does, without a call a word.
    words: re.Pattern[str]
    stops: frozenset[str]
    minsize: int
    maxsize: int | None
    renumber: bool
    stem: Callable[[str], str]
    ignore: frozenset[str]


def _plan(analyzer: Any) -> _Plan | None:
    """The tokenizer | stop | stem chain's settings, None for any other analyzer."""
    if not isinstance(analyzer, CompositeAnalyzer) or len(analyzer.items) != 3:
        return None
    tokenizer, stopper, stemmer = analyzer.items
    if (
        type(tokenizer) is not RegexTokenizer
        or tokenizer.gaps
        or type(stopper) is not StopFilter
        or type(stemmer) is not StemFilter
        or stemmer.lang  # a language's stemmer is looked up by Whoosh: leave it to Whoosh
    ):
        return None
    expression = tokenizer.expression
    if _WORDS is not None and expression.pattern == default_pattern.pattern:
        words = _WORDS
    elif expression.groups == 0:
        words = expression
    else:
        return None  # `findall` would give a group, not the whole match
    return _Plan(
        words,
        stopper.stops,
        stopper.min,
        stopper.max,
        stopper.renumber,
        stemmer.stemfn,
        frozenset(stemmer.ignore),
    )


#: Whoosh's default tokenizer pattern with its group made non-capturing (the same matches).
_UNGROUPED = re.compile(default_pattern.pattern.replace("(\\.?", "(?:\\.?"), default_pattern.flags)
#: None if another Whoosh's pattern is not the one rewritten here: then Whoosh's path.
_WORDS = _UNGROUPED if _UNGROUPED.groups == 0 else None


def positions_of(text: str, plan: _Plan) -> dict[str, list[int]]:
    """Each indexed word of `text` with its positions, in order of first appearance."""
    stops, minsize, maxsize, ignore = plan.stops, plan.minsize, plan.maxsize, plan.ignore
    sized = minsize > 1 or maxsize is not None  # else every match is long enough
    stems = _stems.setdefault((plan.stem, ignore), {})
    if len(stems) >= _STEM_CACHE_MAX:
        stems.clear()
    poses: dict[str, list[int]] = {}
    pos: int | None = None
    for index, word in enumerate(plan.words.findall(text)):
        if word in stops:
            continue
        if sized and (len(word) < minsize or (maxsize is not None and len(word) > maxsize)):
            continue
        # StopFilter's renumbering: the first kept word keeps its place, the rest follow on.
        pos = (index if pos is None else pos + 1) if plan.renumber else index
        stemmed = stems.get(word)
        if stemmed is None:
            stemmed = stems[word] = word if word in ignore else plan.stem(word)
        found = poses.get(stemmed)
        if found is None:
            poses[stemmed] = [pos]
        else:
            found.append(pos)
    return poses


class FastPositions(Positions):
    """`Positions` with the one-loop path for plain text through the usual chain."""

    def word_values(
        self, value: Any, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        plan = _plan(analyzer) if isinstance(value, str) else None
        if plan is None or kwargs.keys() - {"mode"}:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for word, poslist in positions_of(value, plan).items():
            # Every token's boost is 1.0, so a word's weight is its count.
            yield word, len(poslist), float(len(poslist)) * boost, self.encode(poslist)
