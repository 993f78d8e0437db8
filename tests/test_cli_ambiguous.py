"""An id prefix two articles share: every verb says it is ambiguous and names both ids
(the triage verbs said "no article matched", as for an id that is no article's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.model import Extracted
from tests.test_cli import run

PREFIX = "0a75cb"


@pytest.fixture
def shared_prefix(
    isolated_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Two articles whose ids both start with PREFIX (ids are hashes: forced here)."""
    import newsdesk.desk.storing as storing

    real = storing.article_id

    def forced(meta: Extracted) -> str:
        return PREFIX + real(meta)[len(PREFIX) :]

    for name, title in (("a", "Harbour cranes idle"), ("b", "Ferry timetable cut")):
        (tmp_path / f"{name}.md").write_text(f"# {title}\n\nA body about {name}.\n", "utf-8")
    import newsdesk.model as model

    with monkeypatch.context() as patch:
        # Where the importer hashes (its fallback) and where the workers do (read from
        # the model module when they sign each item: a small import signs in-process).
        patch.setattr(storing, "article_id", forced)
        patch.setattr(model, "article_id", forced)
        run(["import", str(tmp_path / "a.md"), str(tmp_path / "b.md")], {})
    from newsdesk.desk import Desk

    with Desk() as desk:
        ids = sorted(desk.inbox_ids())
    assert len(ids) == 2 and all(i.startswith(PREFIX) for i in ids)
    return ids


@pytest.mark.parametrize(
    "args",
    [
        ["star", PREFIX],
        ["archive", PREFIX],
        ["read", PREFIX],
        ["tag", PREFIX, "+x"],
        ["delete", PREFIX],
        ["claim", PREFIX],
        ["release", PREFIX],
        ["show", PREFIX],
    ],
)
def test_an_ambiguous_prefix_is_said_to_be_ambiguous(
    shared_prefix: list[str], args: list[str]
) -> None:
    proc = run(args, {}, check=False)
    assert proc.returncode == 1
    assert f"id '{PREFIX}' is ambiguous" in proc.stderr
    assert all(i in proc.stderr for i in shared_prefix)
    assert "no article matched" not in proc.stderr


def test_a_longer_prefix_still_acts_on_its_one_article(shared_prefix: list[str]) -> None:
    proc = run(["star", shared_prefix[0][:12]], {})
    assert "star: 1 changed of 1" in proc.stdout
