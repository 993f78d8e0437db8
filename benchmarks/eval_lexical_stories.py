"""Spelling and date evidence for story grouping, measured on real news (issue 12: recall).

    python benchmarks/eval_lexical_stories.py [VARIANT ...] [--cuts N]

Each variant patches the stories' word handling or score for one process (the shipped
code is not changed) and groups the development slice (../shared/realworld-stories)
with the real grouper, as `eval_real_stories.py` does:

- `snowball`: headline and lede words stemmed by Snowball's English stemmer
  (PyStemmer, the search index's) instead of the light plural-only stem.
- `hyphen-parts`: a hyphenated word also gives its parts ("israel-gaza": "israel",
  "gaza").
- `number-suffix`: a word with a number suffix is read as the word ("covid-19": "covid").
- `event-dates`: the dates the opening names (weekdays, "yesterday", "today", "May 4"),
  resolved against the publication date; a pair sharing one gains `bonus`, a pair whose
  dates are all two or more days apart loses `pen` (two items of one outlet never).
  Its constants are chosen on one half of a cut and the other half scored.
- `coin-dates` (control): the same bonus and penalty given to the same shares of pairs
  by a salted coin: how far chance moves the figures.

Variants without constants print the whole slice, the two halves by story
(`fit_real_stories.halves`), the halves by odd and even story index, and `--cuts` more
cuts by story hash (`eval_body_stories.split`), B-cubed F1 / pair precision each;
`event-dates` and its control print each held-out half's gain over the shipped grouper.

Measured 2026-12-07 (day 33, after typographic apostrophes were read as straight ones;
B-cubed F1 / pair precision):

    variant         whole         A      B      odd    even
    shipped         0.879 / 0.87  0.882  0.908  0.898  0.871
    snowball        0.877 / 0.83  0.883  0.908  0.904  0.862
    hyphen-parts    0.877 / 0.84  0.888  0.908  0.904  0.860
    number-suffix   0.877 / 0.84  0.888  0.908  0.904  0.860  (as hyphen-parts: "covid")
    event-dates     --cuts 3, 6 held-out halves: mean F1 gain +0.0015 (better on 2,
                    worse on 1; -0.003 to +0.009), lowest pair P 0.89
    coin-dates      the same: -0.0007 (better on 2, worse on 1; -0.013 to +0.006), 0.85

None kept: the lexical variants lose pair precision on the whole slice (a shared
topic word joins other stories), and event dates gain what a coin does.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import eval_body_stories as body
import eval_join_stories as join
import eval_real_stories as real
from eval_story_variants import Slice

from newsdesk.isodates import iso_to_ts
from newsdesk.model import Extracted
from newsdesk.stories import score as scoring
from newsdesk.stories import signature
from newsdesk.stories.signature import Signature
from newsdesk.stories.text import prose

Params = dict[str, float]


@contextlib.contextmanager
def _content_as(change: Callable[[list[str]], list[str]]) -> Iterator[None]:
    """Signatures read the words `change` makes of each text's raw words."""
    original = signature._content_of
    signature._CONTENT.clear()  # (folded, stemmed) pairs of the previous variant
    signature._content_of = lambda raw: original(change(raw))  # type: ignore[assignment]
    try:
        yield
    finally:
        signature._content_of = original  # type: ignore[assignment]
        signature._CONTENT.clear()


@contextlib.contextmanager
def snowball() -> Iterator[None]:
    import Stemmer

    english = Stemmer.Stemmer("english")
    original = signature.stem
    signature._CONTENT.clear()
    signature.stem = lru_cache(maxsize=1 << 16)(english.stemWord)  # type: ignore[assignment]
    try:
        yield
    finally:
        signature.stem = original  # type: ignore[assignment]
        signature._CONTENT.clear()


def _with_parts(raw: list[str]) -> list[str]:
    parts = [p for w in raw if "-" in w for p in w.split("-") if len(p) > 2 and p[0].isalpha()]
    return raw + parts


_NUMBERED = re.compile(r"^([^\W\d_]{3,})-\d+$")


def _unnumbered(raw: list[str]) -> list[str]:
    return [m.group(1) if (m := _NUMBERED.match(w)) else w for w in raw]


LEXICAL: dict[str, Callable[[], contextlib.AbstractContextManager[None]]] = {
    "shipped": contextlib.nullcontext,
    "snowball": snowball,
    "hyphen-parts": lambda: _content_as(_with_parts),
    "number-suffix": lambda: _content_as(_unnumbered),
}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"last night|this morning|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? "
    r"\d{1,2})\b",
    re.IGNORECASE,
)
#: The dates each signature's opening names (`join.sig_key`), kept as they are computed.
DATES: dict[tuple[bytes, ...], frozenset[dt.date]] = {}


def event_dates(meta: Extracted) -> frozenset[dt.date]:
    """The dates the headline and opening name, resolved against the publication date."""
    ts = iso_to_ts(meta.published) if meta.published else None
    if ts is None:
        return frozenset()
    day = dt.datetime.fromtimestamp(ts, dt.UTC).date()
    out: set[dt.date] = set()
    for found in _DATE.findall(f"{meta.title}\n{prose(meta.body)}"[:700]):
        said = found.lower()
        if said in WEEKDAYS:
            out.add(day - dt.timedelta(days=(day.weekday() - WEEKDAYS.index(said)) % 7))
        elif said in ("yesterday", "last night"):
            out.add(day - dt.timedelta(days=1))
        elif said in ("today", "tonight", "this morning"):
            out.add(day)
        else:
            month, date = said.replace(".", "").split()
            with contextlib.suppress(ValueError):
                out.add(dt.date(day.year, MONTHS.index(month[:3]) + 1, int(date)))
    return frozenset(out)


_compute = signature.compute


def _computing(meta: Extracted) -> Signature:
    sig = _compute(meta)
    DATES.setdefault(join.sig_key(sig), event_dates(meta))
    return sig


@dataclasses.dataclass
class DateFeatures(scoring.Features):
    """The shipped features with the event-date agreement and the control's coin."""

    dates: int = 0  # 1: a date in common; -1: all two or more days apart; 0: unknown
    coin: float = 0.0


@contextlib.contextmanager
def dated(params: Params) -> Iterator[None]:
    """`event-dates` (or with `coin` set, its control) in force with `params`."""
    features, score = scoring.features, scoring.score

    def with_dates(a: Signature, b: Signature, ts_a: float | None, ts_b: float | None) -> Any:
        f = features(a, b, ts_a, ts_b)
        da = DATES.get(join.sig_key(a), frozenset())
        db = DATES.get(join.sig_key(b), frozenset())
        agree = 0
        if da and db:
            apart = min(abs((x - y).days) for x in da for y in db)
            agree = 1 if apart == 0 else -1 if apart >= 2 else 0
        fields = {x.name: getattr(f, x.name) for x in dataclasses.fields(f)}
        coin = body.coin(a, b, int(params.get("salt", 0)))
        return DateFeatures(**fields, dates=agree, coin=coin)

    def scored(
        f: scoring.Features, weights: dict[str, float] | None = None, decay: float | None = None
    ) -> float:
        value = score(f, weights, decay)
        if not isinstance(f, DateFeatures) or f.same_outlet or not 0.0 < value < 1.0:
            return value
        if params.get("coin"):  # the shares of pairs the dates lift and lower on the slice
            agree = 1 if f.coin < 0.2 else -1 if f.coin > 0.75 else 0
        else:
            agree = f.dates
        return value + params["bonus"] * (agree == 1) - params["pen"] * (agree == -1)

    def reaches(
        a: Signature,
        b: Signature,
        ts_a: float | None,
        ts_b: float | None,
        kept: scoring.Scored | None = None,
    ) -> bool:
        return scored(with_dates(a, b, ts_a, ts_b)) >= scoring.THRESHOLD

    saved = scoring.features, scoring.score, scoring.reaches
    scoring.features, scoring.score, scoring.reaches = with_dates, scored, reaches  # type: ignore[assignment]
    try:
        yield
    finally:
        scoring.features, scoring.score, scoring.reaches = saved  # type: ignore[assignment]


DATE_GRID = [{"bonus": b, "pen": p} for b in (0.0, 0.02, 0.04, 0.06) for p in (0.0, 0.05, 0.1)]


def _fmt(m: dict[str, float]) -> str:
    return f"{m['F1']:.3f} / {m['pairP']:.2f}"


def odd_even(data: Slice) -> tuple[list[int], list[int]]:
    """The slice's articles by the parity of their story's first appearance."""
    order: dict[str, int] = {}
    parity = []
    for url in data.urls:
        story = data.gold.get(url, "none:" + url)
        parity.append(order.setdefault(story, len(order)) % 2)
    return [i for i, p in enumerate(parity) if p], [i for i, p in enumerate(parity) if not p]


def lexical(name: str, data: Slice, cuts: int) -> None:
    everything = list(range(len(data.items)))
    with LEXICAL[name]():
        cells = [f"whole {_fmt(data.run(everything))}"]
        cells += [f"A {_fmt(data.run(data.half_a))}", f"B {_fmt(data.run(data.half_b))}"]
        odd, even = odd_even(data)
        cells += [f"odd {_fmt(data.run(odd))}", f"even {_fmt(data.run(even))}"]
        for seed in range(1, cuts + 1):
            a, b = body.split(data, seed)
            cells.append(f"cut {seed} {_fmt(data.run(a))}, {_fmt(data.run(b))}")
    print(f"{name}: " + "; ".join(cells), flush=True)


def dates(name: str, data: Slice, cuts: int) -> None:
    """Constants chosen on one half of each cut, the other half's F1 gain printed."""
    gains: list[float] = []
    lowest = 1.0
    for seed in range(max(cuts, 1)):
        half_a, half_b = body.split(data, seed)
        extra: Params = {"coin": 1.0, "salt": seed + 1} if name == "coin-dates" else {}
        for train, test in ((half_b, half_a), (half_a, half_b)):
            base = data.run(test)["F1"]
            tried = []
            for n, params in enumerate(DATE_GRID):
                with dated({**params, **extra}):
                    tried.append((round(data.run(train)["F1"], 6), -n, params))
            best = {**max(tried)[2], **extra}
            with dated(best):
                m = data.run(test)
            gains.append(m["F1"] - base)
            lowest = min(lowest, m["pairP"])
            print(f"  {name} cut {seed} {best}: {m['F1'] - base:+.3f} / {m['pairP']:.2f}")
    print(
        f"{name}: mean F1 gain {sum(gains) / len(gains):+.4f} over {len(gains)} held-out "
        f"halves (better {sum(g > 0 for g in gains)}, worse {sum(g < 0 for g in gains)}), "
        f"lowest pair P {lowest:.2f}",
        flush=True,
    )


def main() -> None:
    names = [*LEXICAL, "event-dates", "coin-dates"]
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("variants", nargs="*", help=f"some of {', '.join(names)} (default: all)")
    ap.add_argument("--cuts", type=int, default=3, help="more cuts of the slice by story")
    args = ap.parse_args()
    unknown = set(args.variants) - set(names)
    if unknown:
        sys.exit(f"unknown variants: {', '.join(sorted(unknown))}")
    if not real.SLICE.is_dir():
        sys.exit(f"needs {real.SLICE}")
    for module in body._COMPUTING:
        module.compute = _computing  # type: ignore[attr-defined]
    data = Slice()
    for name in args.variants or names:
        (lexical if name in LEXICAL else dates)(name, data, args.cuts)


if __name__ == "__main__":
    main()
