"""Related articles: how many of each list's top five a similarity floor keeps.

    python benchmarks/eval_related.py                 # the real stories slice, then sample_data
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

ROOT = Path(__file__).resolve().parents[1]
SLICE = ROOT.parent / "shared" / "realworld-stories"
FLOORS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)


def rows_for(paths: list[Path], gold: dict[str, str]) -> list[tuple[float, int, bool]]:
    """(share of its own score, distinct terms shared, same story) for each article's
    top five."""
    from whoosh import query as wq

    from newsdesk.desk import Desk
    from newsdesk.paths import resolve
    from newsdesk.search.related_floor import self_score
    from newsdesk.search.to_whoosh import WhooshCompiler

    rows: list[tuple[float, int, bool]] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSDESK_DATA_DIR"] = tmp
        with Desk(resolve()) as desk:
            desk.import_paths(paths)
            desk.sync_index()
            ids = desk.search("in:all", limit=None).ids
            story = {a.id: gold.get(a.meta.url or "") for a in desk.get_many(ids)}
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
                        shared = len(set(hit.matched_terms()))
                        rows.append((hit.score / own, shared, same))
    return rows


def report(label: str, rows: list[tuple[float, int, bool]], scored: bool) -> None:
    from newsdesk.search.related_floor import RELATED_FLOOR, RELATED_SHARED

    print(f"{label}: {len(rows)} places in the top fives")
    grid = [(floor, least) for least in (1, RELATED_SHARED) for floor in FLOORS]
    for floor, least in grid:
        kept = [same for share, shared, same in rows if share >= floor and shared >= least]
        mark = "  <- shipped" if (floor, least) == (RELATED_FLOOR, RELATED_SHARED) else ""
        line = f"  floor {floor:.2f}, {least} shared: kept {len(kept):5d}"
        if scored:
            line += f", of them same story {sum(kept)} (of {sum(s for _, _, s in rows)})"
        print(line + mark)


def main() -> None:
    if sys.argv[1:]:
        report("inputs", rows_for([Path(p) for p in sys.argv[1:]], {}), False)
        return
    if (SLICE / "articles.jsonl").exists():
        gold = json.loads((SLICE / "gold.json").read_text(encoding="utf-8"))["by_url"]
        report("stories slice", rows_for([SLICE / "articles.jsonl"], gold), True)
    else:
        print(f"(no {SLICE}: the stories slice is skipped)")
    report("sample_data", rows_for([ROOT / "sample_data"], {}), False)


if __name__ == "__main__":
    main()
