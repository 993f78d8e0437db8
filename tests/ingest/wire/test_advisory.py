"""Wire advisories: their words are no entities, a headline a notice names is no quote."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.ingest import load_bytes
from newsdesk.ingest.wire.advisory import is_advisory_word
from newsdesk.paths import resolve
from tests.reliability.helpers import main_in_process
from tests.wire.nitf import nitf_item

GUID = "urn:kwa:2026:tram-vote"


def _nitf(version: int, status: str, headline: str, body: str) -> bytes:
    """A fictional NITF item of the Kestrel Wire Agency."""
    return nitf_item(
        version, status, headline, body, guid=GUID, dateline="ODDBY, Dec 7 (Kestrel Wire)"
    ).encode()


STORY = _nitf(
    1,
    "usable",
    "Oddby council backs tram line to the harbour",
    "<p>Oddby's council voted to build a tram line to the harbour, officials said.</p>"
    '<p>"This line will change the city," said mayor Henrike Dahl.</p>',
)
KILL = _nitf(
    2,
    "withdrawn",
    "KILL - Oddby tram story",
    '<p>KILL. Editors: the story headlined "Oddby council backs tram line" is withdrawn. '
    "The vote was misreported. Do not use.</p>",
)
ELIMINATION = _nitf(
    2,
    "usable",
    "ELIMINATION - Oddby tram story",
    "<p>ELIMINATION. EDITORS: please eliminate the story slugged ODDBY-TRAM and headlined "
    '"Oddby council backs tram line". A MANDATORY KILL is not required.</p>',
)
CORRECTED = _nitf(
    2,
    "usable",
    "CORRECTED-Oddby council backs tram line to the harbour",
    '<p>In a story headlined "Oddby backs harbour tram" please read 31 votes, not 13.</p>'
    '<p>"This line will change the city," said mayor Henrike Dahl.</p>',
)


def test_advisory_words_are_no_names() -> None:
    assert is_advisory_word("KILL") and is_advisory_word("MANDATORY KILL")
    assert is_advisory_word("Editors") and is_advisory_word("ELIMINATION")
    assert not is_advisory_word("Kill Devil Hills") and not is_advisory_word("NATO")


def test_a_kill_notice_has_no_kill_organisation_and_no_headline_quote() -> None:
    (meta,) = load_bytes(KILL, "kill.xml").items
    names = meta.people + meta.organizations + meta.places
    assert "KILL" not in names and "Editors" not in names
    assert "KILL" not in meta.mention_counts
    assert meta.quotes == []
    assert "Oddby" in meta.places  # what it is about is still found


def test_an_elimination_names_no_quote_and_no_advisory_entity() -> None:
    (meta,) = load_bytes(ELIMINATION, "elim.xml").items
    names = meta.people + meta.organizations + meta.places
    assert not any(is_advisory_word(n) for n in names)
    assert meta.quotes == []


def test_a_correction_keeps_its_real_quote_but_not_the_headline_it_names() -> None:
    (meta,) = load_bytes(CORRECTED, "corr.xml").items
    assert [q.text.rstrip(",") for q in meta.quotes] == ["This line will change the city"]
    assert meta.quotes[0].speaker == "Henrike Dahl"


def test_show_and_diff_of_the_kill_list_no_kill_organisation(tmp_path: Path) -> None:
    (tmp_path / "story.xml").write_bytes(STORY)
    (tmp_path / "kill.xml").write_bytes(KILL)
    with Desk(resolve()) as desk:
        story = desk.import_paths([tmp_path / "story.xml"]).imported_ids[0]
        kill = desk.import_paths([tmp_path / "kill.xml"]).imported_ids[0]
    code, out, _ = main_in_process(["show", kill])
    assert code == 0
    assert "KILL" not in out.split("status:")[0].replace("KILL - Oddby", "")
    assert "unattributed" not in out
    code, out, _ = main_in_process(["diff", story, kill, "--json"])
    assert code == 0
    only_in_kill = json.loads(out)["only_in_b"]
    assert "KILL" not in json.dumps(only_in_kill)
