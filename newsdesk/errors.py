"""Every error the Desk raises: one family, so a caller catches `DeskError` and nothing else.

`str(error)` is always one line meant for the user, saying what happened and,
when there is something to do, what. The CLI prints it; the app shows it as a
notification. No caller catches `sqlite3` errors or a search library's errors:
the store and the search engine turn theirs into these.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ArticleNotFoundError",
    "DamagedStoreError",
    "DeskError",
    "ExportError",
    "ExportExists",
    "NewerSchemaError",
    "QuerySyntaxError",
    "ReadOnlyStoreError",
    "StoreBusyError",
    "StoreError",
    "StoreUnreachableError",
]


class DeskError(Exception):
    """A problem to tell the user in one line (no traceback)."""


class SearchSuperseded(DeskError):
    """A search given up because a newer one is waiting (typing ahead in the app)."""


# -- the store -------------------------------------------------------------------


class StoreError(DeskError):
    """The store could not do what was asked (with what to do about it)."""


class DiskFullError(StoreError):
    """The disk holding the store is full: nothing more can be written until space is freed."""


class StepInProgress(StoreError):
    """The newest step is an import still being written (by this desk): nothing undone."""


STEP_IN_PROGRESS = "The import is still running: undo takes it back once it has finished."


class StepChanged(StoreError):
    """The newest step is no longer the one the editor was asked about (`undo(expect=)`):
    a fetch or an import logged one meanwhile, or it was taken back elsewhere. Nothing
    undone: "Undo" in answer to "Undo import of 3,000 articles?" took the fetch's step."""


STEP_CHANGED = "The newest step changed since you were asked: nothing undone."


class StoreBusyError(StoreError):
    """Another process kept the store's write lock past the busy timeout; nothing changed."""


class StoreUnreachableError(StoreError):
    """The shared desk's server could not be reached (or went away mid-change); nothing
    changed, so the change may simply be made again once it is back."""


class ReadOnlyStoreError(StoreError):
    """The data directory can be read but not written: a change was refused."""


class NewerSchemaError(StoreError):
    """The database was written by a newer newsdesk; it is left untouched."""


class DamagedStoreError(StoreError):
    """The database file is damaged; `newsdesk doctor` recovers what can be read."""


# -- reading and searching ---------------------------------------------------------


class ArticleNotFoundError(DeskError, LookupError):
    """No article has this id (or the prefix is ambiguous)."""


class QuerySyntaxError(DeskError, ValueError):
    """A query that cannot be read; str(error) is a one-line message for the user."""


# -- export ----------------------------------------------------------------------


class ExportError(DeskError):
    """The export could not be done; nothing was written. `str()` is the message to show."""


class ExportExists(ExportError):
    """Files the export would write already exist, and `force` was not given."""

    def __init__(self, conflicts: list[Path]) -> None:
        self.conflicts = list(conflicts)
        from newsdesk.sanitize import display

        # Escapes in a name written out, not stripped by the terminal (another name).
        shown = ", ".join(display(str(p), name=True) for p in self.conflicts[:5])
        more = f" and {len(self.conflicts) - 5} more" if len(self.conflicts) > 5 else ""
        noun = "file already exists" if len(self.conflicts) == 1 else "files already exist"
        # No "how to fix" here: the CLI says --force, the dialog its own checkbox.
        super().__init__(f"{len(self.conflicts)} {noun}: {shown}{more}")
