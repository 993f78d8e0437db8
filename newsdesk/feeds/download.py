"""One feed's network and parsing work, done in a worker thread: no store writes here.

GET the feed (conditional), parse it with the same importer files use, tag
its items with the subscription's folders, and for a full-text feed fetch
each new item's page and extract it like an HTML file. The result goes back
to the caller, which stores the items and the subscription's new state in
one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsdesk.feeds.feed_title import own_title
from newsdesk.feeds.http import Client, Fetched, HostGate
from newsdesk.feeds.subscription import Subscription
from newsdesk.ingest import load_bytes
from newsdesk.ingest.feed import NO_ITEMS
from newsdesk.model import Extracted

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
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
    done.warnings.extend(result.warnings)
    if result.format == "feed" and result.text:
        done.title = own_title(result.text)
    if result.error == NO_ITEMS:
        return  # an empty channel is a feed with nothing new, not a failure
    done.error = result.error
    if not result.error:
        done.items = result.items


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
    if fetched.error or fetched.not_modified:
        done.error = fetched.error
        return done
    parse_feed(fetched, done)
    if done.error:
        return done
    items = done.items
    for item in items:
        item.tags = list(dict.fromkeys([*item.tags, *sub.tags]))
    if full_text:
        keys = [k for item in items for k in (item.guid, item.url) if k]
        seen = known(keys)
        items = [
            item
            if (item.guid and item.guid in seen) or (item.url and item.url in seen)
            else with_page(item, client, page_gate, done.warnings)
            for item in items
        ]
    done.items = items
    return done


def with_page(item: Extracted, client: Client, gate: HostGate, warnings: list[str]) -> Extracted:
    """The item with its article page's text; the feed's summary when the page fails."""
    label = (item.title or item.url or "an item")[:80]
    if not item.url:
        warnings.append(f"{label}: no link to fetch the full text from; kept the summary")
        return item
    with gate.hold(item.url):
        page = client.get(item.url, accept=PAGE_ACCEPT)
    if page.error or page.not_modified:
        reason = page.error or "no body"
        warnings.append(f"{label}: page could not be fetched ({reason}); kept the summary")
        return item
    result = load_bytes(page.body, "page.html")
    if result.error or not result.items:
        reason = result.error or "no article found"
        warnings.append(f"{label}: page could not be read ({reason}); kept the summary")
        return item
    found = result.items[0]
    if len(found.body) < len(item.body):
        warnings.append(f"{label}: the page had less text than the feed; kept the summary")
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
