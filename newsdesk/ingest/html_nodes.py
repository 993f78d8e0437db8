"""Small readers of lxml elements that the HTML page modules share."""

from __future__ import annotations

from typing import Any

from newsdesk.sanitize import clean_line


def node_text(element: Any) -> str:
    return clean_line("".join(element.itertext())) if element is not None else ""


def node_classes(element: Any) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"
