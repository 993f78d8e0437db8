"""`_signed` keeps each line's answer for a page's other headings: the same answers."""

from __future__ import annotations

from itertools import takewhile
from pathlib import Path

from newsdesk.extract import textbrowser as tb
from newsdesk.extract.byline import parse_byline
from newsdesk.extract.dates import date_line
from newsdesk.extract.lines import strip_list_mark

_SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


def _old_signed(lines: list[tuple[str, bool]], k: int) -> bool:
    after = lines[k + 1 : k + 1 + tb.SIGNED_LINES]
    near = [line.strip() for line, _ in after]
    near += [line.strip() for line, _ in lines[max(0, k - 2) : k]]
    if any(
        len(line) <= tb.DATE_LINE_CHARS
        and (date_line(line) is not None or parse_byline(line) is not None)
        for line in near
    ):
        return True
    own = takewhile(lambda entry: not entry[1], after)
    return any(
        len(line.strip()) <= tb.DATE_LINE_CHARS
        and tb.name_then_date(strip_list_mark(line)) is not None
        for line, _ in own
    )


def test_signed_with_its_memo_equals_the_fresh_test() -> None:
    texts = [p.read_text("utf-8") for p in sorted(_SAMPLES.rglob("*.txt"))]
    texts.append("Headline here\nBy Jane Doe\n\nHeadline here\nBy Jane Doe\nMore text\n" * 3)
    signed = 0
    for text in texts:
        lines = [(line, tb._heading_line(line)) for line in text.split("\n") if line.strip()]
        seen: dict[str, bool] = {}
        for k in range(len(lines)):
            expected = _old_signed(lines, k)
            signed += expected
            assert tb._signed(lines, k, seen) == expected, (k, lines[k])
    assert signed > 10
