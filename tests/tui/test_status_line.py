"""The status line never states a count the desk has not counted yet."""

from __future__ import annotations

from newsdesk.tui.widgets.status_line import StatusInfo, status_text


def test_counts_not_yet_known_show_as_an_ellipsis_then_as_numbers() -> None:
    starting = str(status_text(StatusInfo(shown=None)))
    assert "… shown · … unread · … starred" in starting
    assert "0 shown" not in starting

    loading = str(status_text(StatusInfo(shown=198)))
    assert "198 shown · … unread · … starred" in loading
    assert "0 unread" not in loading

    counted = str(status_text(StatusInfo(shown=198, unread=0, starred=1_204)))
    assert "198 shown · 0 unread · 1,204 starred" in counted


def test_a_search_says_its_unread_and_starred_counts_are_the_desks() -> None:
    searching = str(status_text(StatusInfo(shown=2, unread=55, starred=3, query="volcano")))
    assert "2 shown · desk: 55 unread, 3 starred" in searching
    assert "2 shown · 55 unread" not in searching
