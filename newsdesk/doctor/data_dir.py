"""Check: the data directory exists and can really be written to."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.doctor.runner import Doctor


def check_data_dir(doctor: Doctor) -> bool | None:
    """True/False for writable; None when there is no data directory at all."""
    data_dir = doctor.paths.data_dir
    if not data_dir.exists():
        doctor.report.add(
            "data_dir",
            "ok",
            f"no data directory yet at {data_dir}; it is created on the first import",
        )
        return None
    if not data_dir.is_dir():
        doctor.report.add(
            "data_dir",
            "problem",
            f"{data_dir} is not a folder; move it away or choose another with --data-dir",
        )
        return None
    failure = write_probe(data_dir)
    if failure is not None:
        problem = failure.strerror or str(failure)
        if failure.errno in (errno.ENOSPC, errno.EDQUOT):
            # Nothing is wrong with the desk: every later check says so too.
            doctor.unwritable = "the disk is full"
            message = (
                f"the disk holding the data directory {data_dir} is full ({problem}): "
                "newsdesk can show nothing new and save no change. Free some space, "
                "or use --data-dir"
            )
        else:
            message = (
                f"the data directory {data_dir} is not writable ({problem}): newsdesk can "
                f"show nothing new and save no change. Make it writable (e.g. "
                f"`chmod u+w {data_dir}`), free some space, or use --data-dir"
            )
        doctor.report.add("data_dir", "problem", message, path=str(data_dir))
        return False
    doctor.report.add("data_dir", "ok", f"data directory {data_dir} is writable")
    return True


def write_probe(directory: Path) -> OSError | None:
    """None when a file can be created in `directory`, else the error that says why not.

    A real write, not os.access: root ignores permission bits, and a
    read-only mount or a full disk only shows when something is written.
    """
    probe = directory / f".newsdesk-doctor-{secrets.token_hex(4)}.probe"
    try:
        with probe.open("xb") as handle:
            handle.write(b"x" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            probe.unlink()
        return exc
    probe.unlink()
    return None
