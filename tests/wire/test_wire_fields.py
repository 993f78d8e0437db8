"""Item 2 of issue 15: wire fields in `show --json`, the detail pane and the exports; none for web pages."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.style import Style

from newsdesk.cli.output import article_dict
from newsdesk.desk import Desk, DeskError
from newsdesk.export import ExportOptions, export_record, render
from newsdesk.export.markdown import front_matter
from newsdesk.export.options import ExportFormat
from newsdesk.model import Article
from newsdesk.paths import resolve
from newsdesk.tui.article_view import ArticleStyles, article_text
from newsdesk.wire import WIRE_FIELDS, wire_fields

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"


PAGE = """World

Harbour pilots vote to strike over night rota

By Ana Reis
November 19, 2026

PORTO, Portugal — Harbour pilots voted on Thursday to strike over changes to the night rota.
"""


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = Desk(resolve())
    page = tmp_path / "pilots.txt"
    page.write_text(PAGE, encoding="utf-8")
    d.import_paths([SAMPLE_DATA / "wire", page])
    yield d
    d.close()


def _articles(desk: Desk) -> list[Article]:
    """Every article, earlier versions of wire copy included."""
    return desk.get_many(desk.search("in:all", sort="newest").ids)


def _find(desk: Desk, needle: str) -> Article:
    hits = [a for a in _articles(desk) if needle.lower() in a.meta.title.lower()]
    assert hits, needle
    return hits[0]


def test_show_json_has_wire_block_only_for_wire_copy(desk: Desk) -> None:
    wire = [a for a in _articles(desk) if a.meta.format != "text"]
    assert len(wire) >= 8
    for article in wire:
        data = article_dict(article)
        assert tuple(data["wire"]) == WIRE_FIELDS
        assert data["wire"]["item_id"]
    flash = [a for a in wire if a.meta.urgency == 1]
    assert flash and article_dict(flash[0])["wire"]["urgency_name"] == "flash"
    page = _find(desk, "Harbour pilots")
    assert "wire" not in article_dict(page)
    assert wire_fields(page.meta) is None


def test_exports_carry_wire_fields(desk: Desk) -> None:
    articles = _articles(desk)
    page = _find(desk, "Harbour pilots")
    wire = next(a for a in articles if a.meta.slugline)
    record = export_record(wire)
    assert record["wire"]["slugline"] == wire.meta.slugline
    assert record["wire"]["version"] == wire.meta.version
    assert "wire" not in export_record(page)
    assert "slugline:" in front_matter(record)
    assert "wire:" not in front_matter(export_record(page))
    rendered = render([wire, page], ExportOptions(format="json"))
    data = json.loads(rendered.text)
    assert "wire" in data[0] and "wire" not in data[1]
    rows = list(csv.DictReader(io.StringIO(render([wire, page], ExportOptions(format="csv")).text)))
    assert rows[0]["wire_slugline"] == wire.meta.slugline
    assert rows[1]["wire_slugline"] == "" and rows[1]["wire_urgency"] == ""


def test_detail_pane_shows_wire_fields(desk: Desk) -> None:
    plain = Style()
    styles = ArticleStyles(*(plain,) * 10)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    wire = next(a for a in _articles(desk) if a.meta.urgency is not None and a.meta.slugline)
    shown = article_text(wire, styles, now).plain
    assert "Urgency" in shown and "Slugline" in shown
    assert str(wire.meta.slugline) in shown
    page = _find(desk, "Harbour pilots")
    shown = article_text(page, styles, now).plain
    assert "Urgency" not in shown and "Slugline" not in shown


def test_embargo_shown_while_it_holds(desk: Desk) -> None:
    plain = Style()
    styles = ArticleStyles(*(plain,) * 10)
    held = next(a for a in _articles(desk) if a.meta.embargo_until)
    before = datetime(2000, 1, 1, tzinfo=UTC)
    assert "embargoed until" in article_text(held, styles, before).plain
    after = datetime(2100, 1, 1, tzinfo=UTC)
    assert "embargoed until" not in article_text(held, styles, after).plain


def _exported_titles(
    desk: Desk, ids: list[str], *, include_killed: bool = False, include_embargoed: bool = False
) -> list[str]:
    options = ExportOptions(
        format="json", include_killed=include_killed, include_embargoed=include_embargoed
    )
    rendered = desk.render_export(ids, options)
    return [record["title"] for record in json.loads(rendered.text)]


def test_export_leaves_out_every_version_of_a_killed_item(desk: Desk) -> None:
    articles = _articles(desk)
    killed_ids = {a.meta.item_id for a in articles if a.meta.status == "withdrawn"}
    assert killed_ids
    versions = [a for a in articles if a.meta.item_id in killed_ids]
    assert len(versions) >= 2  # the story and its kill
    everything = [a.id for a in articles]
    titles = _exported_titles(desk, everything, include_embargoed=True)
    assert not {a.meta.title for a in versions} & set(titles)
    assert "Harbour pilots vote to strike over night rota" in titles
    rendered = desk.render_export(everything, ExportOptions(format="json"))
    assert any("killed" in w and "--include-killed" in w for w in rendered.warnings)
    titles = _exported_titles(desk, everything, include_killed=True, include_embargoed=True)
    assert {a.meta.title for a in versions} <= set(titles)


def test_export_holds_embargoed_copy_until_asked(desk: Desk) -> None:
    held = next(a for a in _articles(desk) if a.meta.embargo_until)
    with pytest.raises(DeskError, match="embargoed"):
        desk.render_export([held.id], ExportOptions(format="json"))
    assert _exported_titles(desk, [held.id], include_embargoed=True) == [held.meta.title]


def test_a_markdown_export_that_includes_killed_copy_says_so(desk: Desk) -> None:
    articles = _articles(desk)
    killed = [a for a in articles if a.killed or a.meta.status == "withdrawn"]
    assert killed
    page = _find(desk, "Harbour pilots")
    options = ExportOptions(format="md", include_killed=True, include_embargoed=True)
    text = desk.render_export([a.id for a in killed] + [page.id], options).text
    # Versions of one story are `###` sections under its `## Story:` heading.
    sections = [s for s in re.split(r"\n#{2,3} ", text)[1:] if not s.startswith("Story: ")]
    marked = [s for s in sections if "**KILLED: do not use**" in s]
    # Every version of the killed story is marked, on its meta line; the web page is not.
    assert len(marked) == len(killed)
    assert not any(s.startswith("Harbour pilots") for s in marked)
    for section in marked:
        meta_line = section.split("\n\n")[1]
        assert meta_line.startswith("**KILLED: do not use** · ")


def test_an_embargo_months_away_names_its_year() -> None:
    from newsdesk.wire import embargo_label

    now = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    assert embargo_label("2026-12-05T14:00:00Z", now, UTC) == "embargoed until 14:00"
    assert embargo_label("2026-12-08T14:00:00Z", now, UTC) == "embargoed until Tue 08 Dec 14:00"
    assert embargo_label("2027-09-07T09:00:00Z", now, UTC) == "embargoed until 2027-09-07 09:00"
    assert embargo_label("2026-12-04T14:00:00Z", now, UTC) is None


def test_also_in_names_other_outlets_and_counts_this_outlets_versions(desk: Desk) -> None:
    plain = Style()
    styles = ArticleStyles(*(plain,) * 10)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    # A wire item with earlier takes: its story's other versions are the same agency's.
    wire = next(
        a
        for a in _articles(desk)
        if a.story_id and a.story_size > 1 and a.meta.source and a.meta.slugline
    )
    members = [m for m in desk.story_members(wire.story_id or "") if m != wire.id]
    rows = desk.rows(members)
    same = [r for r in rows if (r.source or "").casefold() == (wire.meta.source or "").casefold()]
    assert same, "the sample wire copy has items with several versions"
    shown = article_text(wire, styles, now, carried_by=rows).plain
    also = [line for line in shown.splitlines() if line.startswith("Also in")]
    assert all((wire.meta.source or "") not in line for line in also)
    assert f"{len(same)} other version" in shown and f"from {wire.meta.source}" in shown
    # A version naming no outlet is counted, not listed as "unknown outlet".
    from dataclasses import replace

    unnamed = article_text(wire, styles, now, carried_by=[replace(rows[0], source=None)]).plain
    assert "unknown outlet" not in unnamed and "1 other version naming no outlet" in unnamed


@pytest.mark.parametrize("fmt", ["md-files", "json"])
def test_killed_embargoed_and_noted_copy_stays_so_through_an_export_and_import(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: ExportFormat
) -> None:
    """Exported with --include-killed/--include-embargoed and imported elsewhere, killed
    and embargoed items came back as ordinary copy, and the note was dropped."""
    held = [a for a in _articles(desk) if (a.killed or a.meta.embargo_until) and not a.superseded]
    assert any(a.killed for a in held) and any(a.meta.embargo_until for a in held)
    desk.set_note(held[0].id, "call the desk back")
    options = ExportOptions(format=fmt, include_killed=True, include_embargoed=True)
    dest = tmp_path / ("out" if fmt == "md-files" else "out.json")
    desk.export([a.id for a in held], dest, options)
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "elsewhere"))
    with Desk(resolve()) as other:
        other.import_paths([dest])
        back = {a.meta.title: a for a in _articles(other)}
        for article in held:
            again = back[article.meta.title]
            assert again.killed == article.killed, article.meta.title
            assert again.meta.embargo_until == article.meta.embargo_until
        assert back[held[0].meta.title].state.note == "call the desk back"


def test_an_embargo_shows_its_seconds_and_once_lifted_says_when() -> None:
    from newsdesk.wire import embargo_label, embargo_lifted

    now = datetime(2026, 12, 5, 18, 22, 0, tzinfo=UTC)
    # Still held at 18:22:00: the label must not read as if it were free.
    assert embargo_label("2026-12-05T18:22:05Z", now, UTC) == "embargoed until 18:22:05"
    assert embargo_label("2026-12-05T18:30:00Z", now, UTC) == "embargoed until 18:30"
    assert embargo_lifted("2026-12-05T18:30:00Z", now) is None
    later = datetime(2026, 12, 5, 18, 23, 0, tzinfo=UTC)
    lifted = embargo_lifted("2026-12-05T18:22:05Z", later)
    assert lifted is not None and lifted.startswith("lifted at ") and "T18" not in lifted


def test_an_item_without_a_provider_is_its_datelines_agency(tmp_path: Path) -> None:
    """Two different items of one agency, one naming no provider, were one story: the
    unnamed one had no outlet, so one outlet's two reports were never told apart."""
    from newsdesk.paths import resolve

    def item(slug: str, headline: str, text: str, holder: str | None) -> Path:
        record = {
            "uri": f"urn:quay.example:20261206:{slug}",
            "type": "text",
            "version": "1",
            "versioncreated": "2026-12-06T10:00:00Z",
            "pubstatus": "usable",
            "slugline": slug,
            "located": "Marrowby",
            "byline": "Ines Falk",
            "headline": headline,
            "body_text": f"MARROWBY, Dec 6 (QNS) - {text}",
        }
        if holder:
            record["copyrightholder"] = holder
        path = tmp_path / f"{slug}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        return path

    ferry = item(
        "FERRY", "Ferry crews walk out in Marrowby", "Ferry crews walked out on Sunday.", "QNS"
    )
    bridge = item("BRIDGE", "Marrowby bridge shut", "The old bridge closed on Sunday.", None)
    with Desk(resolve()) as desk:
        desk.import_paths([ferry, bridge])
        articles = {a.meta.title: a for a in desk.get_many(desk.search("in:all").ids)}
    shut = articles["Marrowby bridge shut"]
    assert shut.meta.source == "QNS"
    assert shut.story_id != articles["Ferry crews walk out in Marrowby"].story_id
