"""A story of wire copy is named by its current version, even a labelled one
("CORRECTED-..."): `newsdesk stories` kept v1's headline, which no version now says."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from newsdesk.story_label import Candidate, representative
from tests.reliability.helpers import main_in_process
from tests.wire.nitf import nitf_item

CURRENT = "CORRECTED-Oddby reopens two ports as storm eases"


def test_a_current_labelled_version_names_the_story_over_replaced_ones() -> None:
    members = [
        Candidate("Storm closes three ports at Oddby", 100.0, replaced=True, key="a"),
        Candidate("Storm shuts four Oddby ports", 200.0, replaced=True, key="b"),
        Candidate(CURRENT, 300.0, key="c"),
    ]
    assert representative(members) == 2
    # A straight report still names it over the labelled version.
    straight = Candidate("Oddby ports shut by storm", 250.0, key="d")
    assert representative([*members, straight]) == 3
    # Every member replaced or killed: the earliest straight one, as before.
    gone = [m._replace(replaced=True) for m in members]
    assert representative(gone) == 0


def test_stories_name_wire_copy_by_its_current_version(tmp_path: Path) -> None:
    takes = [
        (1, "Storm closes three ports at Oddby", "<p>A storm closed three ports at Oddby.</p>"),
        (2, "Storm shuts four Oddby ports", "<p>The storm shut a fourth port at Oddby.</p>"),
        (3, CURRENT, "<p>Oddby reopened two of the ports as the storm eased.</p>"),
    ]
    with Desk(resolve()) as desk:
        for version, headline, body in takes:
            path = tmp_path / f"take-{version}.xml"
            item = nitf_item(version, "usable", headline, body, slug="ODDBY-STORM")
            path.write_text(item, encoding="utf-8")
            desk.import_paths([path])
        desk.sync_index()
    code, out, _ = main_in_process(["stories", "slug:oddby*", "--json"])
    assert code == 0
    (story,) = json.loads(out)
    assert story["label"] == CURRENT
