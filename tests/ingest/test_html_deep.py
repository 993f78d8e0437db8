"""HTML nested past libxml2's depth limit keeps all of its text (or says why not)."""

from __future__ import annotations

from pathlib import Path

from lxml import html

from newsdesk.ingest import load_file
from newsdesk.ingest.html_flatten import FLAT_DEPTH, flatten
from newsdesk.ingest.html_text import html_fragment_to_text

_SENTENCE = "The council met on Tuesday to decide the harbour plan, and the vote was close."


def _load(tmp_path: Path, body: str) -> tuple[str, list[str]]:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Harbour plan vote</title></head><body>{body}</body></html>", "utf-8"
    )
    result = load_file(page)
    assert result.error is None
    [item] = result.items
    return item.body, result.warnings


def test_a_story_wrapped_in_260_divs_keeps_its_text(tmp_path: Path) -> None:
    body, warnings = _load(tmp_path, "<div>" * 260 + f"<p>{_SENTENCE}</p>" + "</div>" * 260)
    assert _SENTENCE in body
    assert warnings == []


def test_legacy_markup_with_unclosed_tags_keeps_every_paragraph(tmp_path: Path) -> None:
    legacy = "".join(f"<p><font size=2>Paragraph {i}: some words here." for i in range(300))
    body, _ = _load(tmp_path, legacy)
    assert "Paragraph 126:" in body
    assert "Paragraph 299: some words here." in body


def test_a_page_deeper_than_libxml2_reads_is_flattened_and_says_so(tmp_path: Path) -> None:
    deep = "<div>" * 3000 + f"<p>{_SENTENCE}</p>" + "</div>" * 3000
    body, warnings = _load(tmp_path, deep + "<p>A second paragraph after the nesting.</p>")
    assert _SENTENCE in body
    assert "A second paragraph after the nesting." in body
    assert any("nested deeper than" in w for w in warnings)


def test_a_deep_feed_fragment_keeps_its_text() -> None:
    fragment = "<div>" * 300 + "<p>The council met on Tuesday.</p>" + "</div>" * 300
    assert html_fragment_to_text(fragment) == "The council met on Tuesday."
    deeper = "<div>" * 3000 + "<p>First.</p>" + "</div>" * 3000 + "<p>After.</p>"
    assert html_fragment_to_text(deeper) == "First.\n\nAfter."


def test_flatten_bounds_the_depth_and_keeps_text_scripts_and_entities() -> None:
    markup = (
        '<html><head><script type="application/ld+json">{"a": "x &amp; y"}</script></head>'
        "<body>" + "<span>" * 500 + "<p>Fish &amp; chips &lt;3</p><br/>" + "</span>" * 500
        + "</body></html>"
    )  # fmt: skip
    flat = flatten(markup)
    tree = html.document_fromstring(flat)
    depth = max(len(list(element.iterancestors())) for element in tree.iter())
    assert depth <= FLAT_DEPTH + 1
    assert "Fish & chips <3" in tree.text_content()
    # A script's text is left as written (JSON-LD stays JSON).
    assert '{"a": "x &amp; y"}' in flat
