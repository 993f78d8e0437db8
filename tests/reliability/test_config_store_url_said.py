"""`[store] url = 7` (no URL) was ignored in silence, by `doctor` too: the desk opened
the local file and the editor never learned their shared desk was not used."""

from __future__ import annotations

import os

import pytest

from newsdesk.config import load_settings, store_url
from newsdesk.paths import resolve
from tests.test_cli import run


@pytest.mark.parametrize("line", ["url = 7", 'url = ""', 'url = ["postgresql://x/y"]'])
def test_a_store_url_that_is_no_url_is_said(line: str) -> None:
    paths = resolve()
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(f"[store]\n{line}\n", encoding="utf-8")
    assert store_url(paths) is None
    assert any("store.url" in e for e in load_settings(paths).errors)
    said = run(["doctor"], dict(os.environ), check=False)
    assert "store.url must be a PostgreSQL URL" in said.stdout + said.stderr


def test_a_store_url_is_no_problem() -> None:
    paths = resolve()
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('[store]\nurl = "postgresql://ed@db/desk"\n', encoding="utf-8")
    assert load_settings(paths).errors == []
