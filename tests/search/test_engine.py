"""Search over a small indexed queue: every query form, state from the store, archive."""

from __future__ import annotations

import pytest

from newsdesk.model import Extracted
from newsdesk.search.query import QuerySyntaxError

from .conftest import NOW, Newsroom, insert


def test_empty_query_is_the_inbox_newest_first(newsroom: Newsroom) -> None:
    result = newsroom.engine.search("", now=NOW)
    assert result.sort == "newest"
    assert result.total == 5
    # Newest first; the undated one where it arrived (today: after every publication).
    assert newsroom.names(result.ids) == ["undated", "election", "summit", "floods", "markets"]


def test_words_rank_headline_hits_first(newsroom: Newsroom) -> None:
    result = newsroom.engine.search("korea", now=NOW)
    assert result.sort == "relevance"
    assert result.terms == ["korea"]
    names = newsroom.names(result.ids)
    assert set(names) == {"summit", "markets"}
    assert names[0] == "summit"  # "Korea" in the headline beats "Korea's" in the body


def test_stemming_matches_word_forms(newsroom: Newsroom) -> None:
    assert newsroom.found("flooding") == {"floods"}
    assert newsroom.found("investigations") == {"summit", "floods"}


def test_possessive_word_means_the_word(newsroom: Newsroom) -> None:
    assert newsroom.found("korea's") == {"summit", "markets"}
    assert newsroom.found("Korea’s") == {"summit", "markets"}
    assert newsroom.found('"korea\'s exporters"') == {"markets"}


def test_accents_and_case_fold(newsroom: Newsroom) -> None:
    assert newsroom.found("author:DIAZ") == {"floods"}
    assert newsroom.found("author:díaz") == {"floods"}


def test_phrase_needs_adjacent_words(newsroom: Newsroom) -> None:
    assert newsroom.found('"north korea"') == {"summit"}
    assert newsroom.found('"korea north"') == set()


def test_boolean_operators(newsroom: Newsroom) -> None:
    assert newsroom.found("korea OR floods") == {"summit", "markets", "floods"}
    assert newsroom.found("korea -seoul") == {"summit"}
    assert newsroom.found("korea NOT seoul") == {"summit"}
    assert newsroom.found("(seoul OR hanoi) korea") == {"summit", "markets"}
    assert newsroom.found("-korea") == {"floods", "election", "undated"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("title:rally", {"markets"}),
        ("title:korea", {"summit"}),
        ("author:gunn", {"summit"}),
        ('author:"kim gunn"', {"summit"}),
        ("person:moon", {"summit"}),
        ('person:"moon jae-in"', {"summit"}),
        ('person:"jae-in moon"', set()),
        ("org:nations", {"summit"}),
        ('org:"bank of korea"', {"markets"}),
        ("place:dhaka", {"floods"}),
        # A country is kept under its English name however the query writes it.
        ("place:españa", {"election"}),
        ("place:Espana", {"election"}),
        ('place:"estados unidos"', {"election"}),
        ("place:usa", {"election"}),
        ("place:Deutschland", set()),
        ("source:reuters", {"floods"}),
        ("source:rfa", {"summit"}),
        ('source:"radio free asia"', {"summit"}),
        ("reuters", {"floods"}),
        ("dateline:hanoi", {"summit"}),
        ("lang:ko", {"markets"}),
        ("lang:es", {"election"}),
    ],
)
def test_fields(newsroom: Newsroom, query: str, expected: set[str]) -> None:
    assert newsroom.found(query) == expected


def test_names_do_not_run_into_each_other(newsroom: Newsroom) -> None:
    # "Kim Jong Un" then "Moon Jae-in": the last word of one and the first of the
    # next are not a name.
    assert newsroom.found('person:"un moon"') == set()


def test_id_prefix(newsroom: Newsroom) -> None:
    full = newsroom.ids["floods"]
    assert newsroom.found(f"id:{full[:6]}") == {"floods"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("published:2026-11-18", {"summit"}),
        ("published:2026-11", {"summit", "floods", "election"}),
        ("published:2026-11-01..2026-11-18", {"summit", "floods"}),
        ("published:>2026-11-18", {"election"}),
        ("published:<=2026-11-10", {"floods", "markets"}),
        ("published:>-7d", {"summit", "election"}),
        ("published:-24h", {"election"}),
        ("published:yesterday", {"election"}),
        ("published:this-week", set()),
        ("published:last-week", {"summit", "election"}),
        ("before:2026-11-01", {"markets"}),
        ("after:2026-11-18", {"summit", "election"}),
        ("published:none", {"undated"}),
        # Times of day (summit 2026-11-18 09:00, election 2026-11-22 18:00).
        ("published:>2026-11-18T08:59", {"summit", "election"}),
        ("published:>2026-11-18T09:00", {"election"}),
        ("published:<2026-11-22T18:00", {"summit", "floods", "markets"}),
        ("korea published:2026-11", {"summit"}),
        ("-published:2026-11", {"markets", "undated"}),
    ],
)
def test_dates_come_from_the_store(newsroom: Newsroom, query: str, expected: set[str]) -> None:
    assert newsroom.found(query) == expected


def test_prefix_is_not_stemmed_and_finds_word_forms(newsroom: Newsroom) -> None:
    assert newsroom.found("kore*") == {"summit", "markets"}
    # "investigation" is indexed as its stem "investig": the prefix still finds it.
    assert newsroom.found("investigat*") == {"summit", "floods"}
    # "brothers" is indexed as "brother"; "bro*" would be a short prefix anyway.
    assert newsroom.found("broth*") == {"floods"}
    assert newsroom.found("title:sum*") == {"summit"}
    assert newsroom.found("person:moo*") == {"summit"}
    assert newsroom.found("zzzq*") == set()


def test_short_prefix_is_a_syntax_error(newsroom: Newsroom) -> None:
    with pytest.raises(QuerySyntaxError, match="at least 3 letters"):
        newsroom.engine.search("ko*")


def test_state_changes_show_at_once_without_reindexing(newsroom: Newsroom) -> None:
    summit = newsroom.ids["summit"]
    assert newsroom.found("is:starred") == set()
    rev = newsroom.store.max_rev()
    newsroom.store.apply("star", [summit], {"starred": True})
    assert newsroom.store.max_rev() == rev  # nothing for the index to do
    assert newsroom.found("is:starred") == {"summit"}
    assert newsroom.found("korea is:starred") == {"summit"}
    assert newsroom.found("korea -is:starred") == {"markets"}
    newsroom.store.apply("read", [summit], {"read": True})
    assert "summit" not in newsroom.found("is:unread")
    assert newsroom.found("is:read") == {"summit"}
    newsroom.store.apply("export", [summit], {"exported": True})
    assert newsroom.found("is:exported") == {"summit"}


def test_tags_show_at_once_including_bulk_tags(newsroom: Newsroom) -> None:
    assert newsroom.found("tag:markets") == {"markets"}
    ids = list(newsroom.ids.values())
    newsroom.store.apply("tag", ids[:3], {}, add_tags=["follow-up"])
    assert newsroom.found("tag:follow-up") == set(newsroom.names(ids[:3]))
    assert newsroom.found("tag:Follow-Up") == set(newsroom.names(ids[:3]))
    assert newsroom.found("tag:foll*") == set(newsroom.names(ids[:3]))
    # Read as a tag is stored: `+#1` stores "1", `+"Follow up"` stores follow-up.
    assert newsroom.found('tag:"Follow up"') == set(newsroom.names(ids[:3]))
    assert newsroom.found("tag:#follow-up") == set(newsroom.names(ids[:3]))
    newsroom.store.apply("tag", ids[3:4], {}, add_tags=["1"])
    assert newsroom.found("tag:#1") == set(newsroom.names(ids[3:4]))
    assert newsroom.found("korea tag:follow-up") == {"summit", "markets"} & set(
        newsroom.names(ids[:3])
    )


def test_archived_hidden_unless_asked(newsroom: Newsroom) -> None:
    floods = newsroom.ids["floods"]
    newsroom.store.apply("archive", [floods], {"archived": True})
    assert "floods" not in newsroom.found("")
    assert newsroom.found("reuters") == set()
    assert newsroom.found("place:dhaka") == set()
    assert newsroom.found("is:archived") == {"floods"}
    assert newsroom.found("is:archived reuters") == {"floods"}
    assert newsroom.found("in:archive") == {"floods"}
    assert newsroom.found("in:all reuters") == {"floods"}
    assert "floods" in newsroom.found("in:all")
    assert "floods" not in newsroom.found("-is:archived")


def test_mixed_or_of_text_and_state(newsroom: Newsroom) -> None:
    newsroom.store.apply("star", [newsroom.ids["election"]], {"starred": True})
    assert newsroom.found("korea OR is:starred") == {"summit", "markets", "election"}
    assert newsroom.found("(korea OR is:starred) -seoul") == {"summit", "election"}


def test_sort_newest_orders_the_same_hits_by_date(newsroom: Newsroom) -> None:
    result = newsroom.engine.search("korea OR floods OR election", sort="newest", now=NOW)
    assert result.sort == "newest"
    assert newsroom.names(result.ids) == ["election", "summit", "floods", "markets"]


@pytest.mark.parametrize(
    "query",
    [
        "source:reuters OR source:yonhap OR source:harbour OR source:rfa OR source:comercio",
        "by:kim OR by:ana OR by:lee OR by:maria OR source:harbour",
    ],
)
def test_filter_only_searches_sort_newest_first_undated_at_arrival(
    newsroom: Newsroom, query: str
) -> None:
    """No words to rank by: a relevance order would mean nothing, newest first does."""
    result = newsroom.engine.search(query, now=NOW)
    assert result.sort == "newest"
    assert newsroom.names(result.ids) == ["undated", "election", "summit", "floods", "markets"]


def test_field_filter_with_words_still_ranks(newsroom: Newsroom) -> None:
    result = newsroom.engine.search("korea place:seoul OR korea place:hanoi", now=NOW)
    assert result.sort == "relevance"
    assert newsroom.names(result.ids)[0] == "summit"


def test_undated_sort_at_their_arrival_under_newest_first_on_every_path(
    newsroom: Newsroom,
) -> None:
    """Store-only, index-sorted and mixed queries agree: an undated article sorts at its
    arrival (here after every dated one's publication: first), as newsboat, elfeed and
    Miniflux place one; last, behind months-old copy, what just arrived went unseen."""
    for query in ("", "is:unread", "ferry OR korea OR floods", "-zebra"):
        ids = newsroom.engine.search(query, sort="newest", now=NOW).ids
        names = newsroom.names(ids)
        assert "undated" in names, query
        assert names[0] == "undated", (query, names)


def test_limit_keeps_the_total(newsroom: Newsroom) -> None:
    result = newsroom.engine.search("korea OR floods", limit=1, now=NOW)
    assert len(result.ids) == 1
    assert result.total >= 1
    inbox = newsroom.engine.search("", limit=2, now=NOW)
    assert len(inbox.ids) == 2 and inbox.total == 5


def test_glue_words_alone_say_so(newsroom: Newsroom) -> None:
    result = newsroom.engine.search("the of", now=NOW)
    assert result.ids == []
    assert result.notice is not None and "too common" in result.notice
    # With other words they are simply dropped.
    assert newsroom.found("the korea") == {"summit", "markets"}


def test_unknown_field_notice(newsroom: Newsroom) -> None:
    result = newsroom.engine.search("foo:bar", now=NOW)
    assert result.notice == "unknown field foo: searched as words"


def test_count_matches_search(newsroom: Newsroom) -> None:
    for query in ("", "korea", "is:starred", "korea OR floods", "-korea", "published:2026-11"):
        assert newsroom.engine.count(query, now=NOW) == len(
            newsroom.engine.search(query, now=NOW).ids
        )
    assert newsroom.engine.count('"unclosed') == 0
    assert newsroom.engine.count("related:ffffffffffff") == 0


def test_related_finds_similar_articles_not_itself(newsroom: Newsroom) -> None:
    more = {
        "summit2": Extracted(
            title="North Korea summit collapse leaves sanctions in place",
            body="After the Hanoi summit, North Korea and the United States blamed each other.",
            people=["Kim Jong Un"],
            places=["Hanoi"],
            published="2026-11-19",
        )
    }
    newsroom.ids.update(insert(newsroom.store, more))
    newsroom.index.catch_up()
    related = newsroom.names(newsroom.engine.related(newsroom.ids["summit"]))
    assert related[0] == "summit2"
    assert "summit" not in related
    assert newsroom.find(f"related:{newsroom.ids['summit'][:8]}")[0:1] == ["summit2"]
    assert newsroom.engine.related("0000000000000000") == []
    with pytest.raises(QuerySyntaxError, match="no article"):
        newsroom.engine.search("related:ffffffffffff")


def test_new_articles_are_found_after_catch_up_with_a_notice_before(newsroom: Newsroom) -> None:
    more = {"late": Extracted(title="Typhoon nears the coast", body="A typhoon nears.")}
    newsroom.ids.update(insert(newsroom.store, more))
    before = newsroom.engine.search("typhoon", now=NOW)
    assert before.ids == []
    assert before.notice == "indexing 5 of 6 articles; results may be incomplete"
    assert before.index_behind  # the app asks again once the index has caught up
    # Store-only queries are complete at once and need no notice.
    assert "late" in newsroom.find("")
    newsroom.index.catch_up()
    after = newsroom.engine.search("typhoon", now=NOW)
    assert newsroom.names(after.ids) == ["late"]
    assert after.notice is None
    assert not after.index_behind


def test_many_hits_are_capped_with_a_notice(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.search import engine

    monkeypatch.setattr(engine, "TEXT_CAP", 2)
    result = newsroom.engine.search("korea OR floods OR election", now=NOW)
    assert len(result.ids) == 2
    assert result.total >= 3
    assert result.notice is not None and "showing the first 2" in result.notice
