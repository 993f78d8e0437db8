"""Related-link entries become Link objects."""

from __future__ import annotations

from newsdesk.extract.links import MAX_LINKS, add_link, link_from_line
from newsdesk.model import Link


def test_link_shapes() -> None:
    assert link_from_line("- Ferry fares to rise in April") == Link("Ferry fares to rise in April")
    assert link_from_line("2. Council approves new bus lanes") == Link(
        "Council approves new bus lanes"
    )
    assert link_from_line("[Ferry fares](https://example.org/fares)") == Link(
        "Ferry fares", "https://example.org/fares"
    )
    assert link_from_line("Ferry fares to rise https://example.org/f") == Link(
        "Ferry fares to rise", "https://example.org/f"
    )
    assert link_from_line("- ") is None


def test_add_link_dedupes_and_caps() -> None:
    links: list[Link] = []
    for n in range(MAX_LINKS + 10):
        add_link(links, f"- Story number {n}")
        add_link(links, f"- Story number {n}")
    assert len(links) == MAX_LINKS
