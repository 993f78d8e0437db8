"""`newsdesk export` as an editor runs it: a read-only desk, folders, default names, stories."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.export import destination
from newsdesk.paths import resolve
from tests.reliability.conftest import read_only
from tests.reliability.helpers import main_in_process
from tests.tui.conftest import sample_articles


@pytest.fixture
def data_dir() -> Path:
    """The test's data directory holding 12 articles (articles i and i+6: one story)."""
    paths = resolve()
    with Desk(paths) as desk:
        desk.add_extracted(sample_articles(12), "fixture")
        desk.sync_index()
    return paths.data_dir


#: The clock that stamps default names, held still: every export here is "the same minute".
NOW = datetime(2026, 12, 7, 4, 39)


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Documents folder of the test's own: exports without -o go to its newsdesk/."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(destination.platformdirs, "user_documents_dir", lambda: str(folder))
    monkeypatch.setattr(destination, "local_now", lambda: NOW)
    return folder


def cli(*args: str) -> tuple[int, str, str]:
    return main_in_process(args)


def exported_ids() -> set[str]:
    with Desk(resolve()) as desk:
        return {row.id for row in desk.rows(desk.inbox_ids()) if row.exported}


def test_an_export_from_a_read_only_desk_is_written_and_succeeds(
    data_dir: Path, tmp_path: Path
) -> None:
    """On a read-only data directory the file was written, then the command exited 1
    ("is read-only"), and run again refused its own file ("already exists")."""
    dest = tmp_path / "out" / "exp.md"
    with read_only(data_dir):
        code, out, err = cli("export", "strike", "-o", str(dest))
        assert code == 0, err
        assert "Port strike halts Rotterdam" in dest.read_text(encoding="utf-8")
        assert str(dest) in out
        # Said once: the articles could not be marked, and why.
        assert err.count("not marked exported (⇪)") == 1 and "read-only" in err
        code, out, err = cli("export", "strike", "-o", "-")
        assert code == 0, err
        assert "Port strike halts Rotterdam" in out
        assert err.count("not marked exported (⇪)") == 1
    assert exported_ids() == set()
    # Writable again, the same export marks them.
    code, _, err = cli("export", "strike", "-o", str(tmp_path / "again.md"))
    assert code == 0 and "not marked" not in err
    with Desk(resolve()) as desk:
        found = set(desk.search("strike").ids)
    assert len(found) == 4 and exported_ids() == found


def test_a_destination_ending_in_a_separator_is_a_folder_made_for_the_export(
    data_dir: Path, documents: Path, tmp_path: Path
) -> None:
    """`-o /some/dir/new/` wrote a file named `new`."""
    folder = tmp_path / "some" / "new"
    code, out, err = cli("export", "strike", "-o", f"{folder}{os.sep}")
    assert code == 0, err
    written = folder / "digest-2026-12-07-0439.md"
    assert folder.is_dir() and sorted(folder.iterdir()) == [written]
    assert "Port strike halts Rotterdam" in written.read_text(encoding="utf-8")
    assert f"to {written}" in out
    # Another format goes beside it; md-files makes the folder its files go in.
    code, _, err = cli("export", "strike", "-f", "json", "-o", f"{folder}/")
    assert code == 0, err
    assert (folder / "articles-2026-12-07-0439.json").is_file()
    files = tmp_path / "files"
    code, _, err = cli("export", "strike", "-f", "md-files", "-o", f"{files}/")
    assert code == 0, err
    assert len(list(files.glob("*.md"))) == 4
    # The help says so.
    code, out, _ = cli("export", "--help")
    assert code == 0 and "ending in / is a folder" in " ".join(out.split())


def test_exports_in_the_same_minute_never_collide_on_their_default_name(
    data_dir: Path, documents: Path, tmp_path: Path
) -> None:
    """`newsdesk export; newsdesk export` failed the second time: "1 file already exists"."""
    for _ in range(3):
        code, _, err = cli("export", "strike")
        assert code == 0, err
    written = documents / "newsdesk"
    assert sorted(p.name for p in written.iterdir()) == [
        "digest-2026-12-07-0439-2.md",
        "digest-2026-12-07-0439-3.md",
        "digest-2026-12-07-0439.md",
    ]
    # An existing folder given as -o gets a free default name too.
    code, out, err = cli("export", "strike", "-o", str(written))
    assert code == 0, err
    assert f"to {written / 'digest-2026-12-07-0439-4.md'}" in out
    # A name the editor typed that exists still needs --force.
    code, _, err = cli("export", "strike", "-o", str(written / "digest-2026-12-07-0439.md"))
    assert code == 1 and "already exists" in err and "--force" in err


def test_an_export_says_which_articles_are_versions_of_one_story(
    data_dir: Path, tmp_path: Path
) -> None:
    """`show --json` gave an article's story; its export did not."""
    with Desk(resolve()) as desk:
        ids = desk.search("Rotterdam").ids
        story = desk.get(ids[0]).story_id  # type: ignore[union-attr]
        assert story and sorted(desk.story_members(story)) == sorted(ids)
    code, out, err = cli("export", "--ids", *ids, "-f", "json", "-o", "-")
    assert code == 0, err
    records = json.loads(out)
    assert [(r["story"], r["story_size"]) for r in records] == [(story, 2)] * 2
    code, out, err = cli("export", "--ids", *ids, "-o", "-")
    assert code == 0, err
    assert "## Story: Port strike halts Rotterdam container traffic" in out
    assert out.count("### Port strike halts Rotterdam container traffic") == 2
    assert "The 2 articles are versions of one story" in out


def test_ids_given_as_the_query_are_exported_as_ids(data_dir: Path) -> None:
    """`newsdesk export ID` said "no article matches 'ID'" (ids needed --ids); the action
    commands read ids and queries alike, so export does too, short ids included."""
    with Desk(resolve()) as desk:
        first, second = desk.inbox_ids()[:2]
    code, out, err = cli("export", first, second[:8], "-f", "json", "-o", "-")
    assert code == 0, err
    assert sorted(a["id"] for a in json.loads(out)) == sorted([first, second])
    # A word that is no id is a query word, as before.
    code, out, err = cli("export", "strike", "-f", "json", "-o", "-")
    assert code == 0 and json.loads(out)
