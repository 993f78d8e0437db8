"""extract_page(main_text=True): the rules for text a main-text detector already chose.

Pages written for these tests. The same text read as a whole page
(`main_text=False`) is the contrast each test checks against where the rule
differs, so a test fails if the mode stops mattering.
"""

from __future__ import annotations

from newsdesk.extract import extract_page
from newsdesk.model import Extracted

_HINTS = Extracted(title="Lentil soup for a cold week", authors=["Mara Velde"])

RECIPE = """Our test kitchen tried the soup on a wet Tuesday and every bowl came back empty, which is the best review a recipe can get from a hungry newsroom.

Ingredients
200 g red lentils
1 onion
2 carrots
1 litre stock
1 tsp cumin
Salt
Pepper
Lemon juice
Olive oil

Soften the onion and carrots in the oil for ten minutes, then add the lentils, the cumin and the stock and let it simmer until the lentils fall apart.

Season with salt, pepper and a squeeze of lemon before serving with bread.
"""


def test_short_lines_of_a_main_text_stay_in_the_body() -> None:
    meta = extract_page(RECIPE, _HINTS, main_text=True)
    for line in ("Ingredients", "200 g red lentils", "1 tsp cumin", "Olive oil"):
        assert line in meta.body.split("\n\n")
    assert meta.body.rstrip().endswith("serving with bread.")


def test_a_whole_page_still_ends_at_a_long_run_of_short_lines() -> None:
    page = RECIPE.replace("Season with salt", "Home\nNews\nSport\nWeather\nSeason with salt")
    whole = extract_page(page, _HINTS)
    assert "200 g red lentils" not in whole.body.split("\n\n")


PHOTO_CREDIT = """The new bridge over the Vell river opened to cyclists on Saturday after three years of work and two changes of contractor.

© Northbank Press

Riders queued from dawn to be the first across, and the council said more than four thousand people crossed in the first six hours.

The footbridge cost 12 million crowns, a third more than the first estimate.
"""


def test_a_picture_credit_does_not_end_a_main_text() -> None:
    meta = extract_page(PHOTO_CREDIT, Extracted(title="Bridge opens"), main_text=True)
    assert "a third more than the first estimate" in meta.body
    assert "© Northbank Press" in meta.credits
    assert "© Northbank Press" not in meta.body


def test_a_copyright_notice_still_ends_a_main_text() -> None:
    text = PHOTO_CREDIT.replace("© Northbank Press", "© 2026 Northbank Press. All rights reserved.")
    meta = extract_page(text, Extracted(title="Bridge opens"), main_text=True)
    assert "Riders queued" not in meta.body
    assert meta.body.startswith("The new bridge")


STANDFIRST = """Bridge opens to cyclists after three years

The town's second crossing cost a third more than planned

Riders queued from dawn to be the first across the new bridge on Saturday, and the council said more than four thousand people crossed in the first six hours of opening.

The footbridge cost 12 million crowns, a third more than the first estimate, after the first contractor went bankrupt in the second winter.
"""


def test_the_standfirst_stays_in_a_main_text_body_and_is_the_dek() -> None:
    hints = Extracted(title="Bridge opens to cyclists after three years")
    meta = extract_page(STANDFIRST, hints, main_text=True)
    assert meta.dek == "The town's second crossing cost a third more than planned"
    assert meta.body.startswith("The town's second crossing cost a third more than planned")
    assert "Riders queued from dawn" in meta.body


MENU_ABOVE = """Home
News
Sport
Business
Culture
Travel
Weather
Podcasts
Newsletters

Riders queued from dawn to be the first across the new bridge on Saturday, and the council said more than four thousand people crossed in the first six hours of opening.

The footbridge cost 12 million crowns, a third more than the first estimate, after the first contractor went bankrupt in the second winter.
"""


def test_a_menu_above_a_main_text_is_dropped() -> None:
    meta = extract_page(MENU_ABOVE, Extracted(title="Bridge opens"), main_text=True)
    assert meta.body.startswith("Riders queued from dawn")
    assert "Podcasts" not in meta.body


TABLE_ABOVE = """Results
Team A 3
Team B 1
Team C 2
Team D 0
Team E 4
Team F 1
Team G 2
Team H 2

The league's top four were settled on the last evening of the season, with three of the matches decided in the final ten minutes of play.
"""


def test_a_run_of_short_lines_with_figures_above_a_main_text_is_kept() -> None:
    meta = extract_page(TABLE_ABOVE, Extracted(title="Final day"), main_text=True)
    assert "Team E 4" in meta.body.split("\n\n")
    assert "final ten minutes of play" in meta.body


def test_the_story_goes_on_after_a_pictures_caption_with_its_credit() -> None:
    para = "The new ferry terminal opened on Tuesday after two years of building work on the quay."
    page = "\n\n".join(
        [
            "Ferry terminal opens on the quay",
            " ".join([para] * 3),
            " ".join([para.replace("Tuesday", "Monday")] * 3),
            "The new terminal seen from the water.© Jana Berg/ Harbour Board",
            "Faster boarding",
            " ".join([para.replace("new", "rebuilt")] * 3),
            " ".join([para.replace("quay", "pier")] * 3),
            "© 2026 Harbour Ledger",
        ]
    )
    meta = extract_page(page)
    assert "rebuilt ferry terminal" in meta.body
    assert meta.body.endswith("work on the pier.")


def test_a_table_of_contents_inside_the_story_is_skipped_and_the_story_goes_on() -> None:
    intro = "The new ferry terminal opened on Tuesday after two years of building work on the quay."
    entries = [f"* {n}. Ferry number {n}" for n in range(1, 13)]
    sections = []
    for n in range(1, 4):
        sections.append(f"{n}. Ferry number {n}")
        sections.append(f"Ferry number {n} sails twice a day between Marrowby and the island. " * 3)
        sections.append(f"Its crew of {n + 4} has served the route for a decade and more. " * 3)
    page = "\n\n".join(
        [
            "Twelve ferries of the north",
            " ".join([intro] * 3),
            " ".join([intro.replace("Tuesday", "Monday")] * 3),
            "Contents",
            "\n".join(entries),
            *sections,
        ]
    )
    meta = extract_page(page)
    assert "opened on Monday" in meta.body
    assert "Its crew of 7 has served the route" in meta.body
    assert "* 1. Ferry number 1" not in meta.body


def test_a_single_paragraph_over_a_credits_box_is_the_story() -> None:
    para = (
        "Im Dialekt zu singen ist nicht für jeden ein Zeichen von Stil, und doch singt die Band "
        "vom Hafen ihre Lieder in der Mundart von Marrowby, seit zehn Jahren und vor vollen Sälen. "
    ) * 4
    page = "\n\n".join(
        [
            "Mit der Hafenband in Marrowby",
            "16. Dezember 2019",
            "Durch die Gegend | Hafenband",
            para,
            "Credits",
            "Musik:",
            "Kapelle – Ebbe (CC BY)",
            "Foto: Jana Berg",
        ]
    )
    meta = extract_page(page)
    assert meta.body.startswith("Im Dialekt zu singen")
