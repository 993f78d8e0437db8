"""Wire copy as plain text: its dateline dates it, its credit line signs it, and a lead
paragraph is never taken whole for the headline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsdesk.extract.headline import headline_from_lead
from newsdesk.extract.tail import credited_reporters
from newsdesk.ingest import load_bytes

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def test_a_dateline_without_a_year_dates_the_story_and_the_credit_signs_it() -> None:
    day = datetime.now(UTC).date() - timedelta(days=1)
    text = (
        "Glacier railway reopens after rockfall\n\n"
        f"ALPENDORF, {_MONTHS[day.month - 1]} {day.day} (Northern Wire Service) - The glacier "
        "railway carried passengers again on Friday after crews cleared the line, the operator "
        "said.\n\n"
        '"The track is safe," engineer Lise Brand said.\n\n'
        "(Reporting by Ivo Marek; Editing by Ruth Sand)\n"
    )
    item = load_bytes(text.encode(), "wire.txt").items[0]
    assert item.title == "Glacier railway reopens after rockfall"
    assert (item.published or "")[:10] == day.isoformat()
    assert item.authors == ["Ivo Marek"]


def test_a_dateline_day_later_than_tomorrow_is_last_years() -> None:
    day = datetime.now(UTC).date() + timedelta(days=3)
    text = (
        "Harbour crane inquiry opens\n\n"
        f"PORTSEA, {_MONTHS[day.month - 1]} {day.day} (Northern Wire Service) - An inquiry into "
        "the collapse of a harbour crane opened on Monday, the port said.\n\n"
        "Four workers were hurt in the collapse, the port said in a statement.\n"
    )
    published = load_bytes(text.encode(), "wire.txt").items[0].published or ""
    assert published[:4] == str(day.year - 1) or published[:10] < day.isoformat()
    assert published[:10] <= (datetime.now(UTC).date() + timedelta(days=1)).isoformat()


def test_editors_in_the_credit_line_are_not_authors() -> None:
    assert credited_reporters(["Reporting by Ivo Marek in Alpendorf; Editing by Ruth Sand"]) == [
        "Ivo Marek"
    ]
    assert credited_reporters(["Editing by Ruth Sand"]) == []
    assert credited_reporters(["Additional reporting by Ivo Marek"]) == []


def test_wire_copy_without_a_headline_keeps_its_lead_in_the_body() -> None:
    lead = (
        "ALPENDORF, March 3 (Northern Wire Service) - Crews closed the glacier railway on "
        "Tuesday after a rockfall buried a stretch of track near the summit, injuring two "
        "workers, the operator said."
    )
    text = f"{lead}\n\n" + '"We will reopen within a week," engineer Lise Brand said.\n\n'
    text += "The operator said 400 passengers a day use the line in winter.\n"
    item = load_bytes(text.encode(), "wire.txt").items[0]
    assert len(item.title) <= 120
    assert item.title.startswith("Crews closed the glacier railway on Tuesday")
    assert item.body.startswith(lead)


def test_a_headline_is_made_from_a_long_lead_only() -> None:
    assert headline_from_lead("Glacier railway reopens after rockfall") is None
    made = headline_from_lead("Crews closed the railway on Tuesday. " * 5)
    assert made == "Crews closed the railway on Tuesday."


def test_wire_copy_wrapped_at_69_columns_gives_its_first_sentence_as_headline() -> None:
    lead = (
        "SALTHAVEN, March 3 (Northern Wire Service) - Salthaven's port authority\n"
        "doubled its mooring fees for cruise ships on Tuesday, the second rise\n"
        "in a year, to pay for a new breakwater.\n"
    )
    text = lead + "\nCruise lines said the rise would cost them millions a season.\n"
    item = load_bytes(text.encode(), "wrapped.txt").items[0]
    # The sentence, cut at its last clause within the headline's length.
    assert item.title == (
        "Salthaven's port authority doubled its mooring fees for cruise ships on Tuesday, "
        "the second rise in a year"
    )
    assert item.body.startswith("SALTHAVEN, March 3 (Northern Wire Service) - Salthaven's")
