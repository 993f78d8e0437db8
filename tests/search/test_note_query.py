"""`note:` finds articles by the editor's note (answered by the store, like tag:)."""

from __future__ import annotations

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from tests.tui.conftest import sample_articles


def test_note_words_and_any_note() -> None:
    with Desk(resolve()) as desk:
        ids = desk.add_extracted(sample_articles(6), "fixture")
        desk.sync_index()
        desk.set_note(ids[0], "Call the Basin Authority before noon")
        desk.set_note(ids[3], "check the 50% figure")
        assert desk.search("note:basin").ids == [ids[0]]
        assert desk.search('note:"basin authority"').ids == [ids[0]]
        assert desk.search("note:50%").ids == [ids[3]]  # LIKE wildcards are literal
        assert sorted(desk.search("note:*").ids) == sorted([ids[0], ids[3]])
        assert ids[0] not in desk.search("flood -note:basin").ids
        desk.undo()
        assert desk.search("note:50%").ids == []


def test_note_ignores_case_and_accents_on_every_store(backend: str) -> None:
    """`note:emile` found nothing for "Call Émile": LIKE folded ASCII letters only."""
    with Desk(resolve()) as desk:
        ids = desk.add_extracted(sample_articles(4), "fixture")
        desk.sync_index()
        desk.set_note(ids[1], "Call Émile about the Ærø ferry; ÁNA has the ΩΜΕΓΑ file")
        for query in ("note:émile", "note:emile", "note:ÉMILE", "note:ærø", "note:ÆRØ", "note:ana"):
            assert desk.search(query).ids == [ids[1]], query
        assert desk.search("note:ωμεγα").ids == [ids[1]]
        assert desk.search("note:emi*").ids == [ids[1]]  # a prefix, as slug: takes one
        assert desk.search("note:émi*").ids == [ids[1]]
        assert desk.search("note:emilie").ids == []
        # A rule's query reads notes the same way (`rules apply` on what the desk holds).
        desk.add_rule("emile", "note:emile", ["star"])
        desk.apply_rules(["emile"])
        article = desk.get(ids[1])
        assert article is not None and article.state.starred
