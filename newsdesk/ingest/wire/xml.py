"""Parse wire XML safely, and the small element helpers the NITF and NewsML-G2 readers share.

The document goes through the same guard as feeds (`xml_guard`): one that
declares entities is refused unparsed, a DOCTYPE is removed, and lxml never
loads a DTD, resolves an entity or touches the network.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeAlias

from lxml import etree

from newsdesk.ingest.result import Rejected
from newsdesk.ingest.xml_guard import as_utf8_xml, check_entities, strip_doctype

Element: TypeAlias = etree._Element


def parse_xml(text: str, what: str) -> Element:
    """The root element of `text`; `Rejected` with a one-line reason when it cannot be read."""
    check_entities(text)
    data = as_utf8_xml(strip_doctype(text).lstrip())
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = f" at line {exc.lineno}" if exc.lineno else ""
        message = str(exc.msg or exc).split(", line ")[0]
        raise Rejected(f"malformed {what} XML: {message}{line}") from None
    if root is None:
        raise Rejected(f"malformed {what} XML: no root element")
    return root


def local(element: Element) -> str:
    """The element's name without its namespace ("" for comments and the like)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(element: Element) -> str:
    """The element's namespace URI, "" when it has none."""
    tag = element.tag
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:].split("}", 1)[0]
    return ""


def kids(element: Element | None, name: str) -> Iterator[Element]:
    """Direct children called `name`, whatever their namespace."""
    if element is None:
        return
    for child in element:
        if local(child) == name:
            yield child


def kid(element: Element | None, *path: str) -> Element | None:
    """The first element down a path of child names, or None."""
    current = element
    for name in path:
        current = next(kids(current, name), None)
        if current is None:
            return None
    return current


def descendants(element: Element | None, name: str) -> Iterator[Element]:
    """Every element called `name` below `element`, in document order."""
    if element is None:
        return
    for node in element.iter():
        if node is not element and local(node) == name:
            yield node


def text_of(element: Element | None) -> str:
    """All the text inside an element, spaces collapsed; "" for None."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def attr(element: Element | None, name: str) -> str:
    """An attribute's value stripped, "" when absent (or the element is)."""
    if element is None:
        return ""
    return str(element.get(name) or "").strip()


def code_value(element: Element | None) -> str:
    """The code a qcode or uri attribute carries: "stat:canceled" or ".../canceled" -> "canceled"."""
    qcode = attr(element, "qcode")
    if qcode:
        return qcode.rsplit(":", 1)[-1].strip().lower()
    uri = attr(element, "uri").rstrip("/")
    return uri.rsplit("/", 1)[-1].strip().lower() if uri else ""
