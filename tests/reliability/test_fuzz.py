"""Property-based fuzzing of the text-page extractor and the query language.

Runs a few thousand cases in CI; set NEWSDESK_FUZZ_EXAMPLES (a multiplier of
the per-test counts below) for a longer run, e.g. NEWSDESK_FUZZ_EXAMPLES=20.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.desk import Desk
from newsdesk.extract import extract_page
from newsdesk.model import Extracted
from newsdesk.paths import resolve
from newsdesk.sanitize import clean_text
from newsdesk.search.query import QuerySyntaxError, parse

SCALE = max(1, int(os.environ.get("NEWSDESK_FUZZ_EXAMPLES", "1")))
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        derandomize=os.environ.get("NEWSDESK_FUZZ_RANDOM") != "1",
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


# -- the query language --------------------------------------------------------------

query_atoms = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "harbour",
            "strike",
            "AND",
            "OR",
            "NOT",
            "-",
            "(",
            ")",
            '"',
            "*",
            "is:starred",
            "is:unread",
            "is:",
            "in:all",
            "in:archive",
            "tag:",
            "tag:x*",
            "tag:*",
            "published:",
            "published:-7d",
            "published:2026-11",
            "date:2026-01-01..2026-12-31",
            "before:yesterday",
            "after:0000-01-01",
            "after:9999-12-31",
            "published:-99999999d",
            "lang:en",
            "id:",
            "id:abc123",
            "related:",
            "related:abcdef1234567890",
            "like:x",
            'author:"Jane Roe"',
            "title:(a OR b)",
            "source:",
            "place:Gdańsk",
            "person:",
            "foo:bar",
            ":",
            "::",
            "\\",
            "\x00",
            "\x1b[31m",
            "[bold]",
            "NOT NOT",
            "((((",
            "))))",
            '""',
            "-(a)",
            "a*b*c",
            "*" * 50,
            "x" * 300,
            "ß",
            "İ",
            "ﬁ",
            "東京",
            "🇺🇦",
        ]
    ),
)
queries = st.builds(" ".join, st.lists(query_atoms, max_size=14))


@fuzz(1500)
@given(text=st.one_of(queries, st.text(max_size=200)))
def test_query_parse_answers_or_explains(text: str) -> None:
    try:
        parsed = parse(text, now=NOW)
    except QuerySyntaxError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        return
    assert parsed.root is not None or not parsed.terms
    assert all(isinstance(t, str) for t in parsed.terms)
    assert all(isinstance(w, str) and "\n" not in w for w in parsed.warnings)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory, _populated_template: Path) -> Iterator[Desk]:
    data = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(_populated_template, data)
    with Desk(resolve(data)) as opened:
        opened.sync_index()
        yield opened


@fuzz(400)
@given(text=queries, sort=st.sampled_from(["relevance", "newest"]))
def test_search_answers_or_explains(desk: Desk, text: str, sort: str) -> None:
    try:
        result = desk.search(text, sort="newest" if sort == "newest" else "relevance", now=NOW)
    except QuerySyntaxError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    ids = result.ids
    assert len(ids) == len(set(ids))
    assert set(ids) <= set(desk.store.ordered_ids())
    assert result.total >= len(ids)
    assert not desk.index.damaged
