"""Two `same_page` functions compared different things (day 33 review): the one that
compares raw page texts is `same_raw_page`, so neither is mistaken for the other."""

from __future__ import annotations

from newsdesk.desk import page_address, storing


def test_raw_pages_are_compared_by_same_raw_page() -> None:
    page = "<html><body><p>" + "The harbour board met on Monday. " * 40 + "</p></body></html>"
    cut = page[: len(page) // 2]
    assert page_address.same_raw_page(page, page)
    assert page_address.same_raw_page(cut, page)  # completed
    assert page_address.same_raw_page(page, cut)  # cut short again
    assert not page_address.same_raw_page(page, page.replace("harbour", "airport"))
    assert not page_address.same_raw_page(None, page)
    # The Article-with-metadata check keeps its name and is the only `same_page`.
    assert not hasattr(page_address, "same_page") and hasattr(storing, "same_page")
