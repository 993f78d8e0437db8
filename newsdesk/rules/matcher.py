"""A rule's query matched against one article in memory (issue 18 item 3).

New articles pass the rules before the index has seen them, so a rule is
not a search: its query is parsed and compiled once into a predicate, and
the predicate reads the article's own fields. Words are analysed exactly as
the index analyses them (`search.schema`: folding, glue words, stemming for
headline, dek and body; plain words for outlet and dateline; whole names and
their words for bylines, people, organisations and places), so a rule and a
search of the same query agree (a test checks both ways over the sample
queue and the real-world corpus). Store leaves read the article's state,
tags, dates, language and wire fields.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from newsdesk.errors import QuerySyntaxError
from newsdesk.isodates import iso_to_ts
from newsdesk.model import Article
from newsdesk.note_fold import fold_note
from newsdesk.rules.tokens import (
    PLAIN_WORDS,
    Analysis,
    contains_phrase,
    lead_finder,
    stem_lead,
    unjoined,
)
from newsdesk.search.cased import dotted_capitals
from newsdesk.search.query import (
    And,
    Arrived,
    Everything,
    FeedName,
    Flag,
    IdPrefix,
    Language,
    Node,
    Not,
    Note,
    Or,
    Published,
    Related,
    Slug,
    Subject,
    Tag,
    Urgency,
    WireFlag,
    Words,
    parse,
)
from newsdesk.search.schema import (
    DEFAULT_FIELDS,
    NAME_FIELDS,
    fold,
    fold_text,
    name_keywords,
    name_phrase,
    organization_keywords,
)
from newsdesk.search.spellings import two_letter_spelling
from newsdesk.search.words import JOINED, UNITS, name_units, prefix_form, query_words
from newsdesk.wire import DO_NOT_USE, fold_subject, is_urgent

Predicate = Callable[["Facts"], bool]

_STEMMED = ("title", "dek", "body")
#: Endings tried on a prefix to reach the stems of the words it starts (as the index search does).
_ENDINGS = (
    "", "s", "e", "es", "ed", "ing", "ion", "ions", "ation", "ations", "er", "ers", "or",
    "ors", "al", "ally", "ly", "ness", "ment", "ments", "ity", "ive", "ism", "ist", "ists",
    "ic", "y", "ies",
)  # fmt: skip


@dataclass
class Facts:
    """One article as the rules see it: its fields (analysed on first use) and its state."""

    article: Article
    analysis: Analysis
    #: Feeds that carried it (for `feed:`), by name.
    feeds: frozenset[str] = frozenset()
    _folded: dict[str, str] = field(default_factory=dict)
    _joined: dict[str, str] = field(default_factory=dict)
    _kept: frozenset[str] | None = None
    _words: dict[str, list[str]] = field(default_factory=dict)
    _tokens: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict)
    _vocab: dict[str, list[str]] = field(default_factory=dict)
    _keywords: dict[str, set[str]] = field(default_factory=dict)

    def words(self, field_name: str) -> list[str]:
        """The field's folded words: split once per article, shared by every rule."""
        found = self._words.get(field_name)
        if found is None:
            pattern = UNITS if field_name in _STEMMED else PLAIN_WORDS
            found = pattern.findall(self.folded(field_name))
            self._words[field_name] = found
        return found

    def kept(self) -> frozenset[str]:
        """The units of the people it names, which the index keeps unstemmed."""
        if self._kept is None:
            self._kept = name_units(self.article.meta.people)
        return self._kept

    def joined(self, field_name: str) -> str:
        """The folded text with its joiners taken out, where leads are looked for: a
        compound's joined word holds its lead there."""
        found = self._joined.get(field_name)
        if found is None:
            found = self.folded(field_name)
            if field_name in _STEMMED:
                found = unjoined(found)
            self._joined[field_name] = found
        return found

    def folded(self, field_name: str) -> str:
        """The field's text folded as the index folds it, once per article."""
        found = self._folded.get(field_name)
        if found is None:
            text = self._text(field_name)
            # "US" is "U.S" in the stemmed fields, as the index reads it.
            found = fold_text(dotted_capitals(text) if field_name in _STEMMED else text)
            self._folded[field_name] = found
        return found

    def holds(self, field_name: str, leads: tuple[str, ...]) -> bool:
        """Whether the folded field holds one of `leads` (every one when `leads`
        is empty); a field without any cannot hold the tokens they lead."""
        if not leads:
            return True
        text = self.joined(field_name)
        for lead in leads:  # noqa: SIM110 (a loop: no generator per call)
            if lead in text:
                return True
        return False

    def has_stem(self, field_name: str, token: str, lead: str, finder: re.Pattern[str]) -> bool:
        """Whether the stemmed field holds the token `token` whose lead is `lead`: from
        the token set once it is made, else without splitting the whole field."""
        found = self._sets.get(field_name)
        if found is not None:
            return token in found
        joined = self.joined(field_name)
        if lead not in joined:
            return False
        text = self.folded(field_name)
        held = self.analysis.holds_stem(text, token, finder, self.kept())
        if held is None or (held is False and joined.count(lead) != text.count(lead)):
            # A compound's word, or a lead only its joined form holds ("ceasef"): ask
            # the token set.
            return token in self.token_set(field_name)
        return held

    def tokens(self, field_name: str) -> list[tuple[str, ...]]:
        """The field's tokens position by position (only phrases need them)."""
        found = self._tokens.get(field_name)
        if found is None:
            kept = self.kept() if field_name in _STEMMED else frozenset()
            found = self.analysis.field_tokens(field_name, self.words(field_name), kept)
            self._tokens[field_name] = found
        return found

    def token_set(self, field_name: str) -> frozenset[str]:
        found = self._sets.get(field_name)
        if found is None:
            kept = self.kept() if field_name in _STEMMED else frozenset()
            found = self.analysis.field_token_set(field_name, self.words(field_name), kept)
            self._sets[field_name] = found
        return found

    def has_prefix(self, field_name: str, prefix: str) -> bool:
        """Whether some token of the field starts with `prefix` (a binary search)."""
        vocab = self._vocab.get(field_name)
        if vocab is None:
            vocab = sorted(self.token_set(field_name))
            self._vocab[field_name] = vocab
        at = bisect_left(vocab, prefix)
        return at < len(vocab) and vocab[at].startswith(prefix)

    def keywords(self, field_name: str) -> set[str]:
        found = self._keywords.get(field_name)
        if found is None:
            names: list[str] = getattr(self.article.meta, field_name)
            if field_name == "organizations":
                listed = organization_keywords(names, self.article.meta.body)
            else:
                listed = name_keywords(names)
            found = {k for k in listed.split(",") if k}
            self._keywords[field_name] = found
        return found

    def _text(self, field_name: str) -> str:
        meta = self.article.meta
        if field_name == "title":
            return meta.title
        if field_name == "dek":
            return meta.dek or ""
        if field_name == "body":
            return meta.body
        if field_name == "source":
            return " ".join(s for s in (meta.source or "", meta.source_short or "") if s)
        if field_name == "dateline":
            return meta.dateline or ""
        raise KeyError(field_name)


def every(parts: list[Predicate]) -> Predicate:
    """All of `parts`, tried in order (a plain loop: 50 rules x every article adds up)."""
    if len(parts) == 1:
        return parts[0]

    def all_of(f: Facts) -> bool:
        for part in parts:  # noqa: SIM110 (a loop: no generator per call)
            if not part(f):
                return False
        return True

    return all_of


def either(parts: list[Predicate]) -> Predicate:
    """Any of `parts`, tried in order."""
    if len(parts) == 1:
        return parts[0]

    def any_of(f: Facts) -> bool:
        for part in parts:  # noqa: SIM110 (a loop: no generator per call)
            if part(f):
                return True
        return False

    return any_of


class Compiler:
    """Turns a parsed query into a predicate over `Facts`."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis

    def compile(self, node: Node) -> Predicate:
        if isinstance(node, Words):
            return self.words(node)
        if isinstance(node, And):
            return every([self.compile(i) for i in node.items])
        if isinstance(node, Or):
            return either([self.compile(i) for i in node.items])
        if isinstance(node, Not):
            inner = self.compile(node.item)
            return lambda f: not inner(f)
        if isinstance(node, Related):
            raise QuerySyntaxError("related: cannot be a rule: it compares with the whole index")
        if isinstance(node, FeedName):
            # Accepted, it never matched: the feed an article came through is recorded
            # with it, after the rules have read the new article.
            raise QuerySyntaxError(
                "feed: cannot be a rule: a feed's items take its tags instead "
                "(newsdesk feeds set FEED --tag NAME)"
            )
        return store_leaf(node)

    # -- words -----------------------------------------------------------------------

    def words(self, node: Words) -> Predicate:
        test = self._words(node)
        other = two_letter_spelling(node.text) if node.kind == "word" else None
        if other is None:
            return test
        # As the search: umlauts find their two-letter spelling too (search/spellings.py;
        # the way back is the search's guess for words the index lacks, never a rule's).
        return either([test, self._words(Words(node.field, other, node.kind))])

    def _words(self, node: Words) -> Predicate:
        fields = list(DEFAULT_FIELDS) if node.field == "any" else [node.field]
        tests = [t for t in (self._field_test(name, node) for name in fields) if t is not None]
        if not tests:
            return lambda f: False
        return either(tests)

    def _field_test(self, name: str, node: Words) -> Predicate | None:
        if node.kind == "prefix":
            return self._prefix(name, node.text)
        if name in NAME_FIELDS:
            return self._names(name, node)
        text = node.text
        if node.kind != "phrase":
            text = _strip_possessive(text)
        if name in _STEMMED:
            # Each word by its stem or as typed (a name's word is indexed unstemmed).
            pairs = query_words(fold_text(text))
            wanted = [frozenset(w for w in pair if w is not None) for pair in pairs]
        else:
            pairs = [(w, None) for w in self.analysis.tokens(name, text)]
            wanted = [frozenset((w,)) for w, _ in pairs]
        if not wanted:
            return None
        if len(wanted) == 1:
            stemmed, exact = pairs[0]
            test = self._token_test(name, stemmed)
            if exact is None:
                return test
            as_typed = self._token_test(name, exact)
            # Only a word of the people it names is indexed as typed: asked first.
            return either([test, lambda f: exact in f.kept() and as_typed(f)])
        # Every position of a phrase must be there: a lead of each is looked for first
        # (of one of a position's words, when it has two).
        leads = [
            tuple(sorted({stem_lead(w) if name in _STEMMED else w for w in words}))
            for words in wanted
        ]
        one_lead = tuple(ls[0] for ls in leads if len(ls) == 1 and ls[0])
        some_lead = tuple(ls for ls in leads if len(ls) > 1 and all(ls))

        def phrase(f: Facts) -> bool:
            text = f.joined(name)
            for lead in one_lead:
                if lead not in text:
                    return False
            for some in some_lead:
                if not any(lead in text for lead in some):
                    return False
            held = f.token_set(name)
            for words in wanted:
                if words.isdisjoint(held):
                    return False
            return contains_phrase(f.tokens(name), wanted)

        return phrase

    def _token_test(self, name: str, word: str) -> Predicate:
        lead = stem_lead(word) if name in _STEMMED else word
        if name in _STEMMED and lead:
            finder = lead_finder(lead)
            return lambda f: f.has_stem(name, word, lead, finder)
        return lambda f: word in f.token_set(name)

    def _names(self, name: str, node: Words) -> Predicate | None:
        whole = fold(node.text.replace(",", " "))
        if not whole:
            return None
        if node.kind == "phrase":
            run = name_phrase(node.text) or whole
            return lambda f: run in f.keywords(name)
        words = [w for w in self.analysis.plain_tokens(whole) if w]
        if not words:
            return None
        if len(words) == 1:
            return lambda f: words[0] in f.keywords(name)
        return lambda f: whole in f.keywords(name) or all(w in f.keywords(name) for w in words)

    def _prefix(self, name: str, text: str) -> Predicate | None:
        raw = fold(text)
        if name in NAME_FIELDS:
            raw = raw.replace("’", "'")  # as `name_keywords` keeps a name's compounds
            return lambda f: any(k.startswith(raw) for k in f.keywords(name))
        if name in _STEMMED or JOINED.search(raw):
            raw = prefix_form(raw)  # "o'bri*": the compound joined, as the index holds it
            if not raw:
                return None
        else:
            plain = self.analysis.plain_tokens(raw)
            if not plain:
                return None
            raw = plain[-1]
        stems: set[str] = set()
        if name in _STEMMED:
            for ending in _ENDINGS:
                found = self.analysis.tokens(name, raw + ending)
                if len(found) == 1 and len(found[0]) >= 3:
                    stems.add(found[0])
        frozen = frozenset(stems)
        # A token starting with `raw`, or one of `stems`, comes from a word that starts
        # with its lead: a field holding none of the leads is passed over unsplit.
        leads = [stem_lead(raw) if name in _STEMMED else raw]
        leads += [stem_lead(s) for s in sorted(frozen)]
        sought = tuple(sorted(set(leads))) if all(leads) else ()
        return lambda f: (
            f.holds(name, sought)
            and (f.has_prefix(name, raw) or not frozen.isdisjoint(f.token_set(name)))
        )


def _strip_possessive(text: str) -> str:
    for ending in ("'s", "’s", "'S", "’S"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def store_leaf(node: Node) -> Predicate:
    """State, tags, dates, language, ids, notes, feeds and wire fields, read off the article."""
    if isinstance(node, Flag):
        return _flag(node.name)
    if isinstance(node, Everything):
        return lambda f: True
    if isinstance(node, Tag):
        from newsdesk.store.sqlite.conditions import tag_forms

        forms = tag_forms(node.tag)
        if node.prefix:
            lowered = [x.lower() for x in forms]
            return lambda f: any(
                t.lower().startswith(x) for t in f.article.state.tags for x in lowered
            )
        return lambda f: any(t in forms for t in f.article.state.tags)
    if isinstance(node, Published):
        span = node.span
        if span is None:
            return lambda f: iso_to_ts(f.article.meta.published) is None

        return lambda f: span.holds(f.article.meta.published)
    if isinstance(node, Arrived):
        arrived = node.span

        # An arrival time is always a full timestamp: `holds` compares it as published's.
        return lambda f: arrived.holds(f.article.imported_at)
    if isinstance(node, Language):
        code = node.code.lower()

        def language(f: Facts) -> bool:
            lang = (f.article.meta.language or "").lower()
            return lang == code or lang.startswith((code + "-", code + "_"))

        return language
    if isinstance(node, IdPrefix):
        return lambda f: f.article.id.startswith(node.prefix)
    if isinstance(node, Note):
        text = fold_note(node.text)
        if not text:
            return lambda f: bool(f.article.state.note)
        return lambda f: text in fold_note(f.article.state.note or "")
    if isinstance(node, FeedName):
        name = node.name.lower()
        if node.prefix:
            return lambda f: any(n.lower().startswith(name) for n in f.feeds)
        return lambda f: any(n.lower() == name for n in f.feeds)
    if isinstance(node, WireFlag | Urgency | Slug | Subject):
        return _wire(node)
    raise TypeError(f"not a condition a rule can hold: {node!r}")


def _flag(name: str) -> Predicate:
    tests: Mapping[str, Predicate] = {
        "starred": lambda f: f.article.state.starred,
        "unstarred": lambda f: not f.article.state.starred,
        "read": lambda f: f.article.state.read,
        "unread": lambda f: not f.article.state.read,
        "archived": lambda f: f.article.state.archived,
        "exported": lambda f: f.article.state.exported,
        "inbox": lambda f: not f.article.state.archived and not f.article.superseded,
        "hidden": lambda f: f.article.state.archived or f.article.superseded,
    }
    return tests[name]


def _wire(node: WireFlag | Urgency | Slug | Subject) -> Predicate:
    if isinstance(node, Urgency):
        low, high = node.low, node.high
        return lambda f: (
            f.article.meta.urgency is not None and low <= f.article.meta.urgency <= high
        )
    if isinstance(node, Subject):
        text, prefix = node.text, node.prefix
        return lambda f: any(
            s.startswith(text) if prefix else s == text
            for s in (fold_subject(x) for x in f.article.meta.subjects)
        )
    if isinstance(node, Slug):
        text, prefix = node.text, node.prefix

        def slug(f: Facts) -> bool:
            value = (f.article.meta.slugline or "").casefold()
            if not value:
                return False
            if prefix:
                return value.startswith(text)
            return _hyphen_part(value, text)

        return slug
    name, at = node.name, node.at
    if name == "urgent":
        return lambda f: is_urgent(f.article.meta.urgency)
    if name == "killed":
        return lambda f: f.article.killed or f.article.meta.status in DO_NOT_USE
    if name == "corrected":
        return lambda f: f.article.meta.status == "corrected"
    if name == "updated":
        return lambda f: (
            f.article.meta.status in ("updated", "corrected") or f.article.updated_at is not None
        )
    # embargoed: as of when the query was read.
    return lambda f: (iso_to_ts(f.article.meta.embargo_until) or 0.0) > at


def _hyphen_part(value: str, text: str) -> bool:
    """`text` is a run of whole hyphenated parts of the slugline (what the store's LIKE finds)."""
    return (
        value == text
        or value.startswith(text + "-")
        or value.endswith("-" + text)
        or (f"-{text}-" in value)
    )


def compile_query(text: str, analysis: Analysis, now: datetime | None = None) -> Predicate:
    """A rule's query as a predicate; QuerySyntaxError for a malformed one or one that
    means everything (empty, `*`, punctuation, glue words only, `in:all`)."""
    from newsdesk.search.glue_words import prune_glue_words

    parsed = parse(text, now=now)
    root = parsed.root
    if root is not None:
        root = prune_glue_words(root)
    if root is None or isinstance(root, Everything):
        raise QuerySyntaxError(
            f"the rule's query {text.strip()!r} would match every article; give words or fields"
        )
    return Compiler(analysis).compile(root)
