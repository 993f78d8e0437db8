"""Exports write only inside the chosen destination and never through symbolic links.

End to end through the CLI, with headlines built to escape: traversal, absolute
paths, separators, reserved names, NUL, and links planted in the destination.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsdesk.model import Extracted, article_id
from newsdesk.store import Store
from tests.reliability.helpers import assert_clean_stderr, run_main

EVIL_TITLES = [
    "../../../../tmp/escaped-export",
    "..",
    ".",
    "/etc/passwd",
    "a/b/../../../c",
    "..\\..\\windows\\system32",
    "CON",
    "nul\x00byte",
    "~/.bashrc",
    "$(touch pwned)",
    "x" * 5000,
    ".hidden",
    "-rf",
    "\u202etxt.exe",
    "",
]


def store_evil(data: Path) -> list[str]:
    store = Store(data / "newsdesk.sqlite3")
    ids = []
    with store.transaction() as tx:
        for n, title in enumerate(EVIL_TITLES):
            meta = Extracted(
                title=title, body=f"Body {n} of a hostile headline.", source="../../src"
            )
            aid = article_id(meta)
            store.insert(tx, aid, meta, f"evil/{n}", None)
            ids.append(aid)
    store.close()
    return ids


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


def test_md_files_export_stays_inside_the_destination(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = store_evil(data)
    dest = tmp_path / "out" / "export"
    before = files_under(tmp_path) - files_under(data)
    proc = run_main(data, "export", "--format", "md-files", "-o", str(dest), "--ids", *ids)
    assert proc.returncode == 0, proc.stderr
    assert_clean_stderr(proc.stderr)
    after = files_under(tmp_path) - files_under(data)
    new = after - before
    assert new, "nothing was exported"
    for path in new:
        assert path == dest or dest in path.parents or path == dest.parent, path
    written = list(dest.iterdir())
    assert len(written) == len(ids)
    for path in written:
        assert path.parent == dest and path.is_file() and not path.is_symlink()
        assert not path.name.startswith(".") and "/" not in path.name and "\x00" not in path.name
        assert len(path.name.encode()) <= 255
    assert not (tmp_path / "escaped-export.md").exists()
    assert not Path("/tmp/escaped-export.md").exists()


def test_single_file_exports_stay_inside(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = store_evil(data)
    for fmt in ("md", "json", "csv"):
        dest = tmp_path / f"out-{fmt}"
        dest.mkdir()
        proc = run_main(data, "export", "--format", fmt, "-o", str(dest), "--ids", *ids)
        assert proc.returncode == 0, proc.stderr
        assert [p.parent for p in dest.iterdir()] == [dest]


def test_ids_that_look_like_paths_are_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store_evil(data)
    dest = tmp_path / "out"
    proc = run_main(
        data, "export", "--format", "md-files", "-o", str(dest), "--ids", "../../etc/passwd"
    )
    assert proc.returncode != 0
    assert_clean_stderr(proc.stderr)
    assert "no article" in proc.stderr
    assert not dest.exists()


def test_symlinked_destination_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = store_evil(data)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "link-dest"
    link.symlink_to(elsewhere, target_is_directory=True)
    proc = run_main(data, "export", "--format", "md-files", "-o", str(link), "--ids", *ids)
    assert proc.returncode != 0
    assert_clean_stderr(proc.stderr)
    assert "symbolic link" in proc.stderr
    assert list(elsewhere.iterdir()) == []
    # The same for a single file whose name is a link to a file elsewhere.
    victim = elsewhere / "victim.txt"
    victim.write_text("keep me")
    file_link = tmp_path / "digest.md"
    file_link.symlink_to(victim)
    proc = run_main(
        data, "export", "--format", "md", "-o", str(file_link), "--ids", *ids, "--force"
    )
    assert proc.returncode != 0 and "symbolic link" in proc.stderr
    assert victim.read_text() == "keep me"


def test_links_planted_in_the_destination_are_not_followed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = store_evil(data)
    dest = tmp_path / "dest"
    first = run_main(data, "export", "--format", "md-files", "-o", str(dest), "--ids", *ids)
    assert first.returncode == 0, first.stderr
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = sorted(dest.iterdir())[0]
    target.unlink()
    os.symlink(victim, target)
    proc = run_main(
        data, "export", "--format", "md-files", "-o", str(dest), "--ids", *ids, "--force"
    )
    assert proc.returncode != 0
    assert_clean_stderr(proc.stderr)
    assert "symbolic link" in proc.stderr
    assert victim.read_text() == "keep me"
    assert target.is_symlink()  # left as the user made it
    assert not [p for p in dest.iterdir() if p.name.startswith(".newsdesk-staging")]
