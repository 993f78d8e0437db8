"""The Whoosh schema: which fields the index holds and how text is analysed.

The index holds content (words, names, outlet, language, dates) so text can be
ranked. Editor state (tags, stars, read, archived) is copied in as it was when
the article was indexed, for completeness only: queries answer state from the
store, which is always current.

Bump SCHEMA_VERSION whenever a field or an analyser changes; an index with
another version is rebuilt from the store.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from whoosh.analysis import Analyzer, RegexTokenizer
from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.support.charset import accent_map

from newsdesk.outlet_names import outlet_initials
from newsdesk.search.cased import dotted_capitals, party_units
from newsdesk.search.fast_positions import FastPositions
from newsdesk.search.words import JOINED, PER_CENT, KeptText, NewsAnalyzer, name_units

#: 3: the outlet's initials are searched with its name (`source:MPA`).
#: 4: Han, kana and Hangul characters are words of their own; text is case-folded
#: (Straße is strasse): see fold_text; runs of a name's words are its phrases.
#: 5: compounds (cease-fire, O'Brien, AT&T) indexed joined and by their parts of two
#: letters or more; Porter2 stems; the words of the people an article names unstemmed
#: (see search/words.py).
#: 6: organisations by their initials and bracketed short forms (`org:who`).
#: 7: Snowball's own Porter2 (PyStemmer), which Whoosh's Python one strays from
#: ("international" was `intern`, "organization" `organ`).
#: 8: an organisation's initials without its first word only where its text uses them.
#: 9: British spellings indexed as American ones ("organisation" is `organiz`: see
#: search/spelling_variants.py); "U.S." also as "us", "1,000" as `1000`, "%" a word.
#: 10: "US" (capitals) also as "u.s", "per cent" as "%", the Labour Party as `labour`
#: (search/cased.py).
SCHEMA_VERSION = 10

#: Fields a plain word searches, with their boosts (a headline hit counts most).
DEFAULT_FIELDS: dict[str, float] = {
    "title": 3.0,
    "dek": 1.5,
    "body": 1.0,
    "source": 1.0,
    "authors": 1.0,
}

#: Fields holding lists of names: one comma-separated keyword per name and per word.
NAME_FIELDS = ("authors", "people", "organizations", "places")


#: Han, kana and Hangul: scripts written without spaces between words (Korean
#: joins its particles on).
_CJK = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]"
)


def fold_text(text: str) -> str:
    """Case-folded (Straße is strasse) with accents folded, for the whole text at once.

    Done before analysis (in C, on the whole string) rather than by per-token
    filters: indexing spends most of its time in per-token Python, and every
    text reaching the analysers (documents and queries) goes through here. Each
    Han, kana or Hangul character is set apart, so the tokenizer takes it as a
    word of its own and a word written in them is the phrase of its characters:
    `東京` is found in `東京で大雪`.
    """
    folded = text.casefold().translate(accent_map)
    if " cent" in folded or "\ncent" in folded:
        # British copy writes "per cent": one word, "percent" (which is "%").
        folded = PER_CENT.sub("percent", folded)
    return _CJK.sub(r" \g<0> ", folded) if _CJK.search(folded) else folded


def written_text(text: str, kept: frozenset[str]) -> KeptText:
    """An article's headline, standfirst or body as the index reads it: folded, its
    abbreviations in capitals also dotted and the Labour Party kept as written
    (`search.cased`), and the units of `kept` (its people's) unstemmed."""
    written = dotted_capitals(text)
    return KeptText(fold_text(written), kept, party_units(written, fold_text))


def text_analyzer() -> Analyzer:
    """Words of folded text, compounds joined too, glue words dropped, stemmed
    (`search.words`; its stem caches are plain dictionaries filled whole, safe to share
    between search threads)."""
    return NewsAnalyzer()


def plain_analyzer() -> Analyzer:
    """Words of folded text; no stemming (datelines, outlets)."""
    return RegexTokenizer()


def build_schema() -> Schema:
    text = text_analyzer()
    plain = plain_analyzer()
    schema = Schema(
        id=ID(stored=True, unique=True, sortable=True),
        title=TEXT(analyzer=text, field_boost=1.0),
        dek=TEXT(analyzer=text),
        body=TEXT(analyzer=text),
        source=TEXT(analyzer=plain),
        dateline=TEXT(analyzer=plain),
        authors=KEYWORD(commas=True, lowercase=True, scorable=True),
        people=KEYWORD(commas=True, lowercase=True, scorable=True),
        organizations=KEYWORD(commas=True, lowercase=True, scorable=True),
        places=KEYWORD(commas=True, lowercase=True, scorable=True),
        language=ID(),
        published=DATETIME(),
        sort_ts=NUMERIC(numtype=int, bits=64, signed=True, sortable=True),
        # State as it was when indexed; queries read the live state from the store.
        tags=KEYWORD(commas=True, lowercase=True),
        starred=BOOLEAN(),
        read=BOOLEAN(),
        archived=BOOLEAN(),
    )
    for name in ("title", "dek", "body"):
        # The same postings, counted in one loop (see fast_positions).
        schema[name].format = FastPositions(field_boost=schema[name].format.field_boost)
    return schema


_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """The form names are compared in: NFKC, lower case, accents folded, single spaces."""
    text = fold_text(unicodedata.normalize("NFKC", text))
    return _SPACES.sub(" ", text).strip()


#: Runs of up to this many words of a name are indexed as its phrases.
NAME_RUN_MAX = 6


def name_phrase(text: str) -> str:
    """A name, or a run of its words, as the name fields hold its phrases: folded, its
    words (split at anything but letters and digits) joined by single spaces, so
    "O'Brien-Ruiz" is "o brien ruiz"."""
    return " ".join(w for w in _NON_WORD.split(fold(text.replace(",", " "))) if w)


#: An organisation's short form in brackets after its name: "... Prevention (CDC)".
_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z.&]{1,9})\)")
_NAME_PARTS = re.compile(r"[\s\-]+")


def _says_word(text: str, word: str) -> bool:
    """Whether `word` stands in `text` as a word of its own (found with `str.find`: a
    pattern made of each word would be compiled anew for most organisations)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            return True
        at = text.find(word, at + 1)
    return False


def organization_short_forms(name: str, text: str = "") -> list[str]:
    """What an organisation is also called: its initials ("World Health Organization":
    WHO, "European Union": EU), those of its name up to "and" ("Centers for Disease
    Control and Prevention": CDC, as the extractor folds it) and without a qualifier in
    front when the text uses that form ("California Public Utilities Commission": PUC),
    and a short form the text gives in brackets after the name. `org:who` then finds the
    WHO. A name holding a dotted abbreviation ("U.S. News") has no initials."""
    out: list[str] = []
    if any("." in w for w in _NAME_PARTS.split(name)):
        return out  # "U.S. News" is no UN: a name holding an abbreviation has no initials

    def initials(words: list[str], least: int = 2) -> None:
        capitals = [w for w in words if w[:1].isupper()]
        if least <= len(capitals) <= 8:
            out.append("".join(w[0] for w in capitals))
            tail = "".join(w[0] for w in capitals[1:])
            # Without its first word only where the text itself says so ("the PUC"):
            # "Jackson Women's Health Organization" is no WHO.
            if len(capitals) >= 4 and _says_word(text, tail):
                out.append(tail)

    initials([w for w in _NAME_PARTS.split(name) if w])
    head, _and, _rest = name.partition(" and ")
    if _and:
        initials([w for w in _NAME_PARTS.split(head) if w], least=3)
    at = text.find(name) if text else -1
    while at >= 0:
        # Matched after the name found by `str.find`: a pattern made of each name would
        # be compiled anew for most organisations (Python keeps 512).
        bracketed = _BRACKETED.match(text, at + len(name))
        if bracketed:
            out.append(bracketed.group(1).replace(".", ""))
            break
        at = text.find(name, at + 1)
    return out


def organization_keywords(names: Iterable[str], text: str = "") -> str:
    """`name_keywords` of organisations with their short forms (`organization_short_forms`)."""
    listed = list(names)
    shorts = [short for name in listed for short in organization_short_forms(name, text)]
    return name_keywords([*listed, *shorts])


def name_keywords(names: Iterable[str]) -> str:
    """Keyword text for a list of names: each whole name, each of its words, and each
    run of two or more of its words (`name_phrase`).

    `person:kim` then matches "Kim Gunn" through the word, `person:"kim gunn"` the
    whole name and `by:"ainge roy"` "Eleanor Ainge Roy" (a compound surname), without
    phrase positions leaking from one name into the next.
    """
    seen: dict[str, None] = {}
    for name in names:
        whole = fold(_SPACES.sub(" ", name.replace(",", " ")))
        if not whole:
            continue
        seen.setdefault(whole, None)
        for part in whole.split(" "):
            if JOINED.search(part):
                # A compound of the name as written: `person:o'b*` finds O'Brien, not Obama.
                seen.setdefault(part.replace("’", "'"), None)
        words = [w for w in _NON_WORD.split(whole) if w]
        _words_and_runs(words, seen)
        if "'" in whole or "’" in whole:
            # Written without the apostrophe too: `by:obrien` finds O'Brien.
            _words_and_runs([w for w in _NON_WORD.split(_APOSTROPHES.sub("", whole)) if w], seen)
    return ",".join(seen)


_APOSTROPHES = re.compile("['’]")


def _words_and_runs(words: list[str], seen: dict[str, None]) -> None:
    for word in words:
        seen.setdefault(word, None)
    count = len(words)
    if count > NAME_RUN_MAX:
        seen.setdefault(" ".join(words), None)
    for start in range(count - 1):
        for end in range(start + 2, min(count, start + NAME_RUN_MAX) + 1):
            seen.setdefault(" ".join(words[start:end]), None)


def _published(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _strings(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return []


def document_for_row(row: Mapping[str, Any], tags: list[str]) -> dict[str, Any]:
    """The Whoosh document for one `articles` row (and its tags)."""
    try:
        meta = json.loads(row["meta"] or "{}")
    except (TypeError, ValueError):
        meta = {}  # an unreadable meta column still leaves the title and body searchable
    if not isinstance(meta, dict):
        meta = {}
    # The words of the people it names stay unstemmed ("Harris" is no "harry").
    people = _strings(meta.get("people"))
    kept = name_units(people)
    doc: dict[str, Any] = {
        "id": str(row["id"]),
        "title": written_text(str(row["title"] or ""), kept),
        "dek": written_text(str(meta.get("dek") or ""), kept),
        "body": written_text(str(row["body"] or ""), kept),
        # The outlet by name, by the short form its text used, and by its initials: a
        # wire's copy that never prints "MPA" is still found by source:MPA.
        "source": fold_text(
            " ".join(
                s
                for s in (
                    str(row["source"] or ""),
                    str(meta.get("source_short") or ""),
                    outlet_initials(str(row["source"] or "")),
                )
                if s
            )
        ),
        "dateline": fold_text(str(meta.get("dateline") or "")),
        "authors": name_keywords(_strings(meta.get("authors"))),
        "people": name_keywords(people),
        "organizations": organization_keywords(
            _strings(meta.get("organizations")), str(row["body"] or "")
        ),
        "places": name_keywords(_strings(meta.get("places"))),
        "language": fold(str(row["language"] or "")),
        "sort_ts": int(row["sort_ts"] or 0),
        "tags": ",".join(fold(t) for t in tags if t),
        "starred": bool(row["starred"]),
        "read": bool(row["read"]),
        "archived": bool(row["archived"]),
    }
    published = _published(row["published"])
    if published is not None:
        doc["published"] = published
    return doc
