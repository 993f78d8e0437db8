"""Shortcuts taken for speed give what the longer way gave."""

from __future__ import annotations

from newsdesk.extract.body import _announces_list
from newsdesk.extract.entities import analyse
from newsdesk.extract.entities.classify import Classifier
from newsdesk.extract.entities.resolve import _title_mentions
from newsdesk.extract.entities.tokens import tokenise
from newsdesk.extract.gazetteer import gazetteer


def test_place_cue_with_the_previous_word_given() -> None:
    text = "Talks in Ringsend went on; the Serra valley and near Dalmally, Roe said."
    tokens = tokenise(text)
    context = Classifier(text, tokens, gazetteer())
    cues = []
    for i in range(len(tokens)):
        for j in (i + 1, min(i + 2, len(tokens))):
            alone = context.place_cue(i, j)
            assert context.place_cue(i, j, context.prev_word(i)) == alone
            cues.append(alone)
    assert any(cues) and not all(cues)


def test_title_mentions_alike_whatever_the_spaces() -> None:
    body = "Prime Minister Nadia Haddad met Acme Corp in Paris. Haddad said the talks went well."
    analysis = analyse(body)
    plain = _title_mentions("Nadia Haddad visits Acme Corp in Paris", analysis)
    assert ("Nadia Haddad", "person") in plain
    spaced = _title_mentions("Nadia\u00a0Haddad  visits Acme\tCorp in Paris", analysis)
    assert spaced == plain


def test_announced_list_needs_a_colon_four_words_and_no_pointer() -> None:
    assert _announces_list("Die Umfrage stellt vier Fragen:")
    assert _announces_list("The survey asks the following:  ")
    assert not _announces_list("It asks three:")
    assert not _announces_list("The survey asks the following questions.")
    assert not _announces_list("Lesen Sie auch noch dies:")
