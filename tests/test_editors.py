"""Editors (issue 16 item 2): who did what, history by editor, undo of one's own, read per editor.

Each case runs on the SQLite file (two desks on one data directory) and on a
shared desk (skipped, saying why, without `NEWSDESK_TEST_PG`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.config import EDITOR_ENV, editor_name
from newsdesk.desk import Desk
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV
from tests.desk_support import desk_as, three_articles
from tests.pg_support import pg_schema


def test_the_log_says_who_and_history_filters_by_editor(
    backend: str, tmp_path: Path, ana_and_bo: tuple[Desk, Desk]
) -> None:
    ana, bo = ana_and_bo
    x, y, _ = three_articles(ana, tmp_path)
    ana.star([x])
    bo.tag([y], add=["court"])
    assert [(r.kind, r.editor) for r in ana.history(10)] == [
        ("tag", "bo"),
        ("star", "ana"),
        ("import", "intake"),
    ]
    assert [r.kind for r in ana.history(10, editor="ana")] == ["star"]
    assert [r.kind for r in bo.history(10, editor="bo")] == ["tag"]
    assert ana.history(10, editor="nobody") == []
    assert [(r.kind, r.editor) for r in bo.article_log(x)] == [
        ("star", "ana"),
        ("import", "intake"),
    ]


def test_undo_takes_back_only_ones_own_and_keeps_the_others_changes(
    backend: str, tmp_path: Path, ana_and_bo: tuple[Desk, Desk]
) -> None:
    ana, bo = ana_and_bo
    x, y, _ = three_articles(ana, tmp_path)
    ana.star([x])
    ana.tag([x], add=["ana-tag"])
    bo.tag([x], add=["bo-tag"])
    bo.star([y])
    # Ana's undo skips Bo's newer batches and takes back her tag only.
    undone = ana.undo()
    assert undone is not None and undone.action == "undo tag"
    art = bo.get(x)
    assert art is not None and art.state.tags == ["bo-tag"] and art.state.starred
    other = bo.get(y)
    assert other is not None and other.state.starred
    # Her star next; Bo's tag and star stay.
    assert ana.undo() is not None
    art = bo.get(x)
    assert art is not None and not art.state.starred and art.state.tags == ["bo-tag"]
    # Nothing of hers is left; Bo's batches are not hers to undo.
    assert ana.undo() is None
    assert [r.editor for r in bo.history(10)] == ["bo", "bo", "intake"]
    assert bo.undo() is not None and bo.undo() is not None
    art = ana.get(x)
    assert art is not None and art.state.tags == []


def test_an_undo_keeps_a_later_change_to_the_same_mark(
    backend: str, tmp_path: Path, ana_and_bo: tuple[Desk, Desk]
) -> None:
    ana, bo = ana_and_bo
    x, _, _ = three_articles(ana, tmp_path)
    ana.set_note(x, "check the figures")
    bo.set_note(x, "figures checked")
    assert ana.undo() is not None
    art = ana.get(x)
    assert art is not None and art.state.note == "figures checked"


def test_show_and_history_commands_name_the_editor(
    backend: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana = desk_as("ana", monkeypatch)
    try:
        x, _, _ = three_articles(ana, tmp_path)
        ana.star([x])
        ana.archive([x])
    finally:
        ana.close()
    monkeypatch.setenv(EDITOR_ENV, "bo")
    assert main(["show", x]) == 0
    shown = capsys.readouterr().out
    assert "star by ana" in shown and "archive by ana" in shown
    assert main(["show", x, "--json"]) == 0
    who = json.loads(capsys.readouterr().out)["who"]
    assert {(w["action"], w["editor"]) for w in who} == {
        ("star", "ana"),
        ("archive", "ana"),
        ("import", "intake"),
    }
    assert main(["history", "--editor", "ana", "--json"]) == 0
    assert [r["editor"] for r in json.loads(capsys.readouterr().out)] == ["ana", "ana"]
    assert main(["history", "--editor", "bo", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_read_state_is_each_editors_own_on_a_shared_desk(
    tmp_path: Path, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        ana = desk_as("ana", monkeypatch)
        bo = desk_as("bo", monkeypatch)
        try:
            x, y, z = three_articles(ana, tmp_path)
            ana.mark_read([x, y])
            ana.star([z])
            assert ana.counts()["unread"] == 1 and bo.counts()["unread"] == 3
            assert sorted(ana.search("is:unread", sort="newest").ids) == [z]
            assert sorted(bo.search("is:read", sort="newest").ids) == []
            (row,) = bo.rows([x])
            assert not row.read
            bo_view = bo.get(z)
            assert bo_view is not None and bo_view.state.starred  # stars are the desk's
            bo.mark_read([z])
            assert bo.undo() is not None  # Bo's read, not Ana's star
            art = ana.get(z)
            assert art is not None and art.state.starred
            assert ana.counts()["unread"] == 1
        finally:
            ana.close()
            bo.close()


def test_editor_name_comes_from_env_then_config_then_login(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = resolve()
    monkeypatch.delenv(EDITOR_ENV, raising=False)
    monkeypatch.setattr("getpass.getuser", lambda: "login-name")
    assert editor_name(paths) == "login-name"
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('[desk]\neditor = "  chief\\u0007 "\n', encoding="utf-8")
    assert editor_name(paths) == "chief"
    monkeypatch.setenv(EDITOR_ENV, "night")
    assert editor_name(paths) == "night"


def test_undoing_an_import_keeps_what_another_editor_has_worked_on_since(
    backend: str, tmp_path: Path, ana_and_bo: tuple[Desk, Desk]
) -> None:
    """Bo's undo of his import deleted the article Ana had since noted, tagged and
    claimed: her work was gone for good."""
    ana, bo = ana_and_bo
    files = []
    for n, (title, body) in enumerate(
        (
            ("Ferry fares rise", "The island ferry will cost more from May, the operator said."),
            ("Pier reopens", "The old pier reopened on Sunday after two years of repairs."),
            ("Lido closes early", "The open-air lido closes for the season a week early."),
        )
    ):
        path = tmp_path / f"b{n}.md"
        path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        files.append(path)
    imported = bo.import_paths(files).imported_ids
    assert len(imported) == 3
    noted, claimed, untouched = imported
    ana.set_note(noted, "check fares with the council")
    ana.claim([claimed])
    undone = bo.undo()
    assert undone is not None and undone.action == "undo import"
    assert sorted(undone.changed) == [untouched]
    kept = ana.get(noted)
    assert kept is not None and kept.state.note == "check fares with the council"
    assert ana.get(claimed) is not None
    assert ana.get(untouched) is None


def test_an_undo_that_keeps_the_other_editors_value_says_it_changed_nothing(
    backend: str, tmp_path: Path, ana_and_bo: tuple[Desk, Desk]
) -> None:
    """Ana's star, then Bo's unstar: Ana's undo keeps Bo's value and said "1 changed"."""
    ana, bo = ana_and_bo
    x, _, _ = three_articles(ana, tmp_path)
    ana.star([x])
    bo.star([x], False)
    undone = ana.undo()
    assert undone is not None and undone.changed == []
    art = ana.get(x)
    assert art is not None and not art.state.starred


def test_an_undo_keeps_another_editors_later_change_back_to_the_same_value(
    backend: str, tmp_path: Path, ana_and_bo: tuple[Desk, Desk]
) -> None:
    """Ana stars, Bo unstars and stars again: the star reads as Ana's batch left it, so
    her undo took Bo's deliberate star away. His later steps on the mark keep it; a mark
    he did not touch (Ana's tag) is still taken back."""
    ana, bo = ana_and_bo
    x, _, _ = three_articles(ana, tmp_path)
    ana.star([x])
    ana.tag([x], add=["harbour"])
    bo.star([x], False)
    bo.star([x])
    bo.tag([x], add=["night"])
    assert ana.undo() is not None  # her tag: his later tag is another one
    art = ana.get(x)
    assert art is not None and art.state.tags == ["night"]
    undone = ana.undo()  # her star: Bo starred it since
    assert undone is not None and undone.changed == []
    art = ana.get(x)
    assert art is not None and art.state.starred


def test_an_undo_with_nothing_left_to_take_back_says_why(
    backend: str,
    tmp_path: Path,
    ana_and_bo: tuple[Desk, Desk],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ana's note, then Bo's: her undo keeps his and said "no article matched", status 1."""
    ana, bo = ana_and_bo
    x, _, _ = three_articles(ana, tmp_path)
    ana.set_note(x, "first")
    bo.set_note(x, "second")
    monkeypatch.setenv(EDITOR_ENV, "ana")
    capsys.readouterr()
    assert main(["undo"]) == 0
    out = capsys.readouterr().out
    assert "undo note: nothing to take back: other editors have changed those" in out
    art = bo.get(x)
    assert art is not None and art.state.note == "second"


def test_show_names_who_put_each_tag_on(
    backend: str, tmp_path: Path, ana_and_bo: tuple[Desk, Desk], capsys: pytest.CaptureFixture[str]
) -> None:
    """Ana's tag then Bo's: the who line said only "tag by bo"."""
    ana, bo = ana_and_bo
    x, _, _ = three_articles(ana, tmp_path)
    ana.tag([x], add=["harbour"])
    bo.tag([x], add=["night"])
    assert main(["show", x, "--json"]) == 0
    who = json.loads(capsys.readouterr().out)["who"]
    assert ("tag harbour", "ana") in {(w["action"], w["editor"]) for w in who}
    assert ("tag night", "bo") in {(w["action"], w["editor"]) for w in who}


def test_undoing_a_change_to_an_article_another_editor_deleted_takes_it_back_there(
    backend: str,
    tmp_path: Path,
    ana_and_bo: tuple[Desk, Desk],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ana notes and tags, Bo deletes the article, Ana undoes: undo said "nothing to take
    back" and used up the step, and Bo's undo of the delete brought the note back."""
    ana, bo = ana_and_bo
    x, _, _ = three_articles(ana, tmp_path)
    bo.tag([x], add=["night"])
    ana.tag([x], add=["harbour"])
    ana.set_note(x, "check the figures")
    bo.delete([x])
    monkeypatch.setenv(EDITOR_ENV, "ana")
    capsys.readouterr()
    assert main(["undo"]) == 0  # her note
    out = capsys.readouterr().out
    assert "undid note on 1 article another editor deleted since" in " ".join(out.split())
    undone = ana.undo()  # her tag
    assert undone is not None and undone.changed == [] and undone.in_deleted == [x]
    assert bo.undo() is not None  # the delete
    art = bo.get(x)
    assert art is not None
    assert art.state.note in ("", None) and art.state.tags == ["night"]


def test_undo_step_names_the_step_undo_would_take_back(
    backend: str, tmp_path: Path, ana_and_bo: tuple[Desk, Desk]
) -> None:
    """What the app reads before it asks about a big undo: this editor's newest step."""
    ana, bo = ana_and_bo
    x, y, _ = three_articles(ana, tmp_path)
    ana.tag([x, y], add=["harbour"])
    bo.star([x])
    step = ana.undo_step()
    assert step is not None and (step.kind, step.articles, step.editor) == ("tag", 2, "ana")
    bo_step = bo.undo_step()
    assert bo_step is not None and (bo_step.kind, bo_step.articles) == ("star", 1)
    assert ana.undo() is not None
    after = ana.undo_step()
    assert after is None or after.kind != "tag"
