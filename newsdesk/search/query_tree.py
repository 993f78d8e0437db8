"""The query language's tree: what `query.parse` makes and the engine, the rules and
each store backend read (a node is a plain frozen dataclass).

Text leaves (`Words`, `Related`) are answered by the search index; store leaves
(the `StoreLeaf` union) by the store; `And`, `Or`, `Not` combine them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from newsdesk.search.dates import Span

TextField = Literal[
    "any", "title", "authors", "source", "people", "organizations", "places", "dateline"
]
FlagName = Literal[
    "starred", "unstarred", "read", "unread", "archived", "exported", "inbox", "hidden"
]
WireFlagName = Literal["urgent", "embargoed", "killed", "corrected", "updated"]


@dataclass(frozen=True)
class Words:
    """A word, a "phrase" or a prefix* searched in one field (`any`: the default fields)."""

    field: TextField
    text: str
    kind: Literal["word", "phrase", "prefix"]


@dataclass(frozen=True)
class Related:
    """Articles like the one with this id (or id prefix)."""

    article_id: str


@dataclass(frozen=True)
class Flag:
    """An editor state flag (`is:starred`) or `in:inbox` (not archived)."""

    name: FlagName


@dataclass(frozen=True)
class WireFlag:
    """A wire copy state: `is:urgent` (urgency 1-3), `is:embargoed`, `is:killed`,
    `is:corrected`, `is:updated` (an update or a correction)."""

    name: WireFlagName
    #: For `embargoed`: when the query was read (an embargo holds after it), as a timestamp.
    at: float = 0.0


@dataclass(frozen=True)
class Urgency:
    """`urgency:<=3`, `urgency:2`, `urgency:2-4`: wire copy whose urgency is in low..high."""

    low: int
    high: int


@dataclass(frozen=True)
class Slug:
    """`slug:storm`: a slugline equal to the text or with it as one of its parts
    (`portugal-storm`); `slug:port*`: sluglines starting so. Folded to lower case."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Subject:
    """`subject:weather`, `subject:"power cuts"`, `subject:econ*`: a subject or keyword."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Everything:
    """`in:all`: every article, archived or not."""


@dataclass(frozen=True)
class Tag:
    tag: str
    prefix: bool = False


@dataclass(frozen=True)
class Published:
    """Published within a span; `span=None` means "has no publication date"."""

    span: Span | None


@dataclass(frozen=True)
class Arrived:
    """Arrived on the desk (imported) within a span: `arrived:today`, `arrived:>-2h`."""

    span: Span


@dataclass(frozen=True)
class Language:
    code: str


@dataclass(frozen=True)
class IdPrefix:
    prefix: str


@dataclass(frozen=True)
class Note:
    """`note:WORDS`: the editor's note contains the text; `note:*`: has a note."""

    text: str


@dataclass(frozen=True)
class FeedName:
    """`feed:NAME`: articles a subscribed feed carried (`feed:reu*`: feeds named so)."""

    name: str
    prefix: bool = False


@dataclass(frozen=True)
class Claimed:
    """`is:claimed` (anyone), `is:mine` (this editor), `claimed:NAME` (that editor)."""

    editor: str = ""
    mine: bool = False


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


TextLeaf = Words | Related
StoreLeaf = (
    Flag
    | Everything
    | Tag
    | Published
    | Arrived
    | Language
    | IdPrefix
    | Note
    | FeedName
    | WireFlag
    | Urgency
    | Slug
    | Subject
    | Claimed
)
Node = TextLeaf | StoreLeaf | And | Or | Not


@dataclass
class ParsedQuery:
    """A parsed query: the tree (None for an empty query) and what the user should see."""

    text: str
    root: Node | None
    #: Words and phrases to highlight (lower case; a prefix ends with "*").
    terms: list[str] = field(default_factory=list)
    #: Things the parser did not take literally ("unknown field foo: searched as words").
    warnings: list[str] = field(default_factory=list)
    #: True when the query asks for archived articles (`is:archived`, `in:all`).
    shows_archived: bool = False

    @property
    def means_nothing(self) -> bool:
        """Typed something, but nothing in it is a word, a field or an operand.

        `😀`, `*`, `!!!` or `-` parse to no tree, which as a *search* would be the
        inbox: such a query finds nothing, and an action on it is refused.
        """
        return self.root is None and bool(self.text.strip())


def is_store_leaf(node: Node) -> bool:
    return isinstance(node, StoreLeaf)
