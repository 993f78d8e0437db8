"""JSON-LD in an HTML page: the schema.org object that describes the article, and its fields.

Blocks are read leniently (lists, `@graph`, objects linked by `@id`) because
real pages nest them every way the standard allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from lxml import etree

from newsdesk.sanitize import clean_line

#: JSON-LD blocks larger than this are ignored (real ones are a few KB).
MAX_JSON_LD_CHARS = 512 * 1024


_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "techarticle",
    "scholarlyarticle",
    "report",
}


def _json_ld_objects(tree: etree._Element) -> Iterator[Mapping[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, flattening lists and @graph."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue  # Broken JSON-LD is common; the other sources still apply.
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item[:50])
            elif isinstance(item, Mapping):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph[:50])


def _types(obj: Mapping[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values if isinstance(v, str)}


def ld_text(value: Any) -> str | None:
    if isinstance(value, str):
        return clean_line(value) or None
    if isinstance(value, Mapping):
        return ld_text(value.get("name"))
    if isinstance(value, list) and value:
        return ld_text(value[0])
    return None


def ld_authors(value: Any, by_id: Mapping[str, Mapping[str, Any]] | None = None) -> list[str]:
    """Person names from a JSON-LD author value; organisations and bare URLs are left out.

    An author given only as a reference (`{"@id": ...}`, as WordPress SEO
    plugins write it) is looked up among the page's other JSON-LD objects.
    """
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in values[:20]:
        if isinstance(item, Mapping) and "name" not in item and by_id:
            item = by_id.get(str(item.get("@id") or ""), item)
        if isinstance(item, Mapping):
            if "organization" in _types(item) or "newsmediaorganization" in _types(item):
                continue
            name = item.get("name")
            if isinstance(name, str):
                names.append(name)
        elif isinstance(item, str):
            names.append(item)
    return names


def ld_ids(tree: etree._Element) -> dict[str, Mapping[str, Any]]:
    """The page's JSON-LD objects by their "@id" (the first of each)."""
    ids: dict[str, Mapping[str, Any]] = {}
    for obj in _json_ld_objects(tree):
        key = obj.get("@id")
        if isinstance(key, str) and key not in ids and len(obj) > 1:
            ids[key] = obj
    return ids


def article_ld(tree: etree._Element) -> Mapping[str, Any]:
    """The JSON-LD object that describes the article (first article-typed one)."""
    fallback: Mapping[str, Any] = {}
    for obj in _json_ld_objects(tree):
        types = _types(obj)
        if types & _ARTICLE_TYPES:
            return obj
        if not fallback and "webpage" in types and obj.get("headline"):
            fallback = obj
    return fallback


def page_published(tree: etree._Element) -> Any:
    """The `datePublished` of the JSON-LD object describing the page itself: a WebPage or
    one of its kinds (MedicalWebPage, ItemPage), which states the publication date of a
    page whose JSON-LD has no article (a health site's "MedicalWebPage")."""
    for obj in _json_ld_objects(tree):
        if any(t.endswith("webpage") or t == "itempage" for t in _types(obj)):
            value = obj.get("datePublished")
            if value:
                return value
    return None
