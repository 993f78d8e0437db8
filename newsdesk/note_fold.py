"""One folding of case and accents for notes, the same in Python and in SQL.

`note:emile` must find a note that says "Call Émile", in the app's rules and on
both stores. SQLite's LIKE folds ASCII letters only and PostgreSQL's not at
all, and neither strips accents; PostgreSQL's `lower` even depends on the
database's locale. So the fold is a plain character table (upper case to lower,
an accented letter to its base letter) that Python applies with `str.translate`
and SQL with `translate(text, FROM, TO)`: the note and the query are folded
alike, whatever the server.
"""

from __future__ import annotations

import unicodedata

#: The scripts whose letters fold: Latin (with its extensions), Greek, Cyrillic.
_RANGES = ((0x41, 0x5A), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x1E00, 0x1EFF))


def _folded(char: str) -> str:
    lower = char.lower()
    if len(lower) != 1:
        return char  # "İ" lowers to two characters: a table maps one to one
    base = "".join(c for c in unicodedata.normalize("NFD", lower) if not unicodedata.combining(c))
    return base if len(base) == 1 else lower


def _table() -> tuple[str, str]:
    pairs = []
    for start, end in _RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            folded = _folded(char)
            if folded != char:
                pairs.append((char, folded))
    return "".join(a for a, _ in pairs), "".join(b for _, b in pairs)


#: The characters that fold, and what each folds to (`translate`'s two strings).
SQL_FROM, SQL_TO = _table()
_TABLE = str.maketrans(SQL_FROM, SQL_TO)


def fold_note(text: str) -> str:
    """`text` with case and accents folded, exactly as SQL's `translate(text, SQL_FROM, SQL_TO)`."""
    return text.translate(_TABLE)
