"""`related:` finds articles like one outside its own story (README, One story, many outlets)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from tests.tui.conftest import make_paths

BODY = (
    "Rescue boats moved through flooded streets in Alzira on Tuesday after the Jucar burst "
    "its banks, the Jucar Basin Authority said. Marta Ferrer, the mayor, opened shelters. "
)


def test_related_leaves_out_the_other_versions_of_the_story(tmp_path: Path) -> None:
    paths: Paths = make_paths(tmp_path)
    first = Extracted(
        title="Flood waters rise in Alzira as the Jucar bursts its banks",
        source="Ironbridge Post",
        published="2026-03-14T09:00:00+00:00",
        places=["Alzira"],
        body=BODY + "Residents waited on rooftops.",
    )
    version = Extracted(
        title="Flood waters rise in Alzira as the Jucar bursts its banks, 14 dead",
        source="Danube Wire",
        published="2026-03-14T10:00:00+00:00",
        places=["Alzira"],
        body=BODY + "At least 14 people died, officials said.",
    )
    later = Extracted(
        title="Alzira counts the cost a month after the Jucar flood",
        source="Ironbridge Post",
        published="2026-04-20T09:00:00+00:00",
        places=["Alzira"],
        body="A month after the Jucar burst its banks, shops in Alzira reopened. Marta Ferrer, "
        "the mayor, said rebuilding the flooded streets would take a year.",
    )
    with Desk(paths) as desk:
        a, b, c = desk.add_extracted([first, version, later], "related-fixture")
        story = desk.get(a)
        assert story is not None and story.story_id
        if desk.get(b).story_id != story.story_id:  # type: ignore[union-attr]
            with desk.store.transaction() as tx:  # the grouper's call is not the point here
                desk.store.set_story(tx, b, story.story_id)
        desk.sync_index()
        found = desk.search(f"related:{a}").ids
        assert b not in found and a not in found
        assert found[:1] == [c]
