"""Two names an HTML page prints that are not its author (fictional pages): the publisher in
`<meta name="author">` beside JSON-LD's writer, and the person a contact box says to call."""

from __future__ import annotations

from newsdesk.ingest import load_bytes

BODY = (
    "<p>Der Verband hat am Montag neue Regeln für die Feuerwehr vorgestellt, die ab dem "
    "kommenden Jahr in allen Landkreisen gelten sollen und die Ausbildung verlängern.</p>"
    "<p>Die Wehren hatten die Änderungen seit Jahren verlangt, weil die Einsätze länger "
    "und gefährlicher geworden seien, hieß es nach der Sitzung in der Hauptstadt.</p>"
    "<p>Die Kosten tragen Land und Gemeinden gemeinsam; der Haushalt soll im Frühjahr "
    "beraten werden, bevor die ersten Kurse im Sommer beginnen.</p>"
)


def _authors(head: str, tail: str = "", foot: str = "") -> list[str]:
    page = (
        "<html lang='de'><head><title>Neue Regeln für die Feuerwehr</title>"
        f"{head}</head><body><article><h1>Neue Regeln für die Feuerwehr</h1>{BODY}{tail}"
        f"</article><footer>{foot}</footer></body></html>"
    )
    result = load_bytes(page.encode(), "regeln.html")
    assert result.items, result.error
    return result.items[0].authors


LD = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Neue Regeln",'
    ' "author": [{"@type": "Person", "name": "Liesel Varnhagen"}],'
    ' "publisher": {"@type": "Organization", "name": "FEUERBLATT"}}</script>'
)


def test_a_meta_author_the_copyright_line_names_is_the_publisher() -> None:
    meta = '<meta name="author" content="Quandt Verlagshaus">'
    foot = "<p>© 2024 Quandt Verlagshaus. Alle Rechte vorbehalten.</p>"
    assert _authors(meta + LD, foot=foot) == ["Liesel Varnhagen"]
    # A meta author no copyright line names is still read as before.
    assert _authors('<meta name="author" content="Gerda Hollmann">' + LD, foot=foot) == [
        "Gerda Hollmann"
    ]


def test_the_name_in_a_contact_box_under_the_story_is_no_author() -> None:
    for label in ("Ansprechpartnerin", "Pressekontakt:", "Media contact"):
        tail = f"<p>{label}</p><p>Jana Berg</p><p>Stellvertretende Pressesprecherin</p>"
        assert _authors("", tail) == [], label
    # Signed under the story without a contact heading: still its author.
    assert _authors("", "<p>Jana Berg</p>") == ["Jana Berg"]


def test_a_text_copy_signed_under_a_contact_heading_has_no_author() -> None:
    story = "\n\n".join(p.removeprefix("<p>") for p in BODY.split("</p>") if p)
    for tail, want in (
        ("Media contact\n\nJana Berg\n\nDeputy press officer", []),
        ("Autorin:\n\nJana Berg", ["Jana Berg"]),
    ):
        text = f"Neue Regeln für die Feuerwehr\n\n{story}\n\n{tail}\n"
        result = load_bytes(text.encode(), "regeln.txt")
        assert result.items, result.error
        assert result.items[0].authors == want, tail
