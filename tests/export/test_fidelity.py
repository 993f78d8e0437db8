"""Exports keep the body's shape: every line, bullet lists, live-blog times, a time's zone."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

from markdown_it import MarkdownIt

from newsdesk.export import ExportOptions, render, render_files
from newsdesk.export.body import markdown_paragraph
from newsdesk.model import Article

from .conftest import build_article

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
NOW = datetime(2026, 11, 23, 14, 5)

CODE = [
    "def route(stop):",
    "    if stop.closed:",
    "        return None",
    "    return stop.next",
]
BULLETS = ["Buses every ten minutes", "Free transfers for an hour", "A new night route"]
LIVE = ["12:05 The mayor arrives at the depot.", "12:40 Questions from the floor begin."]
BODY = "\n\n".join(
    [
        "The council published its transport plan on Monday.",
        "Key points:\n" + "\n".join(f"- {b}" for b in BULLETS),
        "The timetable tool reads:\n" + "\n".join(CODE),
        "\n".join(LIVE),
        "The last line of the story.",
    ]
)


def _article() -> Article:
    return build_article("Council bus plan", BODY, published="2026-03-14T12:00:00+01:00")


def _html_lines(markdown: str) -> list[str]:
    """The rendered text, one entry per line a reader sees (hard breaks and blocks)."""
    html = MD.render(markdown)
    for tag in ("<br />", "</p>", "</li>", "</h1>", "</h2>", "<hr />"):
        html = html.replace(tag, "\n")
    text = "".join(part.split(">", 1)[-1] for part in html.split("<"))
    return [line.replace("\u00a0", " ").rstrip() for line in text.split("\n") if line.strip()]


def test_markdown_digest_keeps_every_line_lists_and_the_zone() -> None:
    text = render([_article()], ExportOptions(format="md"), now=NOW).text
    tokens = MD.parse(text)
    items = [tokens[i + 2].content for i, tok in enumerate(tokens) if tok.type == "list_item_open"]
    assert items[-3:] == BULLETS  # a list, after the table of contents' one item
    lines = _html_lines(text)
    for line in CODE:  # every line of the code sample, indentation kept
        assert line in lines, line
    for line in LIVE:  # each live-blog entry on its own line, its time first
        assert line in lines, line
    assert "Council bus plan — The Valley Courier · 2026-03-14 12:00 +01:00" in lines
    assert "The last line of the story." in lines


def test_every_format_keeps_every_body_line() -> None:
    article = _article()
    body_lines = [line.strip() for line in BODY.split("\n") if line.strip()]
    data = json.loads(render([article], ExportOptions(format="json"), now=NOW).text)
    assert data[0]["published"] == "2026-03-14T12:00:00+01:00"
    assert [ln.strip() for ln in data[0]["body"].split("\n") if ln.strip()] == body_lines
    rows = list(
        csv.DictReader(io.StringIO(render([article], ExportOptions(format="csv"), now=NOW).text))
    )
    assert [ln.strip() for ln in rows[0]["body"].split("\n") if ln.strip()] == body_lines
    files = render_files([article], ExportOptions(format="md-files")).files
    shown = _html_lines(files[0][1])
    for line in (*CODE, *LIVE, "The last line of the story."):
        assert line in shown, line


def test_bullets_stay_safe_and_lines_after_a_list_do_not_join_it() -> None:
    source = markdown_paragraph("- [x](javascript:alert(1)) <b>bold</b>\n* second\nAfter the list")
    tokens = MD.parse(source)
    types = [t.type for t in tokens]
    assert types.count("list_item_open") == 2
    inline = [c for t in tokens for c in t.children or []]
    assert not [c for c in inline if c.type in ("link_open", "html_inline", "code_inline")]
    assert "paragraph_open" in types[types.index("bullet_list_close") :]  # its own paragraph
    # A dash without a space, a line of its own text: not a list.
    assert "bullet_list_open" not in [t.type for t in MD.parse(markdown_paragraph("-5 degrees"))]
