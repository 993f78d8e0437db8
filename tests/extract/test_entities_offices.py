"""A role and the name it belongs to (fictional text): a German role noun before a lone
surname is no two-word name, and an office set off after a name makes it a person."""

from __future__ import annotations

from newsdesk.extract.entities import find_entities


def test_a_german_role_before_a_lone_surname_is_no_person() -> None:
    text = (
        "In der Schule kommt inzwischen jeder Zehnte aus dem Dorf. Probleme gebe es keine, "
        "die Jugendlichen freundeten sich an, meint Schulleiter Okwanu. Auch Trainer Basalt "
        "sieht das so."
    )
    people = find_entities(text).people
    assert "Schulleiter Okwanu" not in people
    assert "Trainer Basalt" not in people


def test_an_office_set_off_after_a_name_makes_it_a_person() -> None:
    spanish = (
        "En ese sentido, Ulises Zamperoni, ministro de Hacienda, aseguró que la próxima "
        "semana se realizará el pago de planilla de empleados públicos."
    )
    assert "Ulises Zamperoni" in find_entities(spanish).people
    english = "Ondrej Kavalec, the director of the port, said the cranes would stay idle."
    assert "Ondrej Kavalec" in find_entities(english).people
    # ", capital of": a place's description, not an office.
    place = "Vientiane Prefecture, capital of the region, has grown fast since 2010."
    assert find_entities(place).people == []
