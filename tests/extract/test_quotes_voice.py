"""Whose voice a quote is in: a role's reporting clause, a body's report, a table's rows."""

from __future__ import annotations

from pathlib import Path

from newsdesk.extract.entities import find_entities
from newsdesk.extract.quotes import find_quotes
from newsdesk.ingest.loader import load_file


def _quotes(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(body, find_entities(body).people)]


def test_a_role_before_the_colon_is_not_the_previous_speaker() -> None:
    body = (
        "The harbour board met on Monday to vote on the new ferry timetable for the island.\n\n"
        '"We will take this to the courts next week," said union leader Ilse Marten.\n\n'
        'The mayor said: "It is settled."'
    )
    quotes = _quotes(body)
    assert ("We will take this to the courts next week", "Ilse Marten") in quotes
    # The mayor is unnamed: the quote is kept, and it is not the union leader's.
    assert ("It is settled.", None) in quotes
    # A mayor the story named is still the one speaking.
    titled = "Mayor Rhona Fitch opened the session.\n\n" + body
    assert ("It is settled.", "Rhona Fitch") in _quotes(titled)


def test_a_role_given_after_the_name_is_another_office() -> None:
    body = (
        '"The fares will rise again before the summer," said Ilse Marten, the union leader.\n\n'
        'The mayor said: "Nobody has decided anything about the fares yet."'
    )
    speakers = dict(_quotes(body))
    assert speakers["Nobody has decided anything about the fares yet."] is None


def test_a_paragraph_a_body_reports_gives_no_person_the_next_quote() -> None:
    body = (
        "Rowan Pike stays barred from the league. After the club fined him in March, its "
        "Disciplinary Board — the group that hears cases such as Pike’s ban — said Friday that "
        "his record ruled him out for now.\n\n"
        "“The Board found that, in repeating his claims about the referees, Mr. Pike created "
        "a hostile climate..."
    )
    quotes = _quotes(body)
    assert len(quotes) == 1
    assert quotes[0][1] != "Rowan Pike"
    # Nor is a person named inside what a verb reports.
    reported = "The league said on Monday that Rowan Pike broke its rules again last season."
    assert _quotes(reported + body[body.index("\n\n") :])[0][1] is None
    # Where the paragraph reports no one, the one person it names goes on speaking.
    spoke = "Rowan Pike spoke to reporters after the hearing on Friday and defended his record."
    assert _quotes(spoke + body[body.index("\n\n") :])[0][1] == "Rowan Pike"


def test_a_table_under_its_label_stays_in_a_text_files_body(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(
        "Harbour board approves new ferry timetable\n\n"
        "PORTVILLE — The harbour board approved a new ferry timetable on Monday after months "
        "of complaints from commuters about late boats.\n\n"
        "---\n\n"
        "Sailings per day:\n"
        "Weekdays: 14\n"
        "Saturdays: 10\n\n"
        "Commuters welcomed the news, and many had written to the board asking for an "
        "earlier boat on weekdays.\n",
        encoding="utf-8",
    )
    body = load_file(path).items[0].body
    for line in ("Sailings per day:", "Weekdays: 14", "Saturdays: 10", "Commuters welcomed"):
        assert line in body
