"""One polite, bounded HTTP GET: the transport under the crawler.

- requests + urllib3 `Retry` on an `HTTPAdapter` do timeouts, retries with backoff on
  connection failures, read timeouts and 429/5xx, and honour Retry-After.
- `GuardedAdapter` refuses any address the crawl has not allowed, whatever code asks,
  so a bug cannot wander off to another site.
- `Throttle` keeps one request per host per delay.
- Bodies are streamed raw (content coding kept, as the WARC record wants it) and cut at
  the size cap or the time budget; redirects are not followed here (the crawler records
  each hop and checks its target first).
"""

from __future__ import annotations

import socket
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    NewConnectionError,
    ReadTimeoutError,
)
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.util.retry import Retry

from pipeline.settings import CrawlSettings

HTTP_VERSIONS = {9: "HTTP/0.9", 10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2", 30: "HTTP/3"}


class OffLimits(requests.exceptions.RequestException):
    """The crawl tried to request an address outside what it allows."""


class GuardedAdapter(HTTPAdapter):
    """An HTTPAdapter that sends a request only if `permit(url)` says yes."""

    def __init__(self, permit: Callable[[str], bool], **kwargs) -> None:
        self.permit = permit
        super().__init__(**kwargs)

    def send(self, request, *args, **kwargs):  # type: ignore[override]
        if not self.permit(request.url):
            raise OffLimits(f"refused: {request.url} is outside the allowed prefixes", request=request)
        return super().send(request, *args, **kwargs)


def make_retry(settings: CrawlSettings) -> Retry:
    """The retry policy: connection failures, read timeouts and `retry_statuses`,
    exponential backoff, Retry-After honoured (capped). Redirects are not followed."""
    return Retry(
        total=settings.retries,
        connect=settings.connect_retries,
        read=settings.retries,
        status=settings.retries,
        redirect=0,
        status_forcelist=settings.retry_statuses,
        allowed_methods=frozenset({"GET", "HEAD"}),
        backoff_factor=settings.backoff_factor,
        backoff_max=settings.backoff_max,
        respect_retry_after_header=True,
        retry_after_max=settings.retry_after_max,
        raise_on_status=False,
        raise_on_redirect=False,
    )


def make_session(settings: CrawlSettings, permit: Callable[[str], bool]) -> requests.Session:
    """A session with the koubo User-Agent and the guarded, retrying adapter."""
    session = requests.Session()
    session.headers["User-Agent"] = settings.user_agent
    session.headers["Accept-Encoding"] = settings.accept_encoding
    adapter = GuardedAdapter(permit, max_retries=make_retry(settings))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


class Throttle:
    """At most one request per host per `delay` seconds (per instance, no global state)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._last: dict[str, float] = {}
        self._clock = clock
        self._sleep = sleep

    def wait(self, host: str, delay: float) -> float:
        """Sleep until `host` may be asked again; returns the seconds slept."""
        last = self._last.get(host)
        waited = 0.0
        if last is not None:
            waited = max(0.0, last + delay - self._clock())
            if waited:
                self._sleep(waited)
        self._last[host] = self._clock()
        return waited


@dataclass
class FetchResult:
    """What one GET produced: a response (maybe cut), or an error and no response."""

    fetch_url: str
    fetched_at: str
    elapsed_ms: int
    status: int | None = None
    reason: str = ""
    http_version: str = "HTTP/1.1"
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    truncated: str | None = None  # WARC-Truncated reason: "length", "time", "disconnect"
    error: str | None = None
    unreachable: bool = False  # the host could not be reached at all (DNS, refused, connect timeout)

    def header(self, name: str) -> str | None:
        lower = name.lower()
        return next((v for k, v in self.response_headers if k.lower() == lower), None)

    @property
    def content(self) -> bytes:
        """The body with its content coding undone (for reading links and robots rules)."""
        return decoded_body(self.body, self.header("Content-Encoding"))


def decoded_body(body: bytes, content_encoding: str | None) -> bytes:
    """Undo gzip/deflate content coding (what we ask for); a cut stream gives what it has.
    Unknown codings are returned as they are."""
    coding = (content_encoding or "").strip().lower()
    if coding in ("gzip", "x-gzip"):
        wbits = 16 + zlib.MAX_WBITS
    elif coding == "deflate":
        wbits = zlib.MAX_WBITS if body[:1] == b"\x78" else -zlib.MAX_WBITS
    else:
        return body
    try:
        return zlib.decompressobj(wbits).decompress(body)
    except zlib.error:
        return body


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything it wraps (args, .reason, __cause__, __context__)."""
    pending, seen = [exc], set()
    while pending and len(seen) < 20:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
        for attr in ("reason", "__cause__", "__context__"):
            inner = getattr(current, attr, None)
            if isinstance(inner, BaseException):
                pending.append(inner)


def describe_error(exc: BaseException) -> tuple[str, bool]:
    """A short human reason for a failed request, and whether the host is unreachable."""
    causes = list(_causes(exc))
    for cause in causes:
        if isinstance(cause, OffLimits):
            return str(cause), False
    for cause in causes:
        if isinstance(cause, socket.gaierror):
            return f"DNS failure: {cause.strerror or cause}", True
    for cause in causes:
        if isinstance(cause, NameResolutionError):
            return f"DNS failure: {cause}", True
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return "connection refused", True
    for cause in causes:
        # urllib3's NewConnectionError subclasses ConnectTimeoutError: not a timeout
        if isinstance(cause, ConnectTimeoutError) and not isinstance(cause, NewConnectionError):
            return "connect timeout", True
        if isinstance(cause, requests.exceptions.ConnectTimeout) and not any(
                isinstance(c, NewConnectionError) for c in causes):
            return "connect timeout", True
        if isinstance(cause, Urllib3SSLError | requests.exceptions.SSLError):
            return f"TLS error: {cause}", True
    for cause in causes:
        if isinstance(cause, ReadTimeoutError | requests.exceptions.ReadTimeout | TimeoutError):
            return "read timeout", False
        if isinstance(cause, NewConnectionError):
            return f"connection failed: {cause}", True
    return f"{type(exc).__name__}: {exc}", isinstance(exc, requests.exceptions.ConnectionError)


def _utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def fetch(session: requests.Session, fetch_url: str, settings: CrawlSettings, *,
          headers: dict[str, str] | None = None, max_bytes: int | None = None) -> FetchResult:
    """GET `fetch_url` once (urllib3 retries inside), reading at most `max_bytes` of body."""
    limit = settings.max_bytes if max_bytes is None else max_bytes
    started = time.monotonic()
    result = FetchResult(fetch_url=fetch_url, fetched_at=_utc_now(), elapsed_ms=0)
    try:
        response = session.get(fetch_url, headers=headers or {}, stream=True, allow_redirects=False,
                               timeout=(settings.connect_timeout, settings.read_timeout))
    except requests.exceptions.RequestException as exc:
        result.error, result.unreachable = describe_error(exc)
        result.elapsed_ms = int((time.monotonic() - started) * 1000)
        return result
    with response:
        raw = response.raw
        result.status = response.status_code
        result.reason = response.reason or ""
        result.http_version = HTTP_VERSIONS.get(getattr(raw, "version", 11), "HTTP/1.1")
        result.request_headers = list(response.request.headers.items())
        result.response_headers = list(raw.headers.items())
        chunks: list[bytes] = []
        size = 0
        deadline = started + settings.max_fetch_seconds
        try:
            for chunk in raw.stream(settings.chunk_bytes, decode_content=False):
                if size + len(chunk) > limit:
                    chunks.append(chunk[: limit - size])
                    size = limit
                    result.truncated = "length"
                    break
                chunks.append(chunk)
                size += len(chunk)
                if time.monotonic() > deadline:
                    result.truncated = "time"
                    break
        except Exception as exc:  # urllib3 raises its own errors while streaming
            result.error = describe_error(exc)[0] + " while reading the body"
            result.truncated = "disconnect"
        result.body = b"".join(chunks)
    result.elapsed_ms = int((time.monotonic() - started) * 1000)
    return result
