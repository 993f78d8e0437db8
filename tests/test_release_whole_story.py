"""`release` (un-claiming) lets go of all this editor's claims on a story's versions,
archived ones too, while `claim` leaves archived versions out (day 33 review).

A story claimed whole, one version archived after: releasing the story left the
archived version's claim, a claim nobody sees. Letting go of one's own claim harms no
one; another editor's claim on a version not asked for is left alone and unreported.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from tests.tui.conftest import sample_articles


def _claimed_story_one_archived(desk: Desk) -> list[str]:
    desk.add_extracted(sample_articles(18), "fixture")
    story = [m.id for m in desk.stories()[0].members]
    assert len(story) == 3
    assert set(desk.claim(story[:1]).done) == set(story)  # claimed whole, then
    desk.archive([story[2]])
    return story


def test_a_release_lets_go_of_an_archived_versions_claim(backend: str) -> None:
    with Desk() as desk:
        story = _claimed_story_one_archived(desk)
        outcome = desk.release(story[:1])
        assert set(outcome.done) == set(story) and not outcome.held
        assert desk.claims(story) == {}
        # A claim still leaves the archived version out.
        assert set(desk.claim(story[:1]).done) == set(story[:2])


def test_a_release_leaves_another_editors_claim_on_a_version_alone(
    ana_and_bo: tuple[Desk, Desk],
) -> None:
    ana, bo = ana_and_bo
    story = _claimed_story_one_archived(ana)
    ana.release(story[:1])
    assert bo.claim([story[2]], with_versions=False).done == [story[2]]
    assert set(ana.claim(story[:1]).done) == set(story[:2])
    outcome = ana.release(story[:1])
    assert set(outcome.done) == set(story[:2]) and not outcome.held
    assert {i: c.editor for i, c in ana.claims(story).items()} == {story[2]: "bo"}


def test_the_release_command_lets_go_of_an_archived_versions_claim(
    backend: str, isolated_dirs: Path
) -> None:
    with Desk() as desk:
        story = _claimed_story_one_archived(desk)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["release", story[0]]) == 0
    assert "released 3 article(s)" in out.getvalue()
    with Desk() as desk:
        assert desk.claims(story) == {}
