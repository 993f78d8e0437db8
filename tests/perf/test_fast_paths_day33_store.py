"""Day 33: the importing process's own share of storing an article, cheaper and exact
(the stamp's text built once a second, the meta column serialised without copies).
Figures in docs/performance.md ("Day 33: the importing process")."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk import isodates
from newsdesk.model import Extracted, Link, Quote
from newsdesk.store.article_sql import meta_column


@pytest.mark.parametrize(
    "clock", [1_700_000_000.0, 1_700_000_000.999_999, 86_399.5, 951_782_400.25]
)
def test_a_stamp_is_the_clock_to_the_second_in_utc(
    monkeypatch: pytest.MonkeyPatch, clock: float
) -> None:
    monkeypatch.setattr(isodates.time, "time", lambda: clock)
    expected = datetime.fromtimestamp(clock, UTC).replace(microsecond=0).isoformat()
    assert isodates.utc_now_iso() == expected


def test_stamps_follow_the_clock_into_the_next_second(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1_800_000_000.2]
    monkeypatch.setattr(isodates.time, "time", lambda: now[0])
    first = isodates.utc_now_iso()
    now[0] = 1_800_000_000.9
    # The same second: the same text, built once.
    assert isodates.utc_now_iso() is first
    now[0] = 1_800_000_001.0
    assert isodates.utc_now_iso() == "2027-01-15T08:00:01+00:00"
    assert first == "2027-01-15T08:00:00+00:00"


def test_the_stamp_without_a_faked_clock_is_now() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    stamp = datetime.fromisoformat(isodates.utc_now_iso())
    after = datetime.now(UTC).replace(microsecond=0)
    assert before <= stamp <= after


def _old_meta_column(meta: Extracted) -> str:
    stored = meta.to_dict()
    stored.pop("body", None)
    return json.dumps(stored, ensure_ascii=False)


def test_the_meta_column_is_what_to_dict_less_the_body_gave_and_shares_no_copy() -> None:
    meta = Extracted(
        title="Über den Fluss",
        authors=["A. Writer", "B. Writer"],
        people=["Ana Díaz"],
        mention_counts={"Ana Díaz": 3},
        quotes=[Quote(text="We will build it.", speaker="Ana Díaz")],
        links=[Link(title="Plan", url="https://example.org/plan")],
        body="The body stays out of the meta column.",
        tags=["river"],
        starred=True,
        urgency=3,
    )
    assert meta_column(meta) == _old_meta_column(meta)
    assert "body" not in json.loads(meta_column(meta))
    fields = meta.stored_fields()
    assert fields["authors"] is meta.authors  # serialised at once: nothing to copy
    # `to_dict` still hands out copies a caller may change.
    copied = meta.to_dict()
    copied["authors"].append("C. Writer")
    copied["mention_counts"]["x"] = 1
    assert meta.authors == ["A. Writer", "B. Writer"]
    assert meta.mention_counts == {"Ana Díaz": 3}
    assert copied["body"] == meta.body


def test_the_meta_column_of_the_sample_data_is_unchanged() -> None:
    from newsdesk.ingest.loader import load_file

    sample = Path(__file__).resolve().parents[2] / "sample_data"
    files = sorted(p for p in sample.rglob("*") if p.is_file())
    if not files:
        pytest.skip("no sample_data")
    seen = 0
    for path in files:
        for meta in load_file(path).items:
            assert meta_column(meta) == _old_meta_column(meta)
            seen += 1
    assert seen
