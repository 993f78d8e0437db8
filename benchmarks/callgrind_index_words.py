"""Instructions the index spends analysing a desk's articles, for `valgrind --tool=callgrind`
(instruction counts repeat where timings on a loaded machine do not).

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/callgrind_index_words.py STORE.sqlite3 N [PASSES]

Each of the first N articles of the store is made into its index document
(`schema.document_for_row`) and every field's postings are computed, as the
index writer does, after a warm-up on the first 5 (N=0: the warm-up alone, the
baseline to subtract). PASSES (1) reads them again: a run of 2 passes less one of
1 is the cost once the stem caches are warm (the words of a large import recur).
The store is only read.
"""

from __future__ import annotations

import sqlite3
import sys

from newsdesk.search.schema import build_schema, document_for_row

FIELDS = ("title", "dek", "body", "source", "authors", "people", "organizations", "places")


def main(argv: list[str]) -> int:
    path, count = argv[0], int(argv[1])
    passes = int(argv[2]) if len(argv) > 2 else 1
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    rows = db.execute("SELECT * FROM articles ORDER BY id LIMIT ?", (count + 5,)).fetchall()
    schema = build_schema()
    postings = 0
    for row in rows * passes if count else rows[:5]:
        doc = document_for_row(row, [])
        for name in FIELDS:
            postings += sum(1 for _ in schema[name].index(doc[name]))
    print(f"{len(rows) - 5 if count else 0} articles, {postings} postings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
