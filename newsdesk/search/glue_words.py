"""Glue words ("the", "und") dropped from a query's word leaves before it runs.

A word that the index's analyser turns into nothing can match nothing; the
engine and the rules drop such leaves first, so "the harbour" means "harbour".
"""

from __future__ import annotations

from newsdesk.search.query import And, Node, Not, Or, Words
from newsdesk.search.schema import NAME_FIELDS, fold, fold_text, plain_analyzer, text_analyzer
from newsdesk.search.words import STOP_WORDS


class GluePruner:
    """Drops word leaves that analyse to nothing (glue words like "the")."""

    def __init__(self) -> None:
        self.stemmed = text_analyzer()
        self.plain = plain_analyzer()

    def empty(self, node: Words) -> bool:
        if node.kind == "prefix":
            return False
        if node.field in NAME_FIELDS:
            return not fold(node.text)
        # A glue word is dropped everywhere, even where the field keeps it.
        folded = fold_text(node.text)
        if node.field in ("any", "title", "dek", "body"):
            return not any(True for _ in self.stemmed(folded, mode="query"))
        # The outlet and dateline keep their glue words (for phrases: `source:"the
        # times"`), but one alone would find nearly every outlet (`source:the`).
        return all(t.text in STOP_WORDS for t in self.plain(folded, mode="query"))

    def prune(self, node: Node) -> Node | None:
        if isinstance(node, Words):
            return None if self.empty(node) else node
        if isinstance(node, Not):
            inner = self.prune(node.item)
            return Not(inner) if inner is not None else None
        if isinstance(node, And | Or):
            items = [p for p in (self.prune(i) for i in node.items) if p is not None]
            if not items:
                return None
            if len(items) == 1:
                return items[0]
            return And(tuple(items)) if isinstance(node, And) else Or(tuple(items))
        return node


def prune_glue_words(node: Node) -> Node | None:
    """`node` without the word leaves that analyse to nothing; None when nothing is left."""
    return GluePruner().prune(node)
