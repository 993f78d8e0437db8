"""Whether a field that may carry plain text or HTML holds HTML.

A plain-text body may hold "<" and ">" ("a<b and c>d", "x < y"): read as HTML, the
text between them would be taken for a tag and lost. Text is HTML only when it holds
a tag of a known element written as HTML writes it: an end tag, a start tag without
attributes, or one with at least one `name=value` attribute ("<b and c>" has none).
"""

from __future__ import annotations

import re

#: Elements an article's or a feed's markup is made of.
_ELEMENTS = (
    "a|abbr|acronym|address|area|article|aside|audio|b|bdi|bdo|big|blockquote|body|br|"
    "button|canvas|caption|center|cite|code|col|colgroup|data|dd|del|details|dfn|dialog|"
    "div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|h[1-6]|head|header|"
    "hgroup|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|map|mark|meta|"
    "meter|nav|nobr|noscript|object|ol|optgroup|option|output|p|param|picture|pre|"
    "progress|q|rp|rt|ruby|s|samp|script|section|select|small|source|span|strike|strong|"
    "style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|"
    "title|tr|track|tt|u|ul|var|video|wbr"
)
_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
_TAG = re.compile(
    rf"""<(?:
        /(?:{_ELEMENTS})\s*
      | (?:{_ELEMENTS})(?P<attrs>(?:\s+[-:\w]+(?:\s*=\s*{_VALUE})?)*)\s*/?
      )>|<!--""",
    re.IGNORECASE | re.VERBOSE,
)


def looks_like_html(text: str, within: int = 2000) -> bool:
    """Whether `text` (its first `within` characters) holds HTML markup."""
    if "<" not in text:
        return False
    for match in _TAG.finditer(text[:within]):
        attrs = match.group("attrs")
        if not attrs or "=" in attrs:
            return True
    return False
