"""Issue 15 items 3-5: versions supersede, kills, embargoes and the wire search terms.

The store checks run on each backend (PostgreSQL when NEWSDESK_TEST_PG is set).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.errors import QuerySyntaxError
from newsdesk.export import ExportOptions
from newsdesk.model import Extracted, article_id
from newsdesk.paths import resolve
from newsdesk.search.query import Flag, Urgency, parse
from newsdesk.store import Store, StoreBackend
from newsdesk.wire import URGENT_MAX, StoredVersion, is_urgent, settle

SAMPLE_WIRE = Path(__file__).resolve().parents[2] / "sample_data" / "wire"
ITEM = "urn:test.example:20261201:HARBOUR-STRIKE"


def wire(version: int, status: str = "usable", **kw: object) -> Extracted:
    fields: dict[str, object] = {
        "title": f"Harbour strike, version {version}",
        "body": f"Dockers stopped work at dawn. Text of version {version}.",
        "published": f"2026-12-01T0{version}:00:00+00:00",
        "item_id": ITEM,
        "version": version,
        "status": status,
        "urgency": 4,
        "slugline": "PORTUGAL-HARBOUR-STRIKE",
        "subjects": ["labour", "Power cuts"],
        "format": "newsml",
    }
    fields.update(kw)
    return Extracted(**fields)  # type: ignore[arg-type]


def arrive(store: StoreBackend, meta: Extracted) -> str:
    """What the Desk's import path does for one new wire item."""
    aid = article_id(meta)
    with store.transaction() as tx:
        assert store.insert(tx, aid, meta, "wire.xml", raw=None).created
        assert meta.item_id
        store.settle_versions(tx, meta.item_id)
    return aid


def inbox(store: StoreBackend) -> list[str]:
    return store.ordered_ids(Flag("inbox"))


def matching(store: StoreBackend, query: str, now: datetime | None = None) -> set[str]:
    root = parse(query, now=now).root
    assert root is not None
    return store.id_set(root)


# -- the decision, without a store ---------------------------------------------------------


def test_settle_picks_the_highest_version_then_the_latest_arrival() -> None:
    versions = [
        StoredVersion("a", 1, 100.0, 1, "usable", superseded=False),
        StoredVersion("b", 3, 50.0, 2, "corrected", superseded=False),
        StoredVersion("c", 2, 300.0, 3, "updated", superseded=False),
    ]
    settled = settle(versions)
    assert settled.current == "b" and settled.superseded == {"a", "c"}
    assert not settled.killed
    tie = settle(
        [StoredVersion("x", 2, 1.0, 5, None, False), StoredVersion("y", 2, 1.0, 9, None, True)]
    )
    assert tie.current == "y" and tie.replaced == "x"
    assert settle([*versions, StoredVersion("k", 4, None, 4, "withdrawn", False)]).killed


# -- the store, on each backend ------------------------------------------------------------


def test_a_newer_version_replaces_the_old_one_in_the_inbox_with_its_state(
    store: StoreBackend,
) -> None:
    first = arrive(store, wire(1))
    store.apply("star", [first], {"starred": True})
    store.apply("read", [first], {"read": True})
    store.apply("tag", [first], {}, add_tags=["iberia-desk"])
    second = arrive(store, wire(2, "corrected"))
    assert inbox(store) == [second]
    assert store.counts()["inbox"] == 1 and store.counts()["unread"] == 0
    # The star carried over: one starred article, not one per version.
    assert store.counts()["starred"] == 1
    current, earlier = store.get(second), store.get(first)
    assert current is not None and earlier is not None
    assert current.state.starred and current.state.read
    assert current.state.tags == ["iberia-desk"]
    assert earlier.superseded and not current.superseded
    # The earlier version is kept and found when asked for everything.
    assert matching(store, "in:all") == {first, second}


def test_a_mark_given_to_a_version_just_replaced_goes_to_the_current_one(
    store: StoreBackend,
) -> None:
    # The app showed version 1; version 2 arrived from another process meanwhile; the
    # editor's tag, note and star were stored on version 1, hidden, and said saved.
    first = arrive(store, wire(1))
    second = arrive(store, wire(2, "updated"))
    assert store.apply("tag", [first], {}, add_tags=["quay-desk"]) == [second]
    assert store.apply("note", [first], {"note": "call the quay master"}) == [second]
    assert store.apply("star", [first], {"starred": True}) == [second]
    current, earlier = store.get(second), store.get(first)
    assert current is not None and earlier is not None
    assert current.state.tags == ["quay-desk"] and current.state.starred
    assert current.state.note == "call the quay master"
    assert not earlier.state.tags and not earlier.state.starred and not earlier.state.note
    # Read stays on what was read: the newer version may say what the editor has not seen.
    assert store.apply("read", [first], {"read": True}) == [first]
    assert store.get(second).state.read is False  # type: ignore[union-attr]
    # Undo takes the star back from where it went.
    record = store.undo()
    assert record is not None
    assert store.get(second).state.read is False  # type: ignore[union-attr]
    store.undo()
    assert not store.get(second).state.starred  # type: ignore[union-attr]


def test_an_older_version_arriving_late_does_not_take_over(store: StoreBackend) -> None:
    newer = arrive(store, wire(3, "updated"))
    store.apply("star", [newer], {"starred": True})
    store.apply("read", [newer], {"read": True})
    older = arrive(store, wire(1))
    assert inbox(store) == [newer]
    got = store.get(older)
    assert got is not None and got.superseded and not got.state.starred
    # Nor its state: the version the editor had read stays read.
    current = store.get(newer)
    assert current is not None and current.state.read and current.state.starred


def test_a_kill_marks_every_version_and_arrives_unread(store: StoreBackend) -> None:
    first = arrive(store, wire(1))
    store.apply("read", [first], {"read": True})
    kill = arrive(store, wire(2, "withdrawn", title="KILL - Harbour strike"))
    assert inbox(store) == [kill]
    for aid in (first, kill):
        got = store.get(aid)
        assert got is not None and got.killed
    killed = store.get(kill)
    assert killed is not None and not killed.state.read
    assert matching(store, "is:killed") == {first, kill}
    rows = store.rows([kill])
    assert rows[0].killed and rows[0].wire_status == "withdrawn"


def test_wire_search_terms_are_store_conditions(store: StoreBackend) -> None:
    routine = arrive(store, wire(1))
    flash = arrive(
        store,
        wire(
            1,
            item_id="urn:test.example:FLASH",
            title="FLASH: quake",
            urgency=1,
            slugline="QUAKE",
            subjects=["disaster"],
        ),
    )
    held = arrive(
        store,
        wire(
            1,
            item_id="urn:test.example:HELD",
            title="Seal count",
            urgency=5,
            slugline="WADDEN-SEALS",
            subjects=[],
            embargo_until="2026-12-02T09:00:00+00:00",
        ),
    )
    before = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    after = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    assert matching(store, "is:urgent") == {flash}
    assert matching(store, "urgency:<=3") == {flash}
    assert matching(store, "urgency:>3") == {routine, held}
    assert matching(store, "urgency:4-5") == {routine, held}
    assert matching(store, "slug:harbour") == {routine}  # one part of the slugline
    assert matching(store, "slug:QUAKE") == {flash}
    assert matching(store, "slug:portugal*") == {routine}
    assert matching(store, "slug:harb") == set()  # a part, not any substring
    assert matching(store, 'subject:"power cuts"') == {routine}
    assert matching(store, "subject:disas*") == {flash}
    assert matching(store, "subject:cuts") == set()
    assert matching(store, "is:embargoed", now=before) == {held}
    assert matching(store, "is:embargoed", now=after) == set()
    assert matching(store, "-is:urgent") == {routine, held}
    assert store.urgencies([routine, flash, "nope"]) == {routine: 4, flash: 1}
    corrected = arrive(store, wire(2, "corrected"))
    assert matching(store, "is:corrected") == {corrected}
    assert matching(store, "is:updated") == {corrected}


# -- the query language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("<=3", 1, 3), ("<3", 1, 2), ("2", 2, 2), (">=8", 8, 9), (">4", 5, 9), ("2-4", 2, 4)],
)
def test_urgency_ranges(text: str, low: int, high: int) -> None:
    assert parse(f"urgency:{text}").root == Urgency(low, high)


@pytest.mark.parametrize("text", ["0", "10", "<1", ">9", "high", "4-2", "<=", "3.5"])
def test_bad_urgency_is_refused_with_the_usage(text: str) -> None:
    with pytest.raises(QuerySyntaxError, match=r"urgency: takes 1 \(flash\) to 9"):
        parse(f"urgency:{text}")


def test_urgent_is_urgency_one_to_three_and_nothing_without_one() -> None:
    """The inbox's `!` and a rule's `is:urgent` ask this; the store's condition agrees
    (test_wire_search_terms_are_store_conditions)."""
    assert URGENT_MAX == 3
    assert [u for u in range(1, 10) if is_urgent(u)] == [1, 2, 3]
    assert not is_urgent(None)


def test_unknown_is_value_lists_the_wire_ones() -> None:
    with pytest.raises(QuerySyntaxError, match="is:urgent"):
        parse("is:flashy")


# -- the sample wires through the Desk -------------------------------------------------------


@pytest.fixture
def desk() -> Iterator[Desk]:
    d = Desk(resolve())
    d.import_paths([SAMPLE_WIRE])
    yield d
    d.close()


def titles(desk: Desk, ids: list[str]) -> list[str]:
    return [a.meta.title for a in desk.get_many(ids)]


def test_sample_inbox_shows_each_item_once(desk: Desk) -> None:
    shown = titles(desk, desk.inbox_ids())
    assert len(shown) == 6  # 10 files: 4 storm versions and a story with its kill
    assert sum("Portugal" in t for t in shown) == 1
    assert any(t.startswith("CORRECTED") for t in shown)
    assert sum("brewer" in t for t in shown) == 1
    current = desk.get_many(desk.inbox_ids())
    storm = next(a for a in current if "Portugal" in a.meta.title)
    assert storm.meta.status == "corrected" and storm.meta.version == 4
    # Earlier versions stay reachable as the story's versions (D diffs them).
    assert len(desk.with_versions([storm.id])) == 4
    kill = next(a for a in current if "brewer" in a.meta.title)
    assert kill.killed and len(desk.with_versions([kill.id])) == 2


def test_urgency_sort_puts_the_flash_first(desk: Desk) -> None:
    ordered = desk.get_many(desk.inbox_ids("urgency"))
    assert ordered[0].meta.urgency == 1 and ordered[0].meta.title.startswith("FLASH")
    urgencies = [a.meta.urgency for a in ordered]
    assert urgencies == sorted(urgencies, key=lambda u: u or 10)
    searched = desk.search("in:all", sort="urgency", limit=3)
    assert searched.sort == "urgency" and len(searched.ids) == 3
    assert titles(desk, searched.ids)[0].startswith("FLASH")


def test_export_of_the_desk_leaves_out_the_killed_item(desk: Desk) -> None:
    rendered = desk.render_export(desk.inbox_ids(), ExportOptions(format="json"))
    assert "brewer" not in rendered.text.lower()
    assert "Portugal" in rendered.text
    assert any("killed" in w for w in rendered.warnings)


# -- an existing store gets the columns ----------------------------------------------------


def test_upgrade_fills_the_wire_columns_of_a_store_from_before(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    s = Store(path)
    first = arrive(s, wire(1))
    second = arrive(s, wire(2, "updated"))
    s.close()
    conn = sqlite3.connect(path)
    for index in ("articles_item", "articles_urgency", "articles_superseded"):
        conn.execute(f"DROP INDEX {index}")
    for column in ("item_id", "wire_version", "urgency", "embargo_ts", "wire_status"):
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    for column in ("slugline", "subjects", "killed", "superseded"):
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    upgraded = Store(path)
    try:
        assert inbox(upgraded) == [second]
        assert matching(upgraded, "in:all slug:harbour") == {first, second}
        assert upgraded.urgencies([first]) == {first: 4}
    finally:
        upgraded.close()


def test_removing_the_current_version_brings_the_one_before_back(desk: Desk) -> None:
    current = next(a for a in desk.get_many(desk.inbox_ids()) if a.meta.status == "corrected")
    desk.delete([current.id])
    shown = desk.get_many(desk.inbox_ids())
    storm = [a for a in shown if a.meta.item_id == current.meta.item_id]
    assert len(storm) == 1 and storm[0].meta.version == 3
    desk.undo()  # the correction is back, and current again
    storm = [a for a in desk.get_many(desk.inbox_ids()) if a.meta.item_id == current.meta.item_id]
    assert [a.id for a in storm] == [current.id]


def test_undoing_the_import_of_a_correction_shows_the_version_before(
    desk: Desk, tmp_path: Path
) -> None:
    later = tmp_path / "later"
    later.mkdir()
    (later / "v5.json").write_text(
        '{"uri": "urn:pws:20261119:PORTUGAL-STORM", "version": "5", "pubstatus": "usable",'
        ' "urgency": 4, "headline": "Portugal reopens all ports as storm passes",'
        ' "body_text": "All ports reopened on Friday.", "versioncreated": "2026-11-20T08:00:00Z"}',
        encoding="utf-8",
    )
    assert desk.import_paths([later]).imported == 1
    shown = [
        a
        for a in desk.get_many(desk.inbox_ids())
        if a.meta.item_id and "PORTUGAL" in a.meta.item_id
    ]
    assert [a.meta.version for a in shown] == [5]
    desk.undo()
    shown = [
        a
        for a in desk.get_many(desk.inbox_ids())
        if a.meta.item_id and "PORTUGAL" in a.meta.item_id
    ]
    assert [a.meta.version for a in shown] == [4]


def test_a_star_the_new_versions_input_states_is_kept_as_stated(store: StoreBackend) -> None:
    """An export of wire copy imported again: the editor had unstarred version 2 after
    version 1's star carried over, and the file says so; the carry-over must not star it."""
    first = arrive(store, wire(1, starred=True))
    second = article_id(wire(2, "updated", starred=False))
    with store.transaction() as tx:
        assert store.insert(tx, second, wire(2, "updated", starred=False), "w.json", None).created
        store.settle_versions(tx, ITEM, stated_star=True)
    assert store.get(second).state.starred is False  # type: ignore[union-attr]
    assert store.get(first).state.starred is True  # type: ignore[union-attr]
    # Without a stated star the editor's star still moves to the new version.
    third = arrive(store, wire(3, "updated"))
    assert store.get(third).state.starred is False  # type: ignore[union-attr]
    store.apply("star", [third], {"starred": True})
    fourth = arrive(store, wire(4, "updated"))
    assert store.get(fourth).state.starred is True  # type: ignore[union-attr]


def test_an_exported_unstarred_version_comes_back_unstarred(desk: Desk, tmp_path: Path) -> None:
    [first] = desk.add_extracted([wire(1)], "wire.xml")
    desk.star([first])
    [second] = desk.add_extracted([wire(2, "corrected")], "wire.xml")
    assert desk.store.get(second).state.starred  # type: ignore[union-attr]  # carried over
    desk.star([second], on=False)
    out = tmp_path / "both.json"
    desk.export([first, second], out, ExportOptions(format="json"))
    with Desk(resolve(data_dir=tmp_path / "other")) as other:
        summary = other.import_paths([out])
        assert summary.imported == 2
        by_version = {
            a.meta.version: a.state.starred for a in other.store.get_many(other.store.ordered_ids())
        }
    assert by_version == {1: True, 2: False}


def test_current_versions_gives_where_each_replaced_version_went(store: StoreBackend) -> None:
    first = arrive(store, wire(1))
    second = arrive(store, wire(2, "updated"))
    third = arrive(store, wire(3, "corrected"))
    assert store.current_versions([first, "not-a-wire-id", second, third]) == [
        third,
        "not-a-wire-id",
    ]
