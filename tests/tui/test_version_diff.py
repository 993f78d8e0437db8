"""`D`: what one version of a story has that another lacks, in a modal."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from newsdesk.desk import Desk
from newsdesk.model import Extracted, Quote
from newsdesk.paths import Paths
from newsdesk.tui.modals.version_diff import VersionDiffScreen
from tests.tui.conftest import AppFactory, make_paths
from tests.tui.helpers import main_screen, record_notifications, settle

BODY = (
    "Rescue boats moved through flooded streets in Alzira on Tuesday after the Jucar "
    "burst its banks, the Jucar Basin Authority said. Marta Ferrer, the town's mayor, "
    "opened shelters in two schools. "
)


def two_versions(paths: Paths) -> tuple[str, str]:
    """One story from two outlets; the later one adds a quote and a death toll."""
    first = Extracted(
        title="Flood waters rise in Alzira as the Jucar bursts its banks",
        source="Ironbridge Post",
        published="2026-03-14T09:00:00+00:00",
        people=["Marta Ferrer"],
        organizations=["Jucar Basin Authority"],
        places=["Alzira"],
        body=BODY + "Residents waited on rooftops.",
    )
    second = Extracted(
        title="Flood waters rise in Alzira as the Jucar bursts its banks, 14 dead",
        source="Danube Wire",
        published="2026-03-14T10:00:00+00:00",
        people=["Marta Ferrer", "Jordi Pascual"],
        organizations=["Jucar Basin Authority"],
        places=["Alzira"],
        quotes=[Quote("We have never seen the river rise this fast", "Jordi Pascual")],
        body=BODY + "At least 14 people died, officials said. \u201cWe have never seen the "
        "river rise this fast,\u201d said Jordi Pascual, a firefighter.",
    )
    with Desk(paths) as desk:
        ids = desk.add_extracted([first, second], "diff-fixture")
        a, b = (desk.get(i) for i in ids)
        assert a is not None and b is not None
        if a.story_id != b.story_id:  # the grouper's call, not what this test is about
            with desk.store.transaction() as tx:
                desk.store.set_story(tx, b.id, a.story_id)
        desk.sync_index()
    return ids[0], ids[1]


async def test_diff_shows_the_quote_and_figure_only_one_version_has(
    make_app: AppFactory, paths: Paths
) -> None:
    first, second = two_versions(paths)
    for size in ((120, 40), (80, 24)):
        app = make_app(paths)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            screen.inbox.cursor = screen.inbox.ids.index(first)
            await pilot.press("D")
            await settle(pilot)
            modal = app.screen
            assert isinstance(modal, VersionDiffScreen)
            assert modal.other_id == second
            mine = str(modal.query_one("#diff-a", Static).content)
            theirs = str(modal.query_one("#diff-b", Static).content)
            assert "Only in Ironbridge Post" in mine
            assert "Nothing the other version lacks." in mine
            assert "Only in Danube Wire" in theirs
            assert "We have never seen the river rise this fast" in theirs
            assert "Jordi Pascual" in theirs
            assert "\nFigures\n  14" in theirs
            assert "Figures" not in mine  # (the 14 is the other version's alone)
            a_region = modal.query_one("#diff-a").region
            b_region = modal.query_one("#diff-b").region
            if size[0] >= 100:
                assert a_region.y == b_region.y and a_region.x < b_region.x  # side by side
            else:
                assert b_region.y > a_region.y  # stacked
            assert modal.query_one("#diff-dialog").region.bottom <= size[1]
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, VersionDiffScreen)


async def test_diff_on_a_single_version_says_so(make_app: AppFactory, paths: Paths) -> None:
    with Desk(paths) as desk:
        # Dated after the sample queue, so it is the first row (undated would sort last).
        lone = Extracted(
            title="A lone report", source="Test Gazette", body="x", published="2026-12-31"
        )
        desk.add_extracted([lone], "x")
    app = make_app(paths)
    seen = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert not isinstance(app.screen, VersionDiffScreen)
        assert any("no other version" in m for m in seen)


def test_versions_without_an_outlet_are_told_apart_by_where_they_came_from() -> None:
    """Two copies of one page with no outlet were both "unknown outlet" side by side."""
    from newsdesk.model import Article, ArticleState
    from newsdesk.tui.modals.version_diff import version_label

    def copy(origin: str) -> Article:
        meta = Extracted(title="Crane collapse", body="x", published="2026-12-05T09:30:00")
        return Article("a" * 16, meta, ArticleState(), origin, "2026-12-05T10:00:00")

    first = version_label(copy("/drop/page1.html"))
    second = version_label(copy("/drop/page1-corrected.html"))
    assert first == "page1.html, 2026-12-05 09:30"
    assert second == "page1-corrected.html, 2026-12-05 09:30"
    assert version_label(copy("")).startswith("unknown outlet")


async def test_two_takes_of_one_day_are_told_apart_in_the_dialog(
    make_app: AppFactory, paths: Paths
) -> None:
    """`D` said "Polaris, 2026-12-05 vs Polaris, 2026-12-05": one outlet, a date
    without a time, no version number. The wire's name for each take tells them apart."""
    flash = Extracted(
        title="FLASH: Crane collapses at Quillport harbour",
        source="Polaris",
        published="2026-12-05",
        urgency=1,
        places=["Quillport"],
        body="A crane collapsed at Quillport harbour on Saturday.",
    )
    urgent = Extracted(
        title="Crane collapses at Quillport harbour, two dock workers hurt",
        source="Polaris",
        published="2026-12-05",
        urgency=3,
        places=["Quillport"],
        people=["Ana Reis"],
        body="A crane collapsed at Quillport harbour on Saturday; two dock workers were hurt, "
        "said Ana Reis, the harbour master.",
    )
    with Desk(paths) as desk:
        first, second = desk.add_extracted([flash, urgent], "takes")
        a, b = desk.get(first), desk.get(second)
        assert a is not None and b is not None
        if a.story_id != b.story_id:  # the grouper's call, not what this test is about
            with desk.store.transaction() as tx:
                desk.store.set_story(tx, b.id, a.story_id)
        desk.sync_index()
    app = make_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.inbox.cursor = screen.inbox.ids.index(first)
        await pilot.press("D")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, VersionDiffScreen)
        names = str(modal.query_one("#diff-versions").render())
        this, _, that = names.partition(" vs ")
        assert "FLASH" in this and "URGENT" in that.split(" · other")[0]
        mine = str(modal.query_one("#diff-a", Static).content)
        theirs = str(modal.query_one("#diff-b", Static).content)
        assert mine.splitlines()[0] != theirs.splitlines()[0]


def test_labels_fall_back_to_arrival_then_headline() -> None:
    from newsdesk.model import Article, ArticleState
    from newsdesk.tui.modals.version_diff import version_labels

    def copy(title: str, arrived: str) -> Article:
        meta = Extracted(title=title, source="Polaris", body="x", published="2026-12-05")
        return Article("a" * 16, meta, ArticleState(), "/drop/x.txt", arrived)

    early = copy("Crane collapses", "2026-12-05T09:14:00+00:00")
    late = copy("Crane collapses", "2026-12-05T11:02:00+00:00")
    a, b = version_labels(early, late)
    assert a != b and "arrived" in a and "arrived" in b
    same_minute = copy("Crane collapses", "2026-12-05T09:14:30+00:00")
    a, b = version_labels(early, same_minute)
    assert a != b and a.endswith(":00") and b.endswith(":30")
    a, b = version_labels(early, copy("Crane collapses, two hurt", "2026-12-05T09:14:00+00:00"))
    assert a != b and "two hurt" in b


async def test_diff_leaves_an_archived_version_out(make_app: AppFactory, tmp_path: Path) -> None:
    """Day 33: `D` compared with the story's archived version (the one with the most
    facts of its own), a version the inbox's "+N" did not count."""
    paths = make_paths(tmp_path / "two")  # the two versions alone in their story
    first, second = two_versions(paths)
    with Desk(paths) as desk:
        desk.archive([second])
    app = make_app(paths)
    seen = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.inbox.cursor = screen.inbox.ids.index(first)
        await pilot.press("D")
        await settle(pilot)
        assert not isinstance(app.screen, VersionDiffScreen)
        assert any("1 other version left out of this view" in m for m in seen), seen
