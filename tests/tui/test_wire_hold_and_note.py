"""In the app: a withheld item reads "WITHHELD: do not use" in its row and above its
headline, a correction shows what it corrects, and `D` on a kill lists no "KILL"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.version_diff import VersionDiffScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import main_screen, settle
from tests.wire.nitf import nitf_item

NOTE = "Corrects the fare rise to a third, not a quarter"


def _ninjs(version: int, status: str, headline: str, **more: object) -> str:
    return json.dumps(
        {
            "uri": "urn:kwa:2026:ferry",
            "version": str(version),
            "versioncreated": f"2026-12-07T0{version}:00:00Z",
            "pubstatus": status,
            "headline": headline,
            "body_text": f"The Halvor ferry fares rise by a third in March. Take {version}.",
            **more,
        }
    )


def _desk(paths: Paths, tmp_path: Path, *takes: str) -> None:
    with Desk(paths) as desk:
        for number, take in enumerate(takes):
            suffix = "xml" if take.startswith("<?xml") else "json"
            path = tmp_path / f"take-{number}.{suffix}"
            path.write_text(take, encoding="utf-8")
            desk.import_paths([path])
        desk.sync_index()


def _row(screen: Any, index: int) -> str:
    return str(screen.inbox.render_line(index - round(screen.inbox.scroll_y)).text)


async def test_a_withheld_row_and_detail_say_withheld(
    make_app: AppFactory, wires: Paths, tmp_path: Path
) -> None:
    _desk(
        wires,
        tmp_path,
        _ninjs(1, "usable", "Halvor ferry fares rise by a third"),
        _ninjs(2, "withheld", "WITHHELD - Halvor ferry fares", ednote="Held: fares unconfirmed"),
    )
    app = make_app(wires)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        rows = [_row(screen, i) for i in range(len(screen.inbox.ids))]
        held = next(i for i, r in enumerate(rows) if "Halvor" in r)
        assert "WITHHELD: do not use" in rows[held] and "KILLED" not in rows[held]
        screen.inbox.cursor = held
        await settle(pilot)
        plain = screen.detail.text.plain
        assert plain.startswith("WITHHELD: do not use") and "KILLED" not in plain
        assert "Agency note Held: fares unconfirmed" in plain


async def test_a_correction_shows_its_note_and_a_kill_diff_lists_no_kill(
    make_app: AppFactory, wires: Paths, tmp_path: Path
) -> None:
    _desk(
        wires,
        tmp_path,
        _ninjs(1, "usable", "Halvor ferry fares rise by a quarter"),
        _ninjs(2, "usable", "Halvor ferry fares rise by a third", signal="correction", ednote=NOTE),
    )
    app = make_app(wires)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        rows = [_row(screen, i) for i in range(len(screen.inbox.ids))]
        index = next(i for i, r in enumerate(rows) if "Halvor" in r)
        assert "corrected" in rows[index]
        screen.inbox.cursor = index
        await settle(pilot)
        plain = screen.detail.text.plain
        assert "Status      corrected" in plain and f"Agency note {NOTE}" in plain


_nitf = nitf_item


async def test_d_on_a_kill_notice_lists_no_kill_organisation(
    make_app: AppFactory, wires: Paths, tmp_path: Path
) -> None:
    story = "<p>Oddby's council voted for a harbour tram line, officials said.</p>"
    kill = (
        '<p>KILL. Editors: the story headlined "Oddby council backs tram line" is '
        "withdrawn. The vote was misreported. Do not use.</p>"
    )
    _desk(
        wires,
        tmp_path,
        _nitf(1, "usable", "Oddby council backs tram line", story),
        _nitf(2, "withdrawn", "KILL - Oddby tram story", kill),
    )
    app = make_app(wires)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        notice = next(
            i
            for i in screen.inbox.ids
            if (a := screen.desk.get(i)) is not None and "Oddby" in a.meta.title
        )
        screen.inbox.cursor = screen.inbox.ids.index(notice)
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, VersionDiffScreen)
        diff = app.screen.diffs[app.screen.other_id]
        assert diff.only_in_a.organizations == [] and diff.only_in_a.quotes == []
