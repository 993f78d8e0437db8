"""A text-browser copy's search box: its prompt, printed again as a heading, is no headline.

The page below is written for these tests.
"""

from __future__ import annotations

from newsdesk.ingest import load_bytes

STORY = (
    "   Die Fähre zwischen Marrowby und der Insel fährt ab Montag wieder, nachdem die "
    "Anleger nach dem Hochwasser drei Wochen lang gesperrt waren.\n\n" * 4
)

DUMP = (
    "   [ ] Menü öffnen\n     * Start\n     * Rezepte\n     * Anmelden\n\n"
    "Finde ein Rezept oder eine Zutat\n\n   ____________________\n   Erweiterte Suche\n\n"
    "Finde ein Rezept oder eine Zutat\n\n   ____________________\n   Erweiterte Suche\n\n"
    "   ____________________ Finde ein Rezept oder eine Zutat\n\n"
    "Fähre nach Marrowby fährt ab Montag wieder\n\n   Greta Lindholm\n\n" + STORY
)


def test_a_search_boxs_prompt_set_as_a_heading_is_no_headline() -> None:
    article = load_bytes(DUMP.encode(), "faehre.txt").items[0]
    assert article.title == "Fähre nach Marrowby fährt ab Montag wieder"
