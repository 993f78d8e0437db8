"""A generated corpus of hostile and broken inputs (never checked in: built in tmp per run).

`write_corpus(folder, secret, port)` writes well over a hundred files and
returns their names. `secret` is a file whose contents must never reach the
store (external entities point at it); `port` is a local TCP port nobody may
connect to (entities and DTDs point at it as well).
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path

#: Terminal-level payloads an article may carry in any field.
ESCAPES = {
    "osc0_title": "\x1b]0;PWNED-TITLE\x07",
    "osc52_clipboard": "\x1b]52;c;cm0gLXJmIH4vKg==\x07",
    "osc8_link": "\x1b]8;;http://evil.example/x\x1b\\click\x1b]8;;\x1b\\",
    "csi_colour": "\x1b[31;1mRED\x1b[0m",
    "csi_clear": "\x1b[2J\x1b[H",
    "dcs": "\x1bP+q544e\x1b\\",
    "c1_csi": "\x9b31m",
    "bell_backspace": "\x07\x08\x08\x08",
    "carriage_return": "innocent\rEVIL",
    "rich_markup": "[bold red]markup[/] [link=file:///etc/passwd]x[/link] [blink]b[/blink]",
}
#: Strings that prove a payload survived as a terminal sequence (checked in terminal output).
PAYLOAD_MARKERS = (
    "]0;PWNED",
    "]52;",
    "cm0gLXJmIH4vKg==",
    "]8;;http",
    "\x1b",
    "\x9b",
    "\x9d",
    "\x07",
)

STORY = (
    "Harbour council approves budget\n\n"
    "By Jane Roe\n\n"
    "The harbour council voted on Tuesday to approve a budget for the new sea wall, "
    "after months of debate about the cost of flood defences in the old town.\n\n"
    "Residents said the vote came too late for the families whose homes flooded last winter.\n"
)

NON_LATIN = {
    "latin-1": "Café au lait: l'été à Montréal, naïve façade, Øresund, Ångström.",
    "cp1252": "“Smart quotes” — and the euro € sign, ‘single’ too…",
    "shift_jis": "港湾議会は火曜日、新しい防波堤の予算を承認した。住民は遅すぎると述べた。",
    "koi8-r": "Городской совет одобрил бюджет на строительство новой дамбы во вторник.",
    "gb18030": "港口委员会周二批准了新海堤的预算，居民表示投票来得太晚了。",
    "euc-kr": "항구 의회는 화요일에 새로운 방파제 예산을 승인했다.",
    "cp1251": "Общинският съвет одобри бюджета за новата дига във вторник.",
    "iso-8859-7": "Το λιμενικό συμβούλιο ενέκρινε τον προϋπολογισμό την Τρίτη.",
}


def _page(title: str, body: str = "") -> str:
    return f"{title}\n\nBy Jane Roe\n\n{body or STORY.split(chr(10), 4)[-1]}\n"


def write_corpus(folder: Path, secret: Path, port: int) -> list[str]:
    """Write every hostile input into `folder`; returns the file names written."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[str] = []

    def put(name: str, data: bytes | str) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        (folder / name).write_bytes(raw)
        written.append(name)

    _binary(put)
    _empty(put)
    _large(put, folder, written)
    _encodings(put)
    _nul_and_invalid(put)
    _deep_nesting(put)
    _xml_attacks(put, secret, port)
    _broken_feeds(put)
    _absurd_dates(put)
    _huge_fields(put)
    _escapes(put)
    _scripts(put)
    _yaml_attacks(put)
    _odd_names(put)
    return written


Put = Callable[[str, "bytes | str"], None]


def _binary(put: Put) -> None:
    rng = __import__("random").Random(7)
    put("random.bin", bytes(rng.randrange(256) for _ in range(20_000)))
    put("random.txt", bytes(rng.randrange(256) for _ in range(5_000)))
    put("image.png", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2_000)))
    put("disguised.html", b"\x89PNG\r\n\x1a\n" + b"<html>" * 100)
    put("document.pdf.txt", b"%PDF-1.7\n" + bytes(range(256)) * 20)
    put("program.txt", b"\x7fELF\x02\x01\x01" + bytes(4000))
    put("archive.md", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(1000)))
    put("database.jsonl", b"SQLite format 3\x00" + bytes(4000))
    put("nested.txt.gz", gzip.compress(gzip.compress(STORY.encode())))
    put(
        "truncated.html.gz",
        gzip.compress(b"<html><body><h1>Cut</h1>" + b"<p>words</p>" * 500)[:300],
    )
    put("controls.txt", bytes(range(32)) * 300)


def _empty(put: Put) -> None:
    put("empty.txt", b"")
    put("empty.html", b"")
    put("empty.xml", b"")
    put("empty.jsonl", b"")
    put("empty.md", b"")
    put("whitespace.txt", b" \n\t\n   \r\n" * 50)
    put("bom-only.txt", codecs.BOM_UTF8)
    put("newline.txt", b"\n")
    put("empty-tags.html", "<html><head></head><body></body></html>")
    put("empty-feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')


def _large(put: Put, folder: Path, written: list[str]) -> None:
    # 50 MB without writing 50 MB: a sparse file (the size check comes before any read).
    with (folder / "fifty-megabytes.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    written.append("fifty-megabytes.txt")
    # A gzip bomb: small on disk, 80 MB once expanded.
    put("bomb.txt.gz", gzip.compress(b"a" * (80 * 1024 * 1024), compresslevel=1))
    # Large but allowed: 2 MB of text in long paragraphs (cut before extraction).
    put("two-megabytes.txt", _page("Long report on the harbour", ("word " * 200 + "\n\n") * 2000))
    put("one-line-megabyte.txt", "x" * 1_000_000)
    put("many-lines.txt", "A\n" * 200_000)


def _encodings(put: Put) -> None:
    for encoding, sample in NON_LATIN.items():
        text = _page(f"Report in {encoding}: {sample[:30]}", sample + "\n\n" + sample)
        put(f"enc-{encoding}.txt", text.encode(encoding, errors="replace"))
        html = (
            f"<html><head><meta charset='{encoding}'><title>{sample[:40]}</title></head>"
            f"<body><article><h1>{sample[:40]}</h1><p>{sample}</p><p>{sample}</p></article></body></html>"
        )
        put(f"enc-{encoding}.html", html.encode(encoding, errors="replace"))
        # The page lies about its charset.
        put(
            f"enc-{encoding}-mislabelled.html",
            html.replace(encoding, "utf-8").encode(encoding, errors="replace"),
        )
    for encoding, bom in (
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-8", codecs.BOM_UTF8),
    ):
        put(f"bom-{encoding}.txt", bom + STORY.encode(encoding))
        put(f"nobom-{encoding}.txt", STORY.encode(encoding))
        feed = _rss([("Feed item in " + encoding, "Body of the item. " * 20)])
        put(f"bom-{encoding}.xml", bom + feed.replace('encoding="utf-8"', "").encode(encoding))
    put(
        "mixed-encodings.txt",
        STORY.encode("utf-8")
        + NON_LATIN["latin-1"].encode("latin-1")
        + b"\n\n"
        + NON_LATIN["shift_jis"].encode("shift_jis")
        + b"\n\n"
        + NON_LATIN["koi8-r"].encode("koi8-r"),
    )
    put("utf16-odd-length.txt", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le") + b"\x00")


def _nul_and_invalid(put: Put) -> None:
    put("nul-bytes.txt", STORY.replace("harbour", "har\x00bour").encode())
    put("nul-title.txt", ("Title\x00with\x00nuls\n\n" + STORY).encode())
    put("nul-heavy.txt", (STORY + "\x00" * 3000).encode())
    put(
        "invalid-utf8.txt",
        STORY.encode() + b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 20,
    )
    put(
        "lone-surrogates.jsonl",
        '{"title": "Bad \\ud800 surrogate", "body": "Text \\udfff here and more words to keep."}\n',
    )
    put("overlong-utf8.txt", STORY.encode() + b"\xc0\xaf\xe0\x80\xaf" * 50)


def _deep_nesting(put: Put) -> None:
    depth = 10_000
    put(
        "nested-divs.html",
        "<html><body>"
        + "<div>" * depth
        + "<h1>Deep</h1><p>Deep text here.</p>"
        + "</div>" * depth
        + "</body></html>",
    )
    put(
        "unclosed-tags.html",
        "<html><body><h1>Unclosed</h1>" + "<b><i><span>" * depth + "text</body></html>",
    )
    put(
        "nested-tables.html",
        "<html><body>"
        + "<table><tr><td>" * 3000
        + "cell"
        + "</td></tr></table>" * 3000
        + "</body></html>",
    )
    put("nested-json.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")
    put(
        "nested-json-object.jsonl",
        '{"title": "Deep", "body": ' + '{"a":' * 50_000 + "1" + "}" * 50_000 + "}\n",
    )
    put("nested-quotes.md", "# Quotes\n\n" + ">" * 50_000 + " deep quote\n")
    put("nested-lists.md", "# Lists\n\n" + "".join("  " * i + "- item\n" for i in range(1_000)))
    put(
        "nested-xml.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        + "<x>" * depth
        + "</x>" * depth
        + "</channel></rss>",
    )


def _rss(items: list[tuple[str, str]], doctype: str = "") -> str:
    body = "".join(
        f"<item><title>{t}</title><description>{d}</description><link>http://example.com/{i}</link></item>"
        for i, (t, d) in enumerate(items)
    )
    return f'<?xml version="1.0" encoding="utf-8"?>{doctype}<rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'


def _xml_attacks(put: Put, secret: Path, port: int) -> None:
    local = secret.resolve().as_uri()
    remote = f"http://127.0.0.1:{port}/evil.dtd"
    laughs = "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10))
    bomb = f'<!DOCTYPE rss [<!ENTITY lol0 "lol">{laughs}]>'
    put("billion-laughs.xml", _rss([("&lol9;", "&lol9;")], bomb))
    put(
        "billion-laughs-atom.xml",
        f'<?xml version="1.0"?>{bomb.replace("rss", "feed")}<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol9;</title><entry><title>&lol9;</title><content>&lol9;</content></entry></feed>',
    )
    xxe = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{local}">]>'
    put("xxe-file.xml", _rss([("Leak &xxe;", "Body &xxe; body")], xxe))
    put("xxe-file.rss", _rss([("Leak &xxe;", "Body &xxe; body")], xxe))
    put(
        "xxe-net.xml",
        _rss([("Fetch &net;", "Body &net;")], f'<!DOCTYPE rss [<!ENTITY net SYSTEM "{remote}">]>'),
    )
    put(
        "xxe-param.xml",
        _rss(
            [("Param", "Body text of the item")],
            f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{remote}"> %p;]>',
        ),
    )
    put(
        "external-dtd.xml",
        _rss([("External DTD", "Body text of the item")], f'<!DOCTYPE rss SYSTEM "{remote}">'),
    )
    put(
        "external-dtd-file.xml",
        _rss([("External DTD file", "Body text")], f'<!DOCTYPE rss SYSTEM "{local}">'),
    )
    put(
        "xxe-atom.atom",
        f'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM "{local}">]><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>&xxe;</title><summary>&xxe;</summary></entry></feed>',
    )
    put(
        "xxe-xhtml.html",
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{local}">]><html xmlns="http://www.w3.org/1999/xhtml"><body><h1>&xxe;</h1><p>&xxe; more text</p></body></html>',
    )
    put(
        "xinclude.xml",
        _rss(
            [
                (
                    "XInclude",
                    f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{local}" parse="text"/>',
                )
            ]
        ),
    )
    put(
        "xxe-late-doctype.xml",
        '<?xml version="1.0"?>\n<!-- comment -->\n' + _rss([("&xxe;", "x")], xxe).split("?>", 1)[1],
    )
    put(
        "html-iframe-file.html",
        f'<html><body><h1>Frames</h1><iframe src="{local}"></iframe><img src="{remote}"><p>Body text here for the page.</p><link rel="stylesheet" href="{remote}"></body></html>',
    )
    put(
        "svg-script.html",
        f'<html><body><h1>SVG</h1><svg><script>alert(1)</script><image href="{local}"/></svg><p>Body.</p></body></html>',
    )


def _broken_feeds(put: Put) -> None:
    put("rss-no-title.xml", _rss([("", "Only a description for this item, with enough words.")]))
    put(
        "rss-no-anything.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><item></item><item><link>http://e.com</link></item></channel></rss>',
    )
    put("rss-truncated.xml", _rss([("Cut", "Body")] * 5)[:-60])
    put(
        "rss-garbage-tags.xml",
        '<?xml version="1.0"?><rss><channel><item><title>Ok title</title><description><![CDATA[<p>unclosed <b>cdata</description></item></channel>',
    )
    put(
        "atom-empty-entry.xml",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry/><entry><title/></entry></feed>',
    )
    put(
        "rdf-weird.rdf",
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item/></rdf:RDF>',
    )
    put(
        "jsonl-missing.jsonl",
        "\n".join(
            json.dumps(r)
            for r in ({}, {"title": ""}, {"body": ""}, {"url": "x"}, {"title": None, "body": None})
        )
        + "\n",
    )
    put(
        "jsonl-wrong-types.jsonl",
        "\n".join(
            json.dumps(r)
            for r in (
                {"title": 123, "body": ["a", "b"]},
                {"title": {"x": 1}, "body": 5.5},
                {
                    "title": "Ok",
                    "body": "Fine body text here.",
                    "authors": "not a list",
                    "tags": {"a": 1},
                },
                {
                    "title": "Ok2",
                    "body": "Fine body text.",
                    "authors": [1, None, {"a": 2}],
                    "tags": [None, 3],
                },
                {"title": "Ok3", "body": "Fine body.", "published": ["2026"], "starred": "yes"},
                [1, 2, 3],
                "just a string",
                42,
                None,
            )
        )
        + "\n",
    )
    put(
        "jsonl-garbage-lines.jsonl",
        '{"title": "Good", "body": "A good line of text."}\n{not json\n\x00\x01\n{"title": "Also good", "body": "More text here."}\n',
    )
    put("json-truncated.json", '[{"title": "A", "body": "B"}, {"title": "C", "bo')
    put("markdown-bad-front.md", "---\ntitle: [unclosed\nauthors: {\n---\n# Body\n\nText.\n")
    put("markdown-no-close.md", "---\ntitle: Never closed\n\n# Heading\n\nBody text.\n")
    put("markdown-list-front.md", "---\n- just\n- a list\n---\n# Heading\n\nBody text.\n")


def _absurd_dates(put: Put) -> None:
    dates = [
        "0000-01-01",
        "9999-12-31T23:59:59Z",
        "-0001-01-01",
        "99999-01-01",
        "2026-13-45",
        "1970-01-01T00:00:00+25:00",
        "not a date",
        "1e400",
        "-9999999999999",
    ]
    for i, date in enumerate(dates):
        put(
            f"date-front-{i}.md",
            f'---\ntitle: Dated {i}\npublished: "{date}"\n---\n\nBody of the dated story number {i}.\n',
        )
        put(
            f"date-jsonl-{i}.jsonl",
            json.dumps({"title": f"Dated line {i}", "body": "Text of the item.", "published": date})
            + "\n",
        )
    put(
        "date-numbers.jsonl",
        "\n".join(
            json.dumps({"title": f"Num {v}", "body": "Text here.", "published": v})
            for v in (-1e20, 1e300, 0, -1, 2**63)
        )
        + "\n",
    )
    put(
        "date-rss.xml",
        _rss([("Year zero", "Body")]).replace(
            "</link>", "</link><pubDate>Mon, 01 Jan 0000 00:00:00 GMT</pubDate>", 1
        ),
    )
    put(
        "date-rss-far.xml",
        _rss([("Far future", "Body")]).replace(
            "</link>", "</link><pubDate>Fri, 31 Dec 99999 23:59:59 +9999</pubDate>", 1
        ),
    )
    put(
        "date-yaml-native.md",
        "---\ntitle: Native date\npublished: 0001-01-01\ndate: 9999-12-31\n---\n\nBody text.\n",
    )
    put(
        "date-text.txt",
        "A dated page\n\nBy Jane Roe\nJanuary 0, 0000\n\nBody text of the page continues here.\n",
    )


def _huge_fields(put: Put) -> None:
    long_title = "Headline " * 11_112  # 100,000 characters
    put("title-100k.txt", long_title + "\n\nBody of the article follows here.\n")
    put(
        "title-100k.md",
        f'---\ntitle: "{long_title}"\nauthors: [{", ".join(["A"] * 5000)}]\n---\n\nBody text.\n',
    )
    put(
        "title-100k.jsonl",
        json.dumps(
            {
                "title": long_title,
                "body": "Body.",
                "authors": ["x" * 100_000],
                "tags": ["t" * 10_000] * 500,
                "source": "s" * 100_000,
            }
        )
        + "\n",
    )
    put(
        "title-100k.html",
        f"<html><head><title>{long_title}</title></head><body><h1>{long_title}</h1><p>Body text.</p></body></html>",
    )
    put("title-100k.xml", _rss([(long_title, "Body text " * 10)]))
    put(
        "many-items.jsonl",
        "".join(
            json.dumps({"title": f"Item {i}", "body": f"Body of item {i} with words."}) + "\n"
            for i in range(150)
        ),
    )
    put(
        "many-links.html",
        "<html><body><h1>Links</h1><p>Text.</p>"
        + "<a href='http://e.com/x'>link</a>" * 20_000
        + "</body></html>",
    )


def _escapes(put: Put) -> None:
    every = " ".join(ESCAPES.values())
    put(
        "escapes.txt",
        f"Title {every}\n\nBy Jane {ESCAPES['osc52_clipboard']} Roe\n\nBody {every}\n\nMore {every}\n",
    )
    put(
        "escapes.md",
        "---\n"
        + json.dumps(
            {
                "title": f"Front {every}",
                "authors": [f"A {every}"],
                "source": f"S {every}",
                "tags": [f"t{ESCAPES['osc0_title']}", "[bold]x[/bold]"],
                "url": f"http://e.com/{ESCAPES['osc8_link']}",
                "dek": every,
                "dateline": every,
            }
        )
        + "\n---\n\n"
        + f"Body {every}\n",
    )
    put(
        "escapes.jsonl",
        json.dumps(
            {
                "title": f"Line {every}",
                "body": f"Body {every} and words.",
                "authors": [every],
                "source": every,
                "tags": [every],
                "dek": every,
                "url": every,
            }
        )
        + "\n",
    )
    put(
        "escapes.xml",
        _rss([(f"Item {_xml_escape(every)}", f"Body {_xml_escape(every)}")]).replace(
            "<title>Wire</title>", f"<title>Wire {_xml_escape(every)}</title>"
        ),
    )
    put(
        "escapes.html",
        f"<html><head><title>T {_xml_escape(every)}</title><meta name='author' content='{_xml_escape(every)}'></head><body><h1>H {_xml_escape(every)}</h1><p>P {_xml_escape(every)}</p></body></html>",
    )
    put(
        "escapes-entities.html",
        "<html><body><h1>Entity &#27;]0;PWNED-TITLE&#7; escape</h1><p>Numeric &#x1b;[31mred&#x1b;[0m and &#155;31m C1.</p></body></html>",
    )
    put(
        "escapes-raw-8bit.txt",
        b"Raw C1 \x9b31m title\n\nBody with \x9d0;PWNED-TITLE\x9c and text.\n",
    )


def _xml_escape(text: str) -> str:
    # XML 1.0 cannot carry most C0 controls even escaped; keep what it can, as numeric refs where legal.
    return (
        "".join(c if c >= " " or c in "\t\n" else "" for c in text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def _scripts(put: Put) -> None:
    rtl = "\u202eevil.exe\u202c قال رئيس المجلس إن الميزانية أقرت. ראש העירייה אמר"
    zalgo = "Z" + "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308" * 500 + "algo"
    emoji = "👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇦 " * 50 + "\U0001f600" * 1000
    put("rtl.txt", _page(f"Council {rtl}", f"{rtl}\n\n{rtl}"))
    put("zalgo.txt", _page(f"Title {zalgo[:3000]}", zalgo))
    put("emoji.txt", _page("Emoji 😀 headline 🇺🇦", emoji))
    put(
        "emoji.jsonl",
        json.dumps({"title": "😀" * 5000, "body": emoji, "authors": ["👩‍👩‍👧‍👦"]}) + "\n",
    )
    put(
        "zero-width.txt",
        _page("Zero\u200bwidth\u200d\ufeff title\u2060", "In\u200bvisible\u00ad text \ufeff here."),
    )
    put("bidi-isolates.md", f'---\ntitle: "\u2067{rtl}\u2069"\n---\n\n{rtl}\n')
    put(
        "unassigned.txt",
        _page("Private \ue000\U000f0000 use", "Noncharacters \ufdd0\uffff and \U0010ffff here."),
    )


def _yaml_attacks(put: Put) -> None:
    anchors = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(8)
    )
    put("yaml-bomb.md", f"---\n{anchors}title: Bomb\n---\n\nBody.\n")
    put(
        "yaml-python.md",
        "---\ntitle: !!python/object/apply:os.system ['touch /tmp/newsdesk-pwned']\n---\n\nBody.\n",
    )
    put(
        "yaml-tags.md",
        "---\ntitle: !!binary aGVsbG8=\nauthors: !!set {a, b}\ntags: !custom x\n---\n\nBody.\n",
    )
    put(
        "yaml-huge.md", "---\n" + "".join(f"k{i}: v{i}\n" for i in range(30_000)) + "---\n\nBody.\n"
    )


def _odd_names(put: Put) -> None:
    put("name with spaces and ünïcödé.txt", _page("Odd name one"))
    put("name-\x1b]0;PWNED-TITLE\x07-escape.txt", _page("Odd name two"))
    put("name-\nnewline.txt", _page("Odd name three"))
    put("no-extension", _page("Odd name four"))
    put("wrong-extension.jsonl", _page("Odd name five"))
    put("html-as-text.txt", "<html><body><h1>Really HTML</h1><p>Words here.</p></body></html>")
    put("feed-as-md.md", _rss([("Really a feed", "Words of the item.")]))
    put(".hidden.txt", _page("Hidden file"))
    if hasattr(os, "mkfifo"):
        pass  # FIFOs are made by the test (they need the folder to exist first).
