"""Rules on wire copy: they act on an item's first arrival; a new version carries the
editor's state, and a kill is never read or archived by a rule (it must be seen)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.paths import resolve

ITEM = "urn:test.example:20261205:TRAIN"


def newsml(version: int, status: str = "usable", headline: str = "", text: str = "") -> str:
    headline = headline or f"Train derails near Riverton (version {version})"
    text = text or (
        f"RIVERTON, Dec 5 - A passenger train derailed near Riverton, police said. "
        f"Version {version} of the report adds what was known by then."
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{ITEM}" version="{version}"
  standard="NewsML-G2" standardversion="2.33" conformance="power" xml:lang="en">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <versionCreated>2026-12-05T0{version}:00:00Z</versionCreated>
    <pubStatus qcode="stat:{status}"/>
  </itemMeta>
  <contentMeta>
    <urgency>3</urgency>
    <slugline>RIVERTON-TRAIN</slugline>
    <headline>{headline}</headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>{text}</p></body></html></inlineXML>
  </contentSet>
</newsItem>
"""


def arrive(desk: Desk, folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    summary = desk.import_paths([path])
    (aid,) = summary.imported_ids
    return aid


def test_a_kill_is_never_read_or_archived_by_the_rules(tmp_path: Path) -> None:
    """The audit: a `read` rule and a killfile on the slugline hid the kill (read and
    archived) though the README says the kill arrives unread, so it is seen."""
    with Desk(resolve()) as desk:
        desk.add_rule("trainrule", "slug:riverton-train", ["+rail", "star", "read"])
        desk.add_rule("killfile-rail", "slug:riverton-train", ["archive"])
        arrive(desk, tmp_path, "v1.xml", newsml(1))
        arrive(desk, tmp_path, "v2.xml", newsml(2))
        kill = arrive(
            desk,
            tmp_path,
            "v4.xml",
            newsml(4, "canceled", "KILL - Train derails near Riverton", "KILL. Do not use."),
        )
        article = desk.get(kill)
        assert article is not None and article.killed
        assert not article.state.read and not article.state.archived
        assert kill in desk.inbox_ids()


def test_a_kill_arriving_first_is_not_hidden_either(tmp_path: Path) -> None:
    with Desk(resolve()) as desk:
        desk.add_rule("hide", "slug:riverton-train OR is:killed", ["+rail", "read", "archive"])
        kill = arrive(
            desk, tmp_path, "v4.xml", newsml(4, "canceled", "KILL - Train", "Do not use.")
        )
        article = desk.get(kill)
        assert article is not None
        assert not article.state.read and not article.state.archived
        assert "rail" in article.state.tags  # what does not hide it still applies


def test_a_new_version_keeps_the_editors_state_not_the_rules(tmp_path: Path) -> None:
    """The audit: the editor unstarred, untagged and marked unread v1; v2 arrived
    starred, tagged and read by the rule again."""
    with Desk(resolve()) as desk:
        desk.add_rule("trainrule", "slug:riverton-train", ["+rail", "star", "read"])
        first = arrive(desk, tmp_path, "v1.xml", newsml(1))
        before = desk.get(first)
        assert before is not None and before.state.starred and before.state.read
        desk.star([first], on=False)
        desk.tag([first], remove=["rail"])
        desk.mark_read([first], on=False)
        second = arrive(desk, tmp_path, "v2.xml", newsml(2))
        article = desk.get(second)
        assert article is not None
        assert not article.state.starred and not article.state.read
        assert "rail" not in article.state.tags


def test_a_rule_only_the_new_version_matches_acts_on_it(tmp_path: Path) -> None:
    """A kill newly matches `is:killed`: the flash alarm of the README sounds."""
    with Desk(resolve()) as desk:
        desk.add_rule("alarm", "is:killed", ["notify", "star"])
        arrive(desk, tmp_path, "v1.xml", newsml(1))
        assert desk.take_notifications() == []
        kill = arrive(
            desk, tmp_path, "v4.xml", newsml(4, "canceled", "KILL - Train", "Do not use.")
        )
        (notified,) = desk.take_notifications()
        assert notified.article_id == kill
        article = desk.get(kill)
        assert article is not None and article.state.starred and not article.state.read


def test_a_killfile_holds_for_the_later_versions_of_an_item(tmp_path: Path) -> None:
    """v1 was archived by the killfile; v2 passed the rule (its earlier version had
    matched) and, archive not being carried over, landed in the inbox."""
    with Desk(resolve()) as desk:
        desk.add_rule("killfile-rail", "slug:riverton-train", ["archive", "+rail"])
        first = arrive(desk, tmp_path, "v1.xml", newsml(1))
        assert desk.get(first).state.archived  # type: ignore[union-attr]
        second = arrive(desk, tmp_path, "v2.xml", newsml(2))
        article = desk.get(second)
        assert article is not None and article.state.archived
        assert desk.search("slug:riverton-train").ids == []
        # What the editor took out of the archive stays out of the killfile's reach.
        desk.archive([second], on=False)
        third = arrive(desk, tmp_path, "v3.xml", newsml(3))
        assert not desk.get(third).state.archived  # type: ignore[union-attr]
        # A kill is never archived, killfile or not.
        kill = arrive(desk, tmp_path, "v4.xml", newsml(4, "canceled", "KILL - Train", "No."))
        assert not desk.get(kill).state.archived  # type: ignore[union-attr]


def test_rules_applied_by_hand_do_not_hide_a_kill(tmp_path: Path) -> None:
    """On arrival a kill was kept in view; `rules apply` (and the rules screen's `A`)
    marked it read and archived."""
    with Desk(resolve()) as desk:
        kill = arrive(desk, tmp_path, "v4.xml", newsml(4, "canceled", "KILL - Train", "No."))
        other = arrive(
            desk,
            tmp_path,
            "other.xml",
            newsml(1, headline="Train timetable changes", text="RIVERTON - New times.").replace(
                ITEM, "urn:test.example:20261205:TIMES"
            ),
        )
        desk.add_rule("hide", "train", ["read", "archive", "+rail"])
        (result,) = desk.apply_rules(["hide"])
        assert set(result.changed) == {kill, other}
        killed, plain = desk.get(kill), desk.get(other)
        assert killed is not None and plain is not None
        assert not killed.state.read and not killed.state.archived
        assert "rail" in killed.state.tags  # what does not hide it still applies
        assert plain.state.read and plain.state.archived
