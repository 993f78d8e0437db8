"""The Markdown digest and per-article files: structure survives any article text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsdesk.export import ExportError, ExportOptions, render, render_files
from newsdesk.export.markdown import FRONT_MATTER_KEYS, safe_link
from newsdesk.export.slug import github_anchor
from newsdesk.model import Article
from newsdesk.sanitize import clean_line

from .conftest import ArticleFactory, build_article

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
NOW = datetime(2026, 11, 23, 14, 5)

HOSTILE_BODY = "\n\n".join(
    [
        "# Fake heading",
        "Setext fake\n===",
        "> quote",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "```\nfenced\n```",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "<div>html block</div>",
        "    indented",
        "---",
        "- list\n1. list",
    ]
)


def tokens(text: str) -> list[Token]:
    return MD.parse(text)


def inline_text(token: Token) -> str:
    return "".join(c.content for c in token.children or [] if c.type == "text")


def headings(text: str) -> list[tuple[str, str]]:
    toks = tokens(text)
    return [
        (tok.tag, inline_text(toks[i + 1]))
        for i, tok in enumerate(toks)
        if tok.type == "heading_open"
    ]


def all_inline_children(text: str) -> list[Token]:
    return [child for tok in tokens(text) for child in tok.children or []]


def digest(articles: list[Article], **options: object) -> str:
    return render(articles, ExportOptions(format="md", **options), now=NOW).text  # type: ignore[arg-type]


def test_digest_headings_are_exactly_title_contents_and_headlines(
    make_article: ArticleFactory,
) -> None:
    articles = [
        make_article("First # story", HOSTILE_BODY, dek="# not a heading"),
        make_article("> Second", HOSTILE_BODY + "\n\n## Another fake"),
        make_article("Third", "Plain text."),
    ]
    text = digest(articles, title="Morning *brief*", query="tag:floods")
    assert headings(text) == [
        ("h1", "Morning *brief*"),
        ("h2", "Contents"),
        ("h2", "First # story"),
        ("h2", "> Second"),
        ("h2", "Third"),
    ]


def test_hostile_bodies_add_no_html_code_tables_or_links(make_article: ArticleFactory) -> None:
    articles = [make_article("Hostile", HOSTILE_BODY, url="javascript:alert(1)")]
    text = digest(articles)
    types = {tok.type for tok in tokens(text)}
    assert types.isdisjoint(
        {"html_block", "fence", "code_block", "table_open", "blockquote_open", "ordered_list_open"}
    )
    children = all_inline_children(text)
    assert not [c for c in children if c.type in ("html_inline", "code_inline", "image", "s_open")]
    hrefs = [c.attrs.get("href") for c in children if c.type == "link_open"]
    # Only the table-of-contents link: the javascript: URL is shown, never linked.
    assert hrefs == ["#hostile"]
    assert "javascript:alert(1)" in text


def test_digest_header_shows_date_query_and_count(make_article: ArticleFactory) -> None:
    text = digest([make_article()], query="is:starred tag:x")
    assert "2026-11-23 14:05" in text
    assert "is:starred tag:x" in text
    assert "1 article" in text
    no_query = digest([make_article(), make_article("Other")])
    assert "none (articles picked by hand)" in no_query
    assert "2 articles" in no_query
    many = digest([make_article(f"Item {n}") for n in range(1200)])
    assert "· 1,200 articles ·" in many  # grouped as every other count on screen


def test_toc_links_point_at_heading_anchors(make_article: ArticleFactory) -> None:
    articles = [
        make_article("Same headline"),
        make_article("Same headline"),
        make_article("Contents"),
    ]
    text = digest(articles, title="Digest")
    seen: dict[str, int] = {}
    anchors = [github_anchor(h, seen) for _tag, h in headings(text)]
    toc_links = [c.attrs["href"] for c in all_inline_children(text) if c.type == "link_open"]
    assert toc_links == ["#" + a for a in anchors[2:]]
    assert toc_links == ["#same-headline", "#same-headline-1", "#contents-1"]


def test_article_section_has_meta_dek_quotes_tags_body_and_link(rich_article: Article) -> None:
    text = digest([rich_article])
    assert "By Jane Doe and John Roe · The Valley Courier · ZÜRICH · 2026-11-20 10:30" in text
    assert "*Residents were evacuated*" in text
    assert "> “We will rebuild” — Anna Muster" in text
    assert "> “It came fast”" in text
    assert "Third quote" in text and "Fourth quote" not in text  # at most three
    assert "Tags: floods, swiss" in text
    assert "Repairs begin." in text
    assert "Summary:" not in text
    assert "Original: <https://example.com/news/floods>" in text
    quotes = [t for t in tokens(text) if t.type == "blockquote_open"]
    assert len(quotes) == 3


def test_summary_mode_keeps_first_paragraphs(rich_article: Article) -> None:
    text = digest([rich_article], summary=True)
    assert "Water rose overnight." in text and "Shops closed." in text
    assert "The mayor spoke." not in text
    assert "Summary: 2 of 4 paragraphs." in text
    three = digest([rich_article], summary=True, summary_paragraphs=3)
    assert "The mayor spoke." in three and "Repairs begin." not in three


def test_body_can_be_left_out(rich_article: Article) -> None:
    text = digest([rich_article], include_body=False)
    assert "Water rose overnight." not in text
    assert "We will rebuild" in text


def test_empty_optional_fields_leave_no_blank_runs(make_article: ArticleFactory) -> None:
    text = digest([make_article(authors=[], source=None, published=None)])
    assert "\n\n\n" not in text


def test_md_files_format_is_not_a_single_text(make_article: ArticleFactory) -> None:
    with pytest.raises(ExportError, match="folder"):
        render([make_article()], ExportOptions(format="md-files"))


def test_invalid_options_are_rejected() -> None:
    with pytest.raises(ValueError, match="format"):
        ExportOptions(format="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="summary_paragraphs"):
        ExportOptions(summary_paragraphs=0)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("http://example.com/x?(y)", "http://example.com/x?%28y%29"),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("file:///etc/passwd", None),
        ("https://", None),
        (None, None),
    ],
)
def test_safe_link(url: str | None, expected: str | None) -> None:
    assert safe_link(url) == expected


# --- per-article files ---------------------------------------------------------------

TRICKY_TITLES = [
    "Mayor: 'We will rebuild'",
    'He said "no" — twice',
    "- leading dash",
    "# leading hash",
    "yes",
    "null",
    "2026-11-20",
    "1e3",
    "---",
    "...",
    "key: value: more",
    "Zürich Überschwemmung 洪水",
    "[bracketed] {braced} & *starred* !bang %percent @at `tick`",
]


def split_file(text: str) -> tuple[dict[str, object], str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    data = yaml.safe_load(text[4 : end + 1])
    assert isinstance(data, dict)
    return data, text[end + 5 :]


@pytest.mark.parametrize("title", TRICKY_TITLES)
def test_front_matter_parses_back_to_the_same_values(
    make_article: ArticleFactory, title: str
) -> None:
    article = make_article(
        title,
        authors=["O'Brien, Pat", "- Dash"],
        tags=["a: b", "#hash"],
        dek=title,
        starred=True,
    )
    [(name, text)] = render_files([article], ExportOptions(format="md-files")).files
    data, body = split_file(text)
    assert list(data) == list(FRONT_MATTER_KEYS)
    assert data["title"] == title
    assert data["dek"] == title
    assert data["authors"] == ["O'Brien, Pat", "- Dash"]
    assert data["tags"] == ["a: b", "#hash"]
    assert data["starred"] is True
    assert data["published"] == "2026-11-20"
    assert data["id"] == article.id
    # The file body has exactly one heading: the headline, as text.
    assert headings(body) == [("h1", title)]
    assert name.endswith(".md") and "/" not in name


def test_article_file_front_matter_closes_before_any_body_dashes(
    make_article: ArticleFactory,
) -> None:
    article = make_article("Dashes", "---\n\n...\n\nText", dek="...")
    [(_name, text)] = render_files([article], ExportOptions(format="md-files")).files
    data, body = split_file(text)
    assert data["title"] == "Dashes"
    assert "Text" in body


ROUND_TRIP_BODY = (
    "The river rose two metres overnight and flooded the lanes of the old town, "
    "officials said on Friday morning.\n\n"
    "Shop owners carried stock to upper floors while fire crews pumped water from "
    "cellars along the embankment until dawn.\n\n"
    "The city council will meet on Monday to decide how repairs are paid for, "
    "the mayor told reporters outside the town hall."
)


def test_files_round_trip_through_the_markdown_importer(
    tmp_path: Path, rich_article: Article
) -> None:
    from newsdesk import ingest

    rich_article.meta.body = ROUND_TRIP_BODY
    [(name, text)] = render_files([rich_article], ExportOptions(format="md-files")).files
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = ingest.load_file(path)
    assert result.ok, result.error
    [item] = result.items
    assert item.title == rich_article.meta.title
    assert item.authors == rich_article.meta.authors
    assert item.source == rich_article.meta.source
    assert item.dateline == rich_article.meta.dateline
    assert item.url == rich_article.meta.url
    assert (item.published or "")[:10] == "2026-11-20"
    assert item.tags == rich_article.state.tags
    assert item.starred is True
    assert item.dek == rich_article.meta.dek
    assert "fire crews pumped water" in item.body
    assert item.guid == rich_article.id
    # The body comes back as it was stored: not the byline, standfirst, quotes, tags or
    # link the template puts around it, and literal Markdown characters stay literal.
    assert item.body == ROUND_TRIP_BODY


def test_an_article_without_a_body_comes_back_without_one(
    tmp_path: Path, rich_article: Article
) -> None:
    # Unmarked, the importer took the template's date, note and link for the body.
    from newsdesk import ingest

    rich_article.meta.body = ""
    rich_article.state.note = "call back the harbour master"
    [(name, text)] = render_files([rich_article], ExportOptions(format="md-files")).files
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [item] = ingest.load_file(path).items
    assert item.body == ""
    assert item.title == rich_article.meta.title and item.guid == rich_article.id


def test_a_body_with_markdown_characters_comes_back_as_written(
    tmp_path: Path, rich_article: Article
) -> None:
    from newsdesk import ingest

    body = (
        "LONDON (AP) — A program that prints `[bold red]Warning[/]` shows the word in red.\n\n"
        "Paths like C:\\data\\*.csv, <b>tags</b>, *stars* and # signs stay as they are.\n\n"
        "- a dash at the start, 1. a number, > a quote mark."
    )
    rich_article.meta.body = body
    [(name, text)] = render_files([rich_article], ExportOptions(format="md-files")).files
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [item] = ingest.load_file(path).items
    assert item.body == body


def test_a_body_s_lists_come_back_from_markdown_files_as_stored(
    tmp_path: Path, rich_article: Article
) -> None:
    from newsdesk import ingest

    body = (
        "The plan has three parts:\n\n• Night buses run every 30 minutes.\n\n"
        "• Road salt is stored at two depots.\n\n1. Clear the hospital road first.\n\n"
        "2. Then the harbour road.\n\n- A dash the text itself began with."
    )
    rich_article.meta.body = body
    [(name, text)] = render_files([rich_article], ExportOptions(format="md-files")).files
    assert "\n* Night buses run every 30 minutes." in text  # a Markdown list item
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [item] = ingest.load_file(path).items
    assert item.body == body


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(min_size=1, max_size=300),
    tag=st.text(max_size=40),
)
def test_property_front_matter_always_parses(title: str, tag: str) -> None:
    article = build_article(title, "Body.", tags=[tag], authors=[title])
    [(_name, text)] = render_files([article], ExportOptions(format="md-files")).files
    data, _body = split_file(text)
    assert data["title"] == clean_line(title)
    assert data["authors"] == ([clean_line(title)] if clean_line(title) else [])
    assert data["tags"] == ([clean_line(tag)] if clean_line(tag) else [])
    front = text[: text.index("\n---\n", 4)]
    # One value per line: nothing an importer could take for the closing fence.
    assert all(line not in ("---", "...") for line in front.splitlines()[1:])


def test_a_correction_the_headline_already_announces_is_not_labelled_again() -> None:
    """As on the inbox row: "corrected · CORRECTED-Portugal ..." said it twice."""
    from newsdesk.export.markdown import _wire_warning

    wire = {"status": "corrected", "killed": False, "embargo_until": None}
    assert _wire_warning({"title": "CORRECTED-Portugal storm toll rises", "wire": wire}) == ""
    assert _wire_warning({"title": "Portugal storm toll rises", "wire": wire}) == "corrected"
    killed = {"status": "withdrawn", "killed": True, "embargo_until": None}
    assert "KILLED" in _wire_warning({"title": "KILL - Dutch brewer deal", "wire": killed})


def test_a_dek_the_body_opens_with_is_printed_once(rich_article: Article) -> None:
    # A standfirst the page also prints as its first lines was read twice in the digest.
    opening = "The harbour board voted to dredge the north channel before the winter storms."
    rich_article.meta.dek = opening
    rich_article.meta.body = f"{opening}\n\nWork starts on Monday, the board said."
    text = render([rich_article], ExportOptions(format="md")).text
    assert text.count("dredge the north channel") == 1
    rich_article.meta.dek = "Work starts on Monday."
    assert "*Work starts on Monday.*" in render([rich_article], ExportOptions(format="md")).text


def test_a_dek_the_wire_lede_repeats_after_its_dateline_is_printed_once(
    rich_article: Article,
) -> None:
    """A wire page's description is its lede without the dateline ("HARBOURTON (Coast
    Wire) - The harbour board ..."): the digest printed it as the dek and again as the
    body's first paragraph."""
    opening = 'The harbour board voted to dredge the "north channel" before the winter.'
    rich_article.meta.dek = opening
    rich_article.meta.body = (
        "HARBOURTON (Coast Wire) - The harbour board voted to dredge the “north channel” "
        "before the winter.\n\nWork starts on Monday, the board said."
    )
    text = render([rich_article], ExportOptions(format="md")).text
    assert text.count("dredge the") == 1
    # A lede that only starts like the description is another paragraph: both are kept.
    rich_article.meta.body = rich_article.meta.body.replace("before the winter.", "in May.")
    assert render([rich_article], ExportOptions(format="md")).text.count("dredge the") == 2
