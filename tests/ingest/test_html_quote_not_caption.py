"""A closing paragraph that is a quotation whole stays in the body, never a caption.

Its speaker is named in the paragraph before, so it carries no verb of saying; a source
line under it ("SOURCE: ...") looked like the credit under a photo caption.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.model import Extracted

PARAS = [
    "Marrowby's harbour board chose three firms on Monday to rebuild the old ferry pier, "
    "which has been closed since engineers found its timber pilings had rotted through.",
    "The contracts are worth up to 40 million pounds over five years, and the first work "
    "is due to start on the seaward end of the pier before the winter storms.",
    "“It is a long job, and a cold one,” said Ann Teller, who runs the smallest of the "
    "three firms, a family yard on the fish quay.",
    "“There are the big yards from the city, and there are small ones like ours. The small "
    "ones know the water here. We have worked this harbour for four generations.”",
]


def test_a_closing_paragraph_that_is_a_quotation_is_no_caption() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    page = (
        "<html><head><title>Three firms to rebuild ferry pier</title></head><body><article>"
        f"<h1>Three firms to rebuild ferry pier</h1><div class='body'>{paras}</div>"
        "<div class='source'><p>SOURCE: <span>Marrowby Gazette</span></p></div>"
        "</article></body></html>"
    ).encode()
    [item] = load_bytes(page, "pier.html").items
    assert "We have worked this harbour for four generations." in item.body
    assert not any("four generations" in caption for caption in item.captions)


@pytest.mark.realworld
def test_real_page_closing_quotation_stays_in_the_body(
    shared_item: Callable[[str], Extracted],
) -> None:
    item = shared_item("realworld/html/aljazeera-nasa-moon-landers.html.gz")
    assert item.body.rstrip().endswith("adds to the mix.”")
    assert not any("adds to the mix" in caption for caption in item.captions)
