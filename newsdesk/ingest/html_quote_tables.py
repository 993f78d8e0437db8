"""Stock quote tables set in a story: market data of the moment, no text of the article.

A business site sets a live quote widget between a story's paragraphs ("Ticker | Security |
Last | Change | Change %" over a row per company). Read as text it is a run of numbers and
capitalised company names, which entity extraction took for organisations; the story reads
the same without it.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from newsdesk.ingest.html_nodes import node_text

#: Column heads of a quote table, folded: every head must be one of these.
_QUOTE_HEADS = frozenset(
    {"ticker", "symbol", "security", "name", "company", "last", "price", "last price",
     "change", "chg", "change %", "% change", "%change", "% chg", "%chg", "pct change",
     "volume", "vol", "high", "low", "open", "close", "prev close", "bid", "ask",
     "market cap", "time"}
)  # fmt: skip
#: Heads of which a quote table has one of each: what is quoted, and how it moved.
_QUOTED = frozenset({"ticker", "symbol"})
_MOVED = frozenset({"change", "chg", "change %", "% change", "%change", "% chg", "%chg"})


def _heads(table: HtmlElement) -> list[str]:
    row = next(table.iter("tr"), None)
    if row is None:
        return []
    return [" ".join(node_text(cell).casefold().split()) for cell in row.iter("th", "td")]


def drop_quote_tables(tree: HtmlElement) -> None:
    """Drop, in place, every table whose header row is a stock quote's columns."""
    for table in list(tree.iter("table")):
        heads = _heads(table)
        if (
            len(heads) >= 3
            and all(head in _QUOTE_HEADS for head in heads)
            and _QUOTED & set(heads)
            and _MOVED & set(heads)
            and table.getparent() is not None
        ):
            table.drop_tree()
