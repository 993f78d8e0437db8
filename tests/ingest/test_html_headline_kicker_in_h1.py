"""A kicker set before the headline inside the <h1> with no class to say so: the meta
title, which is the <h1> without it, names the headline (a page whose <h1> words were
cut by soft hyphens kept its meta title by chance; without them the kicker came in)."""

from __future__ import annotations

from newsdesk.ingest.html_headline import prefer_visible


def test_a_word_or_two_before_the_meta_title_in_the_h1_is_a_kicker() -> None:
    title = "Remembering the victims of the harbour fire"
    assert prefer_visible(title, f"Memorial day {title}") == title
    # Longer than a kicker: the <h1> is the headline as shown.
    longer = f"Why the town is still {title}"
    assert prefer_visible(title, longer) == longer
    # Run on with no space: one word, not a kicker.
    assert prefer_visible("fire reaches the docks", "Wild-fire reaches the docks") != (
        "fire reaches the docks"
    )
