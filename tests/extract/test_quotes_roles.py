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


def test_a_role_owning_the_subject_is_not_the_subject() -> None:
    # "The victim's mother testified": the mother speaks, not whoever "the victim" was
    # last taken to be (here the kidnapper, the last subject named).
    text = (
        "Prosecutors said Harold Quimby seized the boy outside a school in Lakeview. "
        "Quimby, 44, was convicted in March.\n\n"
        "The victim's mother testified, describing her son as "
        '"brave and strong and far too clever for him" before the jury heard the rest.'
    )
    assert [q.speaker for q in _quotes(text)] == [None]


def test_the_speaker_is_the_subject_of_the_clause_that_reports() -> None:
    # Two clauses joined by "but": the quote is the second clause's subject's.
    text = (
        "President Ada Whitlock has been eager to bring the troops home, but General "
        "Marcus Pell, chairman of the joint staff, told reporters this week that they are "
        'likely to stay "for several more years at least".'
    )
    assert [q.speaker for q in _quotes(text)] == ["Marcus Pell"]


def test_we_in_the_writers_voice_is_no_one_named() -> None:
    # "we called it": the publication's own review, not the product named before.
    text = (
        "The Lumo thermostat works with HomeKit and Siri, and Brightwell Labs ships it "
        "with a sensor. Learn more in our review, where we called it "
        '"a very compelling option for most homes."'
    )
    assert [q.speaker for q in _quotes(text)] == [None]


def test_a_phrase_before_the_subject_is_not_the_speaker() -> None:
    # The name in an opening phrase is not the subject; the one after its comma is, even
    # with another verb it shares before the reporting one ("smiled and said").
    text = (
        "Asked by a reporter about a speech by Senator Ruth Calloway, President Hal Brenner "
        'smiled and said: "I think the woman has a problem."'
    )
    assert [q.speaker for q in _quotes(text)] == ["Hal Brenner"]


def test_a_name_in_the_possessive_is_not_the_speaker() -> None:
    text = (
        "Harriet Lowe’s lawyer told the court on Monday that the ruling was "
        '"a travesty of justice for everyone involved."'
    )
    assert [q.speaker for q in _quotes(text)] == [None]
