"""The crawl's sources: where to start, which address prefixes may be followed.

Read from corpus/sources.toml (see the comments there). A `Source` is plain data so a
notebook can also build one by hand: `Source("test", start=("http://127.0.0.1:8000/",),
allow=("http://127.0.0.1:8000/",))`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.links import normalize_url
from pipeline.settings import DEFAULT_SETTINGS, CrawlSettings


@dataclass(frozen=True)
class Source:
    """One site section to crawl. `allow` are address prefixes; a link is followed only if
    its normalised address starts with one of them. `max_depth` / `delay_seconds` of None
    mean "use the crawl settings"."""

    name: str
    start: tuple[str, ...]
    allow: tuple[str, ...]
    publisher: str | None = None
    max_depth: int | None = None
    delay_seconds: float | None = None
    # If set, only these exact (normalised) addresses are fetched, on top of `allow`:
    # a crawl of a mirror uses it to ask only for what the mirror holds.
    only: frozenset[str] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", tuple(normalize_url(u) for u in self.start))
        object.__setattr__(self, "allow", tuple(normalize_url(p) for p in self.allow))
        if not self.start:
            raise ValueError(f"source {self.name!r} has no start address")
        if not self.allow:
            raise ValueError(f"source {self.name!r} has no allowed prefix")
        outside = [u for u in self.start if not self.allows(u)]
        if outside:
            raise ValueError(f"source {self.name!r}: start address outside its prefixes: {outside}")

    def allows(self, url: str) -> bool:
        """True if `url` (normalised) lies under one of the allowed prefixes."""
        if self.only is not None and url not in self.only:
            return False
        return any(url.startswith(prefix) for prefix in self.allow)


@dataclass(frozen=True)
class Sources:
    """All sources plus the crawl settings the file asked for."""

    sources: tuple[Source, ...]
    settings: CrawlSettings = field(default=DEFAULT_SETTINGS)

    def __iter__(self) -> Iterator[Source]:
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)

    def for_url(self, url: str) -> Source | None:
        """The first source whose prefixes cover `url`, if any (e.g. for its publisher)."""
        url = normalize_url(url)
        return next((s for s in self.sources if s.allows(url)), None)


def parse_sources(data: dict) -> Sources:
    """Build `Sources` from the parsed TOML table (split out for tests)."""
    settings = DEFAULT_SETTINGS.with_overrides(data.get("crawl", {}))
    sources = []
    for entry in data.get("source", []):
        unknown = set(entry) - {"name", "start", "allow", "publisher", "max_depth", "delay_seconds"}
        if unknown:
            raise ValueError(f"source {entry.get('name')!r}: unknown key(s) {sorted(unknown)}")
        sources.append(
            Source(
                name=entry["name"],
                start=tuple(entry["start"]),
                allow=tuple(entry["allow"]),
                publisher=entry.get("publisher"),
                max_depth=entry.get("max_depth"),
                delay_seconds=entry.get("delay_seconds"),
            )
        )
    names = [s.name for s in sources]
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate source names in {names}")
    return Sources(tuple(sources), settings)


def load_sources(path: str | Path) -> Sources:
    """Read corpus/sources.toml (or any file of that shape)."""
    with open(path, "rb") as fh:
        return parse_sources(tomllib.load(fh))
