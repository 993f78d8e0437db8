"""Names that are no person or that German rules must keep (fictional text)."""

from __future__ import annotations

from newsdesk.extract.entities import find_entities


def test_a_name_the_story_calls_the_something_which_is_no_person() -> None:
    tree = (
        "The disease is spreading through the forest and threatens the giant Tane Kahurangi, "
        "which may be 2,000 years old, rangers said on Monday."
    )
    assert find_entities(tree).people == []
    # "which" after a person refers to what was said of them: still a person.
    person = "Officials met Maria Kessler, which surprised everyone at the port."
    assert find_entities(person).people == ["Maria Kessler"]


def test_a_german_body_given_with_its_short_form_is_kept_after_a_noun_and_der() -> None:
    text = (
        "Die Kultur steht vor einer schweren Zeit. Nach dieser Krise dürfte niemand mehr "
        "leichtfertig die Existenz der Fischerhilfekasse (FHK) in Frage stellen. Die Existenz "
        "vieler Fischer hängt daran, sagte die Sprecherin. Die FHK ist das richtige "
        "Instrument, und die Existenz der Häfen ist bedroht."
    )
    assert "Fischerhilfekasse" in find_entities(text).organizations


def test_a_german_noun_for_a_kind_of_place_leads_to_the_place() -> None:
    text = (
        "Das Lager liegt im Nordwesten des Landes, sagte die Sprecherin am Montag. Es ist die "
        "größte Siedlung der Region Ombasi. Die Gelder flossen in die Provinz Karuzi. Die "
        "Lage ist schwierig, sagte er. Die reichste Region Europas liegt im Kanton Uri "
        "Ideen entfernt."
    )
    # Not a known place's genitive ("Europas"), nor a noun after the name ("Ideen").
    assert find_entities(text).places == ["Ombasi", "Karuzi"]
