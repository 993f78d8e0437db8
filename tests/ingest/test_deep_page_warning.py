"""A page of 100,000 nested divs is deep, not large: it warned "page too large for
main-text detection" (each left-out div had become a line break of its own, 100,000
elements) besides saying it is nested too deeply."""

from __future__ import annotations

from newsdesk.ingest.html_flatten import flatten
from newsdesk.ingest.loader import load_bytes

TEXT = "The council said on Monday the bridge would reopen in spring after repairs."


def test_a_deep_page_is_said_deep_and_its_text_read() -> None:
    page = (
        "<html><head><title>Bridge reopens in spring</title></head><body>"
        + "<div>" * 100_000
        + f"<p>{TEXT}</p>"
        + "</div>" * 100_000
        + "</body></html>"
    )
    result = load_bytes(page.encode(), "deep.html")
    assert result.error is None
    assert not any("too large" in w for w in result.warnings)
    assert any("nested deeper" in w for w in result.warnings)
    (item,) = result.items
    assert TEXT in item.body


def test_left_out_tags_with_no_text_between_make_one_line_break() -> None:
    flat = flatten("<div>" * 300 + "one" + "<div>" * 50 + "two" + "</div>" * 350)
    assert flat.count("<br>") == 2
    assert "one" in flat and "two" in flat
