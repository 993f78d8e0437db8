"""What rules did to an article, in words, from the action log ("tagged X by rule Y")."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.model import ArticleState, Extracted
from newsdesk.rules.provenance import rule_effects
from newsdesk.store import StoreBackend
from newsdesk.store.protocol import StateChange

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"


def marks(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {"read": False, "starred": False, "archived": False, "tags": []}
    base.update(kw)
    return base


def test_effects_in_words_and_only_while_they_hold() -> None:
    changes = [  # newest first
        ("rule mute", marks(tags=["korea-desk"]), marks(tags=["korea-desk"], archived=True)),
        ("star", marks(), marks(starred=True)),  # the editor's own: not a rule's
        ("rule korea", marks(), marks(tags=["korea-desk", "asia"], starred=True)),
    ]
    state = ArticleState(starred=True, archived=True, tags=["korea-desk", "asia"])
    assert rule_effects(changes, state) == [
        "tagged asia, korea-desk and starred by rule korea",
        "archived by rule mute",
    ]
    # The editor took the star off and the asia tag away since: not claimed any more.
    state = ArticleState(starred=False, archived=True, tags=["korea-desk"])
    assert rule_effects(changes, state) == [
        "tagged korea-desk by rule korea",
        "archived by rule mute",
    ]
    untag = [("rule tidy", marks(tags=["old"]), marks(tags=[], read=True))]
    assert rule_effects(untag, ArticleState(read=True)) == [
        "untagged old and marked read by rule tidy"
    ]
    assert rule_effects([], ArticleState()) == []


def test_the_store_gives_the_rules_rows_of_one_article(store: StoreBackend) -> None:
    with store.transaction() as tx:
        store.insert(tx, "a1", Extracted(title="Storm", body="Rain."), "t", None)
    store.apply("star", ["a1"], {"starred": True})
    store.apply_all(
        [
            StateChange("rule weather", ["a1"], {}, add_tags=["weather"]),
            StateChange("rule readme", ["a1"], {"read": True}),
        ]
    )
    changes = store.rule_changes("a1")
    assert [kind for kind, _, _ in changes] == ["rule readme", "rule weather"]
    assert changes[1][1]["tags"] == [] and changes[1][2]["tags"] == ["weather"]
    store.undo()
    assert store.rule_changes("a1") == []  # undone rows say nothing


def test_the_desk_says_what_the_rule_did_to_an_imported_article(desk: Desk) -> None:
    desk.add_rule("nairobi", "place:nairobi", ["+africa-desk", "star"])
    desk.import_paths([SAMPLE_DATA])
    desk.sync_index()
    (first, *_) = desk.search("place:nairobi", limit=None).ids
    article = desk.get(first)
    assert article is not None
    assert desk.rule_effects(article) == ["tagged africa-desk and starred by rule nairobi"]
    desk.undo()
    article = desk.get(first)
    assert article is not None and desk.rule_effects(article) == []
