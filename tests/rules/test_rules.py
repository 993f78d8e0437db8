"""Rules on arrival (issue 18): kept in the store, checked, run on every new article, undoable."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.errors import DeskError, QuerySyntaxError
from newsdesk.model import Extracted
from newsdesk.paths import resolve
from newsdesk.rules.model import RuleEntry, RuleError, from_toml, parse_actions, to_toml
from newsdesk.store import StoreBackend

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"


def test_the_store_keeps_rules_in_order_with_counts(store: StoreBackend) -> None:
    store.save_rule("korea", "place:seoul", ("+korea-desk", "star"))
    store.save_rule("mute", "source:tabloid", ("archive",))
    store.save_rule("korea", "place:seoul OR place:busan", ("+korea-desk",))  # replaced in place
    rules = store.rules("2026-12-04")
    assert [r.name for r in rules] == ["korea", "mute"]
    assert rules[0].query == "place:seoul OR place:busan" and rules[0].actions == ("+korea-desk",)
    store.count_rule_matches({"korea": 3}, "2026-12-04")
    store.count_rule_matches({"korea": 2, "mute": 0}, "2026-12-04")
    store.count_rule_matches({"korea": 1}, "2026-12-05")
    today = {r.name: r for r in store.rules("2026-12-05")}
    assert today["korea"].matched_today == 1 and today["korea"].matched_total == 6
    assert today["mute"].matched_total == 0
    assert store.remove_rule("mute") and not store.remove_rule("mute")
    assert [r.name for r in store.rules("2026-12-05")] == ["korea"]


def test_actions_are_checked_and_tags_normalised() -> None:
    assert parse_actions(["+Africa Desk", "STAR", "-old", "notify"]) == (
        "+africa-desk",
        "star",
        "-old",
        "notify",
    )
    with pytest.raises(RuleError, match="unknown action 'flag'; use \\+tag"):
        parse_actions(["flag"])
    with pytest.raises(RuleError, match="needs at least one action"):
        parse_actions([])


@pytest.mark.parametrize("query", ["", "*", "...", "  ", "in:all", "the"])
def test_a_rule_that_means_everything_is_refused(desk: Desk, query: str) -> None:
    with pytest.raises(QuerySyntaxError, match="would match every article"):
        desk.add_rule("all", query, ["star"])
    assert desk.rules() == []


def test_a_malformed_rule_gets_the_search_message(desk: Desk) -> None:
    with pytest.raises(QuerySyntaxError) as from_search:
        desk.search('"unclosed')
    with pytest.raises(QuerySyntaxError) as from_rule:
        desk.add_rule("bad", '"unclosed', ["star"])
    assert str(from_rule.value) == str(from_search.value)
    with pytest.raises(QuerySyntaxError, match="related: cannot be a rule"):
        desk.add_rule("like", "related:abcdef", ["star"])
    # Accepted, a feed: rule never matched on arrival (the feed is recorded after).
    with pytest.raises(QuerySyntaxError, match=r"feed: cannot be a rule.*--tag"):
        desk.add_rule("fresh", "feed:fresh star*", ["star"])
    with pytest.raises(RuleError, match="bad rule name"):
        desk.add_rule("two words", "storm", ["star"])


def test_on_arrival_the_rule_tags_and_stars_what_the_search_finds(desk: Desk) -> None:
    desk.add_rule("nairobi", "place:nairobi", ["+africa-desk", "star"])
    summary = desk.import_paths([SAMPLE_DATA])
    desk.sync_index()
    found = set(desk.search("place:nairobi", limit=None).ids)
    assert found
    tagged = set(desk.search("tag:africa-desk", limit=None).ids)
    starred = set(desk.search("is:starred", limit=None).ids)
    assert tagged == found and starred == found
    history = desk.history(5)
    assert history[0].kind == "rule nairobi" and set(history[0].article_ids) == found
    (rule,) = desk.rules()
    assert rule.matched_total == len(found) == rule.matched_today
    assert summary.imported > len(found)
    # u takes the rule's changes back, as one step.
    desk.undo()
    assert not set(desk.search("tag:africa-desk", limit=None).ids)
    assert not set(desk.search("is:starred", limit=None).ids)


def test_rules_run_in_order_and_never_touch_articles_already_there(desk: Desk) -> None:
    old = desk.add_extracted([Extracted(title="Storm hits the coast", body="A storm.")], "a")
    desk.add_rule("storms", "storm", ["+weather"])
    desk.add_rule("weather-read", "tag:weather", ["read"])  # sees the first rule's tag
    new = desk.add_extracted([Extracted(title="Second storm nears", body="Another storm.")], "b")
    fresh, untouched = desk.get(new[0]), desk.get(old[0])
    assert fresh is not None and fresh.state.tags == ["weather"] and fresh.state.read
    assert untouched is not None and untouched.state.tags == [] and not untouched.state.read
    # By hand, over the queue as it is: both now.
    (result,) = desk.apply_rules(["storms"])
    assert result.changed == [old[0]]
    with pytest.raises(DeskError, match="no rule named 'nope'"):
        desk.apply_rules(["nope"])


def test_notify_and_the_killfile(desk: Desk) -> None:
    desk.add_rule("flash", "urgency:1", ["notify", "star"])
    desk.add_rule("killfile", "source:tidewater", ["archive"])
    desk.import_paths([SAMPLE_DATA / "wire"])
    notified = desk.take_notifications()
    assert [n.title for n in notified] == [
        a.meta.title for a in desk.get_many([n.article_id for n in notified])
    ]
    assert (
        len(notified) == 1 and notified[0].title.startswith("FLASH") and notified[0].rule == "flash"
    )
    assert desk.take_notifications() == []
    inbox = desk.get_many(desk.inbox_ids())
    assert inbox and not any("Tidewater" in (a.meta.source or "") for a in inbox)


def test_rules_travel_as_toml(desk: Desk) -> None:
    desk.add_rule("korea", 'place:seoul "trade talks"', ["+korea-desk", "star"])
    desk.add_rule("mute", "source:tabloid", ["archive"])
    text = desk.export_rules()
    assert from_toml(text) == [
        RuleEntry("korea", 'place:seoul "trade talks"', ("+korea-desk", "star")),
        RuleEntry("mute", "source:tabloid", ("archive",)),
    ]
    assert to_toml(desk.rules()) == text
    for name in ("korea", "mute"):
        desk.remove_rule(name)
    assert [r.name for r in desk.import_rules(text)] == ["korea", "mute"]
    with pytest.raises(RuleError, match="not a rules file"):
        desk.import_rules("[[rule]\nname=")
    with pytest.raises(RuleError, match="unknown action"):
        desk.import_rules('[[rule]]\nname = "x"\nquery = "storm"\nactions = ["boom"]\n')
    # Two rules of one name: both were read and the last kept, silently.
    twice = '[[rule]]\nname = "dd"\nquery = "storm"\nactions = ["star"]\n' * 2
    with pytest.raises(RuleError, match=r"rule 2 \(dd\): rule 1 has that name too"):
        desk.import_rules(twice)
    # A bad query says which rule it is, as the file's other errors do.
    bad = '[[rule]]\nname = "ok"\nquery = "storm"\nactions = ["star"]\n'
    bad += '[[rule]]\nname = "broken"\nquery = "(storm"\nactions = ["star"]\n'
    with pytest.raises(QuerySyntaxError, match=r"^rule 2 \(broken\): "):
        desk.import_rules(bad)


def test_cli_rules(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["rules", "add", "nairobi", "place:nairobi", "+africa-desk", "star"]) == 0
    assert main(["rules", "add", "bad", "storm", "-tag-", "explode"]) != 0
    assert "unknown action 'explode'" in capsys.readouterr().err
    assert main(["rules", "add", "quake", "urgency:1 OR is:killed", "notify"]) == 0
    capsys.readouterr()
    assert main(["import", str(SAMPLE_DATA)]) == 0
    out = capsys.readouterr()
    assert "FLASH: Volcano erupts" in out.out + out.err  # a notified headline
    # show says which rule did what (text and JSON).
    with Desk(resolve()) as desk:
        (tagged,) = desk.search("tag:africa-desk", limit=None).ids
    assert main(["show", tagged]) == 0
    assert "rules: tagged africa-desk and starred by rule nairobi" in capsys.readouterr().out
    assert main(["show", "--json", tagged]) == 0
    assert '"tagged africa-desk and starred by rule nairobi"' in capsys.readouterr().out
    assert main(["rules", "list"]) == 0
    listing = capsys.readouterr()
    assert "nairobi: place:nairobi -> +africa-desk star" in listing.out + listing.err
    assert main(["rules", "test", "place:nairobi"]) == 0
    assert "nothing was changed" in capsys.readouterr().err
    rules_file = tmp_path / "rules.toml"
    assert main(["rules", "export", "-o", str(rules_file)]) == 0
    assert main(["rules", "remove", "nairobi"]) == 0
    assert main(["rules", "remove", "nairobi"]) != 0
    assert main(["rules", "import", str(rules_file)]) == 0
    assert main(["rules", "apply", "nairobi"]) == 0


def test_cli_exports_keep_an_existing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`rules export -o` and `feeds export -o` never replace a file unless told to."""
    assert main(["rules", "add", "nairobi", "place:nairobi", "star"]) == 0
    for command, name in (("rules", "rules.toml"), ("feeds", "feeds.opml")):
        target = tmp_path / name
        target.write_text("the editor's own copy\n", encoding="utf-8")
        capsys.readouterr()
        assert main([command, "export", "-o", str(target)]) != 0
        assert "use --force to replace it" in capsys.readouterr().err
        assert target.read_text(encoding="utf-8") == "the editor's own copy\n"
        assert main([command, "export", "-o", str(target), "--force"]) == 0
        assert target.read_text(encoding="utf-8") != "the editor's own copy\n"
    assert "nairobi" in (tmp_path / "rules.toml").read_text(encoding="utf-8")
    assert "<opml" in (tmp_path / "feeds.opml").read_text(encoding="utf-8")


def test_cli_rules_import_replaces_a_differing_rule_only_when_told(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A file's "flood -> archive" silently replaced the desk's "flood -> notify +flood".
    assert main(["rules", "add", "flood", "flood", "notify", "+flood"]) == 0
    assert main(["rules", "add", "quake", "quake", "star"]) == 0
    same = tmp_path / "same.toml"
    assert main(["rules", "export", "-o", str(same)]) == 0
    other = tmp_path / "other.toml"
    other.write_text(
        '[[rule]]\nname = "flood"\nquery = "flood"\nactions = ["archive"]\n'
        '[[rule]]\nname = "ferry"\nquery = "ferry"\nactions = ["star"]\n',
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["rules", "import", str(same)]) == 0  # the same rules again: fine
    assert main(["rules", "import", str(other)]) == 1
    err = capsys.readouterr().err
    assert "flood" in err and "--force" in err and "nothing was imported" in err
    with Desk(resolve()) as desk:
        rules = {r.name: r for r in desk.rules()}
    assert rules["flood"].actions == ("notify", "+flood") and "ferry" not in rules
    assert main(["rules", "import", str(other), "--force"]) == 0
    with Desk(resolve()) as desk:
        rules = {r.name: r for r in desk.rules()}
    assert rules["flood"].actions == ("archive",) and "ferry" in rules


def test_a_rule_naming_a_field_that_does_not_exist_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`rules add bad 'tittle:x' archive` was kept: the query searched the words
    "tittle x" and the killfile never fired, without a word (the search box says so)."""
    assert main(["rules", "add", "bad", "tittle:horoscope", "archive"]) != 0
    err = capsys.readouterr().err
    assert "unknown field tittle (did you mean title:?)" in err
    assert main(["rules", "test", "tittle:horoscope"]) != 0
    assert "unknown field tittle" in capsys.readouterr().err
    assert main(["rules", "list"]) == 0
    assert "bad" not in capsys.readouterr().out
    # Quoted, the words are meant: kept.
    assert main(["rules", "add", "words", '"tittle:horoscope"', "archive"]) == 0


def test_the_cli_import_says_what_a_killfile_archived(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newsdesk import` said "imported 1" for an article the killfile archived, and the
    JSON summary had nothing on it either."""
    import json

    assert main(["rules", "add", "killfile", "title:horoscope", "archive"]) == 0
    stars = tmp_path / "stars.md"
    stars.write_text("# Horoscope for the week\n\nThe stars say little.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(stars)]) == 0
    said = capsys.readouterr()
    assert "1 of them went straight to the archive" in said.err
    other = tmp_path / "ferry.md"
    other.write_text(
        "# Ferry fares frozen\n\nThe island ferry keeps its fares.\n", encoding="utf-8"
    )
    assert main(["import", str(other), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["archived_on_arrival"] == 0
