"""The row under the cursor taken away from elsewhere: said, and the next key held back.

Another editor, a second window or a shell archives or deletes the article the
cursor is on; the list catches up (a search run again, the cursor kept on its
article) and the cursor lands on the neighbouring row. Nothing said so, and an `s`
pressed a moment later starred the neighbour ("Starred 2 of 2" on a story row
the editor never highlighted). Now the list says which article went and who took
it, and a key that acts on the cursor's row, pressed within `HOLD_S` of that move,
is refused with the same words: pressed again, it acts on the row now shown.

One gate holds them (`held_row_actions`, on the screen's class): every action of the
key table that acts on rows (`keymap.ROW_ACTIONS`). They were held one by one, each
action added after it was found to slip through (`s` and `a`, then `x`, `V`, `l`,
`D`, `o`, `n`, Enter); a new key now is held by being a row action.

The same gate takes the moves from the cursor's row (`keymap.ROW_MOVES`: `j` `k`,
a page, `J` `K`, `N`). Refused, `J` pressed again went on from the row the cursor had
landed on and skipped the article that took the gone one's place; let through, it did
so at once. Within the hold a move goes from where the gone row stood (`RowGap`):
`J` opens the article that came after it, `K` the one before, `N` the first unread
after it, `j` `k` go to those rows. That row is the one the editor aimed at, so the
keys after the move act on it. A move with no row there (`J` after the last) says so
and leaves the hold as it was.

The reader closed by such a change is the exception to the hold's second: the editor
was reading, not watching the list, so `J` minutes later skipped the next row unread
just the same. The first move after it goes from the gap however long the pause; any
other key of the table, the cursor moved by a click, the list scrolled with the mouse
wheel or the reader opened again (a click, then Esc) forgets it (`_reader_on`).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from newsdesk.desk.results import YOU_ELSEWHERE
from newsdesk.errors import DeskError
from newsdesk.isodates import iso_to_ts
from newsdesk.sanitize import display
from newsdesk.tui.keymap import KEY_TABLE, ROW_ACTIONS, ROW_MOVES, SELECTION_ACTIONS, action_name
from newsdesk.tui.row_gap import RowGap
from newsdesk.tui.screens.flows.host import InboxHost

if TYPE_CHECKING:
    from newsdesk.tui.widgets.inbox import InboxList

#: A key acting on the cursor's row within this many seconds of an outside change
#: moving the cursor is refused: typed before the editor could see the move.
HOLD_S = 1.0


def why_gone(host: InboxHost, article_id: str) -> tuple[str, str] | None:
    """Why `article_id` left the list: ("was archived", the log's kind for it), or None
    when the store cannot say now. The kind is "" when no step of the log names it."""
    try:
        rows = host.desk.rows([article_id])
    except DeskError:
        return None
    if not rows:
        return "was deleted", "delete"
    if rows[0].superseded:
        return "was replaced by a newer version", ""
    if rows[0].archived:
        return "was archived", "archive"
    return "no longer matches the search", "*"


#: Seconds a step may be stamped before the list it changed was drawn and still be the
#: cause (its writer's clock, the commit after the stamp).
STAMP_SLACK_S = 2.0


def who(host: InboxHost, article_id: str, kind: str, since: float | None = None) -> str:
    """ " by bo" from the article's newest step of the log, when it is of `kind`; for any
    change ("*"), only when that step was logged after `since` (epoch seconds, when the
    list was last drawn): Ana's import of the day before was named as the change."""
    try:
        log = host.desk.article_log(article_id, limit=1)
    except DeskError:
        return ""
    if not log or not log[0].editor or kind not in ("*", log[0].kind):
        return ""
    if kind == "*" and since is not None:
        stamped = iso_to_ts(log[0].ts)
        if stamped is None or stamped < since - STAMP_SLACK_S:
            return ""  # older than the list: not what took the row away
    if log[0].editor == host.desk.editor:
        return f" by you, {YOU_ELSEWHERE}"
    return f" by {display(log[0].editor)}"


def what_happened(
    host: InboxHost, article_id: str, what: str, kind: str, since: float | None = None
) -> str:
    """ "was archived by bo": the change, and who made it when the log knows (`who`)."""
    by = who(host, article_id, kind, since) if kind else ""
    if by and kind == "*":
        by = f" (changed{by})"
    return f"{what}{by}"


def _its_next_version(host: InboxHost, before: str, after: str | None) -> bool:
    """Whether `after` is a later version of wire item `before` (the same item id)."""
    if after is None:
        return False
    try:
        old, new = host.desk.get(before), host.desk.get(after)
    except DeskError:
        return False
    if old is None or new is None or not old.meta.item_id:
        return False
    return new.meta.item_id == old.meta.item_id


class ChangedElsewhere:
    """Watches the answers that follow a change made elsewhere for the cursor's article."""

    def __init__(self, host: InboxHost, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.host = host
        self._clock = clock
        #: The store changed elsewhere and the list has not caught up yet.
        self._pending = False
        #: What went from under the cursor, and until when keys on its row are refused.
        self._notice = ""
        self._hold_until = 0.0
        #: Where it stood: a move within the hold goes from there (`move_start`).
        self._gap: RowGap | None = None
        #: When the list on screen was drawn (epoch seconds): an older step is not the change.
        self._drawn_at: float | None = None
        #: The gap is the article the reader showed, and the row the cursor was put on:
        #: the editor was reading, not watching the list, so the first move goes from
        #: the gap however long the pause (`reader_gap`).
        self._reader_on: str | None = None

    def store_changed(self) -> None:
        """Another editor, window or shell wrote: the next refresh may move the cursor."""
        self._pending = True

    def answered(
        self, before: str | None, story: str | None, *, refresh: bool, reading: bool
    ) -> None:
        """A whole list is on screen; `before` was the cursor's article until then, and
        `story` its story.

        Only a refresh nobody asked for counts (`keep_current`: it keeps the cursor on
        its article when it can): an editor's own search moves the cursor knowingly.
        `reading`: the reader was open on `before` and says so itself.
        """
        drawn, self._drawn_at = self._drawn_at, time.time()
        if not (refresh and self._pending):
            return
        self._pending = False
        host = self.host
        results = host.results
        after = host.inbox.current_id
        if before is None or before == after or results.lists_any((before,)):
            return
        if (
            after is not None
            and story is not None
            and results.is_story_row(after)
            and results.story_of.get(after) == story
        ):
            return  # the same folded story row, one version fewer: still what was highlighted
        reason = why_gone(host, before)
        if reason is None or _its_next_version(host, before, after):
            # A wire update under the cursor: the row shown is the item's current version,
            # which a key on the replaced one goes to anyway. Said as "the next row" and
            # held, it refused a key meant for the row still highlighted.
            return
        notice = f"The article under the cursor {what_happened(host, before, *reason, drawn)}."
        self._hold(notice, before)
        if not reading:
            host.notify(
                notice + " The cursor is on the next row.",
                title="Changed elsewhere",
                severity="warning",
                timeout=6,
                markup=False,
            )

    def moved(self, notice: str, gone: str | None = None) -> None:
        """The reader said the article went (`gone`) and put the cursor on the next row
        itself."""
        self._pending = False
        self._hold(notice, gone)
        if self._gap is not None:
            self._reader_on = self.host.inbox.current_id

    def _hold(self, notice: str, gone: str | None) -> None:
        self._notice = notice
        self._hold_until = self._clock() + HOLD_S
        gap = self.host.inbox.left_gap
        self._gap = gap if gap is not None and gap.gone == gone else None
        self._reader_on = None

    def forget_reader_gap(self) -> None:
        """Another key or move: the editor has seen the list, the cursor is the start."""
        self._reader_on = None

    def move_start(self, *, forward: bool) -> int | None:
        """The row a move typed now goes from: where the gone row stood, within the hold
        (`RowGap.start`); None for a move from the cursor."""
        gap = self._gap
        # Past the hold only the reader's gap counts, for the first move only, and only
        # while the cursor is still where the reader put it (a click moved it: from there).
        reader_on, self._reader_on = self._reader_on, None
        if gap is None:
            return None
        if self._clock() >= self._hold_until:
            self._gap = None
            if reader_on is None or reader_on != self.host.inbox.current_id:
                return None
        start = gap.start(self.host.inbox.ids, forward=forward)
        if start is None:
            self._gap = None  # the list changed again since: the cursor is all there is
        return start

    def landed(self) -> None:
        """A move from the gap reached the row the editor aimed at: keys act on it now."""
        self._gap = None
        self._notice = ""

    def refuses(self) -> bool:
        """True (and said) for a key on the cursor's row just after the row went."""
        if not self._notice or self._clock() >= self._hold_until:
            return False
        notice, self._notice = self._notice, ""  # pressed again, the key acts
        self.host.notify(
            f"{notice} Nothing done: press the key again for the row now under the cursor.",
            title="Not done",
            severity="warning",
            timeout=6,
            markup=False,
        )
        return True


class _Opens(Protocol):
    def open_at(self, index: int) -> None: ...


class _FindsUnread(Protocol):
    def next_unread(self, after: int | None = None) -> int | None: ...


class _Holds(Protocol):
    """What the gate reads of the screen."""

    @property
    def inbox(self) -> InboxList: ...

    @property
    def view(self) -> _FindsUnread: ...

    changed_elsewhere: ChangedElsewhere
    reading: _Opens

    def notify(self, message: str, *, timeout: float | None = None) -> None: ...


Screen = TypeVar("Screen", bound=type[Any])

#: Marks an action method the gate wraps (so it is wrapped once, and a test can see it).
HELD = "_held_when_changed_elsewhere"


def _held(name: str, action: Callable[..., Any]) -> Callable[..., Any]:
    on_selection = name in SELECTION_ACTIONS

    @functools.wraps(action)
    def held(self: _Holds, *args: Any) -> Any:
        # The selection is what the editor chose: it goes on whatever moved the cursor.
        if on_selection and self.inbox.selected:
            return action(self, *args)
        if self.changed_elsewhere.refuses():
            return None
        self.changed_elsewhere.forget_reader_gap()
        return action(self, *args)

    setattr(held, HELD, True)
    return held


def _forgets(action: Callable[..., Any]) -> Callable[..., Any]:
    """Any other key of the table: the editor is at the list now, so the reader's gap
    is forgotten (a `J` minutes after `/` or `g` goes from the cursor)."""

    @functools.wraps(action)
    def forgets(self: _Holds, *args: Any) -> Any:
        self.changed_elsewhere.forget_reader_gap()
        return action(self, *args)

    setattr(forgets, HELD, True)
    return forgets


def _move_from(screen: _Holds, name: str, start: int) -> bool:
    """Move `name` as if the cursor were on row `start` (the gone row's place); True when
    it reached a row (else it said there was none, as the move does)."""
    inbox = screen.inbox
    count = inbox.row_count
    step = {"cursor_down": 1, "cursor_up": -1, "next_article": 1, "previous_article": -1}
    if name == "next_unread":
        found = screen.view.next_unread(after=start)
        if found is None:
            screen.notify("No unread article below this one.", timeout=2)
            return False
        screen.reading.open_at(found)
        return True
    if name in ("page_down", "page_up"):
        page = inbox.page_height if name == "page_down" else -inbox.page_height
        target = max(0, min(start + page, count - 1))
    else:
        target = start + step[name]
    if not 0 <= target < count:
        if name in ("next_article", "previous_article"):
            screen.reading.open_at(target)  # says "No more articles."
        return False  # `j` past the last row: the cursor stays, as it would
    if name in ("next_article", "previous_article"):
        screen.reading.open_at(target)
    else:
        inbox.cursor = target
    return True


def _anchored(name: str, action: Callable[..., Any]) -> Callable[..., Any]:
    forward = name in ("cursor_down", "page_down", "next_article", "next_unread")

    @functools.wraps(action)
    def anchored(self: _Holds, *args: Any) -> Any:
        start = self.changed_elsewhere.move_start(forward=forward)
        if start is None:
            return action(self, *args)
        if _move_from(self, name, start):
            self.changed_elsewhere.landed()
        return None

    setattr(anchored, HELD, True)
    return anchored


def held_row_actions(screen: Screen) -> Screen:
    """Wrap every action of the key table that acts on rows in the hold, and every move
    from the cursor's row in the gap's start (class decorator for the screen that holds
    the key table's bindings)."""
    for spec in KEY_TABLE:
        name = action_name(spec)
        method = getattr(screen, f"action_{name}", None)
        if method is None or getattr(method, HELD, False):
            continue
        if name in ROW_ACTIONS:
            setattr(screen, f"action_{name}", _held(name, method))
        elif name in ROW_MOVES:
            setattr(screen, f"action_{name}", _anchored(name, method))
        else:
            setattr(screen, f"action_{name}", _forgets(method))
    return screen
