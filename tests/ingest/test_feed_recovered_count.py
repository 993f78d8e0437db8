"""A feed cut off inside an item says it recovered only the items it keeps."""

from __future__ import annotations

from newsdesk.ingest import load_bytes

WHOLE = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Ledger</title>'
    "<link>https://ledger.example/</link>"
    + "".join(
        f"<item><title>Story {n} of the day</title><link>https://ledger.example/{n}</link>"
        f"<description>Paragraph of story {n}, told in full here.</description></item>"
        for n in range(2)
    )
    + "</channel></rss>"
)


def test_a_feed_cut_inside_its_second_item_recovered_one() -> None:
    """It said "recovered 2 items", then "item 2: ... skipped": one was kept (now said as
    a feed cut short, with the complete items it read)."""
    cut = WHOLE[: WHOLE.rindex("told in full")]
    result = load_bytes(cut.encode(), "ledger.xml")
    assert [item.title for item in result.items] == ["Story 0 of the day"]
    (said,) = result.warnings
    assert said.startswith("feed cut short")
    assert said.endswith("read its first 1 complete item; the last, partial item left out")
