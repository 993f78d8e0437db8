"""A stock quote table set between a story's paragraphs is left out of its text.

Its numbers and capitalised company names were read as the story's, and as organisations.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.model import Extracted

PARAS = [
    "Marrowby Marine, the boatbuilder on the fish quay, reported a loss for the third quarter "
    "on Tuesday as orders for ferries fell short, and its shares dropped before the bell.",
    "The company lost 4 million pounds on sales of 60 million pounds, and said the order book "
    "for next year was the thinnest it had been since the harbour reopened.",
    "Analysts had expected a small profit, and the shares of its rival Coastline Yachts fell "
    "too, as traders took the results as a sign of a slow year for the yards.",
]


def _table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _page(table: str) -> bytes:
    return (
        "<html><head><title>Boatbuilder shares fall after loss</title></head><body><article>"
        f"<h1>Boatbuilder shares fall after loss</h1><p>{PARAS[0]}</p>{table}"
        f"<p>{PARAS[1]}</p><p>{PARAS[2]}</p></article></body></html>"
    ).encode()


def test_a_quote_table_is_left_out_of_the_story() -> None:
    quotes = _table(
        ["Ticker", "Security", "Last", "Change", "Change %"],
        [
            ["MRM", "MARROWBY MARINE PLC", "12.40", "-0.81", "-6.13%"],
            ["CSY", "COASTLINE YACHTS GROUP", "8.02", "-0.20", "-2.43%"],
        ],
    )
    [item] = load_bytes(_page(quotes), "boats.html").items
    assert "Ticker" not in item.body
    assert "-6.13%" not in item.body
    assert "MARROWBY MARINE PLC" not in item.body
    assert item.body.startswith("Marrowby Marine, the boatbuilder")
    assert "the thinnest it had been" in item.body


def test_a_table_of_the_story_stays() -> None:
    results = _table(
        ["Quarter", "Sales", "Loss"],
        [["First", "70m", "1m"], ["Second", "65m", "2m"], ["Third", "60m", "4m"]],
    )
    [item] = load_bytes(_page(results), "boats.html").items
    assert "Quarter | Sales | Loss" in item.body


@pytest.mark.realworld
def test_real_page_quote_table_is_left_out(shared_item: Callable[[str], Extracted]) -> None:
    item = shared_item("realworld/html/foxbusiness-home-depot.html.gz")
    assert "Ticker | Security" not in item.body
    assert "-5.44%" not in item.body
    assert "Wall Street analysts surveyed by Refinitiv" in item.body
