"""Day 31's byline classes: a middle initial "Y." is no Spanish "and", a paper's
`citation_author` tags beat its references' author tags, a "Text:" label is no part of the
name, and a site's login or theme credit is no author."""

from __future__ import annotations

import pytest

from newsdesk.extract.byline import parse_by_text
from newsdesk.ingest import load_bytes
from newsdesk.ingest.names import author_names

STORY = (
    "<p>The county will rebuild the footbridge over the river by next summer, its roads "
    "committee decided on Tuesday after a long debate about the cost of the work.</p>"
    "<p>The old bridge was closed in March when inspectors found cracks in two of its piers, "
    "and walkers have since taken a detour of two miles through the industrial estate.</p>"
)


def _page(head: str, body: str) -> bytes:
    return (
        f"<html><head><title>Footbridge to be rebuilt</title>{head}</head><body><article>"
        f"<h1>Footbridge to be rebuilt by next summer</h1>{body}{STORY}</article></body></html>"
    ).encode()


def test_a_middle_initial_y_is_no_conjunction() -> None:
    assert parse_by_text("Bruno Y. Maddox").authors == ["Bruno Y. Maddox"]
    # Spanish "y" still parts two writers.
    assert parse_by_text("Rocío Latorre y José Miguel Wilson").authors == [
        "Rocío Latorre",
        "José Miguel Wilson",
    ]


def test_the_author_meta_with_a_middle_initial_y_is_read() -> None:
    item = load_bytes(
        _page('<meta name="author" content="Bruno Y. Maddox">', ""), "bridge.html"
    ).items[0]
    assert item.authors == ["Bruno Y. Maddox"]


def test_a_papers_citation_author_is_its_author_not_its_references() -> None:
    refs = "".join(
        f'<li itemprop="citation" itemscope="itemscope" itemtype="http://schema.org/ScholarlyArticle">'
        f'<meta itemprop="author" content="{name}, " /><p>{name}. A study. 2001.</p></li>'
        for name in ("NH. Sheard, SP. Spelling", "H. Pereira", "P. Mullins")
    )
    page = _page(
        '<meta name="citation_author" content="Marek H. Adwin"/>',
        f'<ol class="c-article-references">{refs}</ol>',
    )
    assert load_bytes(page, "paper.html").items[0].authors == ["Marek H. Adwin"]


def test_a_citation_author_written_last_name_first_is_printed_in_order() -> None:
    page = _page('<meta name="citation_author" content="Adwin, Marek"/>', "")
    assert load_bytes(page, "paper.html").items[0].authors == ["Marek Adwin"]


@pytest.mark.parametrize(
    "line",
    [
        "Текст Венера Ерохина",
        "Текст: Венера Ерохина",
    ],
)
def test_a_russian_text_label_is_no_part_of_the_name(line: str) -> None:
    assert parse_by_text(line).authors == ["Венера Ерохина"]
    assert author_names([line]) == ["Венера Ерохина"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Texte : Marie Duprel", "Marie Duprel"),
        ("Testo: Marco Rossetti", "Marco Rossetti"),
        ("Tekst: Jan Vermeulen", "Jan Vermeulen"),
        ("Texto: Ana Ruizal", "Ana Ruizal"),
        ("Text: Jana Bergmeier", "Jana Bergmeier"),
    ],
)
def test_a_text_label_is_no_part_of_the_name(line: str, name: str) -> None:
    assert parse_by_text(line).authors == [name]


@pytest.mark.parametrize("name", ["Jdadmin", "siteadmin", "Catch Themes", "Theme by Catch Themes"])
def test_a_login_or_theme_credit_is_no_author(name: str) -> None:
    assert author_names([name]) == []


def test_a_login_after_by_is_no_author() -> None:
    assert parse_by_text("jdadmin", single=True, handle=True).authors == []
    assert parse_by_text("Thilo", single=True, handle=True).authors == ["Thilo"]
    assert author_names(["HansG"]) == ["HansG"]  # a blog's handle still counts


def test_a_login_in_the_author_slot_is_no_author() -> None:
    page = _page("", '<p class="byline">Posted by <span class="author">jdadmin</span></p>')
    assert load_bytes(page, "bridge.html").items[0].authors == []
