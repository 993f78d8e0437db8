"""A small threaded HTTP server on 127.0.0.1 for feed tests: routes are plain functions.

Each route gets the request handler and answers through `Reply`; the server
remembers every request (path and headers) so a test can check what was
asked. Nothing here reaches beyond the loopback interface.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds to wait before the status line (a slow server).
    delay: float = 0.0
    #: Send Content-Length (False: the body ends when the connection closes).
    length: bool = True
    #: Claim a Content-Length this much larger than the body (a truncated answer).
    short_by: int = 0
    gzip: bool = False
    #: Seconds between 64-byte pieces of the body (a server that drips).
    drip: float = 0.0
    #: Answer only once this is set (a server slower than any timeout; capped at a minute).
    hold: threading.Event | None = None


Route = Callable[[BaseHTTPRequestHandler], Reply]


def rss(
    title: str, items: list[tuple[str, str, str, str]], site: str = "http://example.invalid/"
) -> bytes:
    """An RSS 2.0 document: items are (guid, title, link, description)."""
    parts = [
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{site}</link>"
    ]
    for guid, item_title, link, text in items:
        parts.append(
            f"<item><guid>{guid}</guid><title>{item_title}</title><link>{link}</link>"
            f"<description>{text}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def handle(self) -> None:
                # The client hung up first (what the timeout tests want): no traceback.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    super().handle()

            def do_GET(self) -> None:
                with server._lock:
                    server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                reply = route(self) if route else Reply(404)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.hold is not None:
                    reply.hold.wait(60)
                body = gzip.compress(reply.body) if reply.gzip else reply.body
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                if reply.gzip:
                    self.send_header("Content-Encoding", "gzip")
                if reply.length:
                    self.send_header("Content-Length", str(len(body) + reply.short_by))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                if reply.drip:
                    self._drip(body, reply.drip)
                elif reply.status != 304:
                    self.wfile.write(body)
                if reply.short_by:
                    self.close_connection = True

            def _drip(self, body: bytes, pause: float) -> None:
                try:
                    for start in range(0, len(body), 64):
                        self.wfile.write(body[start : start + 64])
                        self.wfile.flush()
                        time.sleep(pause)
                except OSError:  # the client gave up: that is the point
                    self.close_connection = True

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        # `shutdown` waits for the serving loop to look at its flag: at the default
        # half-second poll that was 0.5 s of idle wall time in every feed test.
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self) -> list[str]:
        with self._lock:
            return [p for p, _ in self.requests]

    def route(self, path: str, reply: Reply | Route) -> None:
        if isinstance(reply, Reply):
            fixed = reply

            def answer(_handler: BaseHTTPRequestHandler) -> Reply:
                return fixed

            self.routes[path] = answer
        else:
            self.routes[path] = reply
