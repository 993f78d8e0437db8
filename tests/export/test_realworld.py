"""Real page text (navigation, lists, footers and all) exported as a digest keeps its structure."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from newsdesk.export import ExportOptions, render, render_files

from .conftest import build_article

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@pytest.mark.realworld
def test_real_page_text_cannot_change_digest_structure(shared_dir: Path) -> None:
    # Whole-page copies (not *.from_headline.txt): navigation and footers included.
    files = sorted(
        p
        for p in (shared_dir / "realworld" / "text").glob("*.txt")
        if not p.name.endswith(".from_headline.txt")
    )
    if not files:
        pytest.skip("no real-world text copies")
    articles = []
    for index, path in enumerate(files):
        text = path.read_text(encoding="utf-8", errors="replace")
        # The whole page copy as the body: the messiest input an article can carry.
        articles.append(build_article(f"Page {index} {path.stem}", text))
    digest = render(articles, ExportOptions(format="md")).text
    tokens = MD.parse(digest)
    heading_texts = [
        tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open"
    ]
    assert len(heading_texts) == 2 + len(articles)
    assert [t.split(" ", 2)[:2] for t in heading_texts[2:]] == [
        ["Page", str(i)] for i in range(len(articles))
    ]
    forbidden = {"html_block", "fence", "code_block", "table_open", "ordered_list_open"}
    assert [t.type for t in tokens if t.type in forbidden] == []
    # Bulleted lines of a page stay lists (issue 13 item 5), inside their article's section.
    assert tokens[0].type == "heading_open" and tokens[-1].type != "bullet_list_open"
    inline = [c for tok in tokens for c in tok.children or []]
    assert not [c for c in inline if c.type in ("html_inline", "image", "code_inline")]
    # And every page becomes a file that parses.
    names = [name for name, _text in render_files(articles, ExportOptions(format="md-files")).files]
    assert len(set(names)) == len(articles)
