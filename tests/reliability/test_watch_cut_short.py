"""A watched file saved again cut short (a truncated copy over the whole one) keeps its
article's text: the watch said "now has the corrected text" and 615 words became 43."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk import watch_revisions
from newsdesk.desk import Desk
from newsdesk.model import Extracted
from tests.conftest import SHARED
from tests.feeds.test_watch import Watcher, wait_for

REAL = SHARED / "realworld" / "text" / "bbc-assange-sweden.from_headline.txt"
WHOLE = Extracted(
    title="Harbour bridge closes for three weeks",
    body=(
        "Engineers will replace the worn bearings under the central span. "
        "Buses run a shuttle between both quays every ten minutes. "
        "Ferry crews add crossings during the busiest evening hours. "
        "Traders fear losing their Christmas custom to shopping malls. "
        "Councillors promised compensation grants for affected shopkeepers. "
        "Cyclists may still push bicycles along a narrow temporary walkway."
    ),
)


def test_a_cut_is_no_correction_and_a_correction_still_is() -> None:
    first_sentence = WHOLE.body.split(". ")[0]
    cut = Extracted(title=WHOLE.title, body=first_sentence)
    assert watch_revisions.revision(WHOLE, cut) is None and watch_revisions.cut_short(WHOLE, cut)
    emptied = Extracted(title=WHOLE.title, body="")
    assert watch_revisions.revision(WHOLE, emptied) is None and watch_revisions.cut_short(
        WHOLE, emptied
    )
    corrected = Extracted(title=WHOLE.title, body=WHOLE.body.replace("deck", "roadway"))
    assert watch_revisions.revision(
        WHOLE, corrected
    ) == "corrected" and not watch_revisions.cut_short(WHOLE, corrected)
    # A short text of other words under the headline is another report, not a cut.
    other = Extracted(
        title=WHOLE.title, body="Snow closed three mountain schools on Tuesday morning."
    )
    assert not watch_revisions.cut_short(WHOLE, other)


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    folder = tmp_path / "drop"
    folder.mkdir()
    return folder


@pytest.fixture
def watcher(drop: Path) -> Iterator[Watcher]:
    running = Watcher([drop])
    running.thread.start()
    yield running
    running.stop.set()
    running.thread.join(10)
    assert not running.thread.is_alive()


@pytest.mark.skipif(not REAL.exists(), reason="the real-world text copies are not here")
def test_a_truncated_copy_over_a_watched_file_keeps_the_whole_text(
    watcher: Watcher, drop: Path
) -> None:
    data = REAL.read_bytes()
    path = drop / "story.txt"
    path.write_bytes(data)
    wait_for(lambda: watcher.files().get("story.txt", (0, None))[0] == 1)
    with Desk() as desk:
        (aid,) = desk.inbox_ids()
        desk.star([aid])
        whole = desk.get(aid)
    assert whole is not None and whole.meta.word_count > 500
    path.write_bytes(data[:1200])

    def warned() -> bool:
        return any("cut short" in w for s in watcher.summaries for f in s.files for w in f.warnings)

    wait_for(warned, shown=lambda: repr(watcher.summaries))
    assert not any(s.updated for s in watcher.summaries)
    with Desk() as desk:
        assert desk.inbox_ids() == [aid]  # no stub beside it
        kept = desk.get(aid)
    assert kept is not None and kept.state.starred
    assert kept.meta.body == whole.meta.body


def test_the_cut_short_notice_counts_words_as_the_articles_length_does(tmp_path: Path) -> None:
    """The notice said 1,204 words where `show` said 1193 for the same article: it split
    the text on spaces (a dash, a lone quote mark counted as words)."""
    body = " — ".join(s.strip() for s in WHOLE.body.split(". ")) + " ' ..."
    path = tmp_path / "bridge.txt"
    path.write_text(f"{WHOLE.title}\n\n{body}\n", encoding="utf-8")
    with Desk() as desk:
        watched = watch_revisions.Revisions(
            lambda paths: desk.import_paths(paths, log=False), desk.inspect, desk.get, desk.revise
        )
        (aid,) = watched([path]).imported_ids
        stored = desk.get(aid)
        assert stored is not None and stored.meta.word_count
        path.write_text(f"{WHOLE.title}\n\n{body[:90]}\n", encoding="utf-8")
        (cut,) = desk.inspect(path).items
        (warning,) = [w for f in watched([path]).files for w in f.warnings]
    assert len(stored.meta.body.split()) != stored.meta.word_count  # the two counts differ
    assert f"({cut.word_count} words; its article {aid[:10]} has " in warning
    assert f"has {stored.meta.word_count:,} words)" in warning
