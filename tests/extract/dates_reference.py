"""`find_dates` as it was before its fast paths: the reference the speed-ups are checked
against (same dates, same spans, for any text)."""

from __future__ import annotations

from newsdesk.extract import dates


def old_find_dates(text: str) -> list[dates.DateMatch]:
    text = text[:4000]
    if not dates._DIGIT.search(text):
        return []
    found: list[dates.DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern, build, _ in dates._FINDERS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            iso = build(m)
            if iso:
                found.append(dates.DateMatch(iso, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found
