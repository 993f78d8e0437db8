"""A year alone (a copyright footer) never becomes a publication date of 1 January."""

from __future__ import annotations

from newsdesk.ingest import load_bytes

PAGE = """<html><head><title>Orchard open day</title></head><body><article>
<h1>Orchard open day draws record crowd to the valley</h1>
<p>More than two thousand visitors came to the orchard open day on Saturday, the growers'
association said, the most since the event began.</p>
<p>Stalls sold cider, apple juice and pies until the early evening, and a brass band played.</p>
</article><footer>© 2026 Valley Growers Gazette</footer></body></html>"""


def test_a_copyright_year_gives_no_date() -> None:
    item = load_bytes(PAGE.encode(), "orchard.html").items[0]
    assert item.published is None
