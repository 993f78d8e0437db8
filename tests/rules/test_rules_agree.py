"""A rule matched in memory finds exactly what a search of its query finds (issue 18 item 3).

Every rule here runs both ways, in memory over each article and as a Whoosh
search, over the sample queue and the real-world corpus, and the two agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from newsdesk.rules.matcher import Analysis, Facts, compile_query

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"

#: The searches run to the end: a search cut short by the clock (a loaded machine)
#: returns fewer matches than the rule in memory finds.
pytestmark = pytest.mark.usefixtures("no_search_time_limit")

#: Words, phrases, prefixes, fields, names, dates, negation, is:, wire fields.
RULES = (
    "strike",
    "strikes",
    '"power cuts"',
    "storm OR flood",
    "port* -strike",
    "investigat*",
    "title:budget",
    "headline:(court ruling)",
    "source:tidewater",
    "by:carvalho",
    'person:"rui valente"',
    "place:nairobi",
    "org:parliament",
    "dateline:lisbon",
    "lang:en",
    "published:2026-11-19",
    "published:>=2026-11-20 volcano",
    "korea's",
    "the strike",
    "is:unread -is:starred lithium",
    "urgency:<=3",
    "is:urgent OR is:killed",
    "slug:storm",
    "subject:weather",
    "is:embargoed",
    "is:corrected",
    "tag:nothing-yet OR chile",
    "id:6",
    "2027",
    "covid-19",
    # Compounds joined and by their parts, one-letter pieces never alone, names unstemmed.
    "AT&T",
    "won't",
    "o'bri*",
    "al-ass*",
    "ceasefire",
    '"cease-fire talks"',
    "non-profit",
    "vaccine",
    "harry",
    '"prime minister"',
)


def _load(desk: Desk, folders: list[Path]) -> None:
    """Read the files in this process and store them (the import's worker pool
    would cost more than the check itself)."""
    from newsdesk.ingest import iter_input_files, load_file

    for path in iter_input_files(folders):
        result = load_file(path)
        if result.items:
            desk.add_extracted(result.items, str(path))


def _both_ways(desk: Desk) -> dict[str, tuple[set[str], set[str]]]:
    desk.sync_index()
    articles = desk.get_many(desk.search("in:all", sort="newest").ids)
    assert articles
    # Every stored article is in the index before any search is compared.
    status = desk.index_status()
    assert status.pending == 0 and status.total_docs == status.store_docs, status
    analysis = Analysis()
    facts = [Facts(a, analysis) for a in articles]
    out: dict[str, tuple[set[str], set[str]]] = {}
    for query in RULES:
        predicate = compile_query(query, analysis)
        in_memory = {f.article.id for f in facts if predicate(f)}
        result = desk.search(f"in:all ({query})", limit=None)
        assert not result.partial, (query, result.notice)
        out[query] = (in_memory, set(result.ids))
    return out


def _check(results: dict[str, tuple[set[str], set[str]]], matching: int) -> None:
    differ = {q: (sorted(a - b)[:3], sorted(b - a)[:3]) for q, (a, b) in results.items() if a != b}
    assert differ == {}
    # The rules are not vacuous: enough of them match something (the list is
    # written for the sample queue).
    assert sum(bool(a) for a, _ in results.values()) >= matching


def test_rules_agree_with_search_on_the_sample_queue() -> None:
    with Desk(resolve()) as desk:
        _load(desk, [SAMPLE_DATA])
        _check(_both_ways(desk), matching=len(RULES) * 2 // 3)


@pytest.mark.realworld
def test_rules_agree_with_search_on_real_pages_and_feeds(shared_dir: Path) -> None:
    with Desk(resolve()) as desk:
        _load(desk, [shared_dir / "realworld" / "text", shared_dir / "realworld" / "feeds"])
        _check(_both_ways(desk), matching=12)
