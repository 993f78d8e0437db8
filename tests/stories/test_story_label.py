"""A story is named by its earliest straight report, not its newest piece: the same
headline in the rows' `story_title`, `newsdesk stories` and the stories' JSON. (The app's
folded row names the version it stands for instead: the one its keys act on.)"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from rich.style import Style

from newsdesk.desk import Desk
from newsdesk.model import ArticleRow
from newsdesk.story_label import Candidate, labelled, representative
from newsdesk.tui.widgets.inbox_row import RowShape, RowStyles, render_row
from tests.tui.conftest import sample_articles

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def test_headlines_labelled_with_a_kind_of_piece() -> None:
    for title in (
        "Opinion: The port strike is a warning",
        "OPINION | The port strike is a warning",
        "CORRECTION: Port strike ends after talks",
        "CORRECTED-UPDATE 2-Port strike ends",
        "UPDATE 1-Port strike ends after talks",
        "LIVE: Port strike talks",
        "Live updates: port strike talks",
        "Analysis - Why the port strike ended",
        "Port strike ends after talks | Opinion",
        "Port strike ends after talks - video",
        "Watch: dockers walk out",
        "Editorial: Settle it",
    ):
        assert labelled(title), title
    for title in (
        "Port strike ends after talks",
        "Opinion polls shift after strike",  # a word, not a label
        "Live music returns to the docks",
        "Video game makers cut jobs",
        "",
    ):
        assert not labelled(title), title


def test_the_earliest_straight_report_names_the_story() -> None:
    members = [
        Candidate("Opinion: The strike was avoidable", 300.0, key="a"),
        Candidate("Dockers strike at Rotterdam port", 200.0, key="b"),
        Candidate("CORRECTION: Dockers strike at port", 100.0, key="c"),
        Candidate("Strike at Rotterdam port spreads", 250.0, key="d"),
        Candidate("Dockers walk out in Rotterdam", 150.0, replaced=True, key="e"),
        Candidate("Rotterdam dockers strike (undated)", None, key="f"),
    ]
    assert representative(members) == 1
    # All labelled: the earliest of them.
    assert representative([members[0], members[2]]) == 1
    # Undated members come after dated ones; equal times go to the smaller id.
    assert representative([members[5], members[3]]) == 1
    same = [Candidate("B", 5.0, key="z"), Candidate("A", 5.0, key="y")]
    assert representative(same) == 1
    assert representative([]) == 0


def _row(**changes: object) -> ArticleRow:
    values: dict[str, object] = {
        "id": "x",
        "title": "Opinion: The strike was avoidable",
        "source": "Holbeck Post",
        "published": "2026-03-14T10:00:00+00:00",
        "read": True,
        "starred": False,
        "archived": False,
        "exported": False,
        "tags": [],
        "story_size": 3,
        "story_title": "Dockers strike at Rotterdam port",
        "story_source": "Harbour Gazette",
    }
    values.update(changes)
    return ArticleRow(**values)  # type: ignore[arg-type]


def _line(row: ArticleRow, shape: RowShape) -> str:
    styles = RowStyles(*([Style()] * 16))
    return render_row(row, 80, styles, NOW, selected=False, shape=shape).plain


def test_a_folded_story_row_shows_the_version_it_stands_for() -> None:
    """Not the story's label: the detail pane and every key take the row's own article,
    so the row names it (the label named one article while keys acted on another)."""
    folded = _line(_row(), RowShape(story_head=True))
    assert "Opinion: The strike" in folded and "+2" in folded and "Holbeck Post" in folded
    assert "Dockers strike" not in folded and "Harbour Gazette" not in folded
    # Expanded, or a version under its story: the row's own headline too.
    expanded = _line(_row(), RowShape(story_head=True, expanded=True))
    assert "Opinion: The strike" in expanded and "Holbeck Post" in expanded
    assert "Opinion: The strike" in _line(_row(), RowShape(depth=1))
    # A row in the flat inbox is its own article.
    assert "Opinion: The strike" in _line(_row(), RowShape())


def _opinion_story(desk: Desk) -> tuple[str, list[str], str, str]:
    """The sample articles with the newest of one story made an opinion piece: the story,
    its members, the opinion's headline and the earlier straight report's."""
    items = sample_articles(12)
    # Articles 0 and 6 are one story; 0 is the newer.
    items[0] = replace(items[0], title="Opinion: " + items[0].title)
    desk.add_extracted(items, "fixture")
    story_of = desk.story_map()
    ids = {m.title: m.id for m in desk.rows(list(story_of))}
    story = story_of[ids[items[0].title]]
    assert story_of[ids[items[6].title]] == story
    return story, desk.story_members(story), items[0].title, items[6].title


def test_the_store_desk_and_json_agree_on_the_label(backend: str) -> None:
    with Desk() as desk:
        story, members, opinion, straight = _opinion_story(desk)
        assert len(members) == 2
        rows = desk.rows(members)
        assert {r.story_title for r in rows} == {straight}
        named_by = next(r for r in rows if r.title == straight)
        assert {r.story_source for r in rows} == {named_by.source}
        group = next(g for g in desk.stories() if g.id == story)
        assert group.label == straight
        assert group.as_dict()["label"] == straight
        assert opinion in [m.title for m in group.members]


def test_newsdesk_stories_prints_the_label() -> None:
    from newsdesk.cli.main import main

    with Desk() as desk:
        story, _, opinion, straight = _opinion_story(desk)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["stories"]) == 0
    lines = out.getvalue().splitlines()
    head = next(n for n, line in enumerate(lines) if line.startswith(story))
    # The story's header, then its label, then its versions.
    assert lines[head + 1].strip() == straight
    assert any(opinion in line for line in lines[head + 2 :])
    shown = json.loads(_run_json(main, ["stories", "--json"]))
    assert next(s for s in shown if s["story"] == story)["label"] == straight


def _run_json(main: Callable[[list[str]], int], args: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(args) == 0
    return out.getvalue()
