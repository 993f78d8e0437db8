"""Copy an export to the system clipboard with whatever tool the platform has.

The TUI can also copy over the terminal itself (OSC 52, through Textual);
this module covers the CLI and tells the TUI whether a real tool exists.
Call it from a worker thread: a clipboard tool can take a moment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass

__all__ = ["ClipboardResult", "clipboard_command", "copy_to_clipboard"]


@dataclass(frozen=True)
class ClipboardResult:
    """Whether the copy worked, with which tool, and a sentence for the user."""

    ok: bool
    tool: str | None
    message: str


def _candidates() -> list[list[str]]:
    if sys.platform == "darwin":
        return [["pbcopy"]]
    if sys.platform == "win32":
        return [["clip"]]
    found: list[list[str]] = []
    # Wayland first when it runs: xclip would reach only XWayland's clipboard.
    if os.environ.get("WAYLAND_DISPLAY"):
        found.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        found += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    # WSL: the Windows clipboard is reachable without a display.
    found.append(["clip.exe"])
    return found


def clipboard_command() -> list[str] | None:
    """The clipboard command that would be used here, or None when there is none."""
    for command in _candidates():
        path = shutil.which(command[0])
        if path:
            return [path, *command[1:]]
    return None


def copy_to_clipboard(text: str, *, timeout: float = 5.0) -> ClipboardResult:
    """Copy `text` with the first available clipboard tool; never raises for a missing one."""
    command = clipboard_command()
    if command is None:
        return ClipboardResult(
            False,
            None,
            "No clipboard tool found (wl-copy, xclip, xsel, pbcopy or clip); "
            "save the export to a file instead.",
        )
    tool = os.path.basename(command[0])
    # Windows' clip reads the console code page unless told otherwise by a UTF-16 BOM.
    data = text.encode("utf-16") if tool.lower() in ("clip", "clip.exe") else text.encode("utf-8")
    # stderr to a file, not a pipe: xclip forks a child that keeps inherited
    # pipes open, and reading a pipe to its end would wait for that child.
    with tempfile.TemporaryFile() as errors:
        try:
            completed = subprocess.run(
                command,
                input=data,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return ClipboardResult(False, tool, f"{tool} did not finish within {timeout:g} s.")
        except OSError as exc:
            return ClipboardResult(False, tool, f"{tool} could not be run: {exc.strerror or exc}.")
        errors.seek(0)
        detail = " ".join(errors.read(500).decode("utf-8", "replace").split())
    if completed.returncode != 0:
        why = f": {detail}" if detail else ""
        return ClipboardResult(False, tool, f"{tool} failed (exit {completed.returncode}){why}.")
    return ClipboardResult(True, tool, f"Copied {len(text):,} characters with {tool}.")
