"""The inbox's search sequencing and results, as plain classes (no Textual, no app)."""

from __future__ import annotations

import subprocess
import sys

from newsdesk.tui.inbox_results import InboxResults, Placement
from newsdesk.tui.search_runner import SearchAnswer, SearchRequest, SearchSequence


def request(query: str, *, grouped: bool = False, keep: str | None = None) -> SearchRequest:
    return SearchRequest(query=query, sort="relevance", grouped=grouped, keep=keep)


def test_plain_helpers_import_without_textual() -> None:
    code = (
        "import sys\n"
        "import newsdesk.tui.search_runner, newsdesk.tui.inbox_results, newsdesk.tui.triage\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_idle_sequence_starts_at_once_with_increasing_numbers() -> None:
    sequence = SearchSequence()
    first = sequence.ask(request("a"))
    assert first is not None and first.seq == 1 and first.query == "a"
    assert sequence.running and sequence.is_latest(first)
    assert sequence.finished(first.seq) is None
    second = sequence.ask(request("b"))
    assert second is not None and second.seq == 2
    assert not sequence.is_latest(first)


def test_while_one_runs_only_the_latest_request_waits() -> None:
    sequence = SearchSequence()
    running = sequence.ask(request("f"))
    assert running is not None
    # Typing on: each letter asks; none starts while "f" runs, and only the last waits.
    assert sequence.ask(request("fl")) is None
    assert sequence.ask(request("flo")) is None
    assert sequence.ask(request("floo")) is None
    # The running search is still the latest started: its answer is shown meanwhile.
    assert sequence.is_latest(running)
    following = sequence.finished(running.seq)
    assert following is not None and following.query == "floo"
    assert following.seq == running.seq + 1
    assert not sequence.is_latest(running) and sequence.is_latest(following)
    assert sequence.finished(following.seq) is None
    assert not sequence.running


def test_a_stale_end_does_not_release_the_running_search() -> None:
    sequence = SearchSequence()
    first = sequence.ask(request("a"))
    assert first is not None
    assert sequence.finished(first.seq) is None
    second = sequence.ask(request("b"))
    assert second is not None
    assert sequence.ask(request("c")) is None
    # A late "ended" for the first search changes nothing.
    assert sequence.finished(first.seq) is None
    assert sequence.running
    third = sequence.finished(second.seq)
    assert third is not None and third.query == "c"


def answer(
    req: SearchRequest, ids: list[str], story_of: dict[str, str] | None = None, **kw: object
) -> SearchAnswer:
    return SearchAnswer(req, ids, story_of=story_of or {}, total=len(ids), **kw)  # type: ignore[arg-type]


def test_grouped_answer_keeps_one_row_per_story_and_the_cursor_on_its_story() -> None:
    results = InboxResults()
    story_of = {"a1": "s1", "a2": "s1", "b1": "s2", "c1": "s3", "a3": "s1"}
    req = SearchRequest(query="", sort="newest", grouped=True, keep="a3", seq=1)
    placement = results.accept(
        answer(req, ["a1", "b1", "a2", "c1", "a3"], story_of), has_rows=False, current=None
    )
    # a3 is folded into its story, whose row is a1.
    assert placement == Placement("a1")
    assert results.rows() == (["a1", "b1", "c1"], [0, 0, 0])
    assert results.is_story_row("a1") and results.head_of("a3") == "a1"
    results.expand("a1", ["a1", "a2", "a3"])
    assert results.rows() == (["a1", "a2", "a3", "b1", "c1"], [0, 1, 1, 0, 0])
    assert not results.is_story_row("a1")
    assert results.collapse("a1") and not results.collapse("a1")
    members = {"s1": ["a1", "a2", "a3"], "s2": ["b1"], "s3": ["c1"]}
    assert results.with_story_members(["b1", "a1"], lambda s: members[s]) == [
        "b1",
        "a1",
        "a2",
        "a3",
    ]


def test_story_rows_archived_away_count_no_more() -> None:
    """Archiving a folded story row takes its versions out: the header's "N shown in M
    stories" counts what is left (it said 4 stories over 3 rows)."""
    results = InboxResults()
    story_of = {"a1": "s1", "a2": "s1", "b1": "s2", "c1": "s3", "c2": "s3"}
    req = SearchRequest(query="", sort="newest", grouped=True, seq=1)
    results.accept(
        answer(req, ["a1", "b1", "a2", "c1", "c2"], story_of), has_rows=False, current=None
    )
    assert results.story_rows() == 3
    results.expand("c1", ["c1", "c2"])
    results.drop({"a1", "a2"})  # story row a1 archived, every version with it
    assert results.story_rows() == 2 and results.ids == ["b1", "c1", "c2"]
    assert results.rows() == (["b1", "c1", "c2"], [0, 0, 1])
    results.drop({"c2"})  # one version of an expanded story
    assert results.story_rows() == 2 and results.rows() == (["b1", "c1"], [0, 0])


def test_first_screenful_is_skipped_when_the_whole_inbox_is_shown() -> None:
    results = InboxResults()
    req = SearchRequest(query="", sort="newest", grouped=False, seq=1)
    assert results.accept(answer(req, ["x", "y", "z"]), has_rows=False, current=None)
    head = answer(req, ["x"], complete=False)
    assert results.accept(head, has_rows=True, current="y") is None
    assert results.ids == ["x", "y", "z"]


def test_whole_inbox_after_a_first_screenful_keeps_the_readers_place() -> None:
    results = InboxResults()
    req = SearchRequest(query="", sort="newest", grouped=False, keep=None, seq=1)
    first = results.accept(answer(req, ["x", "y"], complete=False), has_rows=False, current=None)
    assert first == Placement(None) and results.partial
    whole = results.accept(answer(req, ["x", "y", "z"]), has_rows=True, current="y")
    assert whole == Placement("y") and not results.partial
    results.drop({"y"})
    assert results.ids == ["x", "z"]


def test_a_waiting_request_supersedes_the_running_search() -> None:
    """Typing ahead: once a newer request waits, the running search is worth giving up
    (the search job passes `superseded` to the engine); when it ends, the newer starts."""
    sequence = SearchSequence()
    running = sequence.ask(request("harb"))
    assert running is not None and not sequence.superseded
    assert sequence.ask(request("harbour")) is None
    assert sequence.superseded
    following = sequence.finished(running.seq)
    assert following is not None and following.query == "harbour"
    assert not sequence.superseded
