"""Two exports at once chose the same free default name and the second wrote over the
first's file: a new file is published only if its name is still free, else the next
free variant (a default name) or a refusal (a name the editor gave)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from newsdesk.atomic import atomic_create_bytes
from newsdesk.export import ExportExists, ExportOptions, export
from newsdesk.export import writer as writer_module

from .conftest import ArticleFactory

NOW = datetime(2026, 11, 23, 14, 5)
OTHER = "# the other editor's digest\n"


def _another_export_meanwhile(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """While this export renders, another one writes `path` (the race's window)."""
    real_render = writer_module.render

    def render(*args: Any, **kwargs: Any) -> Any:
        path.write_text(OTHER, encoding="utf-8")
        return real_render(*args, **kwargs)

    monkeypatch.setattr(writer_module, "render", render)


def test_a_default_name_taken_meanwhile_goes_to_the_next_variant(
    tmp_path: Path, make_article: ArticleFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "digest-2026-11-23-1405.md"
    _another_export_meanwhile(monkeypatch, first)
    report = export([make_article()], tmp_path, ExportOptions(format="md"), now=NOW)
    assert first.read_text(encoding="utf-8") == OTHER
    assert report.paths == [tmp_path / "digest-2026-11-23-1405-2.md"]
    assert not report.replaced
    assert report.paths[0].read_text(encoding="utf-8").startswith("#")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "digest-2026-11-23-1405-2.md",
        "digest-2026-11-23-1405.md",
    ]


def test_a_named_file_taken_meanwhile_is_refused_not_replaced(
    tmp_path: Path, make_article: ArticleFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = tmp_path / "for-the-desk.md"
    _another_export_meanwhile(monkeypatch, named)
    with pytest.raises(ExportExists):
        export([make_article()], named, ExportOptions(format="md"), now=NOW)
    assert named.read_text(encoding="utf-8") == OTHER
    assert [p.name for p in tmp_path.iterdir()] == ["for-the-desk.md"]


def test_create_refuses_a_taken_name_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    atomic_create_bytes(target, b"first")
    with pytest.raises(FileExistsError):
        atomic_create_bytes(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
