"""Whatever the bytes, the importers return a LoadResult and never raise."""

from __future__ import annotations

import gzip
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.ingest import LoadResult, load_bytes

NAMES = [
    "a.txt",
    "a.html",
    "a.html.gz",
    "a.xml",
    "a.rss",
    "a.md",
    "a.jsonl",
    "a.json",
    "noext",
    "a.bin",
]
PREFIXES = [
    b"",
    b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>",
    b"<!DOCTYPE html><html><head><title>",
    b"---\ntitle: ",
    b'{"title": "',
    b"[",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x1f\x8b",
]

_texts = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]),
    max_size=400,
).map(lambda t: t.encode("utf-8"))


@settings(
    max_examples=int(os.environ.get("NEWSDESK_FUZZ_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    prefix=st.sampled_from(PREFIXES),
    payload=st.one_of(st.binary(max_size=400), _texts),
    name=st.sampled_from(NAMES),
    compress=st.booleans(),
)
def test_load_bytes_never_raises(prefix: bytes, payload: bytes, name: str, compress: bool) -> None:
    data = prefix + payload
    if compress:
        data = gzip.compress(data)
    result = load_bytes(data, name)
    assert isinstance(result, LoadResult)
    # Either a reason or at least one article, never both and never neither.
    assert (result.error is None) == bool(result.items)
    for item in result.items:
        for value in (item.title, item.body, item.dek or "", item.source or ""):
            assert "\x1b" not in value
            assert "\x00" not in value
