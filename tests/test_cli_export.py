"""`newsdesk export` as an editor runs it: a read-only desk, folders, default names, stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.desk import Desk
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
