"""The quick checks in `html_text` give what the plain substitutions give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.ingest import html_text

_SPACEY = st.text(alphabet=st.sampled_from(" \t\r\n\f\v\u00a0\u2009\u3000ab.\u0085"), max_size=40)


@given(_SPACEY)
def test_squeezed_is_the_substitution(text: str) -> None:
    assert html_text._squeezed(text) == html_text._SPACES.sub(" ", text)


@given(st.sampled_from(["p", "P", "{http://www.w3.org/1999/xhtml}Div", "br", "X-Y"]))
def test_local_names_are_cached_alike(tag: str) -> None:
    assert html_text._local(tag) == tag.rsplit("}", 1)[-1].lower()
    assert html_text._local(tag) == tag.rsplit("}", 1)[-1].lower()  # now from the cache
