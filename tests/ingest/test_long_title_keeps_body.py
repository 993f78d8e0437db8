"""A stated headline too long to be one is cut, and said; the body stays whole.

A JSON Lines title of 508 characters (no full stop), a Markdown front matter title
or a feed item's <title> of that length made the extractor look for a headline in
the text: the body's first paragraph was taken for it, then dropped when the stated
title was put back, with no word said (`search mayor bridge` found nothing)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from newsdesk.ingest.loader import load_bytes

P1 = "The mayor said the bridge would reopen in March."
P2 = "Council members disagreed strongly with the plan on Tuesday."
LONG = " ".join(["The council debated the long awaited plan for the river crossing"] * 9)[:508]


def _jsonl(title: str) -> bytes:
    return json.dumps({"title": title, "body": f"{P1}\n\n{P2}"}).encode()


def _markdown(title: str) -> bytes:
    return f"---\ntitle: {json.dumps(title)}\n---\n\n{P1}\n\n{P2}\n".encode()


def _feed(title: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title>'
        "<link>https://herald.example/</link><description>d</description>"
        f"<item><title>{title}</title><link>https://herald.example/a</link>"
        f"<description>&lt;p&gt;{P1}&lt;/p&gt;&lt;p&gt;{P2}&lt;/p&gt;</description>"
        "</item></channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    ("make", "name"), [(_jsonl, "a.jsonl"), (_markdown, "a.md"), (_feed, "a.xml")]
)
@pytest.mark.parametrize(
    "title", [LONG, LONG * 10, "Minister " * 300], ids=["508", "5080", "minister"]
)
def test_a_long_title_is_cut_and_said_and_the_body_kept(
    make: Callable[[str], bytes], name: str, title: str
) -> None:
    result = load_bytes(make(title), name)
    assert result.error is None
    (item,) = result.items
    assert P1 in item.body and P2 in item.body
    assert len(item.title) <= 200 and item.title.endswith("…")
    assert item.title.startswith(title.split()[0])
    assert any("headline cut to" in w for w in result.warnings)


def test_a_headline_sized_title_is_not_said() -> None:
    result = load_bytes(_jsonl(LONG[:250]), "a.jsonl")
    (item,) = result.items
    assert P1 in item.body
    assert not any("headline cut" in w for w in result.warnings)
