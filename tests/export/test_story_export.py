"""Versions of one story in an export: kept together under the story's headline, and
every record says its story."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import yaml

from newsdesk.export import ExportOptions, render, render_files
from newsdesk.export.slug import github_anchor
from newsdesk.model import Article

from .conftest import ArticleFactory
from .test_markdown import HOSTILE_BODY, all_inline_children, headings, tokens

NOW = datetime(2026, 11, 23, 14, 5)


def version(
    make_article: ArticleFactory, title: str, story: str, size: int, published: str, source: str
) -> Article:
    article = make_article(title, "One paragraph.", published=published, source=source)
    article.story_id, article.story_size = story, size
    return article


def digest(articles: list[Article]) -> str:
    return render(articles, ExportOptions(format="md"), now=NOW).text


def test_a_story_s_versions_are_kept_together_under_its_headline(
    make_article: ArticleFactory,
) -> None:
    """A folded story row exported as six unrelated sections, "Query: none": nothing
    said they were one story."""
    opinion = version(make_article, "Opinion: the dam must go", "s-dam", 3, "2026-11-19", "Courier")
    straight = version(
        make_article, "Council votes to tear down dam", "s-dam", 3, "2026-11-20", "Wire"
    )
    later = version(make_article, "Dam demolition date set", "s-dam", 3, "2026-11-21", "Herald")
    alone = version(make_article, "Bridge reopens", "s-bridge", 1, "2026-11-21", "Courier")
    # In the order the inbox gave them (newest first), another article in between.
    text = digest([later, alone, straight, opinion])
    assert headings(text) == [
        ("h1", "newsdesk digest"),
        ("h2", "Contents"),
        # Named by its earliest straight report, as the inbox's story row is.
        ("h2", "Story: Council votes to tear down dam"),
        ("h3", "Dam demolition date set"),
        ("h3", "Council votes to tear down dam"),
        ("h3", "Opinion: the dam must go"),
        ("h2", "Bridge reopens"),
    ]
    assert "3 versions of one story · Herald, Wire, Courier" in text
    assert "The 3 articles are" not in text
    assert "3 of the articles are versions of one story, kept together under its headline." in text
    # The contents follow the same shape, every link to its heading.
    seen: dict[str, int] = {}
    anchors = [github_anchor(h, seen) for _tag, h in headings(text)]
    links = [c.attrs["href"] for c in all_inline_children(text) if c.type == "link_open"]
    assert links == ["#" + a for a in anchors[2:]]
    nested = [t for t in tokens(text) if t.type == "bullet_list_open"]
    assert len(nested) == 2  # the contents, and the story's versions inside it


def test_a_digest_of_one_whole_story_says_so_in_its_header(make_article: ArticleFactory) -> None:
    versions = [
        version(make_article, f"Flood update {n}", "s-flood", 6, f"2026-11-2{n}", "Wire")
        for n in range(6)
    ]
    text = digest(versions)
    assert "6 articles · Query: none (articles picked by hand)" in text
    assert "The 6 articles are versions of one story, kept together under its headline." in text
    assert [h for h in headings(text) if h[0] == "h2"][1:] == [("h2", "Story: Flood update 0")]


def test_articles_of_different_stories_are_not_grouped(make_article: ArticleFactory) -> None:
    one = version(make_article, "First", "s-1", 2, "2026-11-20", "Wire")
    two = version(make_article, "Second", "s-2", 2, "2026-11-20", "Wire")
    text = digest([one, two])
    assert headings(text)[2:] == [("h2", "First"), ("h2", "Second")]
    assert "versions of" not in text


def test_a_hostile_story_headline_stays_text(make_article: ArticleFactory) -> None:
    title = "# [x](javascript:alert(1)) <script>alert(1)</script> *dam*"
    first = version(make_article, title, "s-x", 2, "2026-11-20", "<b>Wire</b>")
    first.meta.body = HOSTILE_BODY
    second = version(make_article, "Other", "s-x", 2, "2026-11-21", "[Courier](http://evil)")
    text = digest([first, second])
    # Newest version first.
    assert headings(text)[2:] == [("h2", f"Story: {title}"), ("h3", "Other"), ("h3", title)]
    kinds = {t.type for t in tokens(text)}
    assert kinds.isdisjoint({"html_block", "fence", "code_block", "table_open"})
    children = all_inline_children(text)
    assert not [c for c in children if c.type in ("html_inline", "code_inline", "image")]
    hrefs = [c.attrs.get("href") for c in children if c.type == "link_open"]
    assert all(str(h).startswith("#") for h in hrefs) and len(hrefs) == 3


def test_every_record_carries_its_story(make_article: ArticleFactory) -> None:
    first = version(make_article, "Council votes", "s-dam", 3, "2026-11-20", "Wire")
    alone = version(make_article, "Bridge reopens", "s-bridge", 1, "2026-11-21", "Courier")
    data = json.loads(render([first, alone], ExportOptions(format="json")).text)
    assert [(r["story"], r["story_size"]) for r in data] == [("s-dam", 3), ("s-bridge", 1)]
    rows = list(csv.DictReader(io.StringIO(render([first], ExportOptions(format="csv")).text)))
    assert rows[0]["story"] == "s-dam" and rows[0]["story_size"] == "3"
    ((_name, text),) = render_files([first], ExportOptions(format="md-files")).files
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["story"] == "s-dam"


def test_a_wire_story_s_takes_come_newest_first_and_replaced_ones_say_so(
    make_article: ArticleFactory,
) -> None:
    """A folded wire story picked take by take exported in the picking order (11:05,
    06:10, 10:20), the replaced takes with nothing saying so (one marked "updated"), their
    stale text read as current by the next editor."""
    takes = []
    for number, (stamp, status) in enumerate(
        [("2026-11-19T06:10:00Z", None), ("2026-11-19T10:20:00Z", "updated")], start=1
    ):
        take = version(make_article, f"Ports close, take {number}", "s-ports", 3, stamp, "Wire")
        take.meta.urgency, take.meta.version, take.meta.status = 3, number, status
        take.meta.item_id = "wire-ports"
        take.superseded = True
        takes.append(take)
    current = version(
        make_article, "CORRECTED-Ports reopen", "s-ports", 3, "2026-11-19T11:05:00Z", "Wire"
    )
    current.meta.urgency, current.meta.version, current.meta.item_id = 3, 3, "wire-ports"
    current.meta.status = "corrected"
    text = digest([current, takes[0], takes[1]])
    assert [h for h in headings(text) if h[0] == "h3"] == [
        ("h3", "CORRECTED-Ports reopen"),
        ("h3", "Ports close, take 2"),
        ("h3", "Ports close, take 1"),
    ]
    assert "**version 1, superseded by a later one**" in text
    assert "**version 2, superseded by a later one**" in text
    assert "**updated**" not in text
    assert text.count("superseded") == 2
