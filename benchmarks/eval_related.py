"""Related articles: how many of each list's top five a similarity floor keeps.

    python benchmarks/eval_related.py                 # the stories slice (alone, then with
                                                      # the realworld pages), then sample_data
    python benchmarks/eval_related.py PATH [PATH ...] # any files or folders

Imports the inputs into a temporary desk, builds each article's related query as
`related:` does and ranks its top five without the floor, with each one's score as a
share of the article's score against its own query (`search/related_floor.py`). For
a grid of floors it prints how many places are kept and, on the stories slice
(../shared/realworld-stories, gold by URL), how many of the kept are articles of the
same story. Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SLICE = ROOT.parent / "shared" / "realworld-stories"
FLOORS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)


Row = tuple[float, int, bool, bool]


def rows_for(paths: list[Path], gold: dict[str, str]) -> list[Row]:
    """(share of its own score, distinct things shared, same story, one of the two in
    the slice and the other not) for each article's top five."""
    from whoosh import query as wq

    from newsdesk.desk import Desk
    from newsdesk.paths import resolve
    from newsdesk.search.related_floor import self_score

    try:
        from newsdesk.search.related_floor import shared_things
    except ImportError:  # an older checkout (PYTHONPATH) counted (field, term) pairs

        def shared_things(terms: Any) -> int:
            return len(set(terms))

    from newsdesk.search.to_whoosh import WhooshCompiler

    rows: list[tuple[float, int, bool]] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSDESK_DATA_DIR"] = tmp
        with Desk(resolve()) as desk:
            desk.import_paths(paths)
            desk.sync_index()
            ids = desk.search("in:all", limit=None).ids
            story = {a.id: gold.get(a.meta.url or "") for a in desk.get_many(ids)}
            in_slice = {aid for aid, found in story.items() if found is not None}
            engine = desk.engine
            with engine.index.reading() as (searcher, _docmap):
                for aid in ids:
                    query = WhooshCompiler(searcher, engine._related_source).related(aid)
                    if query is wq.NullQuery:
                        continue
                    own = self_score(searcher, query, aid)
                    if not own:
                        continue
                    for hit in searcher.search(query, limit=5, terms=True):
                        same = story[aid] is not None and story[aid] == story.get(hit["id"])
                        shared = shared_things(hit.matched_terms())
                        cross = (aid in in_slice) != (hit["id"] in in_slice)
                        rows.append((hit.score / own, shared, same, cross))
    return rows


def report(label: str, rows: list[Row], scored: bool, mixed: bool = False) -> None:
    from newsdesk.search.related_floor import RELATED_FLOOR, RELATED_SHARED

    print(f"{label}: {len(rows)} places in the top fives")
    grid = [(floor, least) for least in (1, RELATED_SHARED) for floor in FLOORS]
    for floor, least in grid:
        kept = [row for row in rows if row[0] >= floor and row[1] >= least]
        mark = "  <- shipped" if (floor, least) == (RELATED_FLOOR, RELATED_SHARED) else ""
        line = f"  floor {floor:.2f}, {least} shared: kept {len(kept):5d}"
        if scored:
            line += f", of them same story {sum(r[2] for r in kept)} (of {sum(r[2] for r in rows)})"
        if mixed:
            line += f", across the two sets {sum(r[3] for r in kept)}"
        print(line + mark)


def main() -> None:
    if sys.argv[1:]:
        report("inputs", rows_for([Path(p) for p in sys.argv[1:]], {}), False)
        return
    if (SLICE / "articles.jsonl").exists():
        gold = json.loads((SLICE / "gold.json").read_text(encoding="utf-8"))["by_url"]
        report("stories slice", rows_for([SLICE / "articles.jsonl"], gold), True)
        # The slice (2021 politics) with the realworld pages (other years and subjects):
        # a related link from one set to the other is almost always a false friend.
        pages = [ROOT.parent / "shared" / "realworld" / d for d in ("html", "text")]
        if all(p.is_dir() for p in pages):
            rows = rows_for([SLICE / "articles.jsonl", *pages], gold)
            report("slice and realworld pages together", rows, True, mixed=True)
    else:
        print(f"(no {SLICE}: the stories slice is skipped)")
    report("sample_data", rows_for([ROOT / "sample_data"], {}), False)


if __name__ == "__main__":
    main()
