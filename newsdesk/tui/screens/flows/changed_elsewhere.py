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
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from newsdesk.errors import DeskError
from newsdesk.sanitize import display
from newsdesk.tui.keymap import KEY_TABLE, ROW_ACTIONS, SELECTION_ACTIONS, action_name
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


def who(host: InboxHost, article_id: str, kind: str) -> str:
    """ " by bo" from the article's newest step of the log, when it is of `kind`."""
    try:
        log = host.desk.article_log(article_id, limit=1)
    except DeskError:
        return ""
    if not log or not log[0].editor or kind not in ("*", log[0].kind):
        return ""
    if log[0].editor == host.desk.editor:
        return " by you, from another window or a shell"
    return f" by {display(log[0].editor)}"


def what_happened(host: InboxHost, article_id: str, what: str, kind: str) -> str:
    """ "was archived by bo": the change, and who made it when the log knows."""
    by = who(host, article_id, kind) if kind else ""
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
        notice = f"The article under the cursor {what_happened(host, before, *reason)}."
        self._notice = notice
        self._hold_until = self._clock() + HOLD_S
        if not reading:
            host.notify(
                notice + " The cursor is on the next row.",
                title="Changed elsewhere",
                severity="warning",
                timeout=6,
                markup=False,
            )

    def moved(self, notice: str) -> None:
        """The reader said the article went and put the cursor on the next row itself."""
        self._pending = False
        self._notice = notice
        self._hold_until = self._clock() + HOLD_S

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


class _Holds(Protocol):
    """What the gate reads of the screen."""

    @property
    def inbox(self) -> InboxList: ...

    changed_elsewhere: ChangedElsewhere


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
        return action(self, *args)

    setattr(held, HELD, True)
    return held


def held_row_actions(screen: Screen) -> Screen:
    """Wrap every action of the key table that acts on rows in the hold (class decorator
    for the screen that holds the key table's bindings)."""
    for spec in KEY_TABLE:
        name = action_name(spec)
        method = getattr(screen, f"action_{name}", None)
        if name in ROW_ACTIONS and method is not None and not getattr(method, HELD, False):
            setattr(screen, f"action_{name}", _held(name, method))
    return screen
