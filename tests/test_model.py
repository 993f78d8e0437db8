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
    own = {"id", "note", "read", "archived", "body", "origin", "origins", "imported_at"}
    own.add("updated_at")  # when its feed last corrected it, as `show --json` says
    own |= {"story", "story_size"}  # the story it is a version of, as `show --json` says
    assert set(RECORD_FIELDS) <= extracted | state | own


def _filled() -> Extracted:
    """An article with every field set to something other than its default."""
    from newsdesk.model import Link, Quote

    values: dict[str, object] = {}
    for f in fields(Extracted):
        if f.name == "quotes":
            values[f.name] = [Quote("We will rebuild.", "Ana Ruiz"), Quote("No.", None)]
        elif f.name == "links":
            values[f.name] = [Link("Earlier report", "https://example.org/a"), Link("Map")]
        elif f.name == "mention_counts":
            values[f.name] = {"Ana Ruiz": 3, "Lisbon": 1}
        elif f.type in ("int", "int | None"):
            values[f.name] = 7
        elif f.type in ("bool | None",):
            values[f.name] = True
        elif f.type.startswith("list"):
            values[f.name] = [f"{f.name} one", f"{f.name} two"]
        else:
            values[f.name] = f"{f.name} value"
    return Extracted(**values)  # type: ignore[arg-type]


def test_to_dict_is_asdict_and_shares_no_list_with_the_article() -> None:
    from dataclasses import asdict

    article = _filled()
    stored = article.to_dict()
    assert stored == asdict(article)
    assert list(stored) == [f.name for f in fields(Extracted)]
    stored["authors"].append("someone else")
    stored["mention_counts"]["Porto"] = 2
    stored["quotes"][0]["speaker"] = "nobody"
    assert "someone else" not in article.authors
    assert "Porto" not in article.mention_counts
    assert article.quotes[0].speaker == "Ana Ruiz"
    assert Extracted.from_dict(article.to_dict()) == article
