"""The errors an export reports: every failure a user can cause has a type and a plain message."""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """The export could not be done; nothing was written. `str()` is the message to show."""


class ExportExists(ExportError):
    """Files the export would write already exist, and `force` was not given."""

    def __init__(self, conflicts: list[Path]) -> None:
        self.conflicts = list(conflicts)
        shown = ", ".join(str(p) for p in self.conflicts[:5])
        more = f" and {len(self.conflicts) - 5} more" if len(self.conflicts) > 5 else ""
        noun = "file already exists" if len(self.conflicts) == 1 else "files already exist"
        # No "how to fix" here: the CLI says --force, the dialog its own checkbox.
        super().__init__(f"{len(self.conflicts)} {noun}: {shown}{more}")
