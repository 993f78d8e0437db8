"""What a move key aims at once the row it started from went elsewhere (shared by the
tests of moves within the hold and of the first move after the reader was closed)."""

from __future__ import annotations

from newsdesk.tui.screens.main import MainScreen

#: key -> (the old row it lands on, relative to the gone row; opened in the reader?)
AIMED = {
    "j": (1, False),
    "k": (-1, False),
    "J": (1, True),
    "K": (-1, True),
    "N": (1, True),
}


def assert_landed_where_aimed(screen: MainScreen, old: list[str], gone: str, key: str) -> str:
    """The cursor (and, for a key that opens, the reader) is on the row `key` aimed at
    from where `gone` stood in the list `old`; that row's id."""
    offset, opens = AIMED[key]
    aimed = old[old.index(gone) + offset]
    assert screen.inbox.current_id == aimed, (key, old.index(gone))
    assert screen.detail.has_focus is opens
    if opens:
        assert screen.detail.article_id == aimed
    return aimed
