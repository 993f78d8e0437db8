"""Issue 19: `parse_byline` skips the lines none of its patterns can match; same answers."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from newsdesk.extract import byline
from newsdesk.extract.date_order import DAY_FIRST, reference_day
from newsdesk.extract.dates import numeric_order
from newsdesk.extract.lines import split_lines
from newsdesk.extract.prefixes import literal_prefixes

#: Bylines of every shape the parser reads, and lines that come close.
_BYLINES = [
    "By Jane Doe",
    "BY MARY CLARE JALONICK",
    "ByJane Doe",
    "by jane doe",
    "Analysis by Jane Doe",
    "Geschrieben vonElisa Marvena",
    "Ein Artikel von Jana Berg",
    "Escrito por Ana Lima",
    "Texto de Ana Lima",
    "escribe Ana Lima",
    "Author: Jane Doe, Senior Writer",
    "Autor*in: Jana Berg",
    "Redaktion: Politik",
    "责任编辑：孔德明",
    "Autor Mark Newton:",
    "Thread starter kay42",
    "Posted on 3 March 2021 by Jane Doe",
    "Veröffentlicht am 3. März 2021 von Jana Berg",
    "Eingestellt von der Michel um 21:11",
    "Posted by kay at 9:41 PM",
    "Jacobo Betancur Peláez | Publicado hace 3 horas",
    "Jana Berg • Updated 3 hours ago",
    "Jana Berg · Publicado hace tres horas",
    "Jana Berg | Veröffentlicht",
    # IGNORECASE reads "ı" and "ſ" as "i" and "s"; lowering does not.
    "Wrıter: Jane Doe",
    "Kolumniſt: Jana Berg",
    "HLNF Staff Report by HLNF Staff Report",
    "Door onze verslaggever Lotte de Boer",
    "From our correspondent Jane Doe",
    "Von unserem Korrespondenten Jan Berg",
    "October 19, 2019 by IWB",
    "21.01.2022 11:46 - Jana Berg",
    "11.12.2019 - Jana Berg",
    "jeudi 13 juin 2019, par Anne Roy",
    "Datum: 13. April 2017Autor: Jana Berg",
    "The Guardian logo The Guardian 02/10/2020 Anna Fazackerley",
    "28. Januar 2015 jana_b Schreibe einen Kommentar",
    "October 12, 2018/0 Comments/in News /by jdadmin",
    "- By Jane Doe",
    "---- by Jane Doe",
    "— von Jana Berg",
    "27. Januar 2014 von Jana Berg",
    "Disko Von",
    "AUTOR/IN",
    "Von",
    "by:",
    "Artikel von:",
    "İnterview von Jana Berg",
    "Veröffentlicht von Jana Berg",
    "Publié par Anne Roy à 10:02",
    "The cat sat on the mat.",
    "Die Regierung hat am Montag entschieden.",
    "Share this article",
    "3 comments",
    "Photo: Jane Doe",
]

#: What may follow a line: nothing, a name, names over two lines, a date, "from" an outlet.
_FOLLOWING: list[list[str] | None] = [
    None,
    [],
    ["Jana Berg"],
    ["Jane Doe", "and John Roe", "Reuters"],
    ["3. März 2021"],
    ["Jane Doe", "from", "The Times"],
    ["delta201"],
]

_PIECES = [
    *"aB1 \u00a0\t:|·•/-–—,.@*",
    "by ",
    "By ",
    " von ",
    "par ",
    "Autor",
    "author",
    "Posted ",
    "publicado ",
    "unserem ",
    "Jana Berg",
    "3. März 2021",
    "12/05/2022",
    "Monday",
    "logo ",
    "Datum:",
    "İ",
    "ı",
    "ſ",
    "K",
]


def _ungated(line: str, following: list[str] | None) -> byline.Byline | None:
    """`parse_byline` trying every pattern on every line, as before the gate."""
    saved = byline._patterns_to_try
    byline._patterns_to_try = lambda line, following: byline._ANY
    try:
        return byline.parse_byline(line, following)
    finally:
        byline._patterns_to_try = saved


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [rng.choice(_PIECES) for _ in range(rng.randrange(1, 12))]
        if rng.random() < 0.5:
            parts.insert(0, rng.choice(_BYLINES))
        out.append("".join(parts))
    return out


def _check(lines: list[str]) -> int:
    """Gated and ungated answers for every line and following; the count the gate skipped."""
    skipped = 0
    for line in lines:
        for following in _FOLLOWING:
            assert byline.parse_byline(line, following) == _ungated(line, following), (
                line,
                following,
            )
            unmarked = byline._unmarked(line) if line and len(line) <= 400 else ""
            skipped += (
                unmarked != "" and byline._patterns_to_try(unmarked, following) != byline._ANY
            )
    return skipped


def test_every_byline_shape_passes_the_gate() -> None:
    found = [line for line in _BYLINES if byline.parse_byline(line, ["Jana Berg"]) is not None]
    # The list must exercise the patterns: most of it reads as a byline.
    assert len(found) >= 35
    for line in found:
        assert byline._patterns_to_try(byline._unmarked(line), ["Jana Berg"]) != byline._NOTHING


def test_gated_answers_equal_the_ungated_ones() -> None:
    lines = _BYLINES + _generated(3000, seed=19)
    skipped = _check(lines)
    # The gate does its job: many lines skip the patterns.
    assert skipped > len(lines) // 2


def test_gated_answers_equal_the_ungated_ones_on_real_lines(shared_dir: Path) -> None:
    folder = shared_dir / "realworld" / "text"
    if not folder.is_dir():
        pytest.skip("no real page copies")
    seen: set[str] = set()
    for path in sorted(folder.iterdir())[::3]:
        seen.update(split_lines(path.read_text("utf-8", errors="replace")))
    _check(sorted(seen))


def test_literal_prefixes_of_each_opening_pattern_open_its_matches() -> None:
    lines = [
        *_BYLINES,
        *_generated(2000, seed=7),
        *(line.lower() for line in _BYLINES),
        *(line.upper() for line in _BYLINES),
    ]
    for pattern in byline._OPENING_PATTERNS:
        prefixes = literal_prefixes(pattern)
        assert prefixes, pattern.pattern
        matched = 0
        for line in lines:
            if pattern.match(line) and not any(c in line for c in "İıſ"):
                matched += 1
                assert line.lower().startswith(tuple(prefixes)), (pattern.pattern[:30], line)
        assert matched, pattern.pattern[:30]


def test_literal_prefixes_reads_literals_branches_and_optional_groups() -> None:
    assert literal_prefixes(re.compile(r"^(?:written\s+)?(?:by|von)\b\s*", re.I)) == {
        "written",
        "by",
        "von",
    }
    assert literal_prefixes(re.compile(r"[ée]crit|Par\b")) == {"écrit", "ecrit", "par"}
    # Cut at eight characters, and a prefix another starts with stands for both.
    assert literal_prefixes(re.compile(r"veröffentlicht|ver\d")) == {"ver"}
    assert literal_prefixes(re.compile(r"gespeichert\s+von")) == {"gespeich"}
    # Anything may open a match: no prefix.
    assert literal_prefixes(re.compile(r"^(?:[A-Z]\w*\s+)?by")) is None
    assert literal_prefixes(re.compile(r"\w+ by")) is None
    assert literal_prefixes(re.compile(r"(?:by)?")) is None


def test_a_dated_byline_is_remembered_per_date_order_and_reference_day() -> None:
    line = "03/05/2026 - Jana Berg"  # a date, then the name: no lead word
    assert byline._patterns_to_try(line, None) == byline._DATED
    token = DAY_FIRST.set(None)
    try:
        # No order known: the nearer reading to the reference day, each day its own answer.
        with reference_day(dt.date(2026, 3, 10)):
            assert _published(line) == "2026-03-05"
        with reference_day(dt.date(2026, 5, 10)):
            assert _published(line) == "2026-05-03"
        with reference_day(dt.date(2026, 3, 10)):
            assert _published(line) == "2026-03-05"
    finally:
        DAY_FIRST.reset(token)
    with numeric_order("de"):
        assert _published(line) == "2026-05-03"
    with numeric_order("en"):
        assert _published(line) == "2026-03-05"


def _published(line: str) -> str | None:
    found = byline.parse_byline(line)
    assert found is not None
    return found.published


def test_a_remembered_byline_is_a_copy_and_the_memory_is_bounded() -> None:
    assert byline._patterns_to_try("21.01.2022 11:46 - Jana Berg", None) == byline._DATED
    first = byline.parse_byline("21.01.2022 11:46 - Jana Berg")
    assert first is not None
    first.authors.append("Someone Else")
    first.published = None
    again = byline.parse_byline("21.01.2022 11:46 - Jana Berg")
    assert again is not None
    assert again.authors == ["Jana Berg"]
    assert again.published is not None
    for n in range(byline._DATED_ANSWERS_MAX + 50):
        byline.parse_byline(f"{n % 28 + 1}.01.2022 {n}")
    assert 0 < len(byline._DATED_ANSWERS) <= byline._DATED_ANSWERS_MAX
