"""A text copy's menu label: a heading set over a list of a site's sections or of teasers
cut short, no headline."""

from __future__ import annotations

import re

#: A list item as a text browser prints it ("   * Culture", "  - Sport", "  1. World").
_ITEM = re.compile(r"^\s+(?:[*+•-]|\d{1,2}\.)\s+(?P<item>\S.*)$")
#: Items under a label that make it a menu's: two or more, each a name of a few words.
MENU_ITEMS = 2
#: Links a row of them needs to be a menu: a headline may hold a slash or two.
ROW_LINKS = 4
_ROW_SPLIT = re.compile(r"\s+[/|·•]\s+")
#: The most words of a menu's label ("분야별 뉴스", "Sections", "More from Politics").
LABEL_WORDS = 3
#: The most words of a section's name in a menu.
ITEM_WORDS = 3


def is_menu_label(lines: list[tuple[str, bool]], k: int) -> bool:
    """The heading at `k` is followed by a list of short names ("분야별 뉴스" over "* 엔터테인먼트",
    "* 문화"; "Sections" over "* World", "* Sport") or of teasers cut short: a menu's or a
    box's label. A headline's list of key points is sentences, longer than names."""
    parts = _ROW_SPLIT.split(lines[k][0].strip())
    if len(parts) >= ROW_LINKS and all(len(p.split()) <= ITEM_WORDS for p in parts):
        return True  # a row of links ("Impressum | Datenschutz | Kontakt | AGB")
    # A headline over share buttons ("* Facebook", "* Email") is no menu's label: only a
    # label of a few words is, over names; any heading over teasers cut short.
    short = len(lines[k][0].split()) <= LABEL_WORDS
    count = cut_items = 0
    after_menu = False
    items: set[str] = set()
    for line, flush in lines[k + 1 : k + 1 + 40]:
        m = _ITEM.match(line)
        if m is None:
            # Menus come in a row, one label over its list after another; a headline's
            # list (its date and byline, its contents, whose first entry heads the next
            # part: "Mähne" under "* Mähne") is followed by the story.
            after_menu = flush and line.strip() not in items
            break
        item = m["item"].strip()
        # A teaser cut short ("‘VIP’ 장나라에서 이청아로, 시선이 바..") is a box's item too.
        cut = item.endswith(("..", "…"))
        if not cut and (len(item.split()) > ITEM_WORDS or item.endswith((".", "!", "?"))):
            return False
        count += 1
        cut_items += cut
        items.add(item)
    return count >= MENU_ITEMS and ((short and after_menu) or cut_items == count)
