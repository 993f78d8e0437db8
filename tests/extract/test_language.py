"""Language detection from stopwords and scripts."""

from __future__ import annotations

import pytest

from newsdesk.extract.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The harbour authority said the ferries would sail again on Tuesday if the wind dropped.",
            "en",
        ),
        ("Le port a annoncé que les ferries reprendront mardi si le vent se calme enfin.", "fr"),
        (
            "Die Hafenbehörde sagte, dass die Fähren am Dienstag wieder fahren, wenn der Wind nachlässt.",
            "de",
        ),
        (
            "La autoridad del puerto dijo que los ferris volverán a navegar el martes si el viento amaina.",
            "es",
        ),
        (
            "L'autorità portuale ha detto che i traghetti torneranno a navigare martedì se il vento cala.",
            "it",
        ),
        (
            "A autoridade portuária disse que os ferries voltam a navegar na terça se o vento acalmar.",
            "pt",
        ),
        (
            "De havenautoriteit zei dat de veerboten dinsdag weer varen als de wind is gaan liggen.",
            "nl",
        ),
        ("Портовое управление заявило, что паромы снова выйдут в море во вторник.", "ru"),
        ("港湾当局は、風が弱まれば火曜日にフェリーが運航を再開すると述べた。", "ja"),
        ("항만 당국은 바람이 잦아들면 화요일에 페리 운항을 재개한다고 밝혔다.", "ko"),
        ("港务局表示，如果风力减弱，渡轮将于周二恢复航行。", "zh"),
        ("وقالت سلطة الميناء إن العبارات ستبحر مجددا يوم الثلاثاء.", "ar"),
    ],
)
def test_detects(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "12345 67890", "OK"])
def test_too_little_to_tell(text: str) -> None:
    assert detect_language(text) is None


def test_latin_text_with_a_few_foreign_letters_stays_latin() -> None:
    # A Greek letter or two in Latin text (a unit, a name) does not make it Greek.
    text = "The council said the new bridge will open in March and cost 40 million euros. " * 5
    assert detect_language(text + " Δ λ") == "en"


def test_mixed_script_majority_wins() -> None:
    assert detect_language("Привет, как дела? Это новости из города. " * 4) == "ru"
