"""Quotes in German, Spanish and French pages, and speakers a possessive or a lone word hides."""

from __future__ import annotations

import pytest

from newsdesk.extract.entities import find_entities
from newsdesk.extract.quotes import find_quotes


def _speakers(body: str) -> list[tuple[str | None, str]]:
    people = find_entities(body).people
    return [(q.speaker, q.text) for q in find_quotes(body, people)]


@pytest.mark.parametrize(
    ("body", "speaker", "text"),
    [
        (
            "„Wir geben nur die gestiegenen Kosten weiter“, sagte Geschäftsführer Matthias "
            "Brenner am Montag.",
            "Matthias Brenner",
            "Wir geben nur die gestiegenen Kosten weiter",
        ),
        (
            '"No vamos a aceptar turnos de catorce horas", dijo Andrés Soler, portavoz del '
            "sindicato.",
            "Andrés Soler",
            "No vamos a aceptar turnos de catorce horas",
        ),
        (
            "« Aucune œuvre n'a été endommagée, les équipes ont réagi vite », a déclaré la "
            "directrice du musée, Hélène Garnier, vendredi.",
            "Hélène Garnier",
            "Aucune œuvre n'a été endommagée, les équipes ont réagi vite",
        ),
    ],
)
def test_attribution_verbs_in_other_languages(body: str, speaker: str, text: str) -> None:
    assert _speakers(body) == [(speaker, text)]


def test_german_closing_mark_does_not_open_a_new_quote() -> None:
    body = "„Die Preisformel ist nicht nachvollziehbar“, erklärte Sabine Krüger. Sie rät ab."
    assert [t for _, t in _speakers(body)] == ["Die Preisformel ist nicht nachvollziehbar"]


def test_speaker_after_an_organisations_possessive_is_the_person() -> None:
    body = (
        'Cascade Transmission wants more money. "We are asking now because the alternative is '
        "worse,\" said Cascade's chief operating officer, Maria Estevez."
    )
    assert _speakers(body)[0][0] == "Maria Estevez"


@pytest.mark.parametrize(
    "body",
    [
        "The Global Fund to Fight AIDS, Tuberculosis and Malaria said it would buy the drugs.",
        "La patronal Anesco afirmó en un comunicado que la huelga causará pérdidas.",
    ],
)
def test_a_lone_word_speaking_after_another_word_is_not_a_person(body: str) -> None:
    people = find_entities(body).people
    assert "Malaria" not in people and "Anesco" not in people


def test_a_lone_surname_after_a_quote_still_speaks() -> None:
    body = '"We will appeal the ruling," Boudreau said on Tuesday.'
    assert "Boudreau" in find_entities(body).people


def test_italian_perfect_with_avere() -> None:
    body = (
        '"Abbiamo chiesto per mesi un incontro e nessuno ci ha risposto", ha detto Marco '
        "Bellini, segretario regionale del sindacato."
    )
    assert _speakers(body)[0][0] == "Marco Bellini"


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        # Dutch: past and present, a role before the name, "aldus".
        ("zei Gerrit Lubbers.", "Gerrit Lubbers"),
        ("zegt melkveehouder Gerrit Lubbers uit Olst.", "Gerrit Lubbers"),
        ("aldus Piet de Vries.", "Piet de Vries"),
        ("verklaarde Anouk Jansen.", "Anouk Jansen"),
        # Spanish.
        ("defendió la concejala de Turismo, Marta Llorens.", "Marta Llorens"),
        ("ha explicado Marta Llorens.", "Marta Llorens"),
        ("reconoció Marta Llorens.", "Marta Llorens"),
        # Italian.
        ("ha commentato la deputata Francesca Orsini.", "Francesca Orsini"),
        ("ha sottolineato Francesca Orsini.", "Francesca Orsini"),
        ("spiega Francesca Orsini.", "Francesca Orsini"),
        # French.
        ("a indiqué le directeur régional d'Enedis, Pascal Morvan.", "Pascal Morvan"),
        ("a assuré Pascal Morvan.", "Pascal Morvan"),
        ("dit Pascal Morvan.", "Pascal Morvan"),
        ("raconte Pascal Morvan.", "Pascal Morvan"),
        # German and Portuguese.
        ("berichtete Anna Schmidt.", "Anna Schmidt"),
        ("so Anna Schmidt.", "Anna Schmidt"),
        ("acrescentou João Pereira.", "João Pereira"),
        ("destacou João Pereira.", "João Pereira"),
    ],
)
def test_reporting_verbs_of_other_languages(attribution: str, speaker: str) -> None:
    body = f"\u00ab Il faut agir maintenant pour tout le monde \u00bb, {attribution}"
    assert _speakers(body) == [(speaker, "Il faut agir maintenant pour tout le monde")]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "La ministre de l’éducation, Hélène Garnier, a promis que les chantiers "
            "commenceraient dès la rentrée. « Aucune commune ne sera laissée de côté », "
            "a-t-elle assuré.",
            "Hélène Garnier",
        ),
        (
            "Le directeur d'Enedis, Pascal Morvan, était à Brest vendredi.\n\n"
            "« Nous espérons rétablir le courant avant dimanche », ajoute-t-il.",
            "Pascal Morvan",
        ),
        (
            "Minister Karin van der Meulen bezocht de dijk bij Olst.\n\n"
            '"We willen niet wachten tot het water over de dijk komt", zei ze.',
            "Karin van der Meulen",
        ),
    ],
)
def test_a_verb_with_its_pronoun_after_it_is_the_person_named_before(
    body: str, speaker: str
) -> None:
    assert [s for s, _ in _speakers(body)] == [speaker]


def test_a_surname_particle_read_as_a_place_still_speaks() -> None:
    # "Van" was read as the Turkish city and "zei Van der Meulen" named no one.
    body = (
        "Het kabinet trekt 450 miljoen euro uit voor de dijken. Dat heeft minister Van der "
        "Meulen vandaag bekendgemaakt.\n\n"
        '"We willen niet wachten tot het water over de dijk komt", zei Van der Meulen.'
    )
    assert [s for s, _ in _speakers(body)] == ["Van der Meulen"]


def test_so_after_an_english_quote_is_no_attribution() -> None:
    body = (
        "Kim Lee ran the shelter for ten years.\n\n"
        "“We had no money left for the winter at all,” so the board closed it."
    )
    assert [s for s, _ in _speakers(body)] == [None]


def test_an_inverted_pronoun_before_the_quote_is_the_person_named_before() -> None:
    body = (
        "Die Ministerin Anna Schmidt besuchte am Montag die Baustelle.\n\n"
        "Danach sagte sie, es gebe „keinen Grund, den Bau jetzt noch zu stoppen“."
    )
    assert [s for s, _ in _speakers(body)] == ["Anna Schmidt"]


def test_a_three_word_title_after_a_speaker_is_no_quote() -> None:
    # 'erläuterte Udo Lehmann im Verbandsmagazin „Swim & More“' kept the magazine's name
    # as his words once "erläuterte" named him.
    body = (
        "„Das sind bestimmte schwimmerische Leistungen, die es einfach braucht“, erläuterte "
        "Abteilungsleiter Udo Lehmann im Verbandsmagazin „Swim & More“, am Montag."
    )
    assert [t for _, t in _speakers(body)] == [
        "Das sind bestimmte schwimmerische Leistungen, die es einfach braucht"
    ]
