"""`newsdesk store migrate`: a whole desk copied into an empty one, checked by checksum.

SQLite to SQLite runs everywhere; the cases with a shared desk skip (saying
why) without a PostgreSQL server (`NEWSDESK_TEST_PG`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV, open_named
from newsdesk.store.transfer import state_checksum
from tests.pg_support import pg_schema

_STORIES = (
    ("harbour", "Harbour cranes idle for a second day", "Dock workers in Marrowby kept still."),
    ("ferry", "Ferry timetable cut for the winter", "The island ferry will sail twice a day."),
    ("orchard", "Orchard frost ruins early blossom", "Growers in Pellow counted their losses."),
    ("bridge", "Footbridge reopens after repairs", "The river crossing at Tamsford is open."),
)


@pytest.fixture
def filled(isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A desk in the data directory with marks, tags, a note, the log, a saved search, a feed."""
    monkeypatch.setenv(STORE_ENV, "")
    files = []
    for name, title, body in _STORIES:
        path = tmp_path / f"{name}.md"
        path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        files.append(path)
    with Desk() as desk:
        desk.import_paths(files)
        ids = desk.inbox_ids()
        desk.star(ids[:2])
        desk.tag(ids[1:3], add=["desk-a", "night"])
        desk.set_note(ids[0], "call the harbour master")
        desk.archive([ids[3]])
        desk.mark_read(ids[:1])
        desk.star([ids[2]])
        desk.undo()  # the log keeps an undone batch too
        desk.save_search("mine", "is:starred tag:night")
        desk.add_feed("http://127.0.0.1:9/feed.xml", name="local", tags=["wire"])
        desk.add_rule("harbour-desk", "harbour", ["+port", "star"])
        desk.add_rule("quiet", "ferry", ["read"])
        desk.enable_rule("quiet", False)
    return resolve().database


def _checksum(spec: str) -> str:
    store = open_named(spec, resolve().database, must_exist=True)
    try:
        return state_checksum(store)
    finally:
        store.close()


def test_sqlite_file_to_sqlite_file_copies_everything(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.sqlite3"
    before = _checksum("sqlite")
    assert main(["store", "migrate", "--from", "sqlite", "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"state checksum: {before}" in out
    assert "the copy matches the source" in out
    assert _checksum(str(target)) == before
    assert " articles " in out and "4" in out
    copy = open_named(str(target), resolve().database, must_exist=True)
    try:
        rules = [(r.name, r.query, r.actions, r.enabled) for r in copy.rules("")]
    finally:
        copy.close()
    assert rules == [
        ("harbour-desk", "harbour", ("+port", "star"), True),
        ("quiet", "ferry", ("read",), False),
    ]


def test_the_checksum_covers_the_rules(filled: Path) -> None:
    before = _checksum("sqlite")
    with Desk() as desk:
        desk.enable_rule("quiet", True)
    assert _checksum("sqlite") != before


def test_copy_into_a_desk_that_holds_data_is_refused_and_changes_nothing(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.sqlite3"
    assert main(["store", "migrate", "--from", "sqlite", "--to", str(target)]) == 0
    changed = _checksum(str(target))
    capsys.readouterr()
    assert main(["store", "migrate", "--from", "sqlite", "--to", str(target)]) == 1
    err = capsys.readouterr().err
    assert "not empty" in err and "Traceback" not in err
    assert _checksum(str(target)) == changed


@pytest.mark.parametrize(
    ("source", "target", "says"),
    [
        ("missing.sqlite3", "other.sqlite3", "no desk at"),
        ("sqlite", "mysql://ed:pw@db/x", "not a store newsdesk knows"),
        ("sqlite", "sqlite", "the same desk"),
    ],
)
def test_bad_desks_are_one_line(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    source: str,
    target: str,
    says: str,
) -> None:
    source = str(tmp_path / source) if source.endswith(".sqlite3") else source
    target = str(tmp_path / target) if target.endswith(".sqlite3") else target
    assert main(["store", "migrate", "--from", source, "--to", target]) == 1
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1


def test_sqlite_to_shared_desk_and_back_keeps_every_bit_of_state(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pg_schema() as url:
        before = _checksum("sqlite")
        assert main(["store", "migrate", "--from", "sqlite", "--to", url, "--json"]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["checksum"] == before and report["same"] is True
        assert report["rows"]["articles"] == 4 and report["rows"]["saved_searches"] == 1
        assert report["rows"]["feeds"] == 1 and report["rows"]["tags"] == 4
        assert "nd-test-only" not in json.dumps(report)
        assert report["to"].startswith("postgresql://")

        # The shared desk goes on from there: new batches, new revisions, undo.
        monkeypatch.setenv(STORE_ENV, url)
        with Desk() as desk:
            assert desk.saved_searches() == [("mine", "is:starred tag:night")]
            # The file's read marks are the migrating editor's on the shared desk.
            assert desk.counts()["unread"] == 2
            old_batches = {r.batch for r in desk.history(100)}
            newest = desk.inbox_ids()[0]
            desk.star([newest], on=False)
            (latest,) = desk.history(1)
            assert latest.batch > max(old_batches)
            assert desk.undo() is not None
            story = tmp_path / "late.md"
            story.write_text("# Late ferry news\n\nA late item arrives.\n", encoding="utf-8")
            rev = desk.store.max_rev()
            desk.import_paths([story])
            assert desk.store.max_rev() > rev and desk.count() == 5
            after = state_checksum(desk.store)

        back = tmp_path / "back.sqlite3"
        monkeypatch.setenv(STORE_ENV, "")
        assert main(["store", "migrate", "--from", url, "--to", str(back)]) == 0
        said = capsys.readouterr()
        assert "the copy matches the source" in said.out
        # A file has one read flag: whose reads it keeps is said.
        assert "read marks are each editor's own on a shared desk" in said.err
        assert _checksum(str(back)) == after


def test_shared_desk_that_holds_data_is_refused(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pg_schema() as url:
        assert main(["store", "migrate", "--from", "sqlite", "--to", url]) == 0
        capsys.readouterr()
        assert main(["store", "migrate", "--from", "sqlite", "--to", url]) == 1
        err = capsys.readouterr().err
        assert "not empty" in err and "nd-test-only" not in err


def test_a_source_written_to_during_the_copy_is_said_and_the_copy_removed(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An editor wrote to the desk while it was copied: "the copy differs from the
    source", and the filled target refused the next try as a desk "not empty"."""
    from newsdesk.store import transfer

    real = transfer.state_checksum
    seen: list[str] = []

    def checksum_of(store: object) -> str:
        if len(seen) == 1:
            with Desk() as desk:  # written after the copy was read, before its check
                desk.star(desk.inbox_ids()[2:3])
        value = real(store)  # type: ignore[arg-type]
        seen.append(value)
        return value

    monkeypatch.setattr(transfer, "state_checksum", checksum_of)
    target = tmp_path / "copy.sqlite3"
    assert main(["store", "migrate", "--from", "sqlite", "--to", str(target)]) == 1
    err = capsys.readouterr().err
    assert "changed while it was copied" in err and "the incomplete copy was removed" in err
    assert not target.exists()
    monkeypatch.setattr(transfer, "state_checksum", real)
    assert main(["store", "migrate", "--from", "sqlite", "--to", str(target)]) == 0


def test_a_step_two_rules_took_together_moves_both_ways(
    isolated_dirs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Two rules acting on one arrival log one step named "rules zeta, alpha" in rule
    order; PostgreSQL named it "rules alpha, zeta", so every copy of such a desk
    "differed from the source", in both directions."""
    monkeypatch.setenv(STORE_ENV, "")
    story = tmp_path / "ferry.md"
    story.write_text("# Ferry crews walk out\n\nThe island ferry stopped.\n", encoding="utf-8")
    with Desk() as desk:
        desk.add_rule("zeta", "ferry", ["+zeta"])
        desk.add_rule("alpha", "ferry", ["+alpha"])
        desk.import_paths([story])
        assert desk.history(1)[0].kind == "rules zeta, alpha"
    with pg_schema() as url:
        assert main(["store", "migrate", "--from", "sqlite", "--to", url, "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["same"] is True
        monkeypatch.setenv(STORE_ENV, url)
        with Desk() as desk:
            assert desk.history(1)[0].kind == "rules zeta, alpha"
            (step,) = [r for r in desk.history(10) if r.kind.startswith("rules")]
            assert step.kind == "rules zeta, alpha"
        back = tmp_path / "back.sqlite3"
        monkeypatch.setenv(STORE_ENV, "")
        assert main(["store", "migrate", "--from", url, "--to", str(back), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["same"] is True
