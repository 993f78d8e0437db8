"""A live blog's entry times stay at the start of their entries in the stored body."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes

ENTRIES = [
    ("11:20", "The harbour master says the first sailing after the strike left at eleven."),
    ("10:45", "Union officials and the operator have agreed to meet again on Monday morning."),
    ("09:30", "Good morning and welcome to our coverage of the dock strike on its third day."),
]


def _page(entries: str, after: str = "") -> bytes:
    return (
        "<html><head><meta charset='utf-8'><title>Dock strike: live</title></head><body>"
        "<h1>Dock strike: live updates as sailings resume</h1>"
        "<p class='byline'>By Tamsin Reyes, Ports reporter</p>"
        f"<div class='live-feed'>{entries}</div>{after}</body></html>"
    ).encode()


def _body(page: bytes) -> str:
    return load_bytes(page, "live.html").items[0].body


SHAPES = {
    "span beside the text": "<div class='entry'><span class='time'>{t}</span><p>{e}</p></div>",
    "time tag in the entry's header": (
        "<article class='post'><header><time datetime='2026-12-06T{t}'>{t}</time></header>"
        "<div class='post-body'><p>{e}</p></div></article>"
    ),
    "one after another in one box": "<span class='entry__timestamp'>{t}</span><p>{e}</p>",
    "a paragraph of its own": "<div class='block'><p class='block-time'>{t}</p><p>{e}</p></div>",
}


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_each_entry_keeps_its_time(shape: str) -> None:
    body = _body(_page("".join(shape.format(t=t, e=e) for t, e in ENTRIES)))
    lines = [line for line in body.splitlines() if line.strip()]
    assert lines == [f"{t} {e}" for t, e in ENTRIES]


def test_the_newest_entry_is_no_standfirst() -> None:
    shape = SHAPES["span beside the text"]
    item = load_bytes(_page("".join(shape.format(t=t, e=e) for t, e in ENTRIES)), "l.html")
    assert item.items[0].dek is None


@pytest.mark.parametrize(
    "shape",
    [
        "<div class='entry'><p>{e}</p><span class='time'>{t}</span></div>",
        "<p>{e}</p><span class='timestamp'>{t}</span>",
    ],
    ids=["own boxes", "one box"],
)
def test_a_time_after_its_entry_is_not_given_to_the_next(shape: str) -> None:
    body = _body(_page("".join(shape.format(t=t, e=e) for t, e in ENTRIES)))
    for (_, entry), (later_time, _) in zip(ENTRIES[1:], ENTRIES, strict=False):
        assert f"{later_time} {entry}" not in body


def test_times_of_comments_stay_out() -> None:
    story = "".join(f"<p>{e}</p>" for _, e in ENTRIES)
    comments = "<div class='comments'>" + "".join(
        f"<div class='comment'><span class='time'>1{n}:00</span><p>Reader {n} thinks the strike "
        "went on far too long.</p></div>"
        for n in range(3)
    )
    body = _body(_page(story, after=comments + "</div>"))
    assert not any(f"1{n}:00" in body for n in range(3))
    assert body.splitlines()[0] == ENTRIES[0][1]


def test_one_timed_paragraph_is_no_live_blog() -> None:
    first = "<div class='entry'><span class='time'>{t}</span><p>{e}</p></div>"
    rest = "".join(f"<p>{e}</p>" for _, e in ENTRIES[1:])
    body = _body(_page(first.format(t=ENTRIES[0][0], e=ENTRIES[0][1]) + rest))
    assert not body.startswith(ENTRIES[0][0])
