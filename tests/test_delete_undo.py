"""An import is one undoable step; `delete` removes articles through the action log, undoably."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data" / "pages"


def _pages(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sorted(SAMPLES.iterdir())[:count]:
        shutil.copy(page, folder / page.name)
    return folder


def test_undo_right_after_an_import_removes_what_it_added(desk: Desk, tmp_path: Path) -> None:
    first = desk.import_paths([_pages(tmp_path, 2)])
    desk.star(first.imported_ids[:1])
    second_dir = tmp_path / "more"
    second_dir.mkdir()
    for page in sorted(SAMPLES.iterdir())[2:6]:
        shutil.copy(page, second_dir / page.name)
    second = desk.import_paths([second_dir])
    added = set(second.imported_ids)
    assert added and not added & set(first.imported_ids)
    desk.sync_index()
    assert set(desk.search("", sort="newest").ids) >= added
    stories_before = desk.story_map()

    result = desk.undo()
    assert result is not None and result.action == "undo import"
    assert set(result.changed) == added
    assert desk.count() == len(first.imported_ids)
    desk.sync_index()
    assert set(desk.search("", sort="newest").ids) == set(first.imported_ids)
    assert not added & set(desk.story_map())  # no story keeps a removed article
    assert set(desk.story_map()) <= set(stories_before)
    # The step before the import is next: the star.
    result = desk.undo()
    assert result is not None and result.action == "undo star"


def test_delete_then_undo_restores_state_tags_note_and_story(desk: Desk, tmp_path: Path) -> None:
    summary = desk.import_paths([_pages(tmp_path, 3)])
    aid = summary.imported_ids[0]
    desk.star([aid])
    desk.tag([aid], add=["ports"])
    desk.set_note(aid, "ring the desk first")
    before = desk.get(aid)
    assert before is not None
    desk.sync_index()
    title_word = before.meta.title.split()[0]

    result = desk.delete([aid])
    assert result.changed == [aid]
    assert desk.get(aid) is None and desk.count() == 2
    desk.sync_index()
    assert aid not in desk.search(title_word).ids
    assert desk.history(1)[0].kind == "delete"

    undone = desk.undo()
    assert undone is not None and undone.action == "undo delete" and undone.changed == [aid]
    after = desk.get(aid)
    assert after is not None
    assert after.state == before.state
    assert (after.state.starred, after.state.tags, after.state.note) == (
        True,
        ["ports"],
        "ring the desk first",
    )
    assert after.meta.body == before.meta.body and after.origins == before.origins
    assert after.story_id is not None
    assert aid in desk.story_members(after.story_id)
    desk.sync_index()
    assert aid in desk.search(title_word).ids


def test_cli_delete_and_undo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(_pages(tmp_path, 2)), "--json"]) == 0
    ids = [row["id"] for row in json.loads(_out(capsys, "list", "--json"))]
    assert len(ids) == 2
    deleted = json.loads(_out(capsys, "delete", ids[0], "--json"))
    assert deleted["action"] == "delete" and deleted["changed"] == [ids[0]]
    assert [row["id"] for row in json.loads(_out(capsys, "list", "--json"))] == ids[1:]
    # Nothing matched: status 1, as grep gives, and nothing changed.
    assert main(["delete", "zzzz-no-such-words"]) == 1
    assert "no article matched" in capsys.readouterr().err
    undone = json.loads(_out(capsys, "undo", "--json"))
    assert undone["action"] == "undo delete"
    assert sorted(row["id"] for row in json.loads(_out(capsys, "list", "--json"))) == sorted(ids)
    # The import itself is the step before.
    assert json.loads(_out(capsys, "undo", "--json"))["action"] == "undo import"
    assert json.loads(_out(capsys, "list", "--json")) == []


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_undo_of_a_delete_puts_the_article_back_in_its_own_story(
    desk: Desk, tmp_path: Path
) -> None:
    """Undo regrouped the article afresh, and it landed in another story than the one it
    was deleted from (whatever the desk had grouped it with then)."""
    from newsdesk.isodates import iso_to_ts
    from newsdesk.stories.grouping import StoryGrouper

    summary = desk.import_paths([_pages(tmp_path, 6)])
    stories = desk.story_map()
    first = summary.imported_ids[0]
    second = next(a for a in summary.imported_ids if stories[a] != stories[first])
    assert stories[first] != stories[second]
    # The desk grouped `second` with `first` when it arrived (as a merge of stories, or
    # an earlier recipe, would have): it is a member of first's story now.
    moved = desk.get(second)
    assert moved is not None
    with desk.store.transaction() as tx:
        grouper = StoryGrouper(desk.store.story_tables(tx))
        grouper.remove(second)
        story = grouper.assign(
            second, moved.meta, iso_to_ts(moved.meta.published), into=stories[first]
        )
        desk.store.set_story(tx, second, story)
    assert desk.story_map()[second] == stories[first]

    desk.delete([second])
    undone = desk.undo()
    assert undone is not None and undone.changed == [second]
    assert desk.story_map()[second] == stories[first]
    assert second in desk.story_members(stories[first])
