"""One feed's network and parsing work, done in a worker thread: no store writes here.

GET the feed (conditional), parse it with the same importer files use, tag
its items with the subscription's folders, and for a full-text feed fetch
each new item's page and extract it like an HTML file. The result goes back
to the caller, which stores the items and the subscription's new state in
one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsdesk.counting import counted
from newsdesk.feeds.article_page import is_page_type, not_the_article
from newsdesk.feeds.feed_title import own_title
from newsdesk.feeds.http import Client, Fetched, HostGate
from newsdesk.feeds.subscription import Subscription
from newsdesk.ingest import load_bytes
from newsdesk.ingest.feed import CUT_SHORT, FUTURE_DATE, NO_ITEMS
from newsdesk.model import Extracted

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
#: What a page read as another format is, in a refusal's words.
_FORMAT_SAID = {"feed": "a feed", "jsonl": "JSON", "ninjs": "JSON", "text": "plain text"}
#: Article pages fetched at once from one host for full text (politeness).
PAGES_PER_HOST = 2


@dataclass
class Downloaded:
    """A feed fetched and parsed (or why not)."""

    sub: Subscription
    fetched: Fetched
    items: list[Extracted] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: The title the feed gives itself (None for wire copy, or a feed with none).
    title: str | None = None
    #: What is said of a feed cut short (a download stopped mid-file) whose complete
    #: items were read: the fetch stores them and still counts as failed.
    cut_short: str | None = None


def _not_a_feed(result_format: str | None, fetched: Fetched) -> str:
    kind = fetched.content_type.split(";")[0].strip() or "no content type"
    if result_format == "html":
        return f"not a feed: the server sent an HTML page ({kind}) instead of RSS or Atom"
    # JSON that is not a JSON Feed reads as JSON Lines (or, pretty-printed, as text).
    json_like = fetched.body.lstrip()[:1] in (b"{", b"[")
    what = (
        "JSON" if result_format == "jsonl" or json_like else result_format or "something unreadable"
    )
    return (
        f"not a feed: the server sent {what} ({kind}) instead of RSS, Atom, JSON Feed or wire copy"
    )


#: What a subscription may serve: RSS and Atom, and an agency's wire copy (NewsML-G2,
#: NITF, ninjs), whose versions settle as they do when imported from files.
FEED_FORMATS = frozenset({"feed", "newsml", "nitf", "ninjs"})


def parse_feed(fetched: Fetched, done: Downloaded) -> None:
    """The feed's items and its own title into `done`, or the reason there are none."""
    result = load_bytes(fetched.body, "feed.xml")
    if result.format not in (None, *FEED_FORMATS):
        # Not a feed at all: what another importer said of it ("line 1: no title")
        # would only muddle that one reason.
        done.error = _not_a_feed(result.format, fetched)
        return
    done.warnings.extend(future_dates_once(result.warnings))
    if result.format == "feed" and result.text:
        done.title = own_title(result.text)
    if result.error == NO_ITEMS:
        return  # an empty channel is a feed with nothing new, not a failure
    done.error = result.error
    if not result.error:
        done.items = result.items
        done.cut_short = next((w for w in result.warnings if w.startswith(CUT_SHORT)), None)


def _read_cut_off(fetched: Fetched, done: Downloaded) -> None:
    """A download the connection cut mid-file: its complete items are kept as a feed
    file cut short's are (the fetch still fails, its validators not kept); with none,
    the parser's "cut short" reason, or the cut itself, is the fetch's failure."""
    if done.error:
        if not done.error.startswith(CUT_SHORT):
            done.error = fetched.error  # what the cut left is no feed: the cut is the reason
        return
    said = done.cut_short or f"{CUT_SHORT}: read its {counted(len(done.items), 'item')}"
    done.cut_short = f"{said}; {fetched.error}"
    # The warning the fetch shows is the same words as the feed's last error.
    done.warnings = [w for w in done.warnings if not w.startswith(CUT_SHORT)]
    done.warnings.append(done.cut_short)


_FUTURE = re.compile(rf": date (\S+) {re.escape(FUTURE_DATE)}$")


def future_dates_once(warnings: list[str]) -> list[str]:
    """`warnings` with the items' dates dropped as in the future said in one line, in
    the place of the first ("1 item's date 2030-01-01 ignored: in the future"): a fetch
    that dropped them said nothing, and the items sorted as undated."""
    dates = [found[1] for w in warnings if (found := _FUTURE.search(w))]
    if not dates:
        return warnings
    shown = ", ".join(dict.fromkeys(dates[:3])) + (", ..." if len(dates) > 3 else "")
    said = (
        f"1 item's date {shown} {FUTURE_DATE}"
        if len(dates) == 1
        else f"{len(dates)} items' dates ({shown}) {FUTURE_DATE}"
    )
    first = next(i for i, w in enumerate(warnings) if _FUTURE.search(w))
    rest = [w for w in warnings if not _FUTURE.search(w)]
    return [*rest[:first], said, *rest[first:]]


def download(
    sub: Subscription,
    client: Client,
    *,
    full_text: bool,
    page_gate: HostGate,
    known: Callable[[Sequence[str]], set[str]],
) -> Downloaded:
    fetched = client.get(
        sub.url, etag=sub.etag, last_modified=sub.last_modified, accept=FEED_ACCEPT
    )
    done = Downloaded(sub, fetched)
    if (fetched.error and not fetched.cut_off) or fetched.not_modified:
        done.error = fetched.error
        return done
    parse_feed(fetched, done)
    if fetched.cut_off:
        _read_cut_off(fetched, done)
    if done.error:
        return done
    items = done.items = once_each(done.items)
    for item in items:
        item.tags = list(dict.fromkeys([*item.tags, *sub.tags]))
    if full_text:
        keys = [k for item in items for k in (item.guid, item.url) if k]
        seen = known(keys)
        refused = Refused()
        stored = [bool({item.guid, item.url} & seen) for item in items]
        items = with_pages(items, stored, client, page_gate, done.warnings, refused)
        done.warnings.extend(refused.said())
    done.items = items
    return done


#: Of the shorter text's words, the share the longer must hold for two tellings of one
#: headline in one document to be one item ("avoid the area" and "avoid the area until
#: Wednesday", a word put in on the way).
REPEATED = 0.8


def once_each(items: list[Extracted]) -> list[Extracted]:
    """The feed's items with an item the document repeats told once, by its longest text,
    where it first stands: stored one after the other, the first was new, the second a
    duplicate and a longer third "new" again, two rows of one report. A repeat has the
    same GUID, link and headline (the parser drops a GUID or link items share) and a
    text holding most of the other's words; items sharing only a GUID or a link stay
    apart."""
    out: list[Extracted] = []
    first: dict[tuple[str, str, str], list[int]] = {}
    for item in items:
        key = (item.guid or "", item.url or "", " ".join((item.title or "").casefold().split()))
        if not key[2]:
            out.append(item)
            continue
        words = set(item.body.casefold().split())
        for at in first.get(key, ()):
            other = set(out[at].body.casefold().split())
            fewer = min(len(words), len(other))
            if not fewer or len(words & other) >= REPEATED * fewer:
                if len(item.body) > len(out[at].body):
                    out[at] = item
                break
        else:
            first.setdefault(key, []).append(len(out))
            out.append(item)
    return out


@dataclass
class Refused:
    """Items whose page was no article, by why: said once per feed, not once an item
    (a site's consent wall stands in front of every item)."""

    #: Why -> the headlines of the items that kept their summary for it.
    by_reason: dict[str, list[str]] = field(default_factory=dict)
    #: Why -> what the pages were instead ("application/pdf", "a feed").
    kinds: dict[str, list[str]] = field(default_factory=dict)

    def add(self, reason: str, label: str, kind: str = "") -> None:
        self.by_reason.setdefault(reason, []).append(label)
        if kind and kind not in self.kinds.setdefault(reason, []):
            self.kinds[reason].append(kind)

    def said(self) -> list[str]:
        lines = []
        for reason, labels in self.by_reason.items():
            named = ", ".join(f'"{label}"' for label in labels[:2])
            if len(labels) > 2:
                named += f" and {len(labels) - 2} more"
            kinds = self.kinds.get(reason)
            why = f"{reason} ({', '.join(kinds)})" if kinds else reason
            lines.append(f"kept the summary for {counted(len(labels), 'item')}: {why}: {named}")
        return lines


#: Why a page was not taken as the item's article.
NOT_HTML = "the link led to no web page"
NOT_THE_ARTICLE = "the page was not the article (it carries too few of the item's own words)"
SHARED = "the page was not the article (several items led to the same page)"


def with_pages(
    items: list[Extracted],
    stored: list[bool],
    client: Client,
    gate: HostGate,
    warnings: list[str],
    refused: Refused,
) -> list[Extracted]:
    """Each item with its page's text (an item `stored` already is not fetched again).

    Items of different links whose pages have one text got a site's wall (a consent
    or sign-in page), not their articles: they keep their summaries, so boilerplate
    never groups them into one story.
    """
    found = [
        item if known else with_page(item, client, gate, warnings, refused)
        for item, known in zip(items, stored, strict=True)
    ]
    links: dict[str, set[str]] = {}
    for item, page in zip(items, found, strict=True):
        if page is not item and page.body:
            links.setdefault(page.body, set()).add(item.url or "")
    shared = {body for body, urls in links.items() if len(urls) > 1}
    if not shared:
        return found
    kept = []
    for item, page in zip(items, found, strict=True):
        if page is not item and page.body in shared:
            refused.add(SHARED, _label(item))
            kept.append(item)
        else:
            kept.append(page)
    return kept


def _label(item: Extracted) -> str:
    return (item.title or item.url or "an item")[:80]


def with_page(
    item: Extracted, client: Client, gate: HostGate, warnings: list[str], refused: Refused
) -> Extracted:
    """The item with its article page's text; the feed's summary when the page fails or
    is not the item's article (no HTML page, or one without the item's words)."""
    label = _label(item)
    if not item.url:
        warnings.append(f"{label}: no link to fetch the full text from; kept the summary")
        return item
    with gate.hold(item.url):
        page = client.get(item.url, accept=PAGE_ACCEPT)
    if page.error or page.not_modified:
        reason = page.error or "no body"
        warnings.append(f"{label}: page could not be fetched ({reason}); kept the summary")
        return item
    if not is_page_type(page.content_type):
        kind = page.content_type.split(";")[0].strip().lower()
        refused.add(NOT_HTML, label, kind)
        return item
    result = load_bytes(page.body, "page.html")
    if result.error or not result.items:
        reason = result.error or "no article found"
        warnings.append(f"{label}: page could not be read ({reason}); kept the summary")
        return item
    if result.format != "html":
        # Served as a page, but a feed (RSS, RDF, a JSON Feed) or plain text: its first
        # item's text, outlet and date were taken for the item's.
        refused.add(NOT_HTML, label, _FORMAT_SAID.get(result.format or "", "no HTML"))
        return item
    found = result.items[0]
    if len(found.body) < len(item.body):
        warnings.append(f"{label}: the page had less text than the feed; kept the summary")
        return item
    if not_the_article(item, found):
        refused.add(NOT_THE_ARTICLE, label)
        return item
    # The feed states its GUID, link, headline and date outright: they win. The page's
    # text fills what the feed lacks (the page's own title and date replaced the
    # feed's, against what the README promises).
    found.guid = item.guid or found.guid
    found.url = item.url
    found.title = item.title or found.title
    found.published = item.published or found.published
    found.source = found.source or item.source
    found.language = found.language or item.language
    found.authors = found.authors or item.authors
    found.dek = found.dek or item.dek
    found.tags = list(dict.fromkeys([*found.tags, *item.tags]))
    return found
