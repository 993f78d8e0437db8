"""A body speaks for itself, and a German verb before its subject names the speaker."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.extract.entities import find_entities
from newsdesk.extract.quotes import find_quotes
from newsdesk.ingest.loader import load_file

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _speakers(body: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(body, find_entities(body).people)]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # The body the story last made a sentence's subject, for "the company said".
        (
            "Pellham Motors posted a loss on Tuesday. “We expect the second half of the "
            "year to be much stronger than the first,” the company said.",
            "Pellham Motors",
        ),
        (
            "Pellham Motors posted a loss on Tuesday. “We expect the second half of the "
            "year to be much stronger than the first,” the carmaker said in a statement.",
            "Pellham Motors",
        ),
        # The body opens the clause; the person inside its apposition is not the speaker.
        (
            "Harbourline Bank, which hired Tomas Verhoef as its chief last year, said: "
            "“Our deposits grew faster than the market in every quarter.”",
            "Harbourline Bank",
        ),
        # "said a report from X": the body speaks through its paper.
        (
            "“The market is pricing in a recovery of earnings next year,” said a report "
            "from Harbourline Equities.",
            "Harbourline Equities",
        ),
        # "..., Harbourline Bank said." before a quote opening the next sentence.
        (
            "The sale of the branch network closed on Friday, Harbourline Bank said. "
            "“Our deposits grew faster than the market in every quarter.”",
            "Harbourline Bank",
        ),
    ],
)
def test_a_body_named_as_the_subject_is_the_speaker(body: str, speaker: str) -> None:
    assert _speakers(body) == [speaker]


def test_the_company_is_a_body_that_was_a_subject_and_a_role_speaks_for_it() -> None:
    named = (
        "Pellham Motors posted a loss. “We expect the second half of the year to be much "
        "stronger than the first,” the company said."
    )
    # Only in the possessive: no body was the subject, so "the company" is no one.
    owned = named.replace("Pellham Motors posted a loss.", "Pellham Motors' shares fell.")
    # A person with a role after the body still speaks for it.
    role = (
        "Harbourline Bank spokeswoman Jill Park said: “Our deposits grew faster than "
        "the market in every quarter.”"
    )
    assert [*_speakers(named), *_speakers(owned), *_speakers(role)] == [
        "Pellham Motors",
        None,
        "Jill Park",
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Oliver Brandt sieht das anders. In der Sendung (RTL) sagt Brandt im Gespräch mit "
            "Frauke Lindner: „Wir haben keine Beziehung mehr und das ist auch gut so.“",
            "Oliver Brandt",
        ),
        (
            "Im Interview mit dem ZDF sagte Anna Lehmann: „Die Lage ist ernst, aber wir "
            "haben einen Plan für den Winter.“",
            "Anna Lehmann",
        ),
    ],
)
def test_a_name_after_a_german_verb_is_its_subject(body: str, speaker: str) -> None:
    told = (
        "Karl Brandt met Anna Lehmann on Monday. He told Lehmann: “The plan is ready and "
        "we will start the work soon.”"
    )
    # Not after a verb whose object the name is.
    assert [*_speakers(body), *_speakers(told)] == [speaker, "Karl Brandt"]


def test_a_real_interview_reported_verb_first_is_the_guests() -> None:
    path = SHARED / "realworld-peer/trafeval/text/vipflash.de-Ehezoff.txt"
    if not path.exists():
        pytest.skip("../shared is not present")
    speakers = {q.speaker for q in load_file(path).items[0].quotes}
    # Not the broadcaster named before "sagt Pocher", nor "Weiter" before "sagt er".
    assert speakers == {"Oliver Pocher"}
