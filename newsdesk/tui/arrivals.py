"""What arrived by itself (a fetch, a watched folder): how many the inbox shows, and the
notices that say what came, what a rule archived on arrival and what failed.

One rule for every size: what arrived is one notice (kept on a small screen, where
two notices show at once), and what failed is one more, however many failed. At 80x24
two "Feed failed" warnings took the arrivals notice down, and the editor never read
what had come or what a rule had archived.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from newsdesk.counting import counted
from newsdesk.model import ArticleRow
from newsdesk.rules.model import archived_said

#: Failures named in the one notice that says them (the list, F or L, has them all).
NAMED = 3
#: How long a failures notice stays (seconds): the editor reads the names, then opens the list.
FAILED_TIMEOUT = 8.0


class LoggedImport(Protocol):
    """An import log record (`import_log.ImportRecord`) as `failed_before` reads it."""

    @property
    def finished(self) -> str: ...

    @property
    def failed(self) -> list[tuple[str, str]]: ...

    @property
    def by(self) -> str: ...


def failed_before(records: Sequence[LoggedImport]) -> dict[tuple[str, str], float]:
    """(path, reason) -> when a watched folder's import last logged that file failing
    (epoch seconds): a file that failed and has not changed since is not announced again
    at each start (the import log, L, keeps saying it)."""
    from datetime import datetime

    said: dict[tuple[str, str], float] = {}
    for record in records:
        if record.by != "watch" or not record.failed:
            continue
        try:
            when = datetime.fromisoformat(record.finished).timestamp()
        except ValueError:
            continue
        for failure in record.failed:
            said[failure] = max(said.get(failure, 0.0), when)
    return said


#: A file's identity (device, inode) -> its (modification time, size): the same file
#: however its path is spelled (a folder named through a link, `~`).
FileStates = dict[tuple[int, int], tuple[int, int]]


def file_states(paths: Iterable[str | os.PathLike[str]]) -> FileStates:
    """The files as they are now (those that cannot be read left out)."""
    states: FileStates = {}
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue
        states[(st.st_dev, st.st_ino)] = (st.st_mtime_ns, st.st_size)
    return states


def unchanged_since(path: str, states: FileStates) -> bool:
    """Whether the file at `path` is one of `states`, not written since."""
    now = file_states([path])
    return bool(now) and all(states.get(key) == state for key, state in now.items())


def said_before(failure: tuple[str, str], before: Mapping[tuple[str, str], float]) -> bool:
    """Whether `failure` (path, reason) was logged before and its file is unchanged since."""
    from pathlib import Path

    when = before.get(failure)
    if when is None:
        return False
    try:
        # The log keeps whole seconds: a file written in the second it failed is unchanged.
        return Path(failure[0]).stat().st_mtime < when + 1
    except OSError:
        return False


class ArrivalStore(Protocol):
    """The Desk's reads `inbox_shows` uses."""

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]: ...

    def current_versions(self, ids: Sequence[str]) -> list[str]: ...


def inbox_shows(desk: ArrivalStore, ids: Sequence[str]) -> int:
    """How many of the articles `ids` the inbox shows: not those a rule archived, nor a
    wire version a newer one replaced (a late v1 after its v3). Read in a worker: it asks
    the store."""
    if not ids:
        return 0
    # An id that is its own item's current version (or no wire copy) stays in this list.
    current = set(desk.current_versions(ids)) & set(ids)
    # List rows, not whole articles: a row carries the flag without the stored page.
    return sum(1 for row in desk.rows(sorted(current)) if not row.archived)


def folder_arrivals(
    new: int, *, updated: int = 0, duplicates: int = 0, archived: Mapping[str, Sequence[str]]
) -> str:
    """A watched folder's notice, worded as a fetch's ("2 articles arrived in watched
    folders, archived 1 by rule kill."); "" when there is nothing to say."""
    said = []
    if new:
        came = f"{counted(new, 'article')} arrived in watched folders"
        said.append(", ".join([came, *archived_said(archived)]))
    if updated:
        said.append(f"{counted(updated, 'article')} updated: a file was written again")
    if duplicates:
        said.append(f"{duplicates:,} already stored")
    return "; ".join(said) + "." if said else ""


def failures_notice(
    failed: Sequence[tuple[str, str]], *, what: str, lists: str, brief: bool
) -> tuple[str, str]:
    """The one notice (title, text) for everything that failed: one failure with its
    reason; several folded ("2 feeds failed: missing (not found (404)), wire; F lists
    them."). `what`: "feed" or "watched file"; `lists`: the key whose list has them all.
    `brief` (a small screen, one line where it fits): names only."""
    if len(failed) == 1:
        name, reason = failed[0]
        return f"{what.capitalize()} failed", f"{name}: {reason}" if reason else name
    named = [
        name if brief or not reason else f"{name} ({reason})" for name, reason in failed[:NAMED]
    ]
    more = f" and {len(failed) - NAMED:,} more" if len(failed) > NAMED else ""
    text = f"{len(failed):,} {what}s failed: {', '.join(named)}{more}; {lists} lists them."
    return f"{what.capitalize()}s failed", text
