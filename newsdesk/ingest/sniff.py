"""Which importer reads a file: by its content first, by its extension when content is vague."""

from __future__ import annotations

import json
import re

_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
}

# What may precede the root element of an XML or HTML document.
_PROLOG = re.compile(
    r"""\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[[^\]]*\][^>]*)?>)*""",
    re.S | re.I,
)
_ROOT = re.compile(r"<([A-Za-z][\w:.-]*)")
_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
#: Wire copy: NITF, and NewsML (G2's items and messages; "newsml" is 1.x, refused by name).
_NITF_ROOTS = {"nitf"}
_NEWSML_ROOTS = {"newsitem", "packageitem", "newsmessage", "newsml"}
_HTML_ROOTS = {
    "html",
    "head",
    "body",
    "meta",
    "title",
    "div",
    "article",
    "p",
    "section",
    "main",
    "link",
    "script",
    "header",
    "h1",
    "h2",
}
_HTML_TAGS = re.compile(r"</(?:p|div|a|span|li|h[1-6]|article|section|td|html|body)>", re.I)
# Front matter: a fence, YAML, and a closing fence (or YAML's "..." end marker).
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.S | re.M)


def format_from_name(name: str) -> str | None:
    """The format an extension claims (".html.gz" counts as ".html")."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    dot = lower.rfind(".")
    return _EXTENSIONS.get(lower[dot:]) if dot >= 0 else None


def root_element(text: str) -> str | None:
    """The first element name after any XML prolog, comments and DOCTYPE (lower case)."""
    head = text[:65536]
    prolog = _PROLOG.match(head)
    rest = head[prolog.end() if prolog else 0 :]
    match = _ROOT.match(rest)
    return match.group(1).lower() if match else None


_JSON_LINE = re.compile(r"^[ \t]*[\[{]", re.M)
# "[{" opens a list of records, and "[]" alone is an empty one; "[ ]" followed by more text
# is a check box in a text browser's copy of a page.
_JSON_LIST_START = re.compile(r"\A\[\s*(?:\{|\]\s*\Z)")


def _looks_json(text: str) -> bool:
    """A list of objects, a first line that is an object, or one pretty-printed object.

    Prose may begin with "[" ("[Updated] ...") or "{", so the bracket alone
    does not decide.
    """
    stripped = text.lstrip()
    if stripped.startswith("["):
        return bool(_JSON_LIST_START.match(stripped))
    if not stripped.startswith("{"):
        return False
    first = stripped.split("\n", 1)[0].strip()
    candidate = stripped if first == "{" and len(stripped) <= 1024 * 1024 else first
    try:
        return isinstance(json.loads(candidate), dict)
    except (ValueError, RecursionError):
        return False


def sniff_content(text: str) -> str | None:
    """The format the content itself shows, or None when it could be anything textual."""
    root = root_element(text)
    if root is not None:
        local = root.rsplit(":", 1)[-1]
        if local in _NITF_ROOTS:
            return "nitf"
        if local in _NEWSML_ROOTS:
            return "newsml"
        if root in _FEED_ROOTS:
            return "feed"
        if root in _HTML_ROOTS:
            return "html"
        if root.startswith("rdf"):
            return "feed"
    if text.startswith("---") and _FRONT_MATTER.match(text[:262144]):
        return "markdown"
    from newsdesk.ingest.json_feed import looks_like_json_feed

    if looks_like_json_feed(text):
        return "feed"
    if _looks_json(text):
        from newsdesk.ingest.wire.ninjs import looks_like_ninjs

        return "ninjs" if looks_like_ninjs(text) else "jsonl"
    if len(_HTML_TAGS.findall(text[:65536])) >= 5:
        return "html"
    return None


#: Files whose name says they are programs, configuration, calendars or contact cards:
#: read as text pages they became "articles" headlined `[keys]` or `import os`.
_NOT_ARTICLES: dict[str, str] = {
    **dict.fromkeys((".toml", ".ini", ".cfg", ".conf", ".yaml", ".yml", ".plist"), "configuration"),
    **dict.fromkeys(
        (".py", ".js", ".ts", ".sh", ".bash", ".rb", ".pl", ".php", ".c", ".h", ".java", ".go"),
        "source code",
    ),
    **dict.fromkeys((".css", ".sql", ".lock"), "not prose"),
    **dict.fromkeys((".ics", ".ical", ".vcs"), "a calendar"),
    **dict.fromkeys((".vcf", ".vcard"), "contact cards"),
}
#: The first line of an iCalendar or vCard file, whatever it is named.
_CARD_START = re.compile(r"\A\s*BEGIN:(VCALENDAR|VCARD)\b", re.I)


def not_an_article(name: str, text: str) -> str | None:
    """Why a file that would be read as a text page is no article, or None.

    An XML document that is no feed, wire copy or page (an OPML subscription list, an
    application's settings), a calendar, or a program or configuration file by its
    name: each was imported as one junk article with its markup for a headline.
    """
    root = root_element(text)
    if root is not None and _is_xml_document(text, root):
        if root.rsplit(":", 1)[-1] == "opml":
            return (
                "an OPML subscription list, not articles: "
                "`newsdesk feeds import FILE` subscribes to its feeds"
            )
        return f"XML that is no feed, wire copy or web page (its root element is <{root}>)"
    card = _CARD_START.match(text)
    if card:
        return (
            f"{'a calendar' if card[1].upper() == 'VCALENDAR' else 'contact cards'}, not an article"
        )
    lower = name.lower()
    dot = lower.rfind(".")
    kind = _NOT_ARTICLES.get(lower[dot:]) if dot >= 0 else None
    if kind is not None:
        return f"a {lower[dot:]} file ({kind}), not an article"
    if text.startswith("#!"):
        return "a script (it starts with #!), not an article"
    return None


def _is_xml_document(text: str, root: str) -> bool:
    """Declared XML, or markup closed by its root's end tag with elements inside: not
    prose that opens with "<" ("<Reuters> LONDON - Oil prices rose ... </Reuters>")."""
    if text.lstrip().startswith("<?xml"):
        return True
    if text.rstrip()[-len(root) - 3 :].lower() != f"</{root}>":
        return False
    return len(set(_ELEMENT.findall(text[:65536]))) >= 2


_ELEMENT = re.compile(r"<([A-Za-z][\w:.-]*)")


#: A sentence of prose: five words or more, ending as sentences end.
_SENTENCE = re.compile(r"(?:\S+\s+){4,}\S*[.!?…][\"'”’)]*(?:\s|\Z)")


def _reads_as_article(text: str) -> bool:
    """A headline line and, below it, a sentence of prose: a text page, whatever its name."""
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) >= 2 and any(_SENTENCE.search(line) for line in lines[1:])


def detect_format(name: str, text: str) -> str:
    """Content wins when it is clear; otherwise the extension; otherwise plain text.

    A file named `.xml` or `.json` whose content is broken markup or JSON
    still goes to the importer its extension names, so the user gets that
    importer's reason ("malformed XML ..."); so does one with no markup or
    JSON at all unless it reads as an article (`_reads_as_article`): a text
    page saved under the wrong name. An error message an endpoint wrote
    ("Error: upstream timed out") or a script came in as an article.
    """
    by_content = sniff_content(text)
    by_name = format_from_name(name)
    if by_name == "csv" and by_content in (None, "html"):
        # A table's cells may hold markup; only a document's root says otherwise.
        return "csv"
    if by_content is not None:
        # Markdown front matter in a .txt/.md/unknown file, or JSON in a .json: trust content.
        return by_content
    head = text[:65536]
    if by_name == "html" and "<" not in head:
        # A page saved as text under a markup name: there is no markup to read.
        return "text"
    if by_name == "feed" and "<" not in head and _reads_as_article(head):
        return "text"
    if by_name == "jsonl" and not _JSON_LINE.search(head) and _reads_as_article(head):
        # Not one line opens a JSON value: a text page under a JSON name.
        return "text"
    if by_name is not None:
        return by_name
    return "text"
