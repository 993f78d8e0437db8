"""An editor's walkthrough in a real 80x24 terminal (tmux).

The sample queue imports on first run; three articles are read as a pager;
a star given from a second shell shows up in the app; per-article files are
exported from the dialog into the default folder (never the app's working
directory); a folder is imported and `u` right after takes the import back.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.tui.conftest import make_paths
from tests.tui.test_tmux_smoke import Tmux, app_command, pytestmark  # noqa: F401
from tests.tui.test_tmux_smoke import tmux as tmux  # the fixture


def test_walkthrough_at_80x24(tmux: Tmux, tmp_path: Path) -> None:
    paths = make_paths(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "NEWSDESK_DATA_DIR": str(paths.data_dir),
        "NEWSDESK_CONFIG_DIR": str(paths.config_dir),
        "NEWSDESK_CACHE_DIR": str(paths.cache_dir),
        "HOME": str(home),
        "XDG_DOCUMENTS_DIR": str(home / "no-documents"),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
    }
    tmux.start(env, cols=80, rows=24)
    # First run: the sample queue imports by itself.
    screen = tmux.wait_for("sample articles")
    imported = int(re.search(r"Imported (\d+) sample articles", screen).group(1))  # type: ignore[union-attr]
    # Earlier versions of wire copy stay out of the inbox: three storm versions
    # before the correction, and the brewer story its kill replaced.
    total = imported - 4
    tmux.wait_for(f"{total} shown · {total} unread")
    assert "? Help" in screen.splitlines()[-1] and "q Quit" in screen.splitlines()[-1]

    # Read three articles as a pager: Enter opens, j/space scroll, J goes to the next.
    tmux.keys("Enter")
    tmux.wait_for("reading")
    tmux.keys("j", "space")
    tmux.keys("J")
    tmux.wait_for(f"{total - 2} unread")
    tmux.keys("J")
    screen = tmux.wait_for(f"{total - 3} unread")
    assert "reading" in screen.splitlines()[0], screen

    # A star from a second shell appears within a second or so.
    listing = subprocess.run(
        [*app_command(), "list", "--json", "--limit", "5"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    import json

    target = json.loads(listing.stdout)[4]["id"]
    subprocess.run(
        [*app_command(), "star", target],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    tmux.wait_for("1 starred")  # the live poll: no clock here

    # Export per-article files from the dialog: format "Markdown files", default folder.
    tmux.keys("d")  # back to the list
    tmux.keys("e")
    tmux.wait_for("Destination")
    # Focus starts on Export; Tab, Tab reach the first choices, Tab the formats.
    tmux.keys("Tab", "Tab", "Tab", "Down", "Enter")
    tmux.wait_for("articles-")
    tmux.keys("C-s")
    screen = tmux.wait_for("Exported 1 article")
    exported = sorted((home / "newsdesk").glob("articles-*/*.md"))
    assert len(exported) == 1, screen
    assert exported[0].read_text(encoding="utf-8").startswith("---")

    # Import a folder, then undo the import: the article leaves the list again.
    incoming = home / "incoming"
    incoming.mkdir()
    (incoming / "keepers.md").write_text(
        "---\ntitle: Lighthouse keepers vote to strike\nsource: Test Gazette\n"
        "published: 2026-03-15T09:00:00+00:00\n---\n\nKeepers voted on Sunday to strike "
        "over a new rota, their union said.\n",
        encoding="utf-8",
    )
    # `i` and the folder in one burst, as a fast typist sends them: the keys after
    # `i` wait for the dialog and land in its field (newsdesk.tui.key_routing).
    tmux.run("send-keys", "-t", "nd", "-l", "i~/incoming")
    screen = tmux.wait_for("~/incoming")
    assert "Import files or folders" in screen, screen
    tmux.keys("Enter")
    tmux.wait_for("Imported 1 article")
    tmux.wait_for(f"{total + 1} shown")
    tmux.keys("u")
    tmux.wait_for("Undid import on 1 article")
    screen = tmux.wait_for(f"{total} shown")
    assert "Lighthouse keepers" not in screen, screen
    tmux.keys("q")
    tmux.wait_exit()
