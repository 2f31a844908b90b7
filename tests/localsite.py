"""A local web site for crawler tests: serves a directory on 127.0.0.1 like a real
server (pipeline.mirror's handler: Content-Type, ETag, Last-Modified, 304s) and plays
scripted behaviours for chosen paths (status sequences, Retry-After, slow answers,
redirects, huge bodies). It records every request it receives.

    with LocalSite(tmp_path / "site") as site:
        site.script("/flaky.html", Reply(500), Reply(200, body=b"<html>ok</html>"))
        site.url("/index.html")     # http://127.0.0.1:PORT/index.html
        site.requests_for("/flaky.html")  # [Received(...), Received(...)]
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.mirror import MirrorHandler, QuietServer, serve_directory


@dataclass
class Reply:
    """One scripted answer. `delay` is slept before the status line is sent (bounded by
    the test); `body` may be large to test the size cap."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when the request arrived


class ScriptedHandler(MirrorHandler):
    """MirrorHandler, except that scripted paths answer from their script."""

    def do_GET(self) -> None:  # noqa: N802
        server = self.server
        path = urlsplit(self.path).path
        with server.lock:  # type: ignore[attr-defined]
            server.received.append(Received(path, dict(self.headers.items()), time.monotonic()))  # type: ignore[attr-defined]
            script = server.scripts.get(path)  # type: ignore[attr-defined]
            reply = None
            if script:
                reply = script.pop(0) if len(script) > 1 else script[0]
        if reply is None:
            self.serve_file()
            return
        if reply.delay:
            time.sleep(reply.delay)
        self.send(reply.status, reply.headers, reply.body)


class LocalSite:
    """Context manager around a threaded 127.0.0.1 server rooted at `root`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._context = None
        self.server: QuietServer | None = None

    def __enter__(self) -> LocalSite:
        self._context = serve_directory(self.root, ScriptedHandler)
        self.server = self._context.__enter__()
        self.server.scripts = {}  # type: ignore[attr-defined]
        self.server.received = []  # type: ignore[attr-defined]
        self.server.lock = threading.Lock()  # type: ignore[attr-defined]
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._context is not None
        self._context.__exit__(*exc_info)

    @property
    def base(self) -> str:
        assert self.server is not None
        return self.server.base_url

    def url(self, path: str) -> str:
        return self.base + path

    def write(self, path: str, content: bytes | str, encoding: str = "utf-8") -> Path:
        """Put a file on the site (str is encoded with `encoding`)."""
        target = self.root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
        return target

    def script(self, path: str, *replies: Reply) -> None:
        """Answer `path` with these replies in order; the last one repeats."""
        with self.server.lock:  # type: ignore[union-attr]
            self.server.scripts[path] = list(replies)  # type: ignore[union-attr]

    @property
    def received(self) -> list[Received]:
        with self.server.lock:  # type: ignore[union-attr]
            return list(self.server.received)  # type: ignore[union-attr]

    def requests_for(self, path: str) -> list[Received]:
        return [r for r in self.received if r.path == path]

    def paths(self) -> list[str]:
        return [r.path for r in self.received]


def closed_port() -> int:
    """A 127.0.0.1 port nothing listens on (bound, then released)."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
