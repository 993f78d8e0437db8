"""The query language: text in, a small tree out (see SYNTAX.md).

The tree has two kinds of leaves. Text leaves (words, phrases, prefixes, name
fields, `related:`) are answered by the Whoosh index. Store leaves (`is:`,
`in:`, `tag:`, `published:`, `lang:`, `id:`, `note:`, `feed:`) are answered by the store, which is
always current. The engine evaluates the tree; this module only reads text and
never touches either.

By responsibility: `query_lexer` cuts the text into tokens, this module holds
the bounds (how much one query may ask), the field names and the parser, and
`query_tree` the nodes it builds (importable from here too, as before).

Every malformed input raises QuerySyntaxError with a one-line message meant
for the user.
"""

from __future__ import annotations

import difflib
import re
from datetime import datetime

from newsdesk.errors import QuerySyntaxError
from newsdesk.search.dates import DATE_HELP, DateSyntaxError, parse_span, shown
from newsdesk.search.query_lexer import Token, lex
from newsdesk.search.query_tree import (
    And,
    Arrived,
    Claimed,
    Everything,
    FeedName,
    Flag,
    FlagName,
    IdPrefix,
    Language,
    Node,
    Not,
    Note,
    Or,
    ParsedQuery,
    Published,
    Related,
    Slug,
    StoreLeaf,
    Subject,
    Tag,
    TextField,
    TextLeaf,
    Urgency,
    WireFlag,
    WireFlagName,
    Words,
    is_store_leaf,
)
from newsdesk.search.words import JOINED, PER_CENT
from newsdesk.tags import normalise_tag

__all__ = [
    "MAX_DEPTH",
    "MAX_LEAVES",
    "MAX_LENGTH",
    "MAX_PREFIXES",
    "MAX_RELATED",
    "MIN_PREFIX",
    "And",
    "Arrived",
    "Claimed",
    "Everything",
    "FeedName",
    "Flag",
    "IdPrefix",
    "Language",
    "Node",
    "Not",
    "Note",
    "Or",
    "ParsedQuery",
    "Published",
    "QuerySyntaxError",
    "Related",
    "Slug",
    "StoreLeaf",
    "Subject",
    "Tag",
    "TextLeaf",
    "Urgency",
    "WireFlag",
    "Words",
    "is_store_leaf",
    "parse",
]

#: The bounds: how much one query may ask (each refused with its own message).
MIN_PREFIX = 3
MAX_DEPTH = 32
MAX_LEAVES = 64
#: Prefix words (`harb*`) in one query: each expands to up to 64 index terms.
MAX_PREFIXES = 16
#: `related:` conditions in one query: each builds a query from a whole article.
MAX_RELATED = 4
MAX_LENGTH = 2_000


# -- fields --------------------------------------------------------------------

_TEXT_FIELDS: dict[str, TextField] = {
    "title": "title",
    "headline": "title",
    "author": "authors",
    "by": "authors",
    "byline": "authors",
    "source": "source",
    "outlet": "source",
    "person": "people",
    "people": "people",
    "org": "organizations",
    "organization": "organizations",
    "organisation": "organizations",
    "place": "places",
    "location": "places",
    "dateline": "dateline",
}
_STORE_FIELDS = frozenset(
    {
        "is",
        "in",
        "tag",
        "published",
        "date",
        "arrived",
        "before",
        "after",
        "lang",
        "language",
        "id",
        "related",
        "like",
        "note",
        "feed",
        "urgency",
        "slug",
        "slugline",
        "subject",
        "claimed",
    }
)
_FLAGS: dict[str, FlagName] = {
    "starred": "starred",
    "star": "starred",
    "unstarred": "unstarred",
    "read": "read",
    "unread": "unread",
    "new": "unread",
    "archived": "archived",
    "archive": "archived",
    "exported": "exported",
    "inbox": "inbox",
}
_WIRE_FLAGS: dict[str, WireFlagName] = {
    "urgent": "urgent",
    "embargoed": "embargoed",
    "embargo": "embargoed",
    "killed": "killed",
    "kill": "killed",
    "corrected": "corrected",
    "correction": "corrected",
    "updated": "updated",
    "update": "updated",
}
IS_VALUES = (
    "starred",
    "unstarred",
    "read",
    "unread",
    "archived",
    "exported",
    "urgent",
    "embargoed",
    "killed",
    "corrected",
    "updated",
    "claimed",
    "mine",
)
_URGENCY = re.compile(r"^(<=|>=|<|>|=)?([0-9]+)$")
_URGENCY_RANGE = re.compile(r"^([0-9]+)(?:-|\.\.)([0-9]+)$")
URGENCY_HELP = "urgency: takes 1 (flash) to 9, e.g. urgency:<=3, urgency:1 or urgency:2-4"

# -- parsing -------------------------------------------------------------------

#: What makes a typed word a word ("%" is one: "percent").
_WORD_CHARS = re.compile(r"[\w%]", re.UNICODE)
#: Fields of names, matched by whole keywords (`person:o'b*` starts "o'brien").
_NAME_TARGETS = ("authors", "people", "organizations", "places")


class _Parser:
    def __init__(self, tokens: list[Token], now: datetime) -> None:
        self.tokens = tokens
        self.pos = 0
        self.now = now
        self.depth = 0
        self.leaves = 0
        self.prefixes = 0
        self.related = 0
        self.terms: dict[str, None] = {}
        self.warnings: list[str] = []
        self.shows_archived = False
        self.negated = 0
        #: The text field a `title:( ... )` group applies inside it.
        self.field_context: str | None = None

    # token helpers
    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Node | None:
        node = self.parse_and()
        token = self.peek()
        if token is not None:
            if token.kind == ")":
                raise QuerySyntaxError("unbalanced parentheses: a ) has no matching (")
            raise QuerySyntaxError(f"unexpected {token.kind!s} in the query")
        return node

    def parse_and(self) -> Node | None:
        """Terms side by side (or joined by AND) must all match.

        OR binds tighter than AND, as in web and mail search:
        `korea OR japan summit` is `(korea OR japan) AND summit`.
        """
        items: list[Node] = []
        while (token := self.peek()) is not None and token.kind != ")":
            if token.kind == "AND":
                self.take()
                if not items:
                    raise QuerySyntaxError("AND needs something to search on its left")
                following = self.peek()
                if following is None or following.kind in (")", "OR", "AND"):
                    raise QuerySyntaxError("AND needs something to search on its right")
                continue
            node = self.parse_or()
            if node is not None:
                items.append(node)
        if not items:
            return None
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_or(self) -> Node | None:
        if self.peek_kind() == "OR":
            raise QuerySyntaxError("OR needs something to search on its left")
        items: list[Node] = []
        first = self.parse_unary(self.field_context)
        if first is not None:
            items.append(first)
        while self.peek_kind() == "OR":
            self.take()
            if not items:
                raise QuerySyntaxError("OR needs something to search on its left")
            if self.peek_kind() in (None, ")", "OR", "AND"):
                raise QuerySyntaxError("OR needs something to search on its right")
            nxt = self.parse_unary(self.field_context)
            if nxt is None:
                raise QuerySyntaxError("OR needs something to search on its right")
            items.append(nxt)
        if not items:
            return None
        return items[0] if len(items) == 1 else Or(tuple(items))

    def peek_kind(self) -> str | None:
        token = self.peek()
        return token.kind if token is not None else None

    def parse_unary(self, field_context: str | None) -> Node | None:
        # A loop, not recursion: 990 `-` or `NOT` in a row must not reach Python's
        # recursion limit. Negations cancel in pairs (`NOT NOT x` is x).
        negations = 0
        while (token := self.peek()) is not None and token.kind in ("NOT", "-"):
            self.take()
            following = self.peek()
            if following is None or following.kind in (")", "OR", "AND"):
                if token.kind == "NOT":
                    raise QuerySyntaxError("NOT needs something to exclude after it")
                return None  # a lone "-" is punctuation, not an operator
            negations += 1
        self.negated += negations % 2
        try:
            inner = self.parse_atom(field_context)
        finally:
            self.negated -= negations % 2
        if inner is None or negations % 2 == 0:
            return inner
        return Not(inner)

    def parse_atom(self, field_context: str | None) -> Node | None:
        token = self.take()
        if token.kind == "(":
            return self.parse_group()
        if token.kind == "phrase":
            return self.words(field_context or "any", token.text, phrase=True, quoted=True)
        if token.kind == "word":
            return self.words(field_context or "any", token.text, phrase=False)
        if token.kind == "field":
            return self.parse_field(token, field_context)
        raise QuerySyntaxError(f"unexpected {token.kind} in the query")

    def parse_group(self) -> Node | None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QuerySyntaxError("too many nested parentheses")
        node = self.parse_and()
        closing = self.peek()
        if closing is None or closing.kind != ")":
            raise QuerySyntaxError("unbalanced parentheses: a ( is never closed")
        self.take()
        self.depth -= 1
        return node

    def count_leaf(self) -> None:
        self.leaves += 1
        if self.leaves > MAX_LEAVES:
            raise QuerySyntaxError(f"the query is too long (more than {MAX_LEAVES} terms)")

    # leaves
    def words(
        self, field_name: str, text: str, *, phrase: bool, quoted: bool = False
    ) -> Node | None:
        """A word, prefix or phrase leaf; `quoted`: a phrase the editor put in quotes
        (its other spellings are asked too: `phrase_forms`)."""
        target: TextField = _TEXT_FIELDS.get(field_name, "any")
        if field_name == "any":
            target = "any"
        cleaned = text.strip()
        if target == "places" and not cleaned.endswith("*"):
            from newsdesk.extract.data.country_names import english_country
            from newsdesk.extract.data.place_exonyms import english_place

            # Countries, and cities and regions other languages name, are kept under one
            # English name: `place:españa`, `place:uk`, `place:münchen`.
            country = english_country(cleaned) or english_place(cleaned)
            if country is not None:
                cleaned, phrase = country, True
        if phrase:
            if not _WORD_CHARS.search(cleaned):
                return None
            self.count_leaf()
            if not self.negated:
                self.terms.setdefault(" ".join(cleaned.lower().split()), None)
            return phrase_forms(target, cleaned) if quoted else Words(target, cleaned, "phrase")
        if cleaned.endswith("*"):
            stem = cleaned.rstrip("*")
            core = "".join(_WORD_CHARS.findall(stem))
            if not core:
                return None
            if target in _NAME_TARGETS and JOINED.search(stem):
                core = stem  # `person:o'b*`: the apostrophe narrows it as a letter would
            if len(core) < MIN_PREFIX:
                raise QuerySyntaxError(
                    f"{shown(cleaned)}: a prefix search needs at least {MIN_PREFIX} letters before *"
                )
            self.count_leaf()
            self.prefixes += 1
            if self.prefixes > MAX_PREFIXES:
                raise QuerySyntaxError(
                    f"too many prefix searches (more than {MAX_PREFIXES} words ending in *)"
                )
            if not self.negated:
                self.terms.setdefault(stem.lower() + "*", None)
            return Words(target, stem, "prefix")
        if not _WORD_CHARS.search(cleaned):
            return None
        self.count_leaf()
        if not self.negated:
            self.terms.setdefault(cleaned.lower().strip("*?"), None)
        return Words(target, cleaned, "word")

    def parse_field(self, token: Token, field_context: str | None) -> Node | None:
        name = token.name
        if token.value_kind == "group":
            if name not in _TEXT_FIELDS:
                raise QuerySyntaxError(
                    f"{shown(name)[1:-1]}:( ... ) works only with text fields like title:"
                )
            self.take()  # the "("
            outer = self.field_context
            self.field_context = name
            try:
                return self.parse_group()
            finally:
                self.field_context = outer
        value = token.text
        if name in _TEXT_FIELDS:
            if not value.strip():
                raise QuerySyntaxError(f"{name}: needs a value, e.g. {name}:word")
            quoted = token.value_kind == "phrase"
            return self.words(name, value, phrase=quoted, quoted=quoted)
        if name in _STORE_FIELDS:
            if not value.strip():
                raise QuerySyntaxError(f"{name}: needs a value")
            self.count_leaf()
            return self.store_field(name, value.strip())
        # An unknown "field" is most likely text with a colon in it (10:30, a URL).
        if name.isalpha() and len(name) > 1 and value and not value.startswith("/"):
            # A field name mistyped ("tittle:kenya") finds nothing as words: say which.
            close = difflib.get_close_matches(
                name, sorted({*_TEXT_FIELDS, *_STORE_FIELDS}), 1, 0.75
            )
            hint = f" (did you mean {close[0]}:?)" if close else ""
            self.warnings.append(f"unknown field {name}: searched as words{hint}")
        return self.words(field_context or "any", f"{name} {value}", phrase=True)

    def store_field(self, name: str, value: str) -> Node:
        lowered = value.lower()
        if name == "is" and lowered in ("claimed", "mine"):
            return Claimed(mine=lowered == "mine")
        if name == "claimed":
            if not lowered.strip():
                raise QuerySyntaxError("claimed: needs an editor's name, e.g. claimed:ana")
            return Claimed(editor=lowered.strip())
        if name == "is":
            wire = _WIRE_FLAGS.get(lowered)
            if wire is not None:
                return WireFlag(wire, self.now.timestamp() if wire == "embargoed" else 0.0)
            flag = _FLAGS.get(lowered)
            if flag is None or flag == "inbox":
                raise QuerySyntaxError(
                    f"unknown is:{shown(value)[1:-1]}; use is:" + ", is:".join(IS_VALUES)
                )
            if flag == "archived":
                self.shows_archived = True
            return Flag(flag)
        if name == "in":
            if lowered in ("all", "any", "everything"):
                self.shows_archived = True
                return Everything()
            if lowered in ("archive", "archived"):
                self.shows_archived = True
                return Flag("archived")
            if lowered == "inbox":
                return Flag("inbox")
            raise QuerySyntaxError(
                f"unknown in:{shown(value)[1:-1]}; use in:inbox, in:archive or in:all"
            )
        if name == "tag":
            # Read as tags are stored: `tag:#1` finds the tag `+#1` made ("1"), and
            # `tag:"Breaking News"` the tag breaking-news.
            if lowered.endswith("*"):
                stem = value.rstrip("*")
                if not stem:
                    raise QuerySyntaxError("tag:* needs the start of a tag before *")
                return Tag(normalise_tag(stem) or stem, prefix=True)
            return Tag(normalise_tag(value) or value)
        if name in ("published", "date", "before", "after"):
            if name in ("published", "date") and lowered in ("none", "unknown", "missing"):
                return Published(None)
            expr = value
            if name == "before":
                expr = "<" + value
            elif name == "after":
                expr = ">=" + value
            try:
                return Published(parse_span(expr, self.now))
            except DateSyntaxError as exc:
                raise QuerySyntaxError(f"{name}: {exc}; {DATE_HELP}") from None
        if name == "arrived":
            try:
                return Arrived(parse_span(value, self.now))
            except DateSyntaxError as exc:
                raise QuerySyntaxError(f"{name}: {exc}; {DATE_HELP}") from None
        if name in ("lang", "language"):
            return Language(_language_code(lowered))
        if name == "id":
            return IdPrefix(lowered)
        if name == "note":
            # A note matches on any part of it, so `note:emi*` (a prefix, as slug: takes
            # one) is `note:emi`; `note:*` is any note.
            return Note(value.strip().rstrip("*").strip())
        if name == "feed":
            stem = lowered.rstrip("*")
            if not stem:
                raise QuerySyntaxError("feed:* needs the start of a feed's name before *")
            return FeedName(stem, prefix=lowered.endswith("*"))
        if name == "urgency":
            return _urgency(lowered)
        if name in ("slug", "slugline", "subject"):
            folded = " ".join(lowered.split())
            stem = folded.rstrip("*")
            if not stem:
                raise QuerySyntaxError(f"{name}:* needs the start of a {name} before *")
            prefix = folded.endswith("*")
            return Subject(stem, prefix) if name == "subject" else Slug(stem, prefix)
        # related: / like:
        self.related += 1
        if self.related > MAX_RELATED:
            raise QuerySyntaxError(f"too many related: conditions (more than {MAX_RELATED})")
        return Related(lowered)


def _urgency(value: str) -> Urgency:
    """`<=3` -> 1..3, `>4` -> 5..9, `2` -> 2..2, `2-4` -> 2..4; anything else is refused."""
    compact = value.replace(" ", "")
    span = _URGENCY_RANGE.match(compact)
    if span:
        low, high = int(span.group(1)), int(span.group(2))
    else:
        single = _URGENCY.match(compact)
        if single is None:
            raise QuerySyntaxError(URGENCY_HELP)
        op, number = single.group(1) or "=", int(single.group(2))
        low, high = {
            "=": (number, number),
            "<=": (1, number),
            "<": (1, number - 1),
            ">=": (number, 9),
            ">": (number + 1, 9),
        }[op]
    if not (1 <= low <= 9 and 1 <= high <= 9 and low <= high):
        raise QuerySyntaxError(URGENCY_HELP)
    return Urgency(low, high)


def _language_code(value: str) -> str:
    """`english` -> `en`; codes (and anything unknown) are kept as typed."""
    if len(value) <= 3 or not value.isalpha():
        return value
    import pycountry  # deferred: its tables take a quarter of a second to load

    try:
        language = pycountry.languages.lookup(value)
    except LookupError:
        return value
    return str(getattr(language, "alpha_2", value))


#: Phrases of up to this many words are also asked with two of their words joined.
PHRASE_JOIN_MAX = 5
_HYPHENS = re.compile("[-\u2010\u2011]")
_STEMMED_TARGETS = ("any", "title", "dek", "body")


def phrase_forms(target: TextField, text: str) -> Node:
    """A phrase as typed, or with a hyphenated word written apart, or two of its words
    hyphenated: `"covid 19"` finds "COVID-19" (over the real-world stories corpus it found
    none of the 41 articles that write so), `"covid-19 cases"` "covid 19 cases". The index
    holds a compound as one word at one place, so a phrase spelled otherwise missed it."""
    phrase = Words(target, text, "phrase")
    if target not in _STEMMED_TARGETS:
        return phrase
    apart = _HYPHENS.sub(" ", text).split()
    if not 2 <= len(apart) <= PHRASE_JOIN_MAX:
        return phrase
    forms = dict.fromkeys([text, " ".join(apart)])
    for at in range(len(apart) - 1):
        joined = [*apart[:at], f"{apart[at]}-{apart[at + 1]}", *apart[at + 2 :]]
        forms.setdefault(" ".join(joined), None)
    return Or(tuple(Words(target, form, "phrase") for form in forms))


def parse(text: str, *, now: datetime | None = None) -> ParsedQuery:
    """Read a query. An empty query has `root=None` (the inbox)."""
    if now is None:
        # The reader's zone: "today" and a day's dates are the reader's days, the ones
        # lists show (`isodates.local_day`).
        now = datetime.now().astimezone()
    if len(text) > MAX_LENGTH:
        raise QuerySyntaxError(f"the query is too long (more than {MAX_LENGTH:,} characters)")
    # Control characters never mean anything in a query; treat them as spaces.
    clean = "".join(ch if ch.isprintable() else " " for ch in text)
    # "per cent" is one word, as the index reads it (`schema.fold_text`).
    clean = PER_CENT.sub("percent", clean)
    parser = _Parser(lex(clean), now)
    root = parser.parse()
    return ParsedQuery(
        text=text,
        root=root,
        terms=list(parser.terms),
        warnings=parser.warnings,
        shows_archived=parser.shows_archived,
    )
