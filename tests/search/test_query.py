"""The query language: what each form parses to, and clear errors for the rest."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsdesk.search.query import (
    And,
    Everything,
    Flag,
    IdPrefix,
    Language,
    Not,
    Or,
    Published,
    QuerySyntaxError,
    Related,
    Tag,
    Words,
    parse,
)

from .conftest import NOW


def ts(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


def test_empty_query_has_no_tree() -> None:
    assert parse("", now=NOW).root is None
    assert parse("   ", now=NOW).root is None


def test_words_are_anded_and_collected_as_terms() -> None:
    parsed = parse("Korea summit", now=NOW)
    assert parsed.root == And((Words("any", "Korea", "word"), Words("any", "summit", "word")))
    assert parsed.terms == ["korea", "summit"]


def test_phrase_or_not_and_parentheses() -> None:
    parsed = parse('"north korea" OR (floods -rain) NOT drought', now=NOW)
    assert parsed.root == And(
        (
            Or(
                (
                    # A quoted phrase is also asked hyphenated (`phrase_forms`).
                    Or(
                        (
                            Words("any", "north korea", "phrase"),
                            Words("any", "north-korea", "phrase"),
                        )
                    ),
                    And((Words("any", "floods", "word"), Not(Words("any", "rain", "word")))),
                )
            ),
            Not(Words("any", "drought", "word")),
        )
    )
    # Excluded words are not highlighted.
    assert parsed.terms == ["north korea", "floods"]


def test_explicit_and_is_the_default() -> None:
    assert parse("a1 AND b1", now=NOW).root == parse("a1 b1", now=NOW).root


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title:summit", Words("title", "summit", "word")),
        ("author:kim", Words("authors", "kim", "word")),
        ('person:"kim gunn"', Words("people", "kim gunn", "phrase")),
        ("org:UN", Words("organizations", "UN", "word")),
        ("place:hanoi", Words("places", "hanoi", "word")),
        ("source:reuters", Words("source", "reuters", "word")),
        ("dateline:HANOI", Words("dateline", "HANOI", "word")),
        ("Title:summit", Words("title", "summit", "word")),
    ],
)
def test_text_fields(text: str, expected: Words) -> None:
    assert parse(text, now=NOW).root == expected


def test_field_group_applies_the_field_inside() -> None:
    assert parse("title:(floods OR rally)", now=NOW).root == Or(
        (Words("title", "floods", "word"), Words("title", "rally", "word"))
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is:starred", Flag("starred")),
        ("is:unread", Flag("unread")),
        ("is:read", Flag("read")),
        ("is:exported", Flag("exported")),
        ("IS:Starred", Flag("starred")),
        ("-is:read", Not(Flag("read"))),
        ("tag:urgent", Tag("urgent")),
        ('tag:"fact check"', Tag("fact-check")),  # as the tag is stored
        ("tag:fact*", Tag("fact", prefix=True)),
        ("lang:EN", Language("en")),
        ("lang:korean", Language("ko")),
        ("language:Spanish", Language("es")),
        ("lang:klingonese", Language("klingonese")),
        ("id:AB12", IdPrefix("ab12")),
        ("related:ab12", Related("ab12")),
        ("in:inbox", Flag("inbox")),
    ],
)
def test_store_fields(text: str, expected: object) -> None:
    assert parse(text, now=NOW).root == expected


def test_archive_is_shown_only_when_asked() -> None:
    assert not parse("korea", now=NOW).shows_archived
    assert parse("is:archived", now=NOW).shows_archived
    assert parse("in:archive", now=NOW).shows_archived
    parsed = parse("in:all korea", now=NOW)
    assert parsed.shows_archived
    assert parsed.root == And((Everything(), Words("any", "korea", "word")))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("published:2026-11-18", "2026-11-18", "2026-11-19"),
        ("published:2026-11", "2026-11-01", "2026-12-01"),
        ("published:2026", "2026-01-01", "2027-01-01"),
        ("published:2026-11-01..2026-11-18", "2026-11-01", "2026-11-19"),
        ("published:2026-11-01..", "2026-11-01", None),
        ("published:..2026-11-18", None, "2026-11-19"),
        ("published:>2026-11-01", "2026-11-02", None),
        ("published:>=2026-11-01", "2026-11-01", None),
        ("published:<2026-11-18", None, "2026-11-18"),
        ("published:<=2026-11-18", None, "2026-11-19"),
        ("published:today", "2026-11-23", "2026-11-24"),
        ("published:yesterday", "2026-11-22", "2026-11-23"),
        ("published:this-week", "2026-11-23", "2026-11-30"),
        ("published:last-week", "2026-11-16", "2026-11-23"),
        ("published:this-month", "2026-11-01", "2026-12-01"),
        ("before:2026-11-18", None, "2026-11-18"),
        ("after:2026-11-18", "2026-11-18", None),
        ("date:2026-11-18", "2026-11-18", "2026-11-19"),
        # A time of day is honoured, not dropped for its day: a minute, or a second.
        ("published:>2026-11-18T09:30", "2026-11-18T09:31", None),
        ("published:>=2026-11-18T09:30", "2026-11-18T09:30", None),
        ("published:<2026-11-18T09:30", None, "2026-11-18T09:30"),
        ("published:2026-11-18T09:30", "2026-11-18T09:30", "2026-11-18T09:31"),
        ("published:2026-11-18T09:30:15Z", "2026-11-18T09:30:15", "2026-11-18T09:30:16"),
        ("published:>2026-11-18T10:30+01:00", "2026-11-18T09:31", None),
        ("published:2026-11-18T09:00..2026-11-18T12:00", "2026-11-18T09:00", "2026-11-18T12:01"),
    ],
)
def test_absolute_and_named_dates(text: str, start: str | None, end: str | None) -> None:
    root = parse(text, now=NOW).root
    assert isinstance(root, Published) and root.span is not None
    assert root.span.start == (ts(start) if start else None)
    assert root.span.end == (ts(end) if end else None)


@pytest.mark.parametrize(
    ("text", "hours", "newer"),
    [
        ("published:>-7d", 7 * 24, True),
        ("published:-7d", 7 * 24, True),
        ("published:-24h", 24, True),
        # Minutes: editors triage the last half hour ("mo" stays months).
        ("published:>-30m", 0.5, True),
        ("published:>-90min", 1.5, True),
        ("published:>-2w", 14 * 24, True),
        ("published:<-7d", 7 * 24, False),
        ("after:-3d", 3 * 24, True),
        ("before:-3d", 3 * 24, False),
    ],
)
def test_relative_dates(text: str, hours: float, newer: bool) -> None:
    root = parse(text, now=NOW).root
    assert isinstance(root, Published) and root.span is not None
    moment = NOW.timestamp() - hours * 3600
    if newer:
        assert (root.span.start, root.span.end) == (moment, None)
    else:
        assert (root.span.start, root.span.end) == (None, moment)


def test_dates_follow_the_zone_of_now() -> None:
    from datetime import timedelta, timezone

    seoul = timezone(timedelta(hours=9))
    root = parse("published:today", now=datetime(2026, 11, 23, 1, 0, tzinfo=seoul)).root
    assert isinstance(root, Published) and root.span is not None
    assert root.span.start == datetime(2026, 11, 23, tzinfo=seoul).timestamp()


def test_published_none_finds_undated() -> None:
    assert parse("published:none", now=NOW).root == Published(None)


def test_prefix_is_kept_unstemmed_with_a_star_term() -> None:
    parsed = parse("Korea*", now=NOW)
    assert parsed.root == Words("any", "Korea", "prefix")
    assert parsed.terms == ["korea*"]


@pytest.mark.parametrize("text", ["ko*", "k*", "a* korea", "title:ab*"])
def test_short_prefixes_are_refused_with_a_message(text: str) -> None:
    with pytest.raises(QuerySyntaxError, match="at least 3 letters"):
        parse(text, now=NOW)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"north korea', "unbalanced quotes"),
        ('person:"kim', "unbalanced quotes"),
        ("(korea OR floods", "never closed"),
        ("korea)", "no matching"),
        ("published:>banana", "cannot read the date 'banana'"),
        ("published:2026-13-45", "not a real date"),
        # A real date, past what the dates can hold (it said "not a real date").
        ("published:>9999-12-31", "'9999-12-31' is out of range"),
        ("published:2026-11-18..2026-11-01", "ends before it starts"),
        ("is:shiny", "unknown is:shiny"),
        ("in:trash", "unknown in:trash"),
        ("korea OR", "OR needs"),
        ("OR korea", "OR needs"),
        ("korea AND", "AND needs"),
        ("NOT", "NOT needs"),
        ("title:", "needs a value"),
        ("tag:", "needs a value"),
        ("(" * 40 + "x" + ")" * 40, "too many nested"),
        (" ".join(f"w{i}" for i in range(100)), "too long"),
    ],
)
def test_malformed_queries_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=message.replace("(", r"\(")) as info:
        parse(text, now=NOW)
    assert "\n" not in str(info.value)


def test_a_message_quotes_a_long_field_name_cut_short() -> None:
    # Found by the fuzzer: the whole typed name went into the one-line message.
    with pytest.raises(QuerySyntaxError, match="works only with text fields") as info:
        parse("x" * 300 + "title:(a OR b)", now=NOW)
    assert len(str(info.value)) < 100
    assert "…" in str(info.value)


def test_unknown_field_is_searched_as_words_with_a_warning() -> None:
    parsed = parse("foo:bar", now=NOW)
    assert parsed.root == Words("any", "foo bar", "phrase")
    assert parsed.warnings == ["unknown field foo: searched as words"]


def test_a_mistyped_field_name_is_named() -> None:
    """`tittle:kenya` found nothing, said "unknown field tittle" and no more."""
    for typed, meant in (("tittle", "title"), ("autor", "author"), ("pubished", "published")):
        warnings = parse(f"{typed}:kenya", now=NOW).warnings
        assert warnings == [f"unknown field {typed}: searched as words (did you mean {meant}:?)"]


def test_colons_in_text_are_not_fields() -> None:
    assert parse("10:30", now=NOW).root == Words("any", "10:30", "word")
    parsed = parse("https://example.org/a", now=NOW)
    assert parsed.warnings == []


def test_lone_punctuation_is_ignored() -> None:
    assert parse("korea - floods", now=NOW).root == And(
        (Words("any", "korea", "word"), Words("any", "floods", "word"))
    )
    assert parse("!!! ???", now=NOW).root is None


def test_control_characters_are_spaces() -> None:
    assert parse("korea\x1b[31m\x00floods", now=NOW).root is not None


def test_published_reads_days_written_other_ways_and_calendar_months() -> None:
    from datetime import UTC, datetime

    from newsdesk.search.dates import period

    now = datetime(2026, 3, 31, 12, tzinfo=UTC)
    day = period("18.11.2026", now)
    assert day == period("2026-11-18", now) == period("2026/11/18", now)
    # -1mo is a calendar month: from 31 March it reaches back to 28 February.
    assert period("-1mo", now).start == datetime(2026, 2, 28, 12, tzinfo=UTC).timestamp()
