"""The article-field lists every layer builds on are the model's own fields."""

from __future__ import annotations

from dataclasses import fields

from newsdesk.export.markdown import FRONT_MATTER_KEYS
from newsdesk.export.record import RECORD_FIELDS
from newsdesk.ingest.fields import EXPLICIT_FIELDS
from newsdesk.model import (
    DESCRIPTIVE_FIELDS,
    ENTITY_FIELDS,
    EXTRA_FIELDS,
    INSPECT_KEYS,
    ArticleState,
    Extracted,
)


def test_field_groups_are_fields_of_extracted() -> None:
    names = {f.name for f in fields(Extracted)}
    for name in (*DESCRIPTIVE_FIELDS, *ENTITY_FIELDS, *EXTRA_FIELDS, *INSPECT_KEYS):
        assert name in names, name


def test_every_list_is_built_from_the_groups_in_their_order() -> None:
    state = {f.name for f in fields(ArticleState)}
    extracted = {f.name for f in fields(Extracted)}
    for listed in (RECORD_FIELDS, EXPLICIT_FIELDS, FRONT_MATTER_KEYS, INSPECT_KEYS):
        article_fields = [n for n in listed if n in extracted and n not in state]
        groups = [n for n in (*DESCRIPTIVE_FIELDS, *ENTITY_FIELDS, *EXTRA_FIELDS) if n in listed]
        assert [n for n in article_fields if n in groups] == groups, listed
        assert set(DESCRIPTIVE_FIELDS) <= set(listed)
    # Every record key is an article field, an editor's mark, or the article's own data.
    own = {"id", "note", "read", "archived", "body", "origin", "imported_at"}
    assert set(RECORD_FIELDS) <= extracted | state | own
