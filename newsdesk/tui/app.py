"""The App: wiring only. It owns the Desk, settings, key overrides and UI state.

It builds the inbox screen (`screens.main.MainScreen`) with what it needs,
and is the one place where a failed background job becomes a message for the
user: every thread worker belongs to the App (see `workers.app_worker`).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import signal
import threading
from collections import deque
from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual import events, on
from textual.app import App
from textual.binding import Binding
from textual.notifications import Notify, SeverityLevel
from textual.timer import Timer
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from newsdesk import uistate
from newsdesk.config import Settings, load_settings
from newsdesk.desk import Desk
from newsdesk.errors import StoreUnreachableError
from newsdesk.paths import Paths
from newsdesk.sanitize import display
from newsdesk.tui import GC_THRESHOLDS
from newsdesk.tui.key_routing import FIELD_MOVES, OPENING_TICK, KeyGate, reads_keys_itself
from newsdesk.tui.keymap import validate_keymap
from newsdesk.tui.modals.once import DismissOnce
from newsdesk.tui.screens.main import WIDE_FROM, MainScreen
from newsdesk.uistate import UIState

Clock = Callable[[], datetime]

#: A screen narrower or shorter than this is small: notices are kept few and brief there,
#: over the detail pane (newsdesk.tcss), so none hides the list's cursor row.
SMALL_WIDTH = WIDE_FROM
SMALL_HEIGHT = 32
#: Notices shown at once on a small screen (the newest: a third stacked over the list).
SMALL_NOTICES = 2
#: The longest an information notice stays on a small screen (seconds).
SMALL_TIMEOUT = 3.0
#: Kept notices remembered (`NewsdeskApp.keep_notice`): the newest few are all on screen.
KEPT_NOTICES = 8


def system_clock() -> datetime:
    # Aware and in the reader's zone: a list's "16 Nov" is the reader's day, the one
    # `published:2026-11-16` finds (relative times are the same in any zone).
    return datetime.now().astimezone()


class NewsdeskApp(App[None]):
    """Keyboard-driven triage of a news queue."""

    CSS_PATH = "newsdesk.tcss"
    """All styling lives in one stylesheet beside this file."""

    TITLE = "newsdesk"
    """The terminal window's title."""

    BINDINGS: ClassVar[list[Binding]] = []  # type: ignore[assignment]
    """The keys live on the inbox screen (newsdesk.tui.keymap)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification of the app (screens and widgets call this one) is cleaned.

        Messages quote file names, feed names, saved searches and errors, any of
        which may carry escapes (OSC 0/52, CSI, C1, bidi controls). On a small screen
        an information notice goes sooner (warnings and errors stay as long as asked).
        """
        if severity == "information" and self._small_screen():
            timeout = min(self.NOTIFICATION_TIMEOUT if timeout is None else timeout, SMALL_TIMEOUT)
        super().notify(
            display(message, one_line=False),
            title=display(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def keep_notice(self, message: str) -> None:
        """The notice about to be sent with `message` is one the small screen's stack does
        not take down for later ones (an import's summary: the warnings after it took it
        down at 80x24, and the import seemed to have said nothing of what it brought)."""
        self._kept_notices.append(display(message, one_line=False))

    def _small_screen(self) -> bool:
        width, height = self.size
        return width < SMALL_WIDTH or height < SMALL_HEIGHT

    def on_notify(self, _event: Notify) -> None:
        """Before Textual adds a notice (`App._on_notify`, which runs after this): on a
        small screen the oldest go, so the stack stays over the detail pane. At 80x24 four
        notices in a row stood over the list and the row under the cursor."""
        if not self._small_screen():
            return
        shown = list(self._notifications)  # oldest first
        excess = max(0, len(shown) - (SMALL_NOTICES - 1))
        # Only information notices make room: a "could not store" error must not go
        # the moment "Starred 1 of 1" arrives; warnings and errors keep their timeout.
        droppable = [
            n for n in shown if n.severity == "information" and n.message not in self._kept_notices
        ]
        for notice in droppable[:excess]:
            # `_unnotify` is Textual's private API (there is no public one); acceptable
            # because pyproject pins textual==8.2.8. Recheck on an upgrade.
            self._unnotify(notice, refresh=False)

    def __init__(
        self,
        desk: Desk,
        *,
        settings: Settings | None = None,
        ui_state: UIState | None = None,
        clock: Clock = system_clock,
        save_state: bool = True,
        tune_gc: bool = False,
    ) -> None:
        super().__init__()
        self.desk = desk
        self.settings = settings if settings is not None else load_settings(desk.paths)
        self.ui_state = ui_state if ui_state is not None else uistate.load(desk.paths.ui_state)
        #: Current time for relative dates (tests and snapshots pass a fixed one).
        self.clock = clock
        self._save_state = save_state
        #: View-state saves asked for, and the newest written (`save_ui_state`).
        self._state_saves = 0
        self._state_written = 0
        self._state_lock = threading.Lock()
        #: A failed save of the view state was said (once is enough).
        self._told_state_unsaved = False
        #: Only the real program tunes the process-wide GC (tests share a process).
        self._frozen = not tune_gc
        #: Messages of notices a small screen keeps when later ones come (`keep_notice`).
        self._kept_notices: deque[str] = deque(maxlen=KEPT_NOTICES)
        self.keymap_overrides, self._keymap_errors = validate_keymap(self.settings.keys)
        #: Keys typed while a screen opens wait for it (key_routing).
        self._keys = KeyGate()
        self._release_timer: Timer | None = None

    def on_mount(self) -> None:
        # SIGTERM (logging out, a session manager, `kill`): leave as `q` does, the terminal
        # restored (killed outright it stayed on the alternate screen, mouse reporting on).
        # SIGHUP (the window closed, an SSH link dropped) alike: an import running then
        # is logged as stopped with what it stored (it was killed, and never logged).
        for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if number is None:
                continue
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                asyncio.get_running_loop().add_signal_handler(number, self._terminated, number)
        if self.settings.theme:
            if self.settings.theme in self.available_themes:
                self.theme = self.settings.theme
            else:
                self._keymap_errors.append(
                    f"config.toml: unknown theme {self.settings.theme!r}; default kept"
                )
        self.set_keymap(self.keymap_overrides)
        self.push_screen(
            MainScreen(
                self.desk,
                settings=self.settings,
                ui_state=self.ui_state,
                clock=self.clock,
                keymap_overrides=self.keymap_overrides,
                save_state=self.save_ui_state,
                keep_notice=self.keep_notice,
                small_screen=self._small_screen,
            )
        )
        for problem in [*self.settings.errors, *self._keymap_errors]:
            self.notify(
                problem, title="Configuration", severity="warning", timeout=10, markup=False
            )

    def _terminated(self, number: int = signal.SIGTERM) -> None:
        self.exit(return_code=128 + number)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            # Background indexing pauses while keys come (it would slow every frame).
            self.desk.user_active()
            if self._keys.holding or not self._keys.ready(self.screen):
                self._keys.hold(event)  # a screen is opening: see key_routing
                self._release_keys_soon()
                return
            await self._route_key(event)
            return
        await super().on_event(event)

    async def _route_key(self, key: events.Key) -> None:
        """Bindings at once unless a text field reads the key first (see key_routing)."""
        if not reads_keys_itself(self.focused or self.screen):
            self.app_focus = True
            screen = self.screen
            if isinstance(screen, DismissOnce):
                # Enter on a dialog's list or button closes it by a message its binding
                # posts: the keys typed next wait for that, as after a field's Enter
                # (`b` Enter `j j s` moved the picker's highlight and starred nothing).
                screen.key_to_field(key.key)
            if await self._check_bindings(key.key, priority=True) or await self._check_bindings(
                key.key
            ):
                if isinstance(screen, DismissOnce):
                    self.call_later(screen.key_handled, key.key)
                return
        elif key.key in FIELD_MOVES and isinstance(self.focused, Input) and self._moves_focus(key):
            # A one-line field does nothing with Tab but pass it up: the binding that moves
            # to the next field runs at once, so the keys typed after it go to that field
            # (sent on to the field, they all landed in it before the Tab was handled).
            # A Tab a dialog binds to something else (completing a tag) waits its turn.
            if await self._check_bindings(key.key):
                return
        elif isinstance(self.screen, DismissOnce):
            self.screen.key_to_field(key.key)  # Enter or Esc: the next keys wait for the answer
        elif isinstance(self.screen, MainScreen) and self.focused is self.screen.search_input:
            self.screen.key_to_search_box(key.key)  # Enter/Esc: the next keys wait for results
        self._keys.sent(key, self.screen)  # its bindings run on this screen only (on_key)
        await super().on_event(key)

    def _moves_focus(self, key: events.Key) -> bool:
        active = self.screen.active_bindings.get(key.key)
        return active is not None and active.binding.action.removeprefix("app.") in (
            "focus_next",
            "focus_previous",
        )

    def on_key(self, event: events.Key) -> None:
        """A key back from the focused widget: Textual runs its bindings next (App._on_key);
        a dialog answering it hears afterwards (modals/once.py). A key whose screen has
        closed or been covered meanwhile goes no further (key_routing)."""
        screen = self.screen
        if not self._keys.came_back(event, screen):
            event.prevent_default()  # App._on_key would run the bindings of the screen now on top
            event.stop()
            return
        if isinstance(screen, DismissOnce):
            self.call_later(screen.key_handled, event.key)

    def _release_keys_soon(self) -> None:
        if self._release_timer is None:
            self._release_timer = self.set_timer(OPENING_TICK, self._release_keys)

    async def _release_keys(self) -> None:
        """Route the held keys, in order, while the active screen is ready for them."""
        self._release_timer = None
        while self._keys.holding:
            if not self._keys.ready(self.screen):
                self._release_keys_soon()  # a held key opened another screen
                return
            await self._route_key(self._keys.take())

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """An opening screen placed its focus: the keys held for it can go now."""
        if self._keys.holding:
            self.call_later(self._release_keys)

    @on(MainScreen.InboxLoaded)
    def freeze_startup_objects(self) -> None:
        """Hide everything built at start-up from the cyclic garbage collector.

        Otherwise each full collection rescans the whole widget tree and styles,
        a ~100 ms pause every couple of seconds while keys repeat (bench_tui.py
        showed it as the key-latency tail). Done once, after the first whole list.
        """
        if not self._frozen:
            self._frozen = True
            gc.freeze()
            gc.set_threshold(*GC_THRESHOLDS)

    def save_ui_state(self, *, background: bool = False) -> None:
        """Save the view state now; `background`: written from a thread (the periodic
        save while keys move the cursor: an atomic write syncs the file and its folder,
        which on a busy disk is a pause the keys would feel)."""
        if not self._save_state:
            return
        self._state_saves += 1
        write = functools.partial(
            self._write_ui_state, self.ui_state.to_dict(), self._state_saves, background
        )
        if background:
            self.run_worker(write, thread=True, group="ui-state")
        else:
            write()

    def _write_ui_state(self, data: dict[str, object], number: int, in_thread: bool) -> None:
        with self._state_lock:
            if number < self._state_written:
                return  # a newer state is written already: an older one must not replace it
            self._state_written = number
            try:
                uistate.save_data(self.desk.paths.ui_state, data)
            except OSError as exc:
                if self._told_state_unsaved or self.desk.read_only:
                    # A read-only desk's own notice says nothing is saved there.
                    return
                # Said once: on a read-only data directory every save failed, and each one
                # (each export, each quit) said it again beside the read-only notice.
                self._told_state_unsaved = True
                said = f"Could not save the view state: {exc}"
                if in_thread:
                    self.call_from_thread(self.notify, said, severity="warning", markup=False)
                else:
                    self.notify(said, severity="warning", markup=False)

    def on_unmount(self) -> None:
        self.save_ui_state()

    async def action_quit(self) -> None:
        """Quit; while an import runs, ask first: the files it has not read yet would
        silently stay out of the desk. The question follows the import, and goes once
        it has finished (`q` then quits at once)."""
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None or not main.import_job.status:
            self.exit()
            return
        from newsdesk.tui.modals.confirm import ConfirmDialog

        job = main.import_job

        def question() -> str | None:
            if not job.status:
                return None
            # "importing…" ends in an ellipsis: no full stop after it.
            status = job.status if job.status.endswith(("…", ".")) else f"{job.status}."
            return (
                f"An import is running: {status} Quit and stop it? The files already "
                "imported stay; the rest are not imported."
            )

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()
            elif yes is None:
                self.notify("The import has finished: q quits now.", timeout=4)

        self.push_screen(
            ConfirmDialog(
                "Quit during an import", question() or "", confirm="Quit", follow=question
            ),
            answered,
        )

    @on(Worker.StateChanged)
    def on_worker_failed(self, event: Worker.StateChanged) -> None:
        """The one place a failed worker becomes a message for the user (not a crash)."""
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, StoreUnreachableError):
                # The desk watch says "Store lost" once, and "The store is back" later;
                # each background look that failed meanwhile said it again, five
                # errors in six seconds over the detail pane.
                return
            reason = f"{type(error).__name__}: {error}" if error else "unknown error"
            self.notify(
                f"{event.worker.name or 'background job'} failed: {reason}",
                title="Error",
                severity="error",
                timeout=10,
                markup=False,
            )


def run_app(paths: Paths) -> int:
    """Open the Desk (index in the background) and run the app; the exit status (1 when
    the app ended on an error)."""
    # Parallel import starts multiprocessing's resource tracker, which needs the
    # real stderr; Textual swaps sys.stderr for an object without a file descriptor.
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    desk = Desk(paths, background_index=True)
    try:
        app = NewsdeskApp(desk, tune_gc=True)
        app.run()
    finally:
        desk.close()
    # Textual ends the app on an unhandled error (and prints its traceback) with return
    # code 1: the program's exit status says so too, as it does for a quit (0).
    return app.return_code or 0
