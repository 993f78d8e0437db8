"""Markdown with YAML front matter: the front matter wins, the body is plain text."""

from __future__ import annotations

from newsdesk.ingest import load_bytes

DOC = """---
title: "Council approves the riverside park"
dek: A decade-long campaign ends in a unanimous vote.
authors:
  - Mara Quill
  - Tobias Fenn
source: The Valley Ledger
dateline: ELMSTEAD
published: 2024-03-05T09:30:00Z
url: https://example.org/park
tags: [parks, council]
starred: true
---
# Council approves the riverside park

The **council** voted on Tuesday to turn the old [rail yard](https://example.org/yard)
into a park, ending a _decade-long_ campaign.

![a photo](https://example.org/p.jpg)

- Work starts in May
- It opens next year
"""


def test_front_matter_fields_become_metadata() -> None:
    result = load_bytes(DOC.encode(), "park.md")
    assert result.error is None
    assert result.format == "markdown"
    item = result.items[0]
    assert item.title == "Council approves the riverside park"
    assert item.dek == "A decade-long campaign ends in a unanimous vote."
    assert item.authors == ["Mara Quill", "Tobias Fenn"]
    assert item.source == "The Valley Ledger"
    assert item.dateline == "ELMSTEAD"
    assert item.published == "2024-03-05T09:30:00+00:00"
    assert item.url == "https://example.org/park"
    assert item.tags == ["parks", "council"]
    assert item.starred is True
    assert item.format == "markdown"


def test_markdown_syntax_is_stripped_from_body() -> None:
    body = load_bytes(DOC.encode(), "park.md").items[0].body
    assert "old rail yard" in body
    assert "decade-long campaign" in body
    for syntax in ("**", "](", "![", "# "):
        assert syntax not in body


def test_author_string_and_date_key() -> None:
    doc = "---\ntitle: Short\nauthor: Ana Ruiz and Leo Park\ndate: March 5, 2024\n---\nBody text here.\n"
    item = load_bytes(doc.encode(), "x.markdown").items[0]
    assert item.authors == ["Ana Ruiz", "Leo Park"]
    assert item.published == "2024-03-05"


def test_malformed_yaml_is_an_error_with_reason() -> None:
    doc = "---\ntitle: [unclosed\nauthor: x\n---\nBody.\n"
    result = load_bytes(doc.encode(), "bad.md")
    assert result.items == []
    assert result.error is not None
    assert "YAML" in result.error


def test_front_matter_that_is_not_a_mapping() -> None:
    result = load_bytes(b"---\n- just\n- a list\n---\nBody.\n", "list.md")
    assert result.error is not None
    assert "key: value" in result.error


def test_markdown_without_front_matter_is_a_text_page() -> None:
    doc = "# Lighthouse keeper retires\n\nAfter *forty* years, the keeper hands over the keys.\n"
    result = load_bytes(doc.encode(), "plain.md")
    assert result.error is None
    item = result.items[0]
    assert "Lighthouse keeper" in item.title
    assert "forty years" in item.body


def test_yaml_alias_bomb_is_harmless() -> None:
    lines = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    prev = "a"
    for name in "bcdefghij":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    lines += ["title: Bomb", "tags: *j", "---", "Body."]
    result = load_bytes("\n".join(lines).encode(), "bomb.md")
    # Nested lists are not tags; the article still imports with its title.
    assert result.error is None
    assert result.items[0].title == "Bomb"
    assert result.items[0].tags == []


def test_absurd_date_becomes_none() -> None:
    doc = "---\ntitle: Old\npublished: 0099-01-01\n---\nBody.\n"
    item = load_bytes(doc.encode(), "old.md").items[0]
    assert item.published is None


# The shape of newsdesk's own per-article export: front matter, then a rendered section.
EXPORTED = """---
title: 'Ferry fares frozen: council backs down'
dek: The increase planned for June is cancelled.
authors:
- Ines Varga
source: Harbour Notes
dateline: PORTLEVEN
published: '2024-05-16T12:00:00+00:00'
url: https://harbour.example/fares
tags:
- transport
starred: false
people:
- Ola Berg
organizations: []
places: []
id: 0123456789abcdef
---

# Ferry fares frozen: council backs down

By Ines Varga · Harbour Notes · PORTLEVEN · 2024-05-16 12:00

*The increase planned for June is cancelled.*

Tags: transport

PORTLEVEN — The council dropped its plan to raise ferry fares after a petition gathered 4,000 signatures.

“Common sense won,” said Ola Berg, who organised the petition.

Original: <https://harbour.example/fares>
"""


def test_reimporting_an_export_keeps_its_metadata() -> None:
    item = load_bytes(EXPORTED.encode(), "fares.md").items[0]
    assert item.title == "Ferry fares frozen: council backs down"
    assert item.authors == ["Ines Varga"]
    assert item.dateline == "PORTLEVEN"
    assert item.tags == ["transport"]
    assert item.starred is False
    assert item.people == ["Ola Berg"]
    # The export's id comes back as the guid (the export's round-trip test relies on it).
    assert item.guid == "0123456789abcdef"
    assert "petition gathered 4,000 signatures" in item.body


def test_crlf_front_matter() -> None:
    doc = "---\r\ntitle: Windows line endings\r\ntags: [a]\r\n---\r\nBody text written on Windows.\r\n"
    result = load_bytes(doc.encode(), "crlf.md")
    assert result.error is None
    assert result.items[0].title == "Windows line endings"
    assert result.items[0].tags == ["a"]
