"""Quote speakers and non-quotes found wrong on real pages, as classes (fictional text)."""

from __future__ import annotations

from newsdesk.extract.entities import find_entities
from newsdesk.extract.quotes import find_quotes
from newsdesk.model import Quote


def _quotes(text: str) -> list[Quote]:
    return find_quotes(text, find_entities(text).people)


def test_comments_and_schrieb_report_speech() -> None:
    english = (
        "“Hibernation changes the whole mission design,” comments Robin Eastwick, a researcher."
    )
    german = "„Wir sehen uns bald wieder auf der Straße“, schrieb Alberto Lindqvist auf Twitter."
    assert [q.speaker for q in _quotes(english)] == ["Robin Eastwick"]
    assert [q.speaker for q in _quotes(german)] == ["Alberto Lindqvist"]


def test_a_role_after_the_verb_is_the_person_given_that_role() -> None:
    text = (
        "Wirtschaftsminister Hubert Falkenrath stellte den Plan am Montag vor. "
        "„Wir brauchen mehr Windkraft im ganzen Land“, sagte der Minister."
    )
    assert [q.speaker for q in _quotes(text)] == ["Hubert Falkenrath"]


def test_the_minister_is_not_the_prime_minister() -> None:
    text = (
        "Finance Minister Jane Holloway presented the plan. Prime Minister Tom Barker "
        'backed her in parliament. "We will not raise taxes this year," the minister said.'
    )
    assert [q.speaker for q in _quotes(text)] == ["Jane Holloway"]


def test_a_role_nobody_was_given_names_no_one() -> None:
    text = (
        "Prime Minister Tom Barker opened the session. "
        '"We will not raise taxes this year," the minister said.'
    )
    assert [q.speaker for q in _quotes(text)] == [None]


def test_short_quoted_phrases_without_a_speaker_are_not_quotes() -> None:
    text = (
        "The team studied “fault detection, isolation and recovery” for the craft. Their "
        "paper, “Dynamical bias in the coin toss”, was cited. Officials wanted “to save "
        "the economy” at any cost."
    )
    assert _quotes(text) == []
    # A short quote a reporting clause follows stays, even when it names no one.
    said = 'The mayor was angry. "No vamos a permitir más abusos aquí", señaló el funcionario.'
    assert [q.text for q in _quotes(said)] == ["No vamos a permitir más abusos aquí"]
    # So does a short clause (a placard's "... is not safe"), and one a person's sentence holds.
    placard = 'Nurses held placards reading "Short staffed is not safe" all day.'
    assert [q.text for q in _quotes(placard)] == ["Short staffed is not safe"]
    called = "The minister, Olivier Lambert, called on both sides to « resume talks at once »."
    assert [q.text for q in _quotes(called)] == ["resume talks at once"]


def test_a_sentence_ending_in_a_colon_gives_its_subject_the_quote() -> None:
    text = (
        '"Ich wurde eingesperrt, weil ich meinen Job gemacht habe", sagte Deniz Yücel auf '
        "der Buchmesse vor vielen Zuhörern aus dem ganzen Land. Die Moderatorin Claire "
        "Schortmann fragte nach. Und Yücel setzte noch einen drauf: "
        '"Ich sollte mundtot gemacht werden."'
    )
    assert [q.speaker for q in _quotes(text)] == ["Deniz Yücel", "Deniz Yücel"]
