"""Files that are no articles are refused with a reason, not imported as one.

An OPML subscription list, an application's XML settings, a calendar, a rules or
keys file, a script: each was read as a text page and became an "article"
headlined with its first line of markup or code (and rules on arrival fired on it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.ingest import load_bytes

OPML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>Desk feeds'
    '</title></head><body><outline text="Quay" type="rss" xmlUrl="http://127.0.0.1/q.xml"/>'
    "</body></opml>\n"
)


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("subscriptions.opml", OPML, "OPML subscription list"),
        ("feeds.txt", OPML, "newsdesk feeds import"),
        ("settings", '<?xml version="1.0"?><settings><a>1</a></settings>', "<settings>"),
        ("prefs", "<prefs><colour>red</colour></prefs>\n", "<prefs>"),
        ("rules.toml", '[[rule]]\nname = "boats"\nquery = "ferry"\n', ".toml file"),
        ("git.ini", "[core]\n\teditor = vi\n", "configuration"),
        ("server.py", "import os\n\nprint(os.getcwd())\n", "source code"),
        ("run", "#!/bin/sh\necho hello\n", "script"),
        ("meeting", "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "calendar"),
        ("people.vcf", "BEGIN:VCARD\nFN:Ana Lima\nEND:VCARD\n", "contact cards"),
    ],
)
def test_a_file_that_is_no_article_is_refused_with_its_reason(
    name: str, text: str, reason: str
) -> None:
    result = load_bytes(text.encode(), name)
    assert result.items == []
    assert result.error is not None and reason in result.error


@pytest.mark.parametrize(
    "text",
    [
        # Prose that opens with something tag-like is still a page.
        "<Updated> Ferry fares rise\n\nThe harbour board raised fares on Monday, it said.\n",
        "Ferry fares rise\n\nThe board met in the [main] hall and voted = yes, it said.\n",
        # Wire prose wrapped in one made-up tag, as a desk's tool saved it.
        "<Reuters> LONDON - Oil prices rose on Monday as traders weighed supply cuts, "
        "analysts said.\n\nBrent crude gained 2 percent by midday.\n</Reuters>\n",
    ],
)
def test_text_pages_that_look_a_little_like_markup_still_import(text: str) -> None:
    result = load_bytes(text.encode(), "story.txt")
    assert result.error is None and len(result.items) == 1


def test_importing_an_opml_export_stores_nothing_and_says_what_to_do(
    desk: Desk, tmp_path: Path
) -> None:
    path = tmp_path / "feeds.opml"
    path.write_text(OPML, encoding="utf-8")
    summary = desk.import_paths([path])
    assert summary.imported == 0 and desk.store.count() == 0
    [failed] = summary.failed
    assert failed.error is not None and "feeds import" in failed.error
