"""Names in a table's column read as the column's other names do.

A list of constituencies and their members ("Bishop Auckland | Dehenna Davison | email")
puts place names where person cues fire: "Bishop" is a title, "Hazel" and "Bradley" are
given names. One column of a table holds one kind of thing, so a column whose names are
mostly places holds places: a person found there is the place its cell names.
"""

from __future__ import annotations

from bisect import bisect_right

from newsdesk.extract.data.titles import TITLE_WORDS
from newsdesk.extract.entities.result import PERSON, PLACE
from newsdesk.extract.entities.spans import Found, surface
from newsdesk.extract.entities.tokens import Token

#: What separates the cells of a table row written as text.
_CELL_SEP = " | "
#: A column is read as places when at least this many of its names are known places...
_MIN_PLACES = 3
#: ... and they outnumber the people found in it this many times over.
_PLACE_SHARE = 2
_PERSON_KINDS = (PERSON, "candidate", "alias")
#: A table's cells are short: a line of headlines run together with bars is no table row.
_CELL_CHARS = 60


def _cells(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Every table cell's start offset (sorted), and its (end offset, column)."""
    starts: list[int] = []
    ends: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        cells = line.split(_CELL_SEP) if _CELL_SEP in line else []
        if cells and max(map(len, cells)) <= _CELL_CHARS:
            at = pos
            for column, cell in enumerate(cells):
                starts.append(at)
                ends.append((at + len(cell), column))
                at += len(cell) + len(_CELL_SEP)
        pos += len(line) + 1
    return starts, ends


def place_columns(text: str, tokens: list[Token], found: list[Found]) -> None:
    """Person readings in a table column of places become places (in place)."""
    if _CELL_SEP not in text:
        return
    starts, ends = _cells(text)
    if len(starts) < 2 * _MIN_PLACES:
        return
    where: list[tuple[Found, int, int]] = []  # a name in a cell: the cell and its column
    for f in found:
        k = bisect_right(starts, tokens[f.i].start) - 1
        if k >= 0 and tokens[f.j - 1].end <= ends[k][0]:
            where.append((f, k, ends[k][1]))
    places: dict[int, int] = {}
    people: dict[int, int] = {}
    for f, _, column in where:
        if f.kind == PLACE:
            places[column] = places.get(column, 0) + 1
        elif f.kind in (PERSON, "candidate"):  # a lone unknown word ("alias") tells nothing
            people[column] = people.get(column, 0) + 1
    columns = {
        c for c, n in places.items() if n >= _MIN_PLACES and n >= _PLACE_SHARE * people.get(c, 0)
    }
    for f, cell, column in where:
        if column in columns and f.kind in _PERSON_KINDS:
            # "Bishop Auckland": the title word stripped from a person is the place's own.
            while (
                f.i > 0
                and tokens[f.i - 1].start >= starts[cell]
                and (tokens[f.i - 1].text in TITLE_WORDS)
            ):
                f.i -= 1
            f.name, f.kind, f.evidence = surface(text, tokens, f.i, f.j), PLACE, False
