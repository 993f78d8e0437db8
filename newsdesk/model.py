"""Plain data classes shared by every layer: what extraction yields, what the store keeps.

Nothing here imports Textual, Whoosh or SQLite; these are the nouns of the program.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any

# The article's fields by kind, in the order every list of them uses: the one
# list that `inspect`, exports (record, front matter) and importers' explicit
# values are built from (tests/test_model.py checks each is an `Extracted` field).
#: What describes the article: headline to address.
DESCRIPTIVE_FIELDS: tuple[str, ...] = (
    "title",
    "dek",
    "authors",
    "source",
    "dateline",
    "published",
)
#: Who and where the article names.
ENTITY_FIELDS: tuple[str, ...] = ("people", "organizations", "places")
#: What extraction keeps besides the body.
EXTRA_FIELDS: tuple[str, ...] = ("quotes", "links")

# The keys `newsdesk inspect --json` prints, in order (the extraction contract).
INSPECT_KEYS: tuple[str, ...] = (
    *DESCRIPTIVE_FIELDS,
    *ENTITY_FIELDS,
    *EXTRA_FIELDS,
    "body",
    "language",
    "word_count",
)

WORDS_PER_MINUTE = 230


@dataclass
class Quote:
    """A direct quotation and who said it (None when the text does not say)."""

    text: str
    speaker: str | None = None


@dataclass
class Link:
    """A related item or link list entry kept out of the body."""

    title: str
    url: str | None = None


@dataclass
class Extracted:
    """Everything extraction learns about one article, before it is stored.

    Importers fill what their format gives directly (feed title, HTML meta,
    front matter); the extractors fill the rest from the text.
    """

    title: str = ""
    dek: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    #: The short form of the outlet when the text also used one ("RFA").
    source_short: str | None = None
    dateline: str | None = None
    #: ISO 8601 date or datetime, or None when the page does not say.
    published: str | None = None
    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    #: Mentions per entity name (people, organisations and places together).
    mention_counts: dict[str, int] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    #: Cleaned article text, paragraphs separated by a blank line.
    body: str = ""
    language: str | None = None
    word_count: int = 0
    #: Editor, reporting and photo credits ("Edited by ..."), never authors.
    credits: list[str] = field(default_factory=list)
    #: Photo captions lifted out of the body.
    captions: list[str] = field(default_factory=list)
    url: str | None = None
    guid: str | None = None
    #: Tags given by the input itself (front matter, JSON Lines).
    tags: list[str] = field(default_factory=list)
    #: State given by the input itself (a re-imported export), else None.
    starred: bool | None = None
    #: The editor's note given by the input itself (a re-imported export), else None.
    note: str | None = None
    #: Which importer produced it: text, html, feed, markdown, jsonl, nitf, newsml, ninjs.
    format: str = "text"
    # Wire copy (NITF, NewsML-G2, ninjs) states these; a web page never has them.
    #: IPTC urgency, 1 (flash) to 9; see `newsdesk.wire.urgency_name`.
    urgency: int | None = None
    #: The agency's short working name for the story ("EU-BUDGET").
    slugline: str | None = None
    #: This version's number; a higher one supersedes it.
    version: int | None = None
    #: The agency's GUID for the item, the same in every version.
    item_id: str | None = None
    #: ISO 8601 datetime before which the item must not be published.
    embargo_until: str | None = None
    #: usable, updated, corrected, withheld or withdrawn (`newsdesk.wire.STATUSES`).
    status: str | None = None
    #: Subject names (or codes where the item gives no name) and keywords.
    subjects: list[str] = field(default_factory=list)
    #: The agency's note to editors on this version: what a correction corrects
    #: ("Corrects turnout to 61 per cent"), why an item is withheld.
    agency_note: str | None = None

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.word_count / WORDS_PER_MINUTE)) if self.word_count else 0

    def inspect_dict(self) -> dict[str, Any]:
        """The `inspect --json` view: exactly INSPECT_KEYS."""
        return {
            "title": self.title,
            "dek": self.dek,
            "authors": list(self.authors),
            "source": self.source,
            "dateline": self.dateline,
            "published": self.published,
            "people": list(self.people),
            "organizations": list(self.organizations),
            "places": list(self.places),
            "quotes": [{"speaker": q.speaker, "text": q.text} for q in self.quotes],
            "links": [{"title": link.title, "url": link.url} for link in self.links],
            "body": self.body,
            "language": self.language,
            "word_count": self.word_count,
        }

    def to_dict(self) -> dict[str, Any]:
        """`dataclasses.asdict(self)`, written out: asdict deep-copies field by field
        through generic recursion, 0.3-0.4 ms an article in the importing process,
        which stores articles one after another."""
        return self._as_dict(copies=True)

    def stored_fields(self) -> dict[str, Any]:
        """`to_dict` less the body (which the store keeps in a column of its own), its
        lists and dicts this article's own: only for serialising at once (the store's
        meta column), where copies are work thrown away."""
        return self._as_dict(copies=False, leave_out="body")

    def _as_dict(self, copies: bool, leave_out: str = "") -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _EXTRACTED_FIELDS:
            if name == leave_out:
                continue
            value = getattr(self, name)
            if name == "quotes":
                value = [{"text": q.text, "speaker": q.speaker} for q in value]
            elif name == "links":
                value = [{"title": link.title, "url": link.url} for link in value]
            elif copies and isinstance(value, list):
                value = list(value)  # of strings: nothing inside to copy
            elif copies and isinstance(value, dict):
                value = dict(value)
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extracted:
        known = {f for f in cls.__dataclass_fields__}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["quotes"] = [
            q
            if isinstance(q, Quote)
            else Quote(text=str(q.get("text", "")), speaker=q.get("speaker"))
            for q in data.get("quotes") or []
        ]
        kwargs["links"] = [
            link
            if isinstance(link, Link)
            else Link(title=str(link.get("title", "")), url=link.get("url"))
            for link in data.get("links") or []
        ]
        return cls(**kwargs)


@dataclass
class ArticleState:
    """What the editor has done to an article."""

    read: bool = False
    starred: bool = False
    archived: bool = False
    exported: bool = False
    tags: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Article:
    """A stored article: its extraction, where it came from, and its state."""

    id: str
    meta: Extracted
    state: ArticleState
    origin: str
    imported_at: str
    #: Every file or feed this article arrived from (exact duplicates merge here).
    origins: list[str] = field(default_factory=list)
    story_id: str | None = None
    #: Other outlets carrying the same story (filled when stories are grouped).
    story_size: int = 1
    #: Wire copy: some version of this item was killed or withheld ("do not use").
    killed: bool = False
    #: Wire copy: that "do not use" is the agency's hold, not a kill (`wire.HOLD_MARK`).
    withheld: bool = False
    #: Wire copy: a newer version of this item is the current one.
    superseded: bool = False
    #: When its feed last corrected it in place (ISO UTC), else None.
    updated_at: str | None = None

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def published(self) -> str | None:
        return self.meta.published


@dataclass
class ArticleRow:
    """The slim row the inbox list draws; fetched by position, never the body."""

    id: str
    title: str
    source: str | None
    published: str | None
    read: bool
    starred: bool
    archived: bool
    exported: bool
    tags: list[str]
    story_size: int = 1
    #: Of the story's members: how many are unread in the inbox, how many starred (a
    #: folded story row shows them, not only its own article's marks).
    story_unread: int = 0
    story_starred: int = 0
    #: The headline that names the row's story (`story_label`): its earliest straight
    #: report, not the newest member's "Opinion: ..." (empty outside a story of two or more).
    story_title: str = ""
    #: That member's outlet: a folded story row shows it beside the headline it names.
    story_source: str | None = None
    #: Wire copy only (None / False for web pages): see `newsdesk.wire`.
    urgency: int | None = None
    wire_status: str | None = None
    killed: bool = False
    #: The kill is the agency's hold ("WITHHELD: do not use"), see `Article.withheld`.
    withheld: bool = False
    superseded: bool = False
    embargo_ts: float | None = None
    #: The editor who claimed it ("" when nobody has), shown to every editor.
    claimed_by: str = ""
    #: When its feed last corrected it in place (the row says "updated").
    updated_at: str | None = None


_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def normalise_for_id(text: str) -> str:
    """Fold case, accents' composition, punctuation and spacing so copies hash alike."""
    text = unicodedata.normalize("NFKC", text).casefold()
    # str.split() splits on exactly what \s matches: the same as a second re.sub
    # collapsing spaces and a strip, in half the time (0.20 -> 0.09 ms a 500-word body).
    return " ".join(_PUNCT.sub(" ", text).split())


def article_id(meta: Extracted) -> str:
    """Stable id: a hash of the normalised headline and body.

    The same article imported again, from another file or format, gets the
    same id, so re-importing is a no-op.
    """
    basis = normalise_for_id(meta.title) + "\n" + normalise_for_id(meta.body)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


_EXTRACTED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Extracted))


#: Curly quotes as straight ones, dashes as hyphens: a page's description and its text
#: differ in them.
_PLAIN = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "—": "-", "–": "-"}
)


def plain_fold(text: str) -> str:
    """Case, spacing, curly quotes and dashes folded: two tellings of one line compare equal."""
    return " ".join(text.casefold().split()).translate(_PLAIN)


def dek_opens_body(dek: str | None, body: str | None) -> bool:
    """The body's first paragraph is the dek: a standfirst the page also prints as the
    article's first lines, or a description that is the lede. Both are kept (what the
    body holds is scored as the body); a reader is shown it once (`dek_to_show`)."""
    if not dek or not body:
        return False
    first = body.lstrip().split("\n\n", 1)[0]
    folded = plain_fold(dek)
    if plain_fold(first) == folded:
        return True
    # Wire copy opens its lede with a dateline the description leaves out
    # ("LOS ANGELES (Reuters) - South Korean thriller ..."): an export printed it twice.
    lead_in = _LEAD_IN.match(first)
    return lead_in is not None and plain_fold(first[lead_in.end() :]) == folded


#: A dateline before a dash at the start of a lede: "CITY (Agency) - ", "CITY, State — ".
_LEAD_IN = re.compile(r"^[^\n]{2,70}?\s[-–—]{1,2}\s+")


def dek_to_show(dek: str | None, body: str | None) -> str | None:
    """The dek for a reader: none when the body opens with it (it was read twice)."""
    return None if dek_opens_body(dek, body) else dek


#: A description this long or longer that the body opens with, cut ("..."), is its start.
MIN_CUT_DEK = 30


def dek_cut_from_body(dek: str | None, body: str | None) -> bool:
    """The dek is the start of the body's opening, cut short ("Police said on ..."): a page
    description, no standfirst."""
    if not dek or not body:
        return False
    opening = plain_fold(dek).rstrip(".…,;: ")
    start = body.lstrip()[: len(dek) + 200]
    # The lede may open with a dateline the description leaves out ("NEW YORK (Reuters) - ").
    lead_in = _LEAD_IN.match(start)
    starts = [start, start[lead_in.end() :]] if lead_in else [start]
    return (
        len(opening) >= MIN_CUT_DEK
        and any(plain_fold(text).startswith(opening) for text in starts)
        and not dek_opens_body(dek, body)
    )
