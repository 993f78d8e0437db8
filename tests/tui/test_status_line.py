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


def test_a_narrow_line_names_the_query_only_when_its_start_fits() -> None:
    """At 80 columns the header ended in "query:" with nothing after it."""
    info = StatusInfo(shown=2, unread=55, starred=1, query="volcano iceland evacuation")
    wide = str(status_text(info, 160))
    assert "query: volcano iceland evacuation (" in wide
    for width in (60, 70, 80):
        line = status_text(info, width)
        line.truncate(width, overflow="ellipsis")
        shown = str(line)
        assert not shown.rstrip(" …").endswith("query:"), shown
        if "query:" in shown:
            assert "query: volca" in shown


def test_a_query_cut_to_fit_ends_in_an_ellipsis() -> None:
    """`volcano iceland source:"meridian press agency"` read "query: volcano iceland" at 80
    columns and `query: volcano iceland source:"meridian press` at 100: cut, unsaid."""
    query = 'volcano iceland source:"meridian press agency"'
    info = StatusInfo(shown=2, unread=54, starred=0, query=query, sort="relevance")
    for width in (80, 100):
        line = status_text(info, width)
        shown = str(line)
        assert line.cell_len <= width, (width, shown)
        assert "query: volcano i" in shown, shown
        assert "…" in shown and query not in shown, shown
    wide = str(status_text(info, 160))
    assert f"query: {query} (relevance)" in wide and "…" not in wide
    # Background work stays in view after a cut query.
    busy = StatusInfo(shown=2, unread=54, starred=0, query=query, busy=["exporting…"])
    said = str(status_text(busy, 100))
    assert said.endswith("exporting…") and "query: volcano" in said, said
