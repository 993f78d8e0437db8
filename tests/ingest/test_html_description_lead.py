"""A page's description that repeats the start of its text is no standfirst."""

from __future__ import annotations

from newsdesk.ingest import load_bytes

LEAD = (
    "Police arrested six people on Monday during an investigation into drug dealing at a "
    "house near the harbour, the county force said in a statement on Tuesday."
)
MORE = (
    "<p>Officers stopped a car near the quay and later searched the house, where they found "
    "cash, scales and several phones, a spokesman for the force said.</p>"
    "<p>Four of the six were released on bail pending further inquiries, and two were "
    "charged and will appear before magistrates in Marrowby on Thursday.</p>"
)


def test_a_description_of_the_staff_line_and_lead_is_no_standfirst() -> None:
    # The text opens with a line of its own (a byline naming no one, which the header takes
    # out of the body) that the description runs into the lead: the same words, spaced otherwise.
    html = (
        "<html><head><title>Six arrested in drug inquiry</title>"
        f'<meta name="description" content="Staff Reports {LEAD}"></head><body><article>'
        f"<h1>Six arrested in drug inquiry</h1><p>Staff Reports</p><p>{LEAD}</p>{MORE}"
        "</article></body></html>"
    ).encode()
    article = load_bytes(html, "arrests.html").items[0]
    assert article.dek is None
    assert article.body.startswith("Police arrested six people")
