"""Property-based fuzzing of the text-page extractor (the query language's is in
tests/search/test_fuzz.py).

Runs several hundred cases in CI; set NEWSDESK_FUZZ_EXAMPLES (a multiplier of
the per-test counts below) for a longer run, e.g. NEWSDESK_FUZZ_EXAMPLES=20.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.extract import extract_page
from newsdesk.model import Extracted
from newsdesk.sanitize import clean_text

SCALE = max(1, int(os.environ.get("NEWSDESK_FUZZ_EXAMPLES", "1")))
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


# -- the extractor -------------------------------------------------------------------

#: Lines shaped like the parts of a news page, so the extractor's branches are reached.
page_lines = st.one_of(
    st.text(min_size=0, max_size=120),
    st.sampled_from(
        [
            "",
            "Home » World » Europe",
            "By Jane Roe and John Doe",
            "By JANE ROE, Reuters",
            "November 18, 2026",
            "Updated 3 hours ago",
            "18/11/2026 14:05 GMT",
            "Photo: AP",
            "GDANSK, Poland — Dockworkers stayed off the quays.",
            "(Reuters) - The council said.",
            '"We will not go back," said Ewa Nowak, chair of the union.',
            "Related stories",
            "© 2026 Baltic Morning. All rights reserved.",
            "Share this article",
            "Advertisement",
            "Read more:",
            "- a list item",
            "# Heading",
            "Edited by Sam Poe",
            "Follow us on X",
            "Tags: harbour, strike",
            "—",
            "...",
            "1.",
            "\u202eevil",
            "ا لمجلس",
            "東京 —",
        ]
    ),
    st.builds(
        lambda w: " ".join(w),
        st.lists(
            st.sampled_from(
                [
                    "the",
                    "harbour",
                    "Council",
                    "said",
                    "on",
                    "Tuesday",
                    "“",
                    "”",
                    "—",
                    "By",
                    "in",
                    "Ms.",
                    "Dr.",
                    "U.S.",
                    "2026",
                    "percent",
                    '"',
                    "'",
                    ",",
                    ".",
                ]
            ),
            max_size=40,
        ),
    ),
)
pages = st.builds("\n".join, st.lists(page_lines, max_size=40))


@fuzz(600)
@given(text=st.one_of(pages, st.text(max_size=3000)))
def test_extract_page_never_fails_and_returns_text(text: str) -> None:
    meta = extract_page(clean_text(text))
    assert isinstance(meta, Extracted)
    assert isinstance(meta.title, str) and isinstance(meta.body, str)
    assert meta.word_count >= 0
    assert all(isinstance(a, str) and a for a in meta.authors)
    for quote in meta.quotes:
        assert isinstance(quote.text, str)


@fuzz(150)
@given(
    text=pages,
    hints=st.builds(Extracted, title=st.text(max_size=80), source=st.none() | st.text(max_size=30)),
)
def test_extract_page_with_hints_never_fails(text: str, hints: Extracted) -> None:
    meta = extract_page(clean_text(text), hints)
    assert isinstance(meta.title, str)
