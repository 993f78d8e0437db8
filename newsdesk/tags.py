"""What a tag is: lower-case words joined by hyphens, however it was typed or imported."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsdesk.sanitize import clean_line

#: Quote marks and a hashtag's "#" are how a tag was typed, not part of it: a tag is
#: searched as `tag:word`, where a quote mark would open a phrase.
_NOT_IN_TAGS = str.maketrans("", "", "\"'“”‘’„«»")
#: Brackets, parentheses, colons and the like separate a tag's words ("[bold]x[/bold]"
#: from a file is bold-x-bold): `tag:` takes letters, digits and `-_.+&`.
_SEPARATORS = re.compile(r"[^\w\-.+&]+")


#: A tag holds a letter or a digit: "--", "..." or "_" would be kept and searched for
#: as `tag:--`, though the CLI says a tag needs one.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


#: A tag longer than this is cut (`cut_tags` names them, so the cut is said).
MAX_TAG_CHARS = 64


def cut_tags(tags: Iterable[str]) -> list[str]:
    """The tags, as given, that normalising cuts to `MAX_TAG_CHARS`."""
    return [tag for tag in tags if len(_joined(tag)) > MAX_TAG_CHARS]


def normalise_tag(tag: str) -> str:
    """`+Breaking News` -> `breaking-news`; "" when nothing of a tag is left."""
    tag = _joined(tag)[:MAX_TAG_CHARS]
    return tag if _LETTER_OR_DIGIT.search(tag) else ""


def _joined(tag: str) -> str:
    """The tag folded and its words joined by hyphens, not yet cut to length."""
    tag = clean_line(tag).strip().lstrip("+").strip().casefold()
    tag = tag.translate(_NOT_IN_TAGS).lstrip("#")
    return "-".join(_SEPARATORS.sub(" ", tag).split())


def normalise_tags(tags: Iterable[str]) -> list[str]:
    """Each tag normalised, once, in order; empty ones dropped."""
    return [t for t in dict.fromkeys(normalise_tag(tag) for tag in tags) if t]


#: A quoted phrase (one tag: `+"breaking news"` -> breaking-news), else a word.
_WORD = re.compile(r"""[+-]?"[^"]*"?|[^\s,]+""")


def tag_words(text: str) -> list[str]:
    """`+a -"b c", d` -> ["+a", '-"b c"', "d"]: words split at spaces and commas, a quoted
    phrase one word (the tag dialog and a rule's actions read them alike)."""
    return _WORD.findall(text)
