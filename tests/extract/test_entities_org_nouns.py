"""A noun for a kind of organisation before a name makes the name an organisation's."""

from __future__ import annotations

from newsdesk.extract.entities import find_entities


def test_a_role_noun_for_an_organisation_names_an_organisation() -> None:
    found = find_entities(
        "The grid operator Redes Atlântico said the outage ended at noon. "
        "Rail operator Ferrovia Lenta suspended services, and the regulator Ofwex said "
        "it would look into both."
    )
    assert found.organizations == ["Redes Atlântico", "Ferrovia Lenta", "Ofwex"]
    assert found.people == []
    # A given name first, or the noun used as an adjective, leaves the person.
    found = find_entities(
        "The camera operator Jane Roe said she saw it. The soft-spoken but firm Tegnell "
        "often commented on the figures."
    )
    assert "Jane Roe" in found.people
    assert "Tegnell" not in found.organizations
