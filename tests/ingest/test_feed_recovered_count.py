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
    """It said "recovered 2 items", then "item 2: ... skipped": one was kept."""
    cut = WHOLE[: WHOLE.rindex("told in full")]
    result = load_bytes(cut.encode(), "ledger.xml")
    assert [item.title for item in result.items] == ["Story 0 of the day"]
    recovered = [w for w in result.warnings if "recovered" in w]
    assert len(recovered) == 1 and recovered[0].endswith("recovered 1 item")
    assert any("item 2: cut off where the document ends; skipped" in w for w in result.warnings)
