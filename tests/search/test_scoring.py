"""Field lengths read once a segment give the very scores Whoosh's own BM25F gives."""

from __future__ import annotations

from pathlib import Path

from whoosh import fields, scoring
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import QueryParser

from newsdesk.search.scoring import CachedLengthBM25F, field_lengths


def _index(tmp_path: Path) -> object:
    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT, note=fields.TEXT)
    ix = FileStorage(str(tmp_path)).create_index(schema)
    texts = [
        "harbour strike harbour",
        "strike at the harbour over pay and hours, a long strike " * 3,
        "council vote on the harbour",
        "",
        "strike",
    ]
    for batch in (texts[:3], texts[3:]):  # two segments
        writer = ix.writer()
        for n, text in enumerate(batch):
            writer.add_document(id=f"{len(text)}-{n}", body=text)
        writer.commit(merge=False)
    return ix


def test_same_scores_as_whoosh_bm25f(tmp_path: Path) -> None:
    ix = _index(tmp_path)
    query = QueryParser("body", ix.schema).parse("harbour OR strike")  # type: ignore[attr-defined]
    scored = []
    for weighting in (scoring.BM25F(), CachedLengthBM25F()):
        with ix.searcher(weighting=weighting) as searcher:  # type: ignore[attr-defined]
            hits = searcher.search(query, limit=None)
            scored.append([(hit["id"], hit.score) for hit in hits])
    assert scored[0] == scored[1] and len(scored[0]) == 4


def test_lengths_match_whoosh_and_a_field_never_written_falls_back(tmp_path: Path) -> None:
    ix = _index(tmp_path)
    with ix.searcher() as searcher:  # type: ignore[attr-defined]
        for leaf, _ in searcher.leaf_searchers():
            reader = leaf.reader()
            lengths = field_lengths(reader, "body")
            assert lengths is not None
            # Whoosh answers None for a document with no words in the field (it is
            # never scored: no term of the field matches it); every other length agrees.
            theirs = [reader.doc_field_length(d, "body", 1) for d in range(reader.doc_count_all())]
            assert [ours for ours, t in zip(lengths, theirs, strict=True) if t is not None] == [
                t for t in theirs if t is not None
            ]
            assert len(lengths) == reader.doc_count_all()
            assert field_lengths(reader, "note") is None  # no column: Whoosh's lookup
