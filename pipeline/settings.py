"""Every crawl knob, with its default, in one place.

`CrawlSettings` is an immutable value passed to `pipeline.crawl.crawl`; nothing reads a
global. corpus/sources.toml may override any field in its `[crawl]` table, a source may
override `delay_seconds` and `max_depth`, and tests shrink delays and backoffs with
`dataclasses.replace(DEFAULT_SETTINGS, ...)` or `CrawlSettings(...)`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

USER_AGENT = "koubo/0.1 (+https://github.com/koubo/koubo#readme)"


@dataclass(frozen=True)
class CrawlSettings:
    """How politely and how robustly the crawler fetches. Times are in seconds."""

    # Sent with every request, robots.txt included; also the name matched in robots.txt.
    user_agent: str = USER_AGENT
    # Content codings we ask for and can undo ourselves (bodies are stored as sent).
    accept_encoding: str = "gzip, deflate"
    # Minimum time between two requests to the same host (robots.txt Crawl-delay raises it).
    delay_seconds: float = 2.0
    # Links followed from a start address: 0 = start pages only, 1 = what they link to, ...
    max_depth: int = 2
    # Stop a crawl after this many fetches (None = no limit). Guards against a runaway.
    max_pages: int | None = 500

    # Time allowed to open a connection, and to wait for each chunk of a response.
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    # Wall-clock budget for reading one response body; the rest is cut as for max_bytes.
    max_fetch_seconds: float = 120.0

    # urllib3 Retry: how often a request is retried after a connection failure, a read
    # timeout or one of `retry_statuses`, with backoff_factor * 2**(n-1) seconds between
    # tries (capped by backoff_max). A Retry-After header (429, 503) wins over the
    # backoff; the wait it asks for is capped at retry_after_max.
    retries: int = 3
    connect_retries: int = 1
    backoff_factor: float = 1.0
    backoff_max: float = 60.0
    retry_statuses: tuple[int, ...] = (429, 500, 502, 503, 504)
    retry_after_max: float = 120.0

    # Size cap per response body, as sent on the wire. A longer body is cut there and its
    # record carries `WARC-Truncated: length` (WARC 1.1) and a crawl-log note.
    max_bytes: int = 50 * 1024 * 1024
    chunk_bytes: int = 64 * 1024

    # Obey robots.txt (RFC 9309 via protego): fetched once per host per crawl and cached;
    # 4xx means "everything allowed", 5xx means "nothing allowed", a network failure means
    # the host is unreachable.
    obey_robots: bool = True
    robots_max_bytes: int = 512 * 1024

    # Send If-None-Match / If-Modified-Since taken from the latest capture in the corpus.
    conditional: bool = True

    # Link targets with these extensions are never fetched (layout and media, not text).
    skip_extensions: frozenset[str] = field(
        default_factory=lambda: frozenset(
            {
                ".css", ".js", ".json", ".ico", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp",
                ".bmp", ".tif", ".tiff", ".mp3", ".mp4", ".m4a", ".mov", ".avi", ".wmv", ".zip",
                ".lzh", ".gz", ".exe", ".dmg", ".woff", ".woff2", ".ttf", ".eot",
            }
        )
    )

    # Where the crawl keeps its files, relative to the corpus directory.
    warc_subdir: str = "warc"
    crawl_log_name: str = "crawl_log.jsonl"
    state_name: str = ".crawl-in-progress.json"

    def with_overrides(self, overrides: dict[str, Any]) -> CrawlSettings:
        """A copy with `overrides` applied; unknown names raise, so a typo in
        sources.toml is an error rather than a silently ignored knob."""
        known = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(f"unknown crawl setting(s): {', '.join(unknown)}")
        converted = dict(overrides)
        if "retry_statuses" in converted:
            converted["retry_statuses"] = tuple(converted["retry_statuses"])
        if "skip_extensions" in converted:
            converted["skip_extensions"] = frozenset(e.lower() for e in converted["skip_extensions"])
        return dataclasses.replace(self, **converted)


DEFAULT_SETTINGS = CrawlSettings()
