"""Markdown with YAML front matter: the front matter states, the body is extracted."""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsdesk.extract import enrich
from newsdesk.ingest.assemble import bounded, extract_article, finish, impose
from newsdesk.ingest.fields import EXPLICIT_FIELDS, hints_from_mapping, keep_stated_empties
from newsdesk.ingest.limits import MAX_FRONT_MATTER_BYTES, MAX_TEXT_CHARS, sizes_apart
from newsdesk.ingest.markdown_text import markdown_to_text
from newsdesk.ingest.result import Rejected
from newsdesk.model import Extracted

_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front matter YAML, body); the YAML is None when the file has none."""
    text = text.replace("\r\n", "\n")
    opening = _OPEN.match(text)
    if not opening:
        return None, text
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return None, text
    return text[opening.end() : closing.start()], text[closing.end() :].lstrip("\n")


def parse_front_matter(yaml_text: str) -> Mapping[str, object]:
    """`yaml.safe_load` of the block; `Rejected` with the reason when it is not a mapping."""
    import yaml

    size = len(yaml_text.encode("utf-8", "replace"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise Rejected(
            "front matter too large: {}; the limit is {}".format(
                *sizes_apart(size, MAX_FRONT_MATTER_BYTES)
            )
        )
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise Rejected(f"malformed YAML front matter{where}: {problem}") from exc
    except RecursionError as exc:
        raise Rejected("malformed YAML front matter: nested too deeply") from exc
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise Rejected(
            f"malformed YAML front matter: expected key: value pairs, got {type(data).__name__}"
        )
    return data


def load_markdown(text: str, warnings: list[str], *, strict: bool = True) -> list[Extracted]:
    """One article; without front matter the document is read as a text page.

    With `strict` false (the file only looked like Markdown, its name did not
    say so), front matter that is not valid YAML makes it a text page instead
    of an error.
    """
    yaml_text, body = split_front_matter(text)
    front: Mapping[str, object] = {}
    if yaml_text is not None:
        try:
            front = parse_front_matter(yaml_text)
        except Rejected:
            if strict:
                raise
            body = text
    hints = hints_from_mapping(front, "markdown")
    marked = _marked_body(body) if front else None
    if marked is not None:
        # newsdesk's own per-article export: the front matter states every field and the
        # body is what stands between the markers, read as it was stored.
        hints.body = bounded(markdown_to_text(marked), MAX_TEXT_CHARS, warnings)
        return [finish(enrich(hints), "markdown")]
    plain = bounded(markdown_to_text(body), MAX_TEXT_CHARS, warnings)
    meta = extract_article(plain, hints, warnings, text_is_article=True)
    impose(meta, hints, EXPLICIT_FIELDS)
    keep_stated_empties(meta, hints)
    return [finish(meta, "markdown")]


#: `export.markdown.BODY_START` / `BODY_END`, each alone on its line.
_BODY_START = re.compile(r"^<!-- newsdesk:body -->[ \t]*$", re.M)
_BODY_END = re.compile(r"^<!-- /newsdesk:body -->[ \t]*$", re.M)


def _marked_body(body: str) -> str | None:
    """The body a per-article export marked, or None when the file has no such markers."""
    start = _BODY_START.search(body)
    if start is None:
        return None
    end = _BODY_END.search(body, start.end())
    if end is None:
        return None
    return body[start.end() : end.start()].strip("\n")
