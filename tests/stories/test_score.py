"""The score's rules: template guard, time decay, lede feature, story score, old rows."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from newsdesk.isodates import iso_to_ts
from newsdesk.model import Extracted
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.stories import score as scoring
from newsdesk.stories.feed_subject import without_names
from newsdesk.stories.grouping import StoryGrouper, story_score
from newsdesk.stories.signature import Signature, compute

from .articles import HOUR, QUARRY_LOCAL, QUARRY_WIRE, T0

_ALERT = (
    "Orvane Labs Inc. (NASDAQ:ORVL) {role} {person} sold {shares} shares of the firm's stock "
    "in a transaction dated {date}. The shares were sold at an average price of ${price}, "
    "for a total transaction of ${total}. Following the completion of the sale, the insider "
    "now directly owns {owned} shares of the company's stock.\n\n"
    "Orvane Labs stock opened at $52.10 on Friday. The company has a market capitalization "
    "of $3.4 billion and a price-to-earnings ratio of 41.2. The firm's fifty day moving "
    "average is $50.35. Institutional investors own 64.8% of the company's stock, and "
    "analysts expect the company to post 1.12 earnings per share for the current year."
)


def _alert(role: str, person: str, shares: str, price: str, total: str, owned: str) -> Extracted:
    body = _ALERT.format(
        role=role,
        person=person,
        shares=shares,
        date="Tuesday",
        price=price,
        total=total,
        owned=owned,
    )
    return Extracted(title=f"Orvane Labs (NASDAQ:ORVL) {role} Sells {shares} Shares", body=body)


CFO_SALE = _alert("CFO", "Mara Quist", "12,500", "52.40", "655,000", "88,410")
CEO_SALE = _alert("CEO", "Daniel Roe", "30,000", "51.95", "1,558,500", "412,775")


def test_template_alerts_about_other_trades_are_different_events() -> None:
    f = scoring.features(compute(CFO_SALE), compute(CEO_SALE), T0, T0 + 30 * HOUR)
    assert f.shingles >= scoring.SYNDICATED or f.title >= scoring.TEMPLATE_TITLE
    assert f.template_clash
    assert scoring.score(f) == 0.0


def test_a_copy_of_the_same_alert_is_still_a_copy() -> None:
    copy = Extracted(title=CFO_SALE.title, body=CFO_SALE.body + "\n\nShare this article.")
    f = scoring.features(compute(CFO_SALE), compute(copy), T0, T0 + HOUR)
    assert not f.template_clash
    assert scoring.score(f) == 1.0


def test_template_alerts_go_to_separate_stories() -> None:
    conn = sqlite3.connect(":memory:")
    create_tables(conn)
    grouper = StoryGrouper(SqliteStoryTables(conn))
    assert grouper.assign("cfo", CFO_SALE, T0) == "s-cfo"
    assert grouper.assign("ceo", CEO_SALE, T0 + 30 * HOUR) == "s-ceo"


_INSIDER = Extracted(
    title="Brightloaf (LSE:BRL) Insider Ana Ruiz Sells 1500 Shares",
    source="harbourledger.example",
    body=(
        "Brightloaf (LSE:BRL) insider Ana Ruiz sold 1,500 shares of the stock in a transaction "
        "on Friday, July 5th. The shares were sold at an average price of 41.20, for a total "
        "value of 61,800.\n\n"
        "Brightloaf stock opened at 40.85 on Wednesday. The firm has a market capitalization "
        "of 2.1 billion and a price-to-earnings ratio of 18.4."
    ),
)
_DIRECTOR = Extracted(
    title="Brightloaf (LSE:BRL) Director Sells $3,965,544.33 in Stock",
    source="quaysidemarkets.example",
    body=(
        "Brightloaf (LSE:BRL) Director Tomas Pell sold 96,250 shares of the firm's stock in a "
        "transaction that occurred on Thursday, June 20th, for a total of 3,965,544.33.\n\n"
        "Shares of Brightloaf opened at 40.85 on Wednesday. The company has a market "
        "capitalization of 2.1 billion."
    ),
)


def test_two_alerts_of_one_template_with_other_figures_up_top_are_two_stories() -> None:
    """Alerts about one company from two sites: the company, the template's words and
    the day's share price further down are shared; the person and the amounts up top
    are not (the real Google Alerts feed's insider trades scored 0.30-0.31)."""
    f = scoring.features(compute(_INSIDER), compute(_DIRECTOR), T0, T0 + 5 * HOUR)
    assert f.openings_apart and f.names_shared <= 1
    assert f.tfidf > 0.5 and f.figures > 0  # alike in every other way
    assert scoring.score(f) == 0.0
    # Two reports of one event share names besides the company: never taken for this.
    same = scoring.features(compute(QUARRY_WIRE), compute(QUARRY_LOCAL), T0, T0 + HOUR)
    assert not scoring.one_template_two_reports(same)
    assert scoring.score(same) >= scoring.THRESHOLD


def test_an_undated_pair_is_taken_as_half_the_window_apart() -> None:
    """Not as if written the same hour: two undated pieces on one country's diplomacy
    (the seeds' South Korea pair) scored like same-hour rewrites and were one story."""
    a, b = compute(QUARRY_WIRE), compute(QUARRY_LOCAL)
    undated = scoring.score(scoring.features(a, b, None, T0))
    half = scoring.score(scoring.features(a, b, T0, T0 + scoring.WINDOW_HOURS / 2 * HOUR))
    same_hour = scoring.score(scoring.features(a, b, T0, T0))
    assert undated == pytest.approx(half) and undated < same_hour
    assert undated >= scoring.THRESHOLD  # a strong pair still joins undated
    assert scoring.reaches(a, b, None, T0) == (undated >= scoring.THRESHOLD)
    copy = Extracted(title=CFO_SALE.title, body=CFO_SALE.body + "\n\nShare this article.")
    assert scoring.score(scoring.features(compute(CFO_SALE), compute(copy), None, None)) == 1.0


def test_the_same_pair_scores_less_the_further_apart_it_was_published() -> None:
    a, b = compute(QUARRY_WIRE), compute(QUARRY_LOCAL)
    near = scoring.score(scoring.features(a, b, T0, T0 + HOUR))
    far = scoring.score(scoring.features(a, b, T0, T0 + 72 * HOUR))
    undated = scoring.score(scoring.features(a, b, None, None))  # half the window apart
    assert near > undated > far
    gap = 72 / scoring.WINDOW_HOURS - scoring.UNDATED_GAP
    assert abs((undated - far) - scoring.DECAY * gap) < 1e-9


def test_lede_overlap_is_measured_and_missing_without_words() -> None:
    f = scoring.features(compute(QUARRY_WIRE), compute(QUARRY_LOCAL), T0, T0)
    assert 0.0 < f.lede < 1.0
    empty = scoring.features(compute(QUARRY_WIRE), compute(Extracted()), T0, T0)
    assert "lede" in empty.missing


def test_story_score_is_pulled_down_by_members_that_do_not_match() -> None:
    assert story_score([0.3]) == 0.3
    assert story_score([0.25, 0.05, 0.05]) < scoring.THRESHOLD < 0.25


def test_rows_stored_before_the_lede_columns_keep_working() -> None:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE story_member (member_id INTEGER PRIMARY KEY, article_id TEXT NOT NULL "
        "UNIQUE, story_id TEXT NOT NULL, ts REAL, version INTEGER NOT NULL, shingles BLOB "
        "NOT NULL, names BLOB NOT NULL, name_counts BLOB NOT NULL, figures BLOB NOT NULL, "
        "title BLOB NOT NULL)"
    )
    create_tables(db)
    grouper = StoryGrouper(SqliteStoryTables(db))
    grouper.assign("a1", QUARRY_WIRE, T0)
    # Simulate a version-1 row: no lede, no lede figures.
    db.execute("UPDATE story_member SET lede = x'', lede_figures = x''")
    assert grouper.assign("a2", QUARRY_LOCAL, T0 + 3 * HOUR) == "s-a1"


def test_tfidf_weighs_rare_shared_words_above_common_ones() -> None:
    base = Extracted(title="Varnholm ferry fire", body="The ferry caught fire near Varnholm.")
    rare = Extracted(title="Varnholm blaze", body="A blaze broke out near Varnholm harbour.")
    common = Extracted(title="Ferry fire", body="The ferry caught fire near the coast.")
    a, b, c = compute(base), compute(rare), compute(common)
    assert 0.0 < scoring.tfidf(a, b) < 1.0
    assert scoring.tfidf(a, a) == pytest.approx(1.0)
    # One rare place name against three common words: counted plainly it is worth
    # half as much; weighted by rarity, nearly as much.
    plain = scoring.smoothed_ochiai(a.lede_set, b.lede_set) / scoring.smoothed_ochiai(
        a.lede_set, c.lede_set
    )
    assert plain == pytest.approx(0.5)
    assert scoring.tfidf(a, b) / scoring.tfidf(a, c) > 0.8
    empty = scoring.features(a, compute(Extracted()), T0, T0)
    assert "tfidf" in empty.missing


def test_may_be_copy_never_drops_a_copy() -> None:
    """The cheap check before `features` says no only where `is_copy` says no."""
    bodies = [QUARRY_LOCAL.body, QUARRY_WIRE.body]
    metas = [
        Extracted(title=t, body=b)
        for t in ("Quarry blast shakes town", "Quarry blast shakes the town", "")
        for b in bodies
    ]
    sigs = [compute(m) for m in metas]
    seen_copy = False
    for a in sigs:
        for b in sigs:
            for gap in (0.0, 3 * HOUR, 8 * 24 * HOUR):
                copy = scoring.is_copy(scoring.features(a, b, T0, T0 + gap))
                seen_copy = seen_copy or copy
                if not scoring.may_be_copy(a, b, T0, T0 + gap):
                    assert not copy
                if not scoring.may_be_copy(a, b, None, T0):
                    assert not scoring.is_copy(scoring.features(a, b, None, T0))
    assert seen_copy


def test_a_copy_that_keeps_only_some_of_the_pages_figures_is_still_a_copy() -> None:
    """A text copy of a page drops its sidebars and their figures; every figure it
    keeps is the page's. Another article under the same headline has figures of its own."""
    story = (
        "Divers recovered the body of a hunter from the creek near Mile 14 on Tuesday, "
        "police said, three days after he left camp with two companions.\n\n"
        "The two companions told investigators they heard a shot at about 5 pm and "
        "searched the bush until dark before walking out to the road.\n\n"
        "An autopsy is due on Thursday; the police asked anyone who saw the men to call."
    )
    sidebar = "\n\nMost read: 12 die in bus crash; fuel up 8 per cent; 300 jobs at the mill."
    title = "Hunter found dead near creek"
    page = compute(Extracted(title=title, body=story + sidebar))
    copy = compute(Extracted(title=title, body=story))
    features = scoring.features(page, copy, T0, T0 + 4 * HOUR)
    assert features.figures < scoring.COPY_FIGURES  # the sidebar's figures count against it
    assert features.figures_contained == 1.0
    assert scoring.is_copy(features)
    # Same headline, same words, other figures: another article.
    other = compute(Extracted(title=title, body=story.replace("14", "22").replace("5 pm", "9 am")))
    assert not scoring.is_copy(scoring.features(page, other, T0, T0 + 4 * HOUR))


def _pair_set_signatures() -> list[tuple[Signature, float | None]]:
    """Every distinct article of the project's own pair set, with its date."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "story_pairs" / "pairs.jsonl"
    seen: dict[tuple[str, str], tuple[Signature, float | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        for side in (pair["a"], pair["b"]):
            key = (side["title"], side["source"])
            if key not in seen:
                meta = Extracted(title=side["title"], source=side["source"], body=side["body"])
                seen[key] = (compute(meta), iso_to_ts(side["published"]))
    copy = Extracted(title=CFO_SALE.title, body=CFO_SALE.body + "\n\nShare this article.")
    # Pairs only a rule joins: one slugline of one agency (a flash and an unrelated
    # take), and a long copy under another headline and opening.
    flash = Extracted(title="Flash", body="Harbour closed.", source="Wire", slugline="PORT-CLOSE")
    take = Extracted(
        title=QUARRY_WIRE.title, body=QUARRY_WIRE.body, source="Wire", slugline="PORT-CLOSE"
    )
    tail = " ".join(f"word{chr(97 + i % 26)}{chr(97 + i // 26 % 26)} kept" for i in range(400))
    opening = " ".join(f"open{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(90))
    long_a = Extracted(title="First headline here", body=f"{opening}\n\n{tail}")
    long_b = Extracted(
        title="Other title words", body=f"{opening.replace('open', 'lead')}\n\n{tail}"
    )
    seen[("long b", "")] = (compute(long_b), T0 + 90 * HOUR)
    for meta in (CFO_SALE, CEO_SALE, copy, QUARRY_WIRE, QUARRY_LOCAL, flash, take, long_a):
        seen[(meta.title, meta.source or "")] = (compute(meta), T0)
    return list(seen.values())


@pytest.mark.parametrize(("threshold", "decay"), [(None, None), (0.15, 0.0), (0.3, 0.1)])
def test_reaches_answers_as_the_full_score_does(
    threshold: float | None, decay: float | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reaches` (grouping's candidate check, most pairs on a bound) never disagrees
    with the full score: at least THRESHOLD, and for two items of one outlet that are
    not one report, at least the score of an update (below it the outlet's item keeps
    the newcomer out of its story), whatever the threshold and decay."""
    if threshold is not None:
        monkeypatch.setattr(scoring, "THRESHOLD", threshold)
    if decay is not None:
        monkeypatch.setattr(scoring, "DECAY", decay)
    sigs = _pair_set_signatures()
    answers = set()
    one_outlet = set()
    for i, (a, ts_a) in enumerate(sigs):
        for b, ts_b in sigs[i : i + 40]:
            for when in (ts_b, None):
                f = scoring.features(a, b, ts_a, when)
                value = scoring.score(f)
                full = value >= scoring.THRESHOLD and not scoring.same_outlet_apart(f, value)
                assert scoring.reaches(a, b, ts_a, when) == full
                answers.add(full)
                if f.same_outlet and not f.same_report and value >= scoring.THRESHOLD:
                    one_outlet.add(full)
    assert answers == {True, False}
    # One-outlet pairs on both sides of the update mark were checked.
    assert one_outlet == {True, False}


_TRADE = Extracted(
    title="Insider sale: Varga sells shares of Brightloaf",
    body=(
        "Director Varga sold a block of shares of the bakery chain in a transaction dated "
        "Tuesday, a filing with the regulator shows.\n\n"
        "Varga still holds a large stake after the sale, according to the filing. Varga has "
        "sat on the board since the chain was floated."
    ),
)
_PROFILE = Extracted(
    title="Varga on rowing, rivers and a late start in sport",
    body=(
        "At fifty, Varga took up rowing on the river near her home and now trains six "
        "mornings a week.\n\n"
        "The early starts, says Varga, clear her head before meetings; the club welcomes "
        "beginners of every age who can swim a length, and Varga coaches them herself."
    ),
)


def test_one_shared_name_with_nothing_else_in_common_is_not_one_story() -> None:
    """An insider-trade alert and a profile of the same person share her name and
    nothing else: the name alone does not reach the threshold."""
    f = scoring.features(compute(_TRADE), compute(_PROFILE), T0, T0 + 2 * HOUR)
    assert f.names_shared == 1 and f.names > 0.5
    assert scoring.name_alone(f)
    assert scoring.score(f) < scoring.THRESHOLD
    # Counted fully, the name would have carried the pair over the threshold.
    assert scoring.score(dataclasses.replace(f, names_shared=2)) >= scoring.THRESHOLD
    # A shared figure, or texts that agree, are something else in common.
    shared_figure = dataclasses.replace(f, figures=0.3, missing=frozenset())
    assert not scoring.name_alone(shared_figure)
    agree = scoring.NAME_ALONE_TEXT
    assert not scoring.name_alone(dataclasses.replace(f, lede=agree, beyond_name=agree))
    # Overlap made of the shared name itself is not texts that agree.
    assert scoring.name_alone(dataclasses.replace(f, lede=agree))


def test_an_angle_piece_with_its_own_figures_is_no_template() -> None:
    """Two outlets on one strike, each opening with its own number and sharing only the
    airline's name: not a template filled twice (that needs the headline's words too),
    so the pair is scored, not zeroed."""
    strike = Extracted(
        title="Corvair pilots walk out, 400 flights cancelled",
        source="northwire.example",
        body=(
            "Pilots at Corvair walked out at dawn on Monday, grounding 400 flights and "
            "stranding travellers at airports across the region as the pay dispute "
            "entered its third month.\n\n"
            "The union says its members have had no real pay rise since the pandemic."
        ),
    )
    cost = Extracted(
        title="Walkout to cost Corvair 25 million a day, analysts say",
        source="ledgerdaily.example",
        body=(
            "The pilots' walkout could cost Corvair 25 million a day in lost fares and "
            "compensation, analysts said on Monday, as grounded flights left travellers "
            "stranded and the pay dispute dragged on.\n\n"
            "Shares fell in early trading."
        ),
    )
    f = scoring.features(compute(strike), compute(cost), T0, T0 + 3 * HOUR)
    assert f.openings_apart and f.names_shared <= 1 and f.title < scoring.TEMPLATE_HEADLINE
    assert not scoring.one_template_two_reports(f)
    assert scoring.score(f) > 0.0


def test_alerts_sharing_the_days_share_price_but_not_their_amounts_are_two_reports() -> None:
    """Two alerts' openings share the day's share price, so their openings are not all
    apart; but each gives an amount the other never mentions, under one headline
    template: two trades (the real feed's director's and CFO's sales, 0.51)."""
    director = Extracted(
        title="Brightloaf (LSE:BRL) Director Sells $3,965,544.33 in Stock",
        source="quaysidemarkets.example",
        body=(
            "Brightloaf (LSE:BRL) Director Tomas Pell sold 96,250 shares of the stock at "
            "41.20 on Thursday, for a total of 3,965,544.33.\n\n"
            "Shares of Brightloaf opened at 40.85 on Wednesday."
        ),
    )
    cfo = Extracted(
        title="Brightloaf (LSE:BRL) CFO Sells $1,940,787.75 in Stock",
        source="harbourledger.example",
        body=(
            "Brightloaf (LSE:BRL) CFO Ana Ruiz sold 47,106 shares of the stock at 41.20 "
            "on Thursday, for a total of 1,940,787.75.\n\n"
            "Brightloaf stock opened at 40.85 on Wednesday."
        ),
    )
    f = scoring.features(compute(director), compute(cfo), T0, T0 + HOUR)
    assert not f.openings_apart and f.openings_unmatched
    assert f.title >= scoring.TEMPLATE_TITLE and f.names_shared <= 1
    assert scoring.score(f) == 0.0


def test_an_outlets_correction_of_its_own_report_is_not_kept_apart() -> None:
    """ "CORRECTION: ..." rewrites the headline, so the agency's correction of its own
    report scored 0.51, under the 0.6 two items of one outlet need: kept apart."""
    report = Extracted(
        title="Magnitude 6.1 earthquake strikes Merlo Valley, at least 9 dead",
        source="Meridian Press Agency",
        body=(
            "A magnitude 6.1 earthquake struck the Merlo Valley on Tuesday at a depth of "
            "100 km, killing at least nine people in Castelrio and Vanza, officials said.\\n\\n"
            "Rescue teams from Vanza searched collapsed homes through the night."
        ),
    )
    correction = Extracted(
        title="CORRECTION: Merlo Valley quake depth was 10 km, not 100 km",
        source="Meridian Press Agency",
        body=(
            "The earthquake that struck the Merlo Valley on Tuesday, killing at least nine "
            "people in Castelrio and Vanza, was 10 km deep, not 100 km as reported earlier."
        ),
    )
    f = scoring.features(compute(report), compute(correction), T0, T0 + 2 * HOUR)
    value = scoring.score(f)
    assert f.same_outlet and f.retelling and not f.same_report
    assert scoring.THRESHOLD <= value < scoring.UPDATE_SCORE
    assert not scoring.same_outlet_apart(f, value)
    assert scoring.reaches(compute(correction), compute(report), T0 + 2 * HOUR, T0)
    # Two corrections of one outlet are not one report for sharing the mark.
    other = replace(correction, title="CORRECTION: Harbour toll is 5 euros, not 4")
    assert not scoring.features(compute(correction), compute(other), T0, T0).same_report


def test_two_insiders_alerts_under_one_headline_template_are_two_reports() -> None:
    """One alert template filled for two insiders of one company (the real Google
    Alerts feed's "Insider Cal Henderson Sells 99342 Shares" and "SVP Sells
    $14409915.40 in Stock", one story at 0.36): with the feed's subject (the company)
    left out they name nobody in common, each opening gives an amount the other never
    mentions, and the headlines share the template's words only in part (under
    `TEMPLATE_TITLE`). Two filings, not one event."""
    insider = Extracted(
        title="Brightloaf (LSE:BRL) Insider Ana Ruiz Sells 99342 Shares",
        source="harbourledger.example",
        body=(
            "Brightloaf (LSE:BRL) insider Ana Ruiz sold 99,342 shares of the firm's stock in "
            "a transaction on Friday, June 21st. The shares were sold at an average price "
            "of 38.30.\n\n"
            "Brightloaf stock opened at 40.85 on Wednesday. The firm has a market "
            "capitalization of 2.1 billion and a price-to-earnings ratio of 18.4."
        ),
    )
    svp = Extracted(
        title="Brightloaf (LSE:BRL) SVP Sells $14,409,915.40 in Stock",
        source="quaysidemarkets.example",
        body=(
            "Brightloaf (LSE:BRL) SVP Tomas Pell sold 376,238 shares of the company's stock "
            "in a transaction that occurred on Friday, June 21st. The stock was sold at an "
            "average price of 38.30, for a total value of 14,409,915.40.\n\n"
            "Shares of Brightloaf opened at 40.85 on Wednesday. The company has a market "
            "capitalization of 2.1 billion."
        ),
    )
    a, b = compute(insider), compute(svp)
    # The file's subject, as `feed_subject.subject_names` finds it in an alert feed.
    company = frozenset(a.names.tolist()) & frozenset(b.names.tolist())
    assert company
    f = scoring.features(without_names(a, company), without_names(b, company), T0, T0 + HOUR)
    assert scoring.other_people(f) and f.openings_unmatched and not f.openings_apart
    assert scoring.TEMPLATE_HEADLINE <= f.title < scoring.TEMPLATE_TITLE
    assert f.lede > 0.4 and f.tfidf > 0.4  # the template's words
    assert scoring.one_template_two_reports(f)
    assert scoring.score(f) == 0.0
    # Sharing the company's name (no feed to tell it is the subject), they share a name.
    with_company = scoring.features(a, b, T0, T0 + HOUR)
    assert not scoring.other_people(with_company)
