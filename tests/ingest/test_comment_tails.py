"""Text after an HTML comment is kept: it is the comment's tail in the parsed tree, and
the walk over the tree never visited comments, so "Intro.<!-- x -->Rest" became
"Intro." (a JSON Lines or CSV body, a feed item's content) without a word."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.ingest import load_file
from newsdesk.ingest.html_text import html_fragment_to_text

RECORD = {
    "title": "Pool to close after council vote",
    "body": "Intro line here.\n\n<!-- an editor's note -->\n\nThe council voted on Monday "
    "to close the pool.\n\nA second paragraph follows here.",
}


def test_a_fragment_keeps_what_follows_a_comment() -> None:
    assert html_fragment_to_text("<p>Three <!-- c --> four</p><p>Five</p>") == "Three four\n\nFive"
    assert html_fragment_to_text("<p>One <?php echo 1 ?> two</p>") == "One two"
    text = html_fragment_to_text(RECORD["body"])
    assert "The council voted on Monday to close the pool." in text
    assert text.endswith("A second paragraph follows here.")
    assert "editor's note" not in text  # the comment itself is not text


def test_json_lines_and_csv_bodies_keep_their_text(tmp_path: Path) -> None:
    jsonl = tmp_path / "pool.jsonl"
    jsonl.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    csv = tmp_path / "pool.csv"
    body = RECORD["body"].replace('"', '""')
    csv.write_text(f'title,body\n"{RECORD["title"]}","{body}"\n', encoding="utf-8")
    for path in (jsonl, csv):
        result = load_file(path)
        assert not result.error, result.error
        (item,) = result.items
        assert item.body.endswith("A second paragraph follows here."), (path.name, item.body)


def test_a_feed_item_keeps_the_text_after_a_comment(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item><title>Pool to close after council vote</title><link>https://gazette.example/pool</link>
<description><![CDATA[<p>The council voted on Monday to close the pool. <!-- ad slot -->
The pool has lost money for six years, the treasurer said.</p>
<p>Swimmers will use the school pool from March.</p>]]></description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    (item,) = load_file(feed).items
    assert "lost money for six years" in item.body
    assert "school pool from March" in item.body
