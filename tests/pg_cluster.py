"""A private PostgreSQL cluster in a temporary directory, for tests that stop the server.

Restarting the machine's shared cluster would break every other test using it,
so the tests (and `benchmarks/bench_shared_desk.py`) that lose the server on
purpose start one of their own: `initdb` into a temp dir, a free port on
127.0.0.1, a socket directory of its own, trust authentication (nothing
else can reach it), stopped and removed afterwards. PostgreSQL refuses to run
as root, so under root it runs as the `postgres` user. Without the server
programs `PrivateCluster.find()` says why and the caller skips.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

#: Seconds a start or restart may take on a loaded machine.
START_TIMEOUT_S = 60


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrivateCluster:
    """One throw-away server: `start`, `restart`, `stop`, `url`."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="nd-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sockets"
        self.port = _free_port()
        self._as_postgres = os.geteuid() == 0

    @classmethod
    def find(cls) -> tuple[PrivateCluster | None, str]:
        """A cluster ready to start, or None and why not."""
        bin_dir = _bin_dir()
        if bin_dir is None:
            return None, "PostgreSQL's server programs (initdb) are not installed"
        if os.geteuid() == 0 and shutil.which("runuser") is None:
            return None, "running as root without runuser: PostgreSQL will not start as root"
        return cls(bin_dir), ""

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, check=check, timeout=START_TIMEOUT_S
        )

    def start(self) -> None:
        self.sockets.mkdir(parents=True, exist_ok=True)
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sockets, "postgres")
        if not self.data.exists():
            self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self._pg_ctl("start")

    def _pg_ctl(self, verb: str) -> None:
        options = (
            f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c max_connections=60"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "-t",
            str(START_TIMEOUT_S),
            verb,
        )

    def restart(self) -> None:
        """Stop (ending every connection at once) and start again."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        self._pg_ctl("start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def wait_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with psycopg.connect(self.url, connect_timeout=2) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def remove(self) -> None:
        self.stop()
        with contextlib.suppress(OSError):
            shutil.rmtree(self.root)


@contextlib.contextmanager
def private_cluster_or_skip() -> Iterator[PrivateCluster]:
    """A started private cluster, removed afterwards; the test skips, saying why, without one."""
    import pytest

    cluster, why = PrivateCluster.find()
    if cluster is None:
        pytest.skip(why)
    try:
        cluster.start()
    except Exception as exc:  # any failure to start means: skip, saying why
        cluster.remove()
        pytest.skip(f"a private PostgreSQL cluster did not start: {str(exc).splitlines()[0]}")
    try:
        yield cluster
    finally:
        cluster.remove()
