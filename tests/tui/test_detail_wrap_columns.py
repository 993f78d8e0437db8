"""Every long value in the detail pane wraps under its own column.

At 80x24 an AP article's credit ("Associated Press writers ... contributed to this
report.") ran back to column 1 while its quotes wrapped under their own column.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from rich.console import Console
from rich.style import Style

from newsdesk.desk import Desk
from newsdesk.model import Article, ArticleRow, Link, Quote
from newsdesk.paths import Paths
from newsdesk.tui.article_view import ArticleStyles, article_text, wrapped_lines
from tests.tui.conftest import AppFactory
from tests.tui.helpers import main_screen, settle

STYLES = ArticleStyles(*(Style(),) * 10)
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
WORDS = "reported from the harbour after the storm surge closed the coast road overnight"
CREDIT = (
    "Associated Press writers Maria Lopez in Madrid, Tom Becker in Berlin and Aiko Sato "
    "in Tokyo contributed to this report."
)


def _long(article: Article) -> Article:
    """`article` with a long value in every field that can hold one."""
    meta = replace(
        article.meta,
        authors=["Maria Lopez", "Tom Becker", "Aiko Sato", "Jean-Pierre Dubois-Martin"],
        dateline="PORT OF SPAIN, Trinidad and Tobago (AP) and other places along the coast",
        url="https://example.org/" + "very-long-path-segment/" * 5 + "story.html",
        people=["Maria Lopez", "Tom Becker", "Aiko Sato", "Marta Ferrer", "Pieter de Vries"],
        organizations=["Jucar Basin Authority", "Ministry of Trade", "Nurses Organisation"],
        places=["Alzira", "Rotterdam", "Seoul", "Auckland", "The Hague", "Mexico City"],
        quotes=[Quote(f"We {WORDS}, and we will keep going.", "Marta Ferrer")],
        links=[Link(f"Earlier coverage: {WORDS}", "https://example.org/earlier")],
        credits=[CREDIT, f"Edited by Sam Moss, {WORDS}."],
        agency_note=f"Corrects the name of the harbour master, {WORDS}.",
    )
    state = replace(article.state, note=f"Check with the desk: {WORDS}.", tags=["flood"] * 12)
    return replace(article, meta=meta, state=state)


def _article(paths: Paths) -> Article:
    with Desk(paths) as desk:
        return next(a for a in (desk.get(i) for i in desk.inbox_ids()) if a is not None)


def _fields(lines: list[str]) -> list[str]:
    """The pane's lines between the dek and the body's rule."""
    start = lines.index("") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("────"))
    return lines[start:end]


def _groups(wide: list[str], narrow: list[str]) -> list[list[str]]:
    """The narrow lines each unwrapped line became (a URL folds mid-word: compared
    without spaces)."""
    groups: list[list[str]] = []
    rest = iter(narrow)
    for line in wide:
        want = "".join(line.split())
        group = [next(rest)]
        while "".join("".join(part.split()) for part in group) != want:
            group.append(next(rest))
        groups.append(group)
    return groups


@pytest.mark.parametrize("width", [38, 50, 78])
def test_every_long_value_wraps_under_its_column(wires: Paths, width: int) -> None:
    related = [
        ArticleRow(
            "r1",
            f"Coast road reopens, {WORDS}",
            "Danube Wire",
            None,
            False,
            False,
            False,
            False,
            [],
        )
    ]
    text = article_text(_long(_article(wires)), STYLES, NOW, related=related)
    console = Console(width=400)
    wide = _fields([line.plain for line in wrapped_lines(text, console, 400)])
    narrow = _fields([line.plain for line in wrapped_lines(text, console, width)])
    assert all(len(line) <= width for line in narrow)
    wrapped = 0
    for first, *more in _groups(wide, narrow):
        for line in more:
            # Under the first line's value: a space (or an opening quote mark) before
            # that column there, the value's first character at it; never the edge.
            column = len(line) - len(line.lstrip(" "))
            assert column >= 2, (first, line)
            assert first[column - 1] in " “" and first[column] != " ", (first, line)
            wrapped += 1
    # Every long field wrapped, the credits among them.
    assert wrapped >= 8
    credit = next(i for i, line in enumerate(narrow) if line.startswith("  Associated Press"))
    assert narrow[credit + 1].startswith("  ") and narrow[credit + 1][2] != " "


async def test_an_ap_credit_wraps_under_its_column_at_80x24(
    make_app: AppFactory, seeded: Paths
) -> None:
    with Desk(seeded) as desk:
        first = desk.inbox_ids()[0]
        article = desk.get(first)
        assert article is not None
    app: Any = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        detail = main_screen(app).detail
        long = _long(article)
        app.desk.get = lambda article_id, _get=app.desk.get: (
            long if article_id == first else _get(article_id)
        )
        detail.show_article(first)
        await settle(pilot)
        lines = [line.plain for line in detail._lines]
    credit = next(i for i, line in enumerate(lines) if line.startswith("  Associated Press"))
    assert lines[credit + 1].startswith("  "), lines[credit : credit + 3]
    assert lines[credit + 1][2] != " "


def test_snapshot_a_long_credit_at_80x24(
    snap_compare: Any, make_app: AppFactory, seeded: Paths
) -> None:
    """The credit's second line sits under its first word, as a quote's does."""
    from tests.tui.conftest import sample_articles
    from tests.tui.test_snapshots import steady

    article = replace(
        sample_articles(1)[0],
        title="Coast road reopens after the storm",
        published="2026-03-14T11:30:00+00:00",
        url="https://example.org/story/credit",
        body="The coast road reopened at dawn.",
        credits=[CREDIT],
    )
    with Desk(seeded) as desk:
        desk.add_extracted([article], "fixture")
        desk.sync_index()
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=steady("tab", "end"))
