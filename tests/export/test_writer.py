"""export(): atomic, all-or-nothing, never over a file without force, never outside dest."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import datetime
from pathlib import Path

import pytest

import newsdesk.atomic
from newsdesk.export import (
    ExportError,
    ExportExists,
    ExportOptions,
    check_destination,
    default_destination,
    default_file_name,
    export,
)
from newsdesk.export import destination as destination_module
from newsdesk.export import writer as writer_module
from newsdesk.model import Article

from .conftest import ArticleFactory

NOW = datetime(2026, 11, 23, 14, 5)


def listing(directory: Path) -> list[str]:
    """Every entry below `directory`, hidden ones included, relative and sorted."""
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*"))


def can_make_unwritable(directory: Path) -> bool:
    directory.chmod(0o500)
    blocked = not os.access(directory, os.W_OK)
    if not blocked:
        directory.chmod(0o700)
    return blocked


# --- single files -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_single_file_formats_write_one_file(
    tmp_path: Path, make_article: ArticleFactory, fmt: str
) -> None:
    dest = tmp_path / f"out.{fmt}"
    report = export([make_article()], dest, ExportOptions(format=fmt), now=NOW)  # type: ignore[arg-type]
    assert report.paths == [dest] and report.destination == dest
    assert report.count == 1 and report.replaced == [] and report.warnings == []
    assert "Council approves river flood plan" in dest.read_text(encoding="utf-8")
    assert listing(tmp_path) == [f"out.{fmt}"]  # no temp files left behind


def test_json_and_csv_files_parse(tmp_path: Path, make_article: ArticleFactory) -> None:
    articles = [make_article("One", tags=["a", "b"]), make_article("Two")]
    export(articles, tmp_path / "a.json", ExportOptions(format="json"))
    export(articles, tmp_path / "a.csv", ExportOptions(format="csv"))
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert [r["title"] for r in data] == ["One", "Two"]
    with (tmp_path / "a.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["title"] for r in rows] == ["One", "Two"]
    assert rows[0]["tags"] == "a; b"


def test_existing_file_is_refused_without_force_and_replaced_with_it(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    dest = tmp_path / "digest.md"
    dest.write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportExists) as caught:
        export([make_article()], dest, ExportOptions(format="md"))
    assert caught.value.conflicts == [dest]
    assert str(dest) in str(caught.value)
    assert dest.read_text(encoding="utf-8") == "keep me"
    report = export([make_article()], dest, ExportOptions(format="md", force=True))
    assert report.replaced == [dest]
    assert "Council approves" in dest.read_text(encoding="utf-8")
    assert listing(tmp_path) == ["digest.md"]


def test_symlink_destination_is_refused_even_with_force(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious", encoding="utf-8")
    link = tmp_path / "digest.md"
    link.symlink_to(outside)
    with pytest.raises(ExportError, match="symbolic link"):
        export([make_article()], link, ExportOptions(format="md", force=True))
    assert outside.read_text(encoding="utf-8") == "precious"
    assert link.is_symlink()


def test_existing_folder_as_destination_gets_a_default_name(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    report = export([make_article()], tmp_path, ExportOptions(format="json"), now=NOW)
    assert report.paths == [tmp_path / "articles-2026-11-23-1405.json"]
    assert report.paths[0].is_file()


def test_a_default_name_that_is_taken_gets_a_free_variant_never_a_refusal(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    """Two exports in the same minute into one folder: the second was refused ("1 file
    already exists") over a name the editor never chose."""
    paths = [
        export([make_article()], tmp_path, ExportOptions(format="md"), now=NOW).paths[0]
        for _ in range(3)
    ]
    assert [p.name for p in paths] == [
        "digest-2026-11-23-1405.md",
        "digest-2026-11-23-1405-2.md",
        "digest-2026-11-23-1405-3.md",
    ]
    # Whatever is in the way counts: a folder, or a link to nowhere.
    (tmp_path / "articles-2026-11-23-1405.json").mkdir()
    os.symlink(tmp_path / "nowhere", tmp_path / "articles-2026-11-23-1405-2.json")
    report = export([make_article()], tmp_path, ExportOptions(format="json"), now=NOW)
    assert report.paths == [tmp_path / "articles-2026-11-23-1405-3.json"]
    # A default name given as the file (no -o; the dialog's proposal) is renamed the same.
    taken = tmp_path / "digest-2026-11-23-1405.md"
    options = ExportOptions(format="md")
    assert check_destination(taken, options, rename_if_taken=True).name.endswith("-4.md")
    report = export([make_article()], taken, options, rename_if_taken=True)
    assert report.paths == [tmp_path / "digest-2026-11-23-1405-4.md"] and not report.replaced
    # A variant taken goes on counting from its number.
    variant = tmp_path / "digest-2026-11-23-1405-2.md"
    assert check_destination(variant, options, rename_if_taken=True).name.endswith("1405-5.md")
    # md-files: the default folder is taken, so a new one is made beside it.
    folder = tmp_path / "articles-2026-11-23-1405"
    export([make_article()], folder, ExportOptions(format="md-files"))
    again = export([make_article()], folder, ExportOptions(format="md-files"), rename_if_taken=True)
    assert again.destination == tmp_path / "articles-2026-11-23-1405-2"
    assert len(listing(folder)) == len(listing(again.destination)) == 1  # nothing merged


def test_a_name_the_editor_chose_is_still_refused_when_taken(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    dest = tmp_path / "digest-2026-11-23-1405.md"
    export([make_article()], dest, ExportOptions(format="md"))
    with pytest.raises(ExportExists):
        export([make_article()], dest, ExportOptions(format="md"))
    assert listing(tmp_path) == ["digest-2026-11-23-1405.md"]


def test_missing_parent_folders_are_created(tmp_path: Path, make_article: ArticleFactory) -> None:
    dest = tmp_path / "a" / "b" / "digest.md"
    export([make_article()], dest, ExportOptions(format="md"))
    assert dest.is_file()


def test_parent_that_is_a_file_is_a_clear_error(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="Cannot export to"):
        export([make_article()], tmp_path / "file" / "digest.md", ExportOptions(format="md"))
    assert listing(tmp_path) == ["file"]


def test_failed_write_leaves_nothing_and_removes_created_folders(
    tmp_path: Path, make_article: ArticleFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(path: Path, data: str | bytes) -> None:
        raise OSError(28, "No space left on device")

    # A new file is created (never replacing), a file already there replaced.
    monkeypatch.setattr(writer_module, "atomic_create_bytes", no_space)
    monkeypatch.setattr(writer_module, "atomic_write_text", no_space)
    with pytest.raises(ExportError, match="no space left"):
        export([make_article()], tmp_path / "new" / "digest.md", ExportOptions(format="md"))
    assert listing(tmp_path) == []


def test_unwritable_folder_gives_export_error_and_writes_nothing(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    if not can_make_unwritable(locked):
        pytest.skip("permissions are not enforced here (running as root?)")
    try:
        with pytest.raises(ExportError, match="permission denied"):
            export([make_article()], locked / "digest.md", ExportOptions(format="md"))
        with pytest.raises(ExportError, match="permission denied"):
            export([make_article()], locked / "files", ExportOptions(format="md-files"))
        with pytest.raises(ExportError, match="permission denied"):
            export([make_article()], locked, ExportOptions(format="md-files"))
        assert listing(locked) == []
    finally:
        locked.chmod(0o700)


def test_nothing_to_export_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Nothing to export"):
        export([], tmp_path / "x.md", ExportOptions(format="md"))
    assert listing(tmp_path) == []


# --- md-files -----------------------------------------------------------------------


def test_md_files_write_one_file_per_article_with_unique_names(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    articles = [
        make_article("Zürich Überschwemmung"),
        make_article("Same"),
        make_article("same"),
        make_article("", id="abc/../def"),
    ]
    dest = tmp_path / "out"
    report = export(articles, dest, ExportOptions(format="md-files"))
    names = [p.name for p in report.paths]
    assert names == ["zürich-überschwemmung.md", "same.md", "same-2.md", "article-abc-def.md"]
    assert listing(tmp_path) == ["out", *(f"out/{n}" for n in sorted(names))]
    assert all(p.parent == dest for p in report.paths)


def test_headlines_and_ids_cannot_escape_the_destination(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    articles = [
        make_article("../../etc/passwd"),
        make_article("..", id="../../../evil"),
        make_article("/absolute/path"),
        make_article("", id="/etc/shadow"),
        make_article("\\..\\..\\boot.ini"),
    ]
    dest = tmp_path / "box" / "out"
    report = export(articles, dest, ExportOptions(format="md-files"))
    assert all(p.parent == dest for p in report.paths)
    assert {p.name for p in dest.iterdir()} == {p.name for p in report.paths}
    assert listing(tmp_path) == [
        "box",
        "box/out",
        *(f"box/out/{p.name}" for p in sorted(report.paths)),
    ]
    assert all(not p.name.startswith(".") for p in report.paths)


def test_md_files_refuse_existing_files_then_replace_with_force(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "same.md").write_text("old", encoding="utf-8")
    (dest / "unrelated.txt").write_text("mine", encoding="utf-8")
    articles = [make_article("Fresh"), make_article("Same")]
    with pytest.raises(ExportExists) as caught:
        export(articles, dest, ExportOptions(format="md-files"))
    assert caught.value.conflicts == [dest / "same.md"]
    assert listing(dest) == ["same.md", "unrelated.txt"]  # nothing written, not even fresh.md
    report = export(articles, dest, ExportOptions(format="md-files", force=True))
    assert report.replaced == [dest / "same.md"]
    assert listing(dest) == ["fresh.md", "same.md", "unrelated.txt"]
    assert "old" not in (dest / "same.md").read_text(encoding="utf-8")
    assert (dest / "unrelated.txt").read_text(encoding="utf-8") == "mine"


def test_md_files_refuse_a_symlinked_folder(tmp_path: Path, make_article: ArticleFactory) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    with pytest.raises(ExportError, match="symbolic link"):
        export([make_article()], link, ExportOptions(format="md-files", force=True))
    assert listing(real) == []


def test_md_files_refuse_a_symlink_inside_the_folder(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    target = tmp_path / "victim.txt"
    target.write_text("precious", encoding="utf-8")
    (dest / "same.md").symlink_to(target)
    with pytest.raises(ExportError, match="symbolic link"):
        export([make_article("Same")], dest, ExportOptions(format="md-files", force=True))
    assert target.read_text(encoding="utf-8") == "precious"
    assert (dest / "same.md").is_symlink()


def test_md_files_failure_midway_rolls_everything_back(
    tmp_path: Path, make_article: ArticleFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "b.md").write_text("old b", encoding="utf-8")
    real_rename = os.rename
    calls = {"n": 0}

    def flaky_rename(src: object, dst: object) -> None:
        # Fail when moving the third staged file into place.
        if Path(str(src)).parent.name.startswith(".newsdesk-staging-"):
            calls["n"] += 1
            if calls["n"] == 3:
                raise PermissionError(13, "Permission denied")
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(newsdesk.atomic.os, "rename", flaky_rename)
    # Where folders cannot be exchanged, files are moved in one by one (and back out).
    monkeypatch.setattr(newsdesk.atomic, "_exchange", lambda a, b: False)
    articles = [make_article("A"), make_article("B"), make_article("C")]
    with pytest.raises(ExportError, match="permission denied"):
        export(articles, dest, ExportOptions(format="md-files", force=True))
    assert listing(dest) == ["b.md"]
    assert (dest / "b.md").read_text(encoding="utf-8") == "old b"


def test_md_files_failure_in_a_new_folder_leaves_no_folder(
    tmp_path: Path, make_article: ArticleFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_rename(src: object, dst: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(newsdesk.atomic.os, "rename", broken_rename)
    with pytest.raises(ExportError, match="read-only"):
        export([make_article()], tmp_path / "new" / "out", ExportOptions(format="md-files"))
    assert listing(tmp_path) == []


def test_md_files_destination_that_is_a_file_is_refused(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    (tmp_path / "out").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="not a folder"):
        export([make_article()], tmp_path / "out", ExportOptions(format="md-files"))


# --- defaults -----------------------------------------------------------------------


def test_default_file_names() -> None:
    assert default_file_name("md", NOW) == "digest-2026-11-23-1405.md"
    assert default_file_name("md-files", NOW) == "articles-2026-11-23-1405"
    assert default_file_name("csv", NOW) == "articles-2026-11-23-1405.csv"


def test_default_destination_prefers_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(
        destination_module.platformdirs, "user_documents_dir", lambda: str(documents)
    )
    assert default_destination("md", NOW) == documents / "newsdesk" / "digest-2026-11-23-1405.md"


def test_default_destination_falls_back_to_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        destination_module.platformdirs, "user_documents_dir", lambda: str(tmp_path / "missing")
    )
    monkeypatch.chdir(tmp_path)
    assert default_destination("json", NOW) == tmp_path / "articles-2026-11-23-1405.json"


def test_export_report_lists_warnings(
    tmp_path: Path, rich_article: Article, isolated_dirs: Path
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "article.md.tmpl").write_text("$level $nope\n", encoding="utf-8")
    report = export(
        [rich_article], tmp_path / "d.md", ExportOptions(format="md"), templates_dir=templates
    )
    assert any("$nope" in w for w in report.warnings)
    assert io.StringIO(report.paths[0].read_text(encoding="utf-8")).readline().startswith("# ")


def test_md_files_never_replace_a_folder_even_with_force(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    dest = tmp_path / "out"
    (dest / "same.md").mkdir(parents=True)
    (dest / "same.md" / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="in the way"):
        export([make_article("Same")], dest, ExportOptions(format="md-files", force=True))
    assert listing(dest) == ["same.md", "same.md/keep.txt"]


def test_md_files_force_never_replaces_another_articles_file(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    """Two articles of one headline were exported as same.md and same-2.md; a later
    export of the second alone named its file same.md again, and with force wrote it
    over the first article's file (both files then held the second article)."""
    dest = tmp_path / "out"
    first = make_article("Same", "The first outlet's report.", source="Other Daily")
    second = make_article("Same", "The second outlet's report.", source="Markup Daily")
    export([first, second], dest, ExportOptions(format="md-files"))
    assert listing(dest) == ["same-2.md", "same.md"]
    assert f"id: {first.id}" in (dest / "same.md").read_text(encoding="utf-8")
    # Alone, the second article's file is the one it already has: refused, then replaced.
    with pytest.raises(ExportExists) as caught:
        export([second], dest, ExportOptions(format="md-files"))
    assert caught.value.conflicts == [dest / "same-2.md"]
    report = export([second], dest, ExportOptions(format="md-files", force=True))
    assert report.replaced == [dest / "same-2.md"]
    assert listing(dest) == ["same-2.md", "same.md"]
    first_file = (dest / "same.md").read_text(encoding="utf-8")
    assert f"id: {first.id}" in first_file and "The first outlet's report." in first_file
    assert "The second outlet's report." in (dest / "same-2.md").read_text(encoding="utf-8")
    # A third article of that headline takes a free name and touches neither.
    third = make_article("Same", "A third outlet's report.", source="Third Post")
    report = export([third], dest, ExportOptions(format="md-files", force=True))
    assert [p.name for p in report.paths] == ["same-3.md"] and report.replaced == []
    # The editor's own file of that name (no newsdesk id) is still only replaced by force.
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "same.md").write_text("my notes", encoding="utf-8")
    with pytest.raises(ExportExists):
        export([first], mine, ExportOptions(format="md-files"))
    assert (mine / "same.md").read_text(encoding="utf-8") == "my notes"
