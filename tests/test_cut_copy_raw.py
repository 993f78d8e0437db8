"""A text copy cut short and completed in place keeps the whole page as its raw copy,
so the cut copy imported again (or one cut elsewhere) is a duplicate of the completed
article, not a second article beside it; on both backends, with real pages.

The pages are ../shared/realworld/text (the tests skip without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.paths import resolve

#: Pages of several outlets and lengths; each is cut short at two places.
PAGES = ("bbc-assange-sweden", "cnbc-emirates-boeing", "guardian-maori-whale-strandings")


def _copies(shared_dir: Path, tmp_path: Path, name: str) -> tuple[Path, Path, Path]:
    """The page whole, cut short at 40% (a download stopped mid-word), and at 70%."""
    text = (shared_dir / "realworld" / "text" / f"{name}.txt").read_text(encoding="utf-8")
    files = []
    for label, share in (("whole", 1.0), ("cut", 0.4), ("cut-later", 0.7)):
        path = tmp_path / label / f"{name}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text[: int(len(text) * share)], encoding="utf-8")
        files.append(path)
    return files[0], files[1], files[2]


@pytest.mark.parametrize("name", PAGES)
def test_the_cut_copy_again_after_its_article_was_completed_is_a_duplicate(
    backend: str, shared_dir: Path, tmp_path: Path, name: str
) -> None:
    whole, cut, cut_later = _copies(shared_dir, tmp_path, name)
    with Desk(resolve()) as desk:
        (aid,) = desk.import_paths([cut], log=False).imported_ids
        completed = desk.import_paths([whole], log=False)
        assert completed.imported == 0 and [a for _, a in completed.updated] == [aid]
        article = desk.get(aid)
        assert article is not None
        # The whole page is its raw copy now, not the cut one.
        last_words = whole.read_text(encoding="utf-8").split()[-6:]
        assert " ".join(last_words) in " ".join((desk.store.raw_copy(aid) or "").split())
        for again in (cut, cut_later, whole):
            summary = desk.import_paths([again], log=False)
            assert (summary.imported, summary.duplicates, summary.updated) == (0, 1, []), again
        assert desk.count() == 1
        kept = desk.get(aid)
        assert kept is not None and kept.meta.body == article.meta.body


@pytest.mark.parametrize("name", PAGES)
def test_a_copy_cut_later_completes_the_cut_one_and_the_whole_completes_both(
    backend: str, shared_dir: Path, tmp_path: Path, name: str
) -> None:
    whole, cut, cut_later = _copies(shared_dir, tmp_path, name)
    with Desk(resolve()) as desk:
        (aid,) = desk.import_paths([cut], log=False).imported_ids
        for later in (cut_later, whole):
            assert desk.import_paths([later], log=False).imported == 0, later
        for again in (cut, cut_later):
            summary = desk.import_paths([again], log=False)
            assert (summary.imported, summary.duplicates, summary.updated) == (0, 1, []), again
        assert desk.count() == 1
        # It holds the text the whole page gives (a cut that left out only the page's
        # footer gives it already).
        (expected,) = desk.inspect(whole).items
        article = desk.get(aid)
        assert article is not None
        assert (article.meta.title, article.meta.body) == (expected.title, expected.body)


def test_the_import_command_says_duplicates_1_for_the_cut_copy_again(
    backend: str, shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole, cut, _ = _copies(shared_dir, tmp_path, PAGES[0])
    said = []
    for path in (cut, whole, cut):
        assert main(["import", str(path)]) == 0
        said.append(capsys.readouterr().out)
    assert "imported 1" in said[0]
    assert "imported 0" in said[1] and "updated 1" in said[1]
    assert "imported 0" in said[2] and "duplicates 1" in said[2]


def test_the_cut_copy_again_is_a_duplicate_where_the_copies_differ_in_their_fingerprint(
    backend: str, tmp_path: Path
) -> None:
    """A cut so short its fingerprint is not the whole's: completed by its start alone
    (`page_address.cut_copy_in`), and then known by its raw copy alone."""
    from tests.test_text_cut_copy_completed import WHOLE

    cut, whole, shorter = tmp_path / "cut.txt", tmp_path / "whole.txt", tmp_path / "short.txt"
    cut.write_text(WHOLE[:300], encoding="utf-8")
    whole.write_text(WHOLE, encoding="utf-8")
    shorter.write_text(WHOLE[:200], encoding="utf-8")
    with Desk(resolve()) as desk:
        (aid,) = desk.import_paths([cut], log=False).imported_ids
        assert [a for _, a in desk.import_paths([whole], log=False).updated] == [aid]
        for again in (cut, shorter, whole):
            summary = desk.import_paths([again], log=False)
            assert (summary.imported, summary.duplicates, summary.updated) == (0, 1, []), again
        assert desk.count() == 1


def test_a_watched_file_completed_in_place_makes_its_cut_copy_a_duplicate(
    backend: str, tmp_path: Path
) -> None:
    """A watched file written cut short and then whole (`watch_revisions`) completes its
    article; a copy of the cut file elsewhere is then a duplicate of it."""
    from newsdesk.watch_revisions import Revisions
    from tests.test_text_cut_copy_completed import WHOLE

    path, elsewhere = tmp_path / "budget.txt", tmp_path / "copy" / "budget.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_text(WHOLE[:300], encoding="utf-8")
    with Desk(resolve()) as desk:
        watched = Revisions(
            lambda paths: desk.import_paths(paths, log=False),
            desk.inspect,
            desk.get,
            desk.revise,
            desk.store.raw_copy,
        )
        path.write_text(WHOLE[:300], encoding="utf-8")
        (aid,) = watched([path]).imported_ids
        path.write_text(WHOLE, encoding="utf-8")
        assert watched([path]).completed == [aid]
        copy = desk.import_paths([elsewhere], log=False)
        assert (copy.imported, copy.duplicates) == (0, 1)
        assert desk.count() == 1
