"""copy_to_clipboard: uses a clipboard tool when there is one, says so clearly when not."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from newsdesk.export import clipboard_command, copy_to_clipboard

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX shell script")

CAT = shutil.which("cat") or "/bin/cat"


def fake_tool(directory: Path, name: str, script: str) -> None:
    tool = directory / name
    tool.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    tool.chmod(0o755)


@pytest.fixture
def only_fake_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    return bin_dir


def test_no_tool_is_reported_not_raised(only_fake_tools: Path) -> None:
    assert clipboard_command() is None
    result = copy_to_clipboard("text")
    assert not result.ok and result.tool is None
    assert "No clipboard tool" in result.message


def test_text_is_piped_to_the_tool(only_fake_tools: Path, tmp_path: Path) -> None:
    out = tmp_path / "clip.txt"
    fake_tool(only_fake_tools, "xclip", f'{CAT} > "{out}"\n')
    command = clipboard_command()
    assert command is not None and command[1:] == ["-selection", "clipboard"]
    result = copy_to_clipboard("Zürich ★ digest")
    assert result.ok and result.tool == "xclip"
    assert out.read_text(encoding="utf-8") == "Zürich ★ digest"


def test_wayland_tool_comes_first(only_fake_tools: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tool(only_fake_tools, "xclip", f"{CAT} >/dev/null\n")
    fake_tool(only_fake_tools, "wl-copy", f"{CAT} >/dev/null\n")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    command = clipboard_command()
    assert command is not None and os.path.basename(command[0]) == "wl-copy"


def test_a_failing_tool_reports_its_error(only_fake_tools: Path) -> None:
    fake_tool(
        only_fake_tools, "xsel", f"{CAT} >/dev/null\necho 'cannot open display' >&2\nexit 1\n"
    )
    result = copy_to_clipboard("x")
    assert not result.ok and result.tool == "xsel"
    assert "exit 1" in result.message and "open display" in result.message
