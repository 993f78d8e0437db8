"""An OPML folder or category with no letter or digit (an emoji, "---") costs the feed
only that tag: it was skipped whole ("'📰' cannot be a tag")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.paths import resolve

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>reader export</title></head><body>
  <outline text="\U0001f4f0" title="\U0001f4f0">
    <outline type="rss" text="Paper" xmlUrl="http://paper.invalid/feed.xml"/>
  </outline>
  <outline text="---">
    <outline text="Sport">
      <outline type="rss" text="Dash" xmlUrl="http://dash.invalid/rss"
               category="/World/Europe,\U0001f525,/,..."/>
    </outline>
  </outline>
  <outline text="\U0001f525 Hot"><outline type="rss" text="Hot" xmlUrl="http://hot.invalid/rss"/></outline>
</body></opml>
"""


def test_untaggable_folders_are_left_out_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.opml"
    path.write_text(OPML, encoding="utf-8")
    assert main(["feeds", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "subscribed 3  skipped 0" in out
    assert 'folder "\U0001f4f0" has no letter or digit to make a tag of: left out' in out
    assert 'folder "---" has no letter or digit' in out
    assert 'category "\U0001f525" has no letter or digit' in out
    assert 'category "..."' in out
    with Desk(resolve()) as desk:
        tags = {s.url.split("/")[2]: s.tags for s in desk.feeds()}
    assert tags["paper.invalid"] == []
    assert tags["dash.invalid"] == ["sport", "world", "europe"]
    assert len(tags["hot.invalid"]) == 1 and "hot" in tags["hot.invalid"][0]


def test_the_notes_are_in_the_json_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.opml"
    path.write_text(OPML, encoding="utf-8")
    assert main(["feeds", "import", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["skipped"] == []
    noted = {n["url"]: n["note"] for n in report["notes"]}
    assert noted["http://paper.invalid/feed.xml"].startswith('folder "\U0001f4f0"')
