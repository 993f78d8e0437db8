"""Star, read, archive (asking first for a big batch), tag, delete and note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.desk import BIG_ACTION
from newsdesk.tui import triage
from newsdesk.tui.headline_quote import quoted_headline
from newsdesk.tui.screens.flows.host import InboxHost
from newsdesk.tui.widgets.desk_writer import SYNC_LIMIT

if TYPE_CHECKING:
    from newsdesk.tui.modals.tag import TagChange

#: What each toggle does, for the confirmation of a big change.
TOGGLE_WORDS: dict[str, str] = {
    "starred": "Star (or unstar, when all are starred)",
    "read": "Mark read (or unread, when all are read)",
    "archived": "Archive (or unarchive, when all are archived)",
}


class TriageFlow:
    """The verbs that change articles' marks, on the selection or the cursor row."""

    def __init__(self, host: InboxHost) -> None:
        self.host = host

    def hidden_selected(self) -> int:
        """How many selected articles the search on screen does not show."""
        selected = self.host.inbox.selected
        if not selected:
            return 0
        results = self.host.results
        shown = set(results.ids)
        # A story's earlier wire takes picked with its row are listed by no answer, yet
        # they are shown by that row: not hidden ("3 ... not shown by this search").
        rows = set(results.story_of_head.values())
        picked = self.host.view.picked_story_of
        return sum(
            1
            for article_id in selected
            if article_id not in shown and picked.get(article_id) not in rows
        )

    def unpicked_in_half_picked(self) -> int:
        """Versions of the folded story rows marked "–" (some picked) that are not picked:
        an action on the selection leaves them (the selection is articles, as picked)."""
        host = self.host
        if not host.inbox.selected:
            return 0
        heads = [
            h
            for h in host.results.story_of_head
            if host.results.is_story_row(h) and host.view.story_picks(h) > 0
        ]
        left = 0
        for row in host.inbox.rows_for(heads):
            counted = host.inbox.drawn_story_size(row.id) or row.story_size
            left += max(0, counted - host.view.story_picks(row.id))
        return left

    def say_half_picked(self) -> None:
        """The action goes to the picked versions only: said, with what it left."""
        if left := self.unpicked_in_half_picked():
            self.host.notify(
                f"Only the picked versions: {left:,} other version{'s' if left != 1 else ''}"
                " of the half-picked story rows (–) "
                f"{'was' if left == 1 else 'were'} left as {'it was' if left == 1 else 'they were'}.",
                severity="warning",
                timeout=6,
                markup=False,
            )

    def _say_hidden(self) -> None:
        """An action on the selection reaches rows a later search hid: say so, so a change
        to articles out of sight is never a surprise (Esc clears the selection)."""
        hidden = self.hidden_selected()
        if hidden:
            self.host.notify(
                f"{triage.articles(hidden)} of the selection not shown by this search "
                "changed too (Esc clears the selection).",
                severity="warning",
                timeout=6,
                markup=False,
            )

    def toggle(self, field: triage.Toggle) -> None:
        host = self.host
        ids = host.targets()
        if ids is None:
            return  # refused, and said why
        if not ids:
            host.notify("Nothing to act on.", timeout=2)
            return
        self._say_hidden()
        if len(ids) <= BIG_ACTION:
            self._apply_toggle(field, ids)
            return
        from newsdesk.tui.modals.confirm import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                self._apply_toggle(field, ids)

        # A big change is one key away (select all, then a letter): ask first.
        host.app.push_screen(
            ConfirmDialog(
                f"Change {triage.articles(len(ids))}?",
                f"{TOGGLE_WORDS[field]} {triage.articles(len(ids))}. u undoes it.",
                confirm="Change",
            ),
            answer,
        )

    def _apply_toggle(self, field: triage.Toggle, ids: list[str]) -> None:
        if field == "archived":
            self.host.hold_keys_for_change()  # `a s`: the `s` is for the row after it
        # An action on the selection says what it did even for one article: a half-picked
        # row's version may be folded out of sight, and its warning was all that was said.
        self.host.writer.toggle(field, ids, say=bool(self.host.inbox.selected))
        self.host.update_status()  # a big batch shows in the status line until it is written

    def tag(self) -> None:
        from newsdesk.tui.modals.tag import TagDialog

        host = self.host
        ids = host.targets()
        if ids is None:
            return
        if not ids:
            host.notify("Nothing to tag.", timeout=2)
            return
        # The dialog counts what the tags go to: a folded wire story is its current
        # version, not "4 articles" of which one takes the tag.
        reached = triage.goes_to(host.desk, ids[:SYNC_LIMIT], "tag")
        count = len(reached) if len(ids) <= SYNC_LIMIT else len(ids)
        current: dict[str, int] = {}
        for row in host.desk.rows(reached):
            for tag in row.tags:
                current[tag] = current.get(tag, 0) + 1
        known = [tag for tag, _ in host.desk.tags()]

        def apply(change: TagChange | None) -> None:
            if change is not None and change.ignored:
                words = ", ".join(change.ignored[:5])
                host.notify(
                    f"Not a tag (a tag needs a letter or a digit): {words}",
                    severity="warning",
                    timeout=5,
                    markup=False,
                )
            if change is not None and (change.add or change.remove):
                self._say_hidden()
                host.writer.tag(ids, add=change.add, remove=change.remove)

        host.app.push_screen(TagDialog(current, known, count), apply)

    def delete(self) -> None:
        from newsdesk.tui.modals.confirm import ConfirmDialog

        host = self.host
        ids = host.targets()
        if ids is None:
            return
        if not ids:
            host.notify("Nothing to delete.", timeout=2)
            return
        what = triage.articles(len(ids))
        if len(ids) == 1:
            row = host.inbox.row(ids[0])
            if row is not None:
                # Which article, said: the dialog covers the row the cursor is on.
                what = quoted_headline(row.title)
        them = "it" if len(ids) == 1 else "them"
        question = f"Delete {what}? u right after brings {them} back."
        hidden = self.hidden_selected()
        if hidden:
            # Said before, not after: a delete is the one action asked about.
            question += (
                f" {triage.articles(hidden)} of them {'is' if hidden == 1 else 'are'} not"
                " shown by this search (Esc clears the selection)."
            )
        host.app.push_screen(
            ConfirmDialog("Delete?", question, confirm="Delete"),
            lambda yes: self._delete_now(ids) if yes else None,
        )

    def _delete_now(self, ids: list[str]) -> None:
        self.host.hold_keys_for_change()  # Enter `s` after the question: for the row after
        self.host.writer.delete(ids)

    def note(self) -> None:
        from newsdesk.tui.modals.prompt import PromptDialog

        host = self.host
        article_id = host.inbox.current_id
        article = host.desk.get(article_id) if article_id else None
        if article is None:
            return

        opened_with = article.state.note or ""

        def save(text: str | None) -> None:
            if text is None or text == opened_with:
                return
            now = host.desk.get(article.id)
            if now is not None and (now.state.note or "") != opened_with:
                # Another editor (or a shell) changed it while the dialog was open: saving
                # would put theirs out of sight for good. Said, and kept.
                host.notify(
                    "The note changed while you were editing it; yours was not saved. "
                    "Press n to see it and edit again.",
                    severity="warning",
                    timeout=8,
                )
                return
            host.writer.set_note(article.id, text)

        host.app.push_screen(
            PromptDialog(
                "Note on this article (empty removes it)",
                placeholder="a note for yourself or the desk",
                value=article.state.note or "",
            ),
            save,
        )
