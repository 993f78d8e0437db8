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
