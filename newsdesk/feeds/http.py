"""One polite HTTP GET for feeds and pages, on httpx, with every answer turned into a result.

The rules a feed reader owes the servers it polls and the machine it runs on:
connect and read timeouts plus a whole-response deadline (a server that drips
bytes forever is cut off), redirects followed by hand (at most
`MAX_REDIRECTS`, loops named, and a permanent one reported so the
subscription can move), compressed bodies capped as they are decoded
(gzip and deflate inflated here a step at a time, so a small gzip bomb
cannot fill memory), a User-Agent naming
newsdesk, conditional GET (If-None-Match / If-Modified-Since), a limit per
host on requests in flight, and Retry-After read on 429 and 503. Only http
and https are ever requested. Nothing here raises: `Fetched.error` says why.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from newsdesk import __version__
from newsdesk.ingest.inflate import Inflater, TooLarge, wbits_for
from newsdesk.ingest.limits import human_size, sizes_apart
from newsdesk.sanitize import clean_line

USER_AGENT = f"newsdesk/{__version__} (feed reader; +https://example.invalid/newsdesk)"
MAX_REDIRECTS = 5
#: Decoded bytes kept from one feed or page.
MAX_BODY_BYTES = 8 * 1024 * 1024
SCHEMES = ("http", "https")


@dataclass
class Limits:
    """Timeouts, caps and concurrency; tests shorten them."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    #: The whole response, first byte to last.
    total_timeout: float = 60.0
    max_bytes: int = MAX_BODY_BYTES
    #: Requests in flight at once, overall and to one host.
    overall: int = 8
    per_host: int = 4


@dataclass
class Fetched:
    """What one GET came to."""

    url: str
    #: The URL the body came from after redirects.
    final_url: str = ""
    status: int | None = None
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    #: Where a 301/308 chain said the resource now lives (the subscription moves).
    moved_to: str | None = None
    #: Seconds the server asked us to wait (429/503 Retry-After).
    retry_after: float | None = None
    error: str | None = None
    #: The connection closed mid-body: `error` says so, and `body` holds what arrived.
    cut_off: bool = False
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> str | None:
    """Why a URL cannot be fetched (only http and https with a host), or None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return f"not a valid URL: {url!r}"
    if parts.scheme.lower() not in SCHEMES:
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        return f"only http and https URLs can be fetched ({shown} given): {url!r}"
    if not parts.hostname:
        return f"the URL has no host: {url!r}"
    try:
        parts.port  # noqa: B018 - read for its check: 99999 is no port
    except ValueError:
        return f"the URL's port is not a port number (1-65535): {url!r}"
    if url.strip() != clean_line(url) or any(ch.isspace() for ch in url.strip()):
        # A feed URL is shown, exported to OPML and sent on the wire: no escapes ride along.
        return f"the URL has spaces or control characters: {url!r}"
    return None


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date; None when
    absent, unreadable or no wait at all (0, a date past)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    # "0" or a date already past asks for no wait ("the server asks to wait 0 s" held
    # the feed back all the same).
    return seconds if seconds >= 1 else None


class HostGate:
    """At most `per_host` requests in flight to one host, across threads."""

    def __init__(self, per_host: int) -> None:
        self.per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._gates: dict[str, threading.BoundedSemaphore] = {}

    @contextmanager
    def hold(self, url: str) -> Iterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            gate = self._gates.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with gate:
            yield


class Client:
    """A shared httpx client (thread-safe, keeps connections) with the rules above."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        timeout = httpx.Timeout(
            self.limits.read_timeout, connect=self.limits.connect_timeout, pool=None
        )
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
            limits=httpx.Limits(max_connections=max(1, self.limits.overall)),
            trust_env=False,
        )
        self.gate = HostGate(self.limits.per_host)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Fetched:
        result = Fetched(url=url, final_url=url)
        problem = check_url(url)
        if problem:
            result.error = problem
            return result
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        permanent = True
        seen = {url}
        for _ in range(MAX_REDIRECTS + 1):
            with self.gate.hold(current):
                self._one(current, headers, result)
            if result.error and current != url:
                # The subscribed URL answered (with a redirect): the failure is its target's.
                result.error = _after_redirect(result, current, permanent)
            if result.error or result.status not in (301, 302, 303, 307, 308):
                break
            target = result.redirects[-1]
            if result.status not in (301, 308):
                permanent = False
            problem = check_url(target)
            if problem:
                result.error = f"redirected to a URL that cannot be fetched: {problem}"
                break
            if target in seen:
                result.error = f"redirect loop: {current} leads back to {target}"
                break
            seen.add(target)
            current = target
        else:
            result.error = f"too many redirects (more than {MAX_REDIRECTS})"
        result.final_url = current
        if result.redirects and permanent and not result.error:
            result.moved_to = current
        return result

    def _one(self, url: str, headers: dict[str, str], result: Fetched) -> None:
        """One request (no redirect following); fills `result`."""
        limits = self.limits
        started = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                result.status = response.status_code
                if response.status_code in (301, 302, 303, 307, 308):
                    location = response.headers.get("Location", "")
                    if not location:
                        result.error = f"HTTP {response.status_code} without a Location"
                        return
                    try:
                        result.redirects.append(urljoin(url, location))
                    except ValueError:
                        # Said as what it is, not "could not fetch (ValueError: Invalid IPv6 URL)".
                        result.error = (
                            f"HTTP {response.status_code} to an address that is not valid "
                            f"({clean_line(location)[:80]!r})"
                        )
                    return
                if response.status_code in (429, 503):
                    result.retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                if response.status_code == 304:
                    result.etag = response.headers.get("ETag") or None
                    result.last_modified = response.headers.get("Last-Modified") or None
                    return
                if response.status_code >= 400:
                    result.error = _status_reason(response.status_code, result.retry_after)
                    return
                declared = response.headers.get("Content-Length", "")
                encoded = response.headers.get("Content-Encoding", "").strip().lower() not in (
                    "",
                    "identity",
                )
                if declared.isdigit() and int(declared) > limits.max_bytes:
                    result.error = _too_big(int(declared), limits.max_bytes, encoded=encoded)
                    return
                chunks: list[bytes] = []
                size = 0
                try:
                    for chunk in _decoded(response, limits.max_bytes):
                        size += len(chunk)
                        if size > limits.max_bytes:
                            raise TooLarge
                        if time.monotonic() - started > limits.total_timeout:
                            result.error = f"timed out: the response took longer than {limits.total_timeout:g} s"
                            return
                        chunks.append(chunk)
                except TooLarge:
                    # Only that it passed the cap is known: said as such.
                    result.error = _past_cap(limits.max_bytes, encoded=encoded)
                    return
                except httpx.RemoteProtocolError as exc:
                    # The connection closed before the body's announced end: still a
                    # failure, but the bytes received are kept for a reader of what is
                    # whole in them (a feed's complete items); no validators kept.
                    result.body = b"".join(chunks)
                    result.cut_off = True
                    result.content_type = response.headers.get("Content-Type", "")
                    result.error = f"the download was cut short ({_first_line(exc)})"
                    return
                result.body = b"".join(chunks)
                result.content_type = response.headers.get("Content-Type", "")
                result.etag = response.headers.get("ETag") or None
                result.last_modified = response.headers.get("Last-Modified") or None
        except httpx.TimeoutException as exc:
            kind = "connecting" if isinstance(exc, httpx.ConnectTimeout) else "waiting for data"
            result.error = f"timed out {kind} (after {_timeout_of(exc, limits):g} s)"
        except httpx.DecodingError as exc:
            result.error = f"the compressed response could not be decoded ({exc})"
        except zlib.error as exc:
            result.error = f"the compressed response could not be decoded ({exc})"
        except httpx.RemoteProtocolError as exc:
            result.error = f"the response was cut short or malformed ({exc})"
        except httpx.ConnectError as exc:
            result.error = f"could not connect ({_first_line(exc)})"
        except httpx.HTTPError as exc:
            result.error = f"HTTP error ({type(exc).__name__}: {_first_line(exc)})"
        except (OSError, ValueError) as exc:
            result.error = f"could not fetch ({type(exc).__name__}: {_first_line(exc)})"


def _decoded(response: httpx.Response, cap: int) -> Iterator[bytes]:
    """The body's decoded bytes; gzip and deflate inflated here, within `cap` (see inflate)."""
    wbits = wbits_for(response.headers.get("Content-Encoding", ""))
    if wbits is None:
        yield from response.iter_bytes()
        return
    inflater = Inflater(wbits, cap)
    for raw in response.iter_raw():
        yield from inflater.feed(raw)
    tail = inflater.finish()
    if tail:
        yield tail


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _timeout_of(exc: httpx.TimeoutException, limits: Limits) -> float:
    return limits.connect_timeout if isinstance(exc, httpx.ConnectTimeout) else limits.read_timeout


def _too_big(size: int, cap: int, *, encoded: bool) -> str:
    """A body the server said is `size` bytes, over the cap: "too large: 8.04 MB; the
    limit is 8 MB" (both figures told apart, never "8 MB (limit 8 MB)")."""
    shown, limit = sizes_apart(size, cap)
    compressed = " compressed" if encoded else ""
    return f"too large: {shown}{compressed}; the limit is {limit}"


def _past_cap(cap: int, *, encoded: bool) -> str:
    """A body that passed the cap while it was read (its whole size is not known)."""
    once = " once decompressed" if encoded else ""
    return f"too large: more than the {human_size(cap)} limit{once}"


_REASONS = {
    401: "needs a login (401)",
    403: "forbidden (403)",
    404: "not found (404)",
    410: "gone (410): the publisher removed this feed",
    429: "too many requests (429)",
    500: "server error (500)",
    502: "bad gateway (502)",
    503: "service unavailable (503)",
    504: "gateway timeout (504)",
}


#: A failed status said of the URL a redirect led to ("moved to URL, which was not found").
_TARGET_REASONS = {
    401: "which needs a login (401)",
    403: "which is forbidden (403)",
    404: "which was not found (404)",
    410: "which is gone (410): the publisher removed this feed",
}


def _after_redirect(result: Fetched, target: str, permanent: bool) -> str:
    """The failure at the end of a redirect, naming where it led: "moved to URL, which
    was not found (404)" (the feed's own URL answered, with a redirect)."""
    how = "moved permanently to" if permanent else "redirected to"
    said = clean_line(target)[:200]
    status = result.status or 0
    if status in _TARGET_REASONS:
        return f"{how} {said}, {_TARGET_REASONS[status]}"
    return f"{how} {said}, which failed: {result.error}"


def _status_reason(status: int, retry_after: float | None) -> str:
    reason = _REASONS.get(status, f"HTTP {status}")
    if retry_after is not None:
        reason += f"; the server asks to wait {waiting_time(retry_after)}"
    return reason


def waiting_time(seconds: float) -> str:
    """A wait as a person says it: "90 s", "15 min", "3 h", "2 days", "over a year" (a
    Retry-After date in 2099 read "2299739707 s")."""
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.0f} h"
    if seconds < 366 * 86400:
        return f"{seconds / 86400:.0f} days"
    return "over a year"
