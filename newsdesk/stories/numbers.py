"""Figures in copy ("12,000", "3.5%", "$4 million", "$8.4bn") and their canonical values.

Two outlets write the same figure differently; the canonical key lets them
match ("$4 million" and "4m dollars" both become "4000000").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

_FIGURE = re.compile(
    r"(?<![\w.,:])"
    r"(?P<cur>[$€£¥])?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?![\d:])"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|tn|[kmb])\b)?"
    r"(?:\s?(?P<pct>%|percent\b|per cent\b))?",
    re.IGNORECASE,
)


#: Where a figure's number can begin: the first digit of a run (after another digit,
#: `_FIGURE`'s look-behind fails).
_DIGITS = re.compile(r"\d+")
_CURRENCY = frozenset("$€£¥")


def _figure_matches(text: str) -> Iterator[re.Match[str]]:
    """`_FIGURE.finditer(text)`, tried only where a figure can start.

    A match starts at a run of digits' first digit, or one or two characters
    before it (a currency sign, a space). `_FIGURE` begins with a look-behind, so
    the engine tries it at every position of the text; the runs of digits are
    found by a scan in C and `_FIGURE` is tried at these few places, in order,
    each from where the last match ended: the same matches, about 2x faster.
    """
    end = 0
    match = _FIGURE.match
    for run in _DIGITS.finditer(text):
        first = run.start()
        if first < end:
            continue  # inside the last match ("1,400" is two runs)
        found = None
        # Two characters before: a currency sign and a space; one: either.
        if first - 2 >= end and text[first - 2] in _CURRENCY and text[first - 1].isspace():
            found = match(text, first - 2)
        if found is None and first - 1 >= end:
            before = text[first - 1]
            if before in _CURRENCY or before.isspace():
                found = match(text, first - 1)
        if found is None:
            found = match(text, first)
        if found is not None:
            end = found.end()
            yield found


@dataclass(frozen=True)
class Figure:
    """One figure: as written, and its canonical key."""

    text: str
    key: str
    value: float


def _canonical(value: float, percent: bool) -> str:
    text = f"{value:.6g}" if value < 1e15 else f"{value:.0f}"
    if "e" in text:
        text = f"{value:.0f}"
    return text + ("%" if percent else "")


def figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order of appearance (duplicates kept)."""
    return [_figure(match) for match in _figure_matches(text)]


def _figure(match: re.Match[str]) -> Figure:
    number = float(match.group("num").replace(",", ""))
    scale = (match.group("scale") or "").lower()
    if scale:
        number *= _SCALES[scale]
    percent = bool(match.group("pct"))
    return Figure(match.group(0).strip(), _canonical(number, percent), number)


def is_telling(figure: Figure) -> bool:
    """Figures that identify an event: not small counts like "2" or "3-1" scores.

    Percentages, decimals, money and anything from 10 upward tell events apart;
    single digits recur in every story.
    """
    return (
        figure.value >= 10
        or figure.key.endswith("%")
        or "." in figure.text
        or figure.text[:1] in "$€£¥"
    )


def is_year(figure: Figure) -> bool:
    """A bare four-digit number from 1900 to 2100 ("in 2019"), not "2,019 votes"."""
    return figure.text.isdigit() and len(figure.text) == 4 and 1900 <= figure.value <= 2100


def figure_keys(text: str) -> set[str]:
    """Canonical keys of the figures that tell events apart.

    Years are left out: every story of a season mentions the same ones, so
    they link unrelated events (the diff still reports them).
    """
    # One look-up a figure as written: a figure's key and whether it tells depend only
    # on the matched text (the pattern reads it one way), and most figures recur.
    keys: set[str] = set()
    known = _TELLING
    for match in _figure_matches(text):
        written = match.group(0)
        key = known.get(written, "")  # "": not read yet (no key is empty)
        if key == "":
            if len(known) >= _TELLING_MAX:
                known.clear()  # bounded: a stream of distinct figures cannot grow it forever
            figure = _figure(match)
            key = known[written] = (
                figure.key if is_telling(figure) and not is_year(figure) else None
            )
        if key:
            keys.add(key)
    return keys


#: A figure as written (`_FIGURE`'s whole match) -> its key when it tells events
#: apart (`figure_keys`), else None.
_TELLING: dict[str, str | None] = {}
_TELLING_MAX = 1 << 14
