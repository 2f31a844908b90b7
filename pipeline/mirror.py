"""A local stand-in for the real sites: serve `<root>/<host>/<path>` over HTTP on
127.0.0.1 with the headers a real server sends, and rebuild the bundled corpus from it.

The build machines reach no web site, so the bundled corpus is captured from files
written to corpus/mirror/<host>/<path> (e.g. corpus/mirror/www.soumu.go.jp/menu_news/
s-news/01ryutsu06_02000447.html), through the real crawler, with the original addresses
recorded and every record marked reconstructed.

What the server does like a real one: `Content-Type` by extension, and for .html WITHOUT
a charset (Japanese government servers send plain `text/html` for Shift_JIS pages, the
charset is only in the page's <meta>); `Content-Length`, `Last-Modified` (file mtime),
a strong `ETag` (hash of the bytes), 304 for a matching If-None-Match / If-Modified-Since;
a directory serves its index.html; a file without extension that starts like HTML is
text/html. Two ways to say what a real server sent, when it differs: a `manifest.json`
at the root (`{"files": [{"path": "<host>/<path>", "content_type": "..."}]}`, as
scripts/make_mirror.py writes it), or a sidecar `<file>.headers` ("Name: value" lines).
"""

from __future__ import annotations

import contextlib
import dataclasses
import email.utils
import hashlib
import json
import mimetypes
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pipeline.crawl import CrawlReport, LogEntry, crawl
from pipeline.links import normalize_url
from pipeline.settings import CrawlSettings
from pipeline.sources import Sources

RECONSTRUCTED_NOTE = "reconstructed: captured from a local mirror rebuilt from the published text"
SIDECAR = ".headers"


MANIFEST = "manifest.json"


def load_manifest(root: Path) -> dict[Path, str]:
    """{resolved file path: Content-Type} from `<root>/manifest.json`, if there is one."""
    manifest = root / MANIFEST
    if not manifest.is_file():
        return {}
    entries = json.loads(manifest.read_text(encoding="utf-8")).get("files", [])
    return {(root / e["path"]).resolve(): e["content_type"] for e in entries if e.get("content_type")}


def file_headers(path: Path, body: bytes, content_type: str | None = None) -> dict[str, str]:
    """The headers a plain static web server would send for this file."""
    suffix = path.suffix.lower()
    if content_type:
        pass
    elif suffix in (".html", ".htm"):
        content_type = "text/html"
    elif suffix == "":
        head = body[:512].lstrip().lower()
        content_type = "text/html" if head.startswith((b"<!doctype html", b"<html", b"<?xml")) \
            else "application/octet-stream"
    else:
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    headers = {
        "Content-Type": content_type,
        "Last-Modified": email.utils.formatdate(int(path.stat().st_mtime), usegmt=True),
        "ETag": '"' + hashlib.sha1(body).hexdigest()[:20] + '"',
    }
    sidecar = path.with_name(path.name + SIDECAR)
    if sidecar.is_file():
        for line in sidecar.read_text(encoding="utf-8").splitlines():
            name, sep, value = line.partition(":")
            if sep and name.strip():
                headers[name.strip()] = value.strip()
    return headers


def not_modified(request_headers, headers: dict[str, str]) -> bool:
    """RFC 9110: If-None-Match decides when present, else If-Modified-Since."""
    if_none_match = request_headers.get("If-None-Match")
    if if_none_match:
        tags = {t.strip() for t in if_none_match.split(",")}
        return "*" in tags or headers.get("ETag") in tags
    since = request_headers.get("If-Modified-Since")
    modified = headers.get("Last-Modified")
    if since and modified:
        try:
            return email.utils.parsedate_to_datetime(modified) <= email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


class MirrorHandler(BaseHTTPRequestHandler):
    """Serves `self.server.root` (a directory) read-only."""

    protocol_version = "HTTP/1.1"
    server_version = "koubo-mirror/0.1"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def resolve(self) -> Path | None:
        """The file for the request path, never outside the root."""
        root = Path(self.server.root).resolve()  # type: ignore[attr-defined]
        relative = unquote(urlsplit(self.path).path).lstrip("/")
        candidate = (root / relative).resolve()
        if candidate != root and root not in candidate.parents:
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        if not candidate.is_file() or candidate.name.endswith(SIDECAR) or candidate == root / MANIFEST:
            return None
        return candidate

    def send(self, status: int, headers: dict[str, str], body: bytes, head_only: bool = False) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304 and not any(k.lower() == "content-length" for k in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and not head_only and status != 304:
            self.wfile.write(body)

    def serve_file(self, head_only: bool = False) -> None:
        path = self.resolve()
        if path is None:
            page = b"<html><body><h1>404 Not Found</h1></body></html>"
            self.send(404, {"Content-Type": "text/html"}, page, head_only)
            return
        body = path.read_bytes()
        headers = file_headers(path, body, self.server.manifest.get(path))  # type: ignore[attr-defined]
        if not_modified(self.headers, headers):
            self.send(304, {k: v for k, v in headers.items() if k in ("ETag", "Last-Modified")}, b"")
            return
        self.send(200, headers, body, head_only)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.serve_file()

    def do_HEAD(self) -> None:  # noqa: N802
        self.serve_file(head_only=True)


class QuietServer(ThreadingHTTPServer):
    """Threaded, does not wait for slow handlers on close, does not print client hang-ups."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, root: Path, handler: type[BaseHTTPRequestHandler] = MirrorHandler) -> None:
        self.root = Path(root)
        self.manifest = load_manifest(self.root.resolve())
        super().__init__(("127.0.0.1", 0), handler)

    def handle_error(self, request, client_address) -> None:  # client closed early etc.
        pass

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextlib.contextmanager
def serve_directory(root: str | Path, handler: type[BaseHTTPRequestHandler] = MirrorHandler
                    ) -> Iterator[QuietServer]:
    """Serve `root` on 127.0.0.1 (a free port) for the duration of the block."""
    server = QuietServer(Path(root), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def mirror_mapping(root: str | Path, base_url: str) -> dict[str, str]:
    """{original origin: served prefix} for every host directory under `root`."""
    mapping = {}
    for host_dir in sorted(p for p in Path(root).iterdir() if p.is_dir()):
        for scheme in ("https", "http"):
            mapping[f"{scheme}://{host_dir.name}"] = f"{base_url}/{host_dir.name}"
    return mapping


def mirrored_urls(root: str | Path) -> set[str]:
    """The original https addresses of the documents under `root` (a directory's
    index.html also answers for the directory's own address)."""
    root = Path(root)
    urls = set()
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if not path.is_file() or len(relative.parts) < 2 or path.name.endswith(SIDECAR):
            continue
        if relative.parts[1:] == ("robots.txt",):
            continue
        url = normalize_url("https://" + "/".join(relative.parts))
        urls.add(url)
        if path.name == "index.html":
            urls.add(url.removesuffix("index.html"))
    return urls


def mirrored_sources(sources: Sources, root: str | Path) -> Sources:
    """The sources narrowed to what the mirror holds: each source may follow only the
    mirrored addresses under its prefixes, so a link to a page nobody reconstructed is
    not requested (and not recorded as a 404 the real site never sent). No delay."""
    available = mirrored_urls(root)
    narrowed = []
    for source in sources:
        start = tuple(u for u in source.start if u in available)
        if start:
            narrowed.append(dataclasses.replace(source, start=start, only=frozenset(available),
                                                delay_seconds=0.0))
    settings = dataclasses.replace(sources.settings, delay_seconds=0.0)
    return Sources(tuple(narrowed), settings)


def reconstruct(sources: Sources, corpus_dir: str | Path, mirror_dir: str | Path, *,
                settings: CrawlSettings | None = None,
                progress: Callable[[LogEntry], None] | None = None) -> CrawlReport:
    """Crawl `sources` from the files under `mirror_dir` (`<host>/<path>`) into
    `corpus_dir`: original addresses recorded, every record marked reconstructed."""
    local = mirrored_sources(sources, mirror_dir)
    settings = dataclasses.replace(settings or local.settings, delay_seconds=0.0)
    with serve_directory(mirror_dir) as server:
        return crawl(local, corpus_dir, mirror=mirror_mapping(mirror_dir, server.base_url),
                     reconstructed=True, settings=settings, progress=progress, note=RECONSTRUCTED_NOTE)


def main(argv: list[str] | None = None) -> int:
    """`python -m pipeline.mirror`: rebuild the bundled corpus from corpus/mirror."""
    import argparse

    from pipeline.sources import load_sources

    parser = argparse.ArgumentParser(prog="python -m pipeline.mirror", description=main.__doc__)
    parser.add_argument("--sources", type=Path, default=Path("corpus/sources.toml"))
    parser.add_argument("--mirror", type=Path, default=Path("corpus/mirror"))
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    args = parser.parse_args(argv)
    report = reconstruct(load_sources(args.sources), args.corpus, args.mirror, progress=print)
    for line in report.lines():
        print(line)
    print(f"wrote {report.warc_file}" if report.warc_file else "nothing written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
