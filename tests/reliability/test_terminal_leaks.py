"""Nothing an article says reaches the terminal as a control sequence.

The CLI and the TUI run under a pseudo-terminal, so Rich and Textual write
exactly what they would write to a real one; the raw bytes are then searched
for the payloads planted in the article (window title, clipboard, hyperlink,
device control, colours). Two articles carry them: one imported the normal
way (sanitised at import), and one written straight into the database, as an
older version or another tool might have left it (the display must hold too).
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsdesk.model import Extracted, article_id
from newsdesk.store import Store
from tests.reliability.helpers import cli_command, cli_env, run_main
from tests.reliability.hostile import ESCAPES

EVERY = " ".join(ESCAPES.values())
#: Bytes that would mean a payload was passed through as a terminal sequence.
LEAKS = (
    b"PWNED-TITLE",
    b"]52;",
    b"cm0gLXJmIH4vKg==",
    b"]8;;http://evil",
    b"\x1bP+q",
    b"\x1b[2J",
    b"\x1b[31;1mRED",
)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A data directory with the two planted articles (built once; the tests only read it)."""
    tmp_path = tmp_path_factory.mktemp("leaks")
    data = tmp_path / "data"
    page = tmp_path / "page.txt"
    page.write_text(
        f"Imported harbour {EVERY}\n\nBy Jane {ESCAPES['osc52_clipboard']} Roe\n\n"
        f"The harbour body {EVERY} goes on with words.\n\nMore {EVERY}\n",
        encoding="utf-8",
    )
    proc = run_main(data, "import", str(page), "--json")
    assert proc.returncode == 0, proc.stderr
    store = Store(data / "newsdesk.sqlite3")
    raw = Extracted(
        title=f"Raw harbour {EVERY}",
        body=f"Raw body {EVERY}",
        authors=[f"Raw {EVERY}"],
        source=f"Src {EVERY}",
        dek=f"Dek {EVERY}",
        dateline=EVERY,
        tags=[f"t{EVERY}"],
        people=[EVERY],
        places=[EVERY],
        organizations=[EVERY],
        url=f"http://x/{EVERY}",
    )
    with store.transaction() as tx:
        store.insert(tx, article_id(raw), raw, f"raw/{EVERY}.txt", None)
    store.close()
    listed = json.loads(run_main(data, "list", "--json").stdout)
    return data, [row["id"] for row in listed]


#: Esc as a terminal speaking the kitty keyboard protocol sends it (the app asks for
#: that protocol at start). A bare ESC byte followed by the next key in one read is
#: taken for Alt+key: under load the two can reach the app together.
ESCAPE_KEY = b"\x1b[27u"


#: One key of a scripted session: the key, the text that shows it was taken (looked
#: for in what the app writes after it; None: nothing to wait for), and after how many
#: seconds without that text the key is sent again (None: never). A key is re-sent only
#: where pressing it twice does what pressing it once does.
Step = tuple[bytes, bytes | None, float | None]


def run_in_pty(
    argv: list[str],
    *,
    keys: Sequence[tuple[float, bytes]] = (),
    ready: bytes | None = None,
    steps: Sequence[Step] = (),
    timeout: float = 30,
    shown: tuple[bytes, threading.Event] | None = None,
) -> bytes:
    """Run `argv` on a pseudo-terminal; send `keys` at their times; return every byte written.

    The times of `keys` count from the start, or with `shown` from when its text was
    written (keys sent before the app is up reach a terminal still in line mode).

    `steps` are sent once `ready` has been written (the app is up: keys sent before
    reach a terminal still in line mode, which echoes and drops them), each once
    the one before has been answered. `shown=(text, event)` sets the event once
    `text` has been written (the app is up).
    """
    master, slave = os.openpty()
    # Wide and tall enough that the planted body shows below the labelled fields.
    env = cli_env(TERM="xterm-256color", COLUMNS="200", LINES="60", COLORTERM="truecolor")
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    os.set_blocking(master, False)
    out = bytearray()
    began = time.monotonic()
    pending = sorted(keys)
    todo = list(steps)
    current: Step | None = None  # the step sent last, until it is answered
    since = 0  # where the output written after it begins
    sent_at = 0.0
    shown_at: float | None = None

    def send_steps() -> None:
        nonlocal current, since, sent_at
        if ready is not None and ready not in out:
            return
        while True:
            if current is not None:
                key, answer, again = current
                if answer is not None and answer not in out[since:]:
                    if again is not None and time.monotonic() - sent_at >= again:
                        os.write(master, key)
                        sent_at = time.monotonic()
                    return
                current = None
            if not todo:
                return
            current = todo.pop(0)
            since, sent_at = len(out), time.monotonic()
            os.write(master, current[0])

    try:
        while time.monotonic() - began < timeout:
            keys_from = began if shown is None else shown_at
            if pending and keys_from is not None and time.monotonic() - keys_from >= pending[0][0]:
                os.write(master, pending.pop(0)[1])
            send_steps()
            ready_to_read, _, _ = select.select([master], [], [], 0.05)
            if ready_to_read:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                if not chunk and proc.poll() is not None:
                    break
                out += chunk
                if shown is not None and not shown[1].is_set() and shown[0] in out:
                    shown[1].set()
                    shown_at = time.monotonic()
            elif proc.poll() is not None and not pending:
                break
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        os.close(master)
    unanswered = current if current is not None and current[1] is not None else None
    assert not todo and unanswered is None, (
        f"after {timeout:.0f} s: waiting for {ready!r} or an answer to {unanswered!r}; "
        f"{len(todo)} keys not sent",
        bytes(out[-500:]),
    )
    return bytes(out)


def assert_no_leak(output: bytes) -> None:
    for leak in LEAKS:
        assert leak not in output, (
            leak,
            output[max(0, output.find(leak) - 80) : output.find(leak) + 80],
        )


@pytest.mark.parametrize(
    "command",
    [
        ["show", "{0}"],
        ["show", "{1}"],
        ["list"],
        ["search", "harbour"],
        ["list", "--limit", "0"],
        ["history"],
        ["stories", "--all"],
    ],
)
def test_cli_output_carries_no_payload(planted: tuple[Path, list[str]], command: list[str]) -> None:
    data, ids = planted
    assert len(ids) == 2
    argv = cli_command(data, *[part.format(*ids) for part in command])
    output = run_in_pty(argv)
    assert b"Traceback" not in output
    assert b"harbour" in output.lower() or command[0] in ("history", "stories")
    assert_no_leak(output)
    # Rich colours its own output; nothing else starts an OSC or DCS sequence.
    assert b"\x1b]" not in output and b"\x1bP" not in output


def test_cli_import_output_of_a_hostile_file_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"evil{ESCAPES['osc0_title']}name.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "good.txt").write_text("A harbour headline\n\nBody words here.\n")
    output = run_in_pty(cli_command(tmp_path / "data", "import", str(folder)))
    assert b"imported" in output
    # The failed file is named as it is, its escape written out (inert), so the line
    # names that very file; nothing else of the payload reaches the terminal.
    shown = b"evil\\x1b]0;PWNED-TITLE\\x07name.txt"
    assert shown in output
    assert_no_leak(output.replace(shown, b""))
    assert b"\x1b]" not in output


def test_tui_output_carries_no_payload(planted: tuple[Path, list[str]]) -> None:
    data, _ids = planted
    # Open the app, move through both articles (the detail pane shows each), quit.
    # The first article (the planted one, the newest) is in the detail pane once the
    # app is up; j brings the second (its author, Roe, is in the pane only; j again
    # on the last row changes nothing, so it is pressed again if the first j came
    # before the inbox had settled); Enter opens it (the status says "reading");
    # Esc and q quit.
    steps: list[Step] = [
        (b"j", b"Roe", 2.0),
        (b"\r", b"reading", None),
        (ESCAPE_KEY, None, None),
        (b"q", None, None),
    ]
    # The steps wait on the app; the time limit only stops a hung one.
    output = run_in_pty(cli_command(data), ready=b"Raw body", steps=steps, timeout=120)
    assert len(output) > 1000, output[:500]
    assert b"Traceback" not in output
    assert b"harbour" in output.lower()
    assert_no_leak(output)
