"""Which report a text written again is: the text that differs decides, not standing
paragraphs both share (`same_report.retells`); a page is completed when the stored copy
was its start (`same_report.completes`)."""

from __future__ import annotations

from newsdesk.desk.same_report import completes, retells
from tests.feeds.test_briefing_next_day import GREETING, MONDAY, SIGN_OFF, SUNDAY, TIDES


def body(*news: str) -> str:
    return "\n\n".join([GREETING, *news, TIDES, SIGN_OFF])


def test_other_news_among_the_same_standing_paragraphs_is_another_report() -> None:
    assert not retells("Morning briefing", body(*SUNDAY), "Morning briefing", body(*MONDAY))


def test_a_correction_an_addition_a_cut_and_a_new_headline_are_the_same_report() -> None:
    fixed = MONDAY[0].replace("Gull Island", "Gull Rock")
    old = body(*MONDAY)
    assert retells("Morning briefing", old, "Morning briefing", body(fixed, MONDAY[1]))
    assert retells("Morning briefing", old, "Morning briefing", body(*MONDAY, SUNDAY[0]))
    assert retells("Morning briefing", old, "Morning briefing", body(MONDAY[0]))
    assert retells("Morning briefing", old, "Monday's briefing: boat found", old)
    # One text with nothing standing: the words of the whole decide, as before.
    assert retells(
        "Storm", "Winds of up to 110 km/h hit the coast.", "Storm", "Winds hit the coast."
    )
    assert not retells("Storm", "Winds of up to 110 km/h hit the coast.", "Storm", SUNDAY[0])


def test_a_page_is_completed_only_by_a_longer_copy_it_was_the_start_of() -> None:
    page = "<html><head><title>Harbour</title></head><body>" + "<p>The quay.</p>" * 40
    whole = page + "</body></html>"
    assert completes(page[:300] + "\ufffd", whole)
    assert not completes(whole, page[:300])  # cut short: not a completion
    assert not completes(whole, whole)
    assert not completes(page[:300], "<p>Another page.</p>" + whole)
    assert not completes("", whole) and not completes(page[:10], whole)  # too short to tell
