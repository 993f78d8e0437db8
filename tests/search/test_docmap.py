"""Document numbers to article ids over several segments, deleted documents left out."""

from __future__ import annotations

from pathlib import Path

from newsdesk.search.docmap import DocMap

from .test_vector_rank import _index


def test_ids_of_every_segment_in_the_order_asked(tmp_path: Path) -> None:
    ix = _index(tmp_path, deletions=True)
    with ix.searcher() as searcher:
        docmap = DocMap()
        docmap.bind(searcher.reader())
        total = searcher.reader().doc_count_all()
        asked = [total - 1, 0, 5, 7, total + 3, -1, *range(40, 50)]
        one_by_one = [docmap.id_of(d) for d in asked if 0 <= d < total]
        assert docmap.ids_of(asked) == [i for i in one_by_one if i is not None]
        stored = {hit["id"] for hit in searcher.documents()}
        everything = docmap.ids_of(range(total))
        assert set(everything) == stored and len(everything) == len(stored)
        assert "a0" not in everything and "a7" not in everything  # deleted
