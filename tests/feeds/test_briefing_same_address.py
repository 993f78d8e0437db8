"""A briefing page saved again under its canonical URL with other news is a new article
(a feed item under the same GUID and link: `test_briefing_next_day`). A correction of it
(the same news, a word changed) is still that article."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from tests.feeds.test_briefing_next_day import HEADLINE, MONDAY, SUNDAY, paragraphs

ADDRESS = "https://harbour.example/briefing"


def briefing_page(news: list[str]) -> str:
    text = "".join(f"<p>{p}</p>" for p in paragraphs(news))
    return (
        f'<html><head><title>{HEADLINE}</title><link rel="canonical" href="{ADDRESS}"></head>'
        f"<body><article><h1>{HEADLINE}</h1>{text}</article></body></html>"
    )


def corrected(news: list[str]) -> list[str]:
    return [news[0].replace("Gull Island", "Gull Rock"), *news[1:]]


def test_the_next_days_page_under_the_same_canonical_url_is_a_new_article(
    backend: str, tmp_path: Path
) -> None:
    days = {name: tmp_path / f"{name}.html" for name in ("sunday", "monday", "fixed")}
    days["sunday"].write_text(briefing_page(SUNDAY), encoding="utf-8")
    days["monday"].write_text(briefing_page(MONDAY), encoding="utf-8")
    days["fixed"].write_text(briefing_page(corrected(MONDAY)), encoding="utf-8")
    with Desk(resolve()) as desk:
        (sunday,) = desk.import_paths([days["sunday"]], log=False).imported_ids
        desk.star([sunday])
        monday_import = desk.import_paths([days["monday"]], log=False)
        assert (monday_import.imported, monday_import.duplicates) == (1, 0)
        (monday,) = monday_import.imported_ids
        kept = desk.get(sunday)
        assert kept is not None and "harbour budget" in kept.meta.body and kept.state.starred
        new = desk.get(monday)
        assert new is not None and "Gull Island" in new.meta.body
        # The same day's page corrected, and Sunday's page again: nothing new.
        again = desk.import_paths([days["fixed"], days["sunday"]], log=False)
        assert (again.imported, again.duplicates) == (0, 2)
        assert desk.count() == 2
