"""A line to the test server that a test can cut and mend (a network blip, in-process).

`LineToServer` listens on a free port of 127.0.0.1 and passes bytes both ways to the
server a URL names. `cut()` closes every open connection and refuses new ones, as a
dropped network does; `mend()` lets connections through again. The server itself is
never touched: every other test keeps using it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit


def _close(*socks: socket.socket) -> None:
    for sock in socks:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            sock.close()


class LineToServer:
    """A TCP relay to the server of `url`; `url_through` gives the address over it."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self._upstream = (parts.hostname or "127.0.0.1", parts.port or 5432)
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(50)
        self.port = int(self._listener.getsockname()[1])
        self._lock = threading.Lock()
        self._open: set[tuple[socket.socket, socket.socket]] = set()
        self._down = False
        self._closed = False
        #: Connections refused or cut while the line was down.
        self.refused = 0
        threading.Thread(target=self._accept, name="line to server", daemon=True).start()

    def url_through(self, url: str) -> str:
        """`url` with its host and port replaced by this relay's."""
        parts = urlsplit(url)
        auth = parts.netloc.rsplit("@", 1)[0] + "@" if "@" in parts.netloc else ""
        return urlunsplit(parts._replace(netloc=f"{auth}127.0.0.1:{self.port}"))

    def cut(self) -> None:
        """Every open connection closed; new ones refused until `mend`."""
        with self._lock:
            self._down = True
            for pair in self._open:
                _close(*pair)
                self.refused += 1
            self._open.clear()

    def mend(self) -> None:
        with self._lock:
            self._down = False

    def close(self) -> None:
        self._closed = True
        self.cut()
        _close(self._listener)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                down = self._down
            if down:
                self.refused += 1
                _close(client)
                continue
            try:
                server = socket.create_connection(self._upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._open.add((client, server))
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            _close(source, sink)


@contextmanager
def line_to(url: str) -> Iterator[LineToServer]:
    """A `LineToServer` to the server of `url`, closed afterwards."""
    line = LineToServer(url)
    try:
        yield line
    finally:
        line.close()
