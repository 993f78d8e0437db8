"""escape_markdown_text: any text renders as exactly that text, in plain paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newsdesk.export.escape import escape_markdown_text
from newsdesk.sanitize import clean_text

# CommonMark plus the GFM extensions markdown-it-py has built in.
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])

ALLOWED_BLOCKS = {"paragraph_open", "paragraph_close", "inline"}
ALLOWED_INLINE = {"text", "softbreak"}


def rendered_plain(source: str) -> str:
    """Text content of the rendered Markdown; fails on any token but plain paragraphs."""
    pieces: list[str] = []
    for token in MD.parse(source):
        assert token.type in ALLOWED_BLOCKS, f"{token.type} from {source!r}"
        for child in token.children or []:
            assert child.type in ALLOWED_INLINE, f"{child.type} from {source!r}"
            pieces.append(child.content if child.type == "text" else "\n")
    return "".join(pieces)


def squash(text: str) -> str:
    return "".join(text.split())


HOSTILE = [
    "# Fake heading",
    "## Also fake ##",
    "Title\n=====",
    "Title\n---",
    "---",
    "***",
    "_ _ _",
    "> quote",
    "- item\n+ item\n* item",
    "1. first\n2) second",
    "2026. A year",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "```\ncode\n```",
    "~~~python\nx\n~~~",
    "    indented code",
    "\tindented with a tab",
    "<script>alert(1)</script>",
    "<div>\nblock html\n</div>",
    "<!-- comment -->",
    "[x](javascript:alert(1))",
    "![img](http://evil/x.png)",
    "[ref]: http://evil",
    "<http://autolink.example>",
    "*emphasis* and _more_ and **strong** and `code` and ~~strike~~",
    "line with two trailing spaces  \nnext",
    "line ending in a backslash\\\nnext",
    "&amp; &#39; &copy; AT&T",
    "term\n: definition",
    "snake_case_name and 3 * 4 * 5",
    "\x1b[31mred\x1b[0m text",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_plain_text(text: str) -> None:
    escaped = escape_markdown_text(text)
    assert squash(rendered_plain(escaped)) == squash(clean_text(text))


def test_ordinary_prose_is_left_readable() -> None:
    text = "U.S. growth hit 3.5% in 2026, officials said (on Monday)."
    assert escape_markdown_text(text) == text


def test_line_starts_are_escaped_minimally() -> None:
    assert escape_markdown_text("- item") == "\\- item"
    assert escape_markdown_text("12. twelve") == "12\\. twelve"
    assert escape_markdown_text("3) three") == "3\\) three"
    assert escape_markdown_text("# h") == "\\# h"
    assert escape_markdown_text("    code") == "code"
    assert escape_markdown_text("a  \nb") == "a\nb"


def test_blank_line_runs_collapse_but_paragraphs_stay() -> None:
    assert escape_markdown_text("one\n\n\n\ntwo") == "one\n\ntwo"
    assert len(MD.parse(escape_markdown_text("one\n\ntwo"))) == 6  # two paragraphs


def test_single_line_collapses_whitespace() -> None:
    assert escape_markdown_text("# A\n\nheadline  here", single_line=True) == "\\# A headline here"


def test_image_marker_and_entities() -> None:
    assert escape_markdown_text("![x](y)") == "\\!\\[x\\](y)"
    assert escape_markdown_text("Wow!") == "Wow!"
    assert escape_markdown_text("&amp;") == "\\&amp;"
    assert escape_markdown_text("AT&T") == "AT&T"


MARKDOWN_BITS = st.sampled_from(
    [*"#*-+=:>|`[]()<>_~!&;\\.)0123456789 \t\naé", "```", "~~~", "---", "<b>", "&amp;", "  \n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_BITS, max_size=40).map("".join))
def test_property_markdown_like_text_renders_as_itself(text: str) -> None:
    assert squash(rendered_plain(escape_markdown_text(text))) == squash(clean_text(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_property_any_text_renders_as_itself(text: str) -> None:
    assert squash(rendered_plain(escape_markdown_text(text))) == squash(clean_text(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_property_single_line_is_one_plain_line(text: str) -> None:
    escaped = escape_markdown_text(text, single_line=True)
    assert "\n" not in escaped
    assert squash(rendered_plain(escaped)) == squash(clean_text(text))


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            "Read it at https://example.org/city_council/budget_2027.",
            "https://example.org/city_council/budget_2027",
        ),
        (
            "(see https://en.wikipedia.org/wiki/Foo_(bar))",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
        ),
        ("https://example.org/page#part_two and a_b", "https://example.org/page#part_two"),
        ("Figures: http://stats.example/q?tag=*x*&n=2", "http://stats.example/q?tag=*x*&n=2"),
    ],
)
def test_a_bare_url_stays_one_link_without_backslashes(text: str, url: str) -> None:
    """An underscore in a URL was escaped ("budget\\_2027"): GitHub's link stopped at it."""
    escaped = escape_markdown_text(text)
    assert url in escaped
    links = [
        child.attrs["href"]
        for token in MD.parse(escaped)
        for child in token.children or []
        if child.type == "link_open"
    ]
    assert links == [url]


def test_a_plain_url_is_left_as_written() -> None:
    text = "Details at https://example.org/report.html, officials said."
    assert escape_markdown_text(text) == text
