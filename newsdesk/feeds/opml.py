"""OPML subscription lists: read what other readers export, write OPML 2.0 back.

Read: any OPML 1.0/2.0 file (newsboat, elfeed-org, Miniflux, FreshRSS,
Feedly, Inoreader, NetNewsWire write it): every `outline` with an `xmlUrl`
is a feed; the `text` or `title` of the outlines around it are its folders,
which become tags, and so do the entries of a `category` attribute
("/News/World,Tech"). The XML guard refuses entity declarations as the
importers do. Write: OPML 2.0, one folder outline per feed's first tag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element, SubElement, tostring

from newsdesk.feeds.subscription import Subscription
from newsdesk.sanitize import clean_line
from newsdesk.tags import normalise_tag

MAX_OUTLINES = 20_000


class OpmlError(ValueError):
    """The file is not an OPML subscription list; one line for the user."""


@dataclass
class OpmlFeed:
    url: str
    title: str = ""
    tags: list[str] = field(default_factory=list)
    #: newsdesk's own attributes, written by `write_opml` (other tools ignore them):
    #: the feed's name on the desk (`name`: `feed:NAME`, saved searches and rules use
    #: it), the interval in seconds (`every`), `paused` and `fullText`.
    name: str = ""
    every_s: int | None = None
    paused: bool = False
    full_text: bool = False
    #: An `every` given that is no interval a feed may have (kept at the default: said).
    bad_every: str | None = None
    #: Folders and categories with no letter or digit ("📰", "---"): no tag can be made
    #: of them, so the feed is subscribed without them (said), as `folder "📰"`.
    untaggable: list[str] = field(default_factory=list)


def _seconds(value: str | None) -> int | None:
    """An `every` attribute: whole seconds within the intervals a feed may have."""
    from newsdesk.feeds.schedule import MAX_EVERY_S, MIN_EVERY_S

    try:
        seconds = int((value or "").strip())
    except ValueError:
        return None
    return seconds if MIN_EVERY_S <= seconds <= MAX_EVERY_S else None


def _bad_every(value: str | None) -> str | None:
    """The `every` attribute as given when it names no interval a feed may have."""
    if value is None or not value.strip() or _seconds(value) is not None:
        return None
    return clean_line(value)[:40]


def _flag(value: str | None) -> bool:
    return (value or "").strip().casefold() in ("true", "1", "yes")


def _tag(text: str) -> str:
    return "-".join(clean_line(text).casefold().replace(",", " ").split())[:64]


def read_opml(data: bytes) -> list[OpmlFeed]:
    import defusedxml.ElementTree as safe_tree
    from defusedxml import DefusedXmlException

    try:
        root = safe_tree.fromstring(data)
    except DefusedXmlException as exc:
        raise OpmlError(f"refused: the file declares XML entities ({type(exc).__name__})") from exc
    except Exception as exc:  # ParseError and friends: the message names the line
        raise OpmlError(f"not readable as OPML: {exc}") from exc
    if root.tag.rsplit("}", 1)[-1].lower() != "opml":
        raise OpmlError(f"not an OPML file: the document is <{root.tag}>, not <opml>")
    body = next((c for c in root if c.tag.rsplit("}", 1)[-1].lower() == "body"), None)
    if body is None:
        raise OpmlError("not an OPML subscription list: no <body>")
    feeds: list[OpmlFeed] = []
    count = 0

    def walk(node: Element, folders: list[str]) -> None:
        nonlocal count
        for child in node:
            if child.tag.rsplit("}", 1)[-1].lower() != "outline":
                continue
            count += 1
            if count > MAX_OUTLINES:
                raise OpmlError(f"too many outlines (more than {MAX_OUTLINES:,})")
            attrs = {k.rsplit("}", 1)[-1].lower(): v for k, v in child.attrib.items()}
            label = clean_line(attrs.get("title") or attrs.get("text") or "").strip()
            url = (attrs.get("xmlurl") or "").strip()
            if url:
                named = [("folder", f) for f in folders]
                for category in (attrs.get("category") or "").split(","):
                    named.extend(("category", part) for part in category.split("/"))
                tags: list[str] = []
                untaggable: list[str] = []
                for kind, text in named:
                    tag = _tag(text)
                    if normalise_tag(tag):
                        tags.append(tag)
                    elif tag:
                        # Emoji folder names are common in Inoreader and Feedly exports:
                        # the feed is kept, only the tag is left out.
                        untaggable.append(f'{kind} "{clean_line(text).strip()[:40]}"')
                tags = list(dict.fromkeys(tags))
                feeds.append(
                    OpmlFeed(
                        url=url,
                        title=label[:200],
                        tags=tags,
                        name=clean_line(attrs.get("name") or "").strip()[:200],
                        every_s=_seconds(attrs.get("every")),
                        paused=_flag(attrs.get("paused")),
                        full_text=_flag(attrs.get("fulltext")),
                        bad_every=_bad_every(attrs.get("every")),
                        untaggable=list(dict.fromkeys(untaggable)),
                    )
                )
            elif "xmlurl" in attrs:
                # An outline meant as a feed, with no address: counted as skipped, not lost.
                feeds.append(OpmlFeed(url="", title=label[:200]))
            walk(child, [*folders, label] if not url and label else folders)

    walk(body, [])
    return feeds


def write_opml(subs: list[Subscription], now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    opml = Element("opml", version="2.0")
    head = SubElement(opml, "head")
    SubElement(head, "title").text = "newsdesk subscriptions"
    SubElement(head, "dateCreated").text = format_datetime(now)
    body = SubElement(opml, "body")
    folders: dict[str, Element] = {}
    for sub in sorted(subs, key=lambda s: (s.tags[:1], s.name)):
        parent = body
        if sub.tags:
            folder = sub.tags[0]
            if folder not in folders:
                shown = clean_line(folder)
                folders[folder] = SubElement(body, "outline", text=shown, title=shown)
            parent = folders[folder]
        # A store another tool wrote may hold controls, which XML 1.0 cannot carry either.
        label = clean_line(sub.title or sub.name)
        attrs = {"type": "rss", "text": label, "title": label, "xmlUrl": clean_line(sub.url)}
        if len(sub.tags) > 1:
            attrs["category"] = ",".join(f"/{t}" for t in sub.tags[1:])
        # newsdesk's own settings, read back by `read_opml` (other readers pass them over).
        attrs["name"] = clean_line(sub.name)
        attrs["every"] = str(sub.every_s)
        if sub.paused:
            attrs["paused"] = "true"
        if sub.full_text:
            attrs["fullText"] = "true"
        SubElement(parent, "outline", attrs)
    text = tostring(opml, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
