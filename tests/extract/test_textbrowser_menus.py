"""A text copy's menu labels and link rows are no headline, whatever text follows them."""

from __future__ import annotations

from newsdesk.extract.menu_label import is_menu_label
from newsdesk.ingest.text import load_text

PARAGRAPH = (
    "   The harbour board voted on Tuesday to extend the ferry pier by forty metres, "
    "after two winters in which storms closed the crossing for weeks at a time and "
    "left the island without deliveries."
)


def _lines(text: str) -> list[tuple[str, bool]]:
    return [(line, not line.startswith(" ")) for line in text.split("\n") if line.strip()]


def test_an_indented_headline_under_menus_is_the_title() -> None:
    page = "\n".join(
        [
            "   #Latest news (Harbourwatch)",
            "",
            "Harbour Watch",
            "",
            "     * All news",
            "     * Ferries",
            "     * Weather",
            "",
            "News by section",
            "",
            "     * Island",
            "     * Harbour",
            "",
            "Harbourwatch top stories",
            "",
            "     * Storm closes the crossing for the..",
            "     * Board splits over the pier,..",
            "",
            "   Ferry pier to grow by forty metres after winter storms",
            "",
            "   Posted: [ 2026-03-02 10:15 ]",
            "",
            PARAGRAPH,
            PARAGRAPH,
            PARAGRAPH,
            "",
            "Advertising / Press / Privacy / Copyright / Directions",
            "",
        ]
    )
    [item] = load_text(page, [])
    assert item.title == "Ferry pier to grow by forty metres after winter storms"
    # Section names and teasers cut short make a menu; a headline's key points do not.
    menu = _lines("Sections\n     * World\n     * Sport\n     * Culture\nBody")
    teasers = _lines("Top stories\n     * Pier vote splits the board,..\n     * Storm closes the..")
    points = _lines("Pier to grow\n     * The board voted to extend it.\n     * Work starts soon.")
    assert is_menu_label(menu, 0)
    assert is_menu_label(teasers, 0)
    assert not is_menu_label(points, 0)
    assert is_menu_label(_lines("Imprint / Privacy / Contact / Advertise"), 0)
    assert not is_menu_label(_lines("Harbour / Island ferry pier to grow"), 0)
