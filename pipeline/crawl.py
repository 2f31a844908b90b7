"""The crawl: from the sources' start addresses, breadth-first, into the WARC corpus.

Steps per address, each in its own module: allowed prefix (pipeline.sources), robots.txt
(pipeline.robots), throttle + retrying guarded GET (pipeline.fetch), conditional request
from the latest capture, record (pipeline.corpus), links (pipeline.links).

- Depth: start addresses are depth 0; links found on a depth-d page are depth d+1 and
  followed while d+1 <= max_depth. A redirect's target keeps the depth of the redirect.
- Redirects are not followed blindly: each hop is recorded as its own response record,
  and its Location is queued only if it lies inside the source's prefixes.
- Conditional requests use the validators of the latest capture of the same kind (a live
  crawl never sends a mirror's validators, and the reverse).
- 304 Not Modified: a revisit record (no body) + a crawl-log line; the links of the
  stored body are still followed, so a re-crawl of an unchanged site still reaches
  everything it reached before.
- Resume: `<corpus>/.crawl-in-progress.json` names the running crawl. It is deleted when
  a crawl ends normally; if it is still there when a crawl starts, that crawl id is
  resumed: addresses it already recorded are not fetched again (their stored bodies
  are read for links) and the new records go to a new WARC file.
- Mirror: `mirror={"https://www.soumu.go.jp": "http://127.0.0.1:8000/www.soumu.go.jp"}`
  sends requests to the mirror while WARC-Target-URI, robots and link resolution use
  the original address.
"""

from __future__ import annotations

import json
import secrets
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from pipeline.corpus import Capture, CorpusWriter, captures_of_crawl, latest_captures
from pipeline.fetch import FetchResult, Throttle, fetch, make_session
from pipeline.links import extract_links, is_http_url, looks_like_html, normalize_url, origin
from pipeline.robots import RobotsCache
from pipeline.settings import CrawlSettings
from pipeline.sources import Source, Sources


@dataclass
class LogEntry:
    """One line of corpus/crawl_log.jsonl (the build loads it into the crawl_log table)."""

    crawl_id: str
    source: str
    url: str
    status: int | None = None
    error: str | None = None
    fetched_at: str | None = None
    bytes: int = 0
    elapsed_ms: int = 0
    note: str | None = None

    def __str__(self) -> str:
        """One readable line, e.g. for a progress display."""
        outcome = str(self.status) if self.status is not None else "failed"
        text = f"[{self.source}] {outcome} {self.url}"
        if self.bytes:
            text += f" ({self.bytes:,} bytes)"
        if self.error:
            text += f": {self.error}"
        if self.note:
            text += f" — {self.note}"
        return text


@dataclass
class SourceReport:
    """Counts for one source. fetched: responses recorded (2xx, 3xx); not_modified: 304;
    failed: errors and 4xx/5xx; skipped: robots.txt, off-prefix redirects, unreachable
    host; resumed: already recorded by the interrupted run of this crawl."""

    name: str
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    skipped: int = 0
    resumed: int = 0
    unreachable: dict[str, str] = field(default_factory=dict)  # host → reason

    @property
    def line(self) -> str:
        """One human line: the counts, or why nothing could be fetched."""
        if self.unreachable and not (self.fetched or self.not_modified or self.failed or self.resumed):
            hosts = ", ".join(self.unreachable)
            reasons = "; ".join(dict.fromkeys(self.unreachable.values()))
            return f"{hosts}: unreachable ({reasons}) — corpus kept as it was [{self.name}]"
        text = (f"{self.name}: {self.fetched} fetched, {self.not_modified} not modified, "
                f"{self.failed} failed, {self.skipped} skipped")
        if self.resumed:
            text += f", {self.resumed} already captured before the interruption"
        for host, reason in self.unreachable.items():
            text += f"; {host} unreachable ({reason})"
        return text


@dataclass
class CrawlReport:
    crawl_id: str
    sources: list[SourceReport]
    warc_file: Path | None = None  # the file this session wrote, None if nothing was written
    resumed: bool = False
    stopped: str | None = None  # why the crawl stopped early (max_pages), if it did

    def lines(self) -> list[str]:
        """One line per source, plus why the crawl stopped early if it did."""
        lines = [s.line for s in self.sources]
        if self.stopped:
            lines.append(f"stopped early: {self.stopped}")
        return lines

    def _total(self, name: str) -> int:
        return sum(getattr(s, name) for s in self.sources)

    @property
    def fetched(self) -> int:
        return self._total("fetched")

    @property
    def not_modified(self) -> int:
        return self._total("not_modified")

    @property
    def failed(self) -> int:
        return self._total("failed")

    @property
    def skipped(self) -> int:
        return self._total("skipped")


class Mirror:
    """Maps original address prefixes to the (local) addresses that serve them."""

    def __init__(self, mapping: dict[str, str] | None) -> None:
        pairs = [(normalize_url(k).rstrip("/"), v.rstrip("/")) for k, v in (mapping or {}).items()]
        self.pairs = sorted(pairs, key=lambda kv: len(kv[0]), reverse=True)

    def __bool__(self) -> bool:
        return bool(self.pairs)

    def translate(self, url: str) -> str:
        for original, served in self.pairs:
            if url == original or url.startswith(original + "/") or url.startswith(original + "?"):
                return served + url[len(original):]
        return url


def _new_crawl_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def _skipped_extension(url: str, settings: CrawlSettings) -> bool:
    return PurePosixPath(urlsplit(url).path).suffix.lower() in settings.skip_extensions


class _Crawler:
    """One crawl run. Holds only this run's state; `crawl()` is the public entry."""

    def __init__(self, sources: list[Source], corpus_dir: Path, settings: CrawlSettings, mirror: Mirror,
                 progress: Callable[[LogEntry], None] | None, reconstructed: bool, max_pages: int | None,
                 crawl_id: str, note: str | None) -> None:
        self.sources = sources
        self.corpus_dir = corpus_dir
        self.settings = settings
        self.mirror = mirror
        self.progress = progress
        self.reconstructed = reconstructed
        self.max_pages = max_pages
        self.crawl_id = crawl_id
        self.note = note
        self.log_path = corpus_dir / settings.crawl_log_name
        self.session = make_session(settings, self._permitted)
        self.throttle = Throttle()
        self.delays: dict[str, float] = {}  # fetch host → delay of the source that uses it
        self.robots = RobotsCache(self.session, settings, mirror.translate, self._before_robots)
        self.previous = latest_captures(corpus_dir)  # validators, and bodies behind 304s
        self.done = captures_of_crawl(corpus_dir, crawl_id)
        self.seen: set[str] = set()
        self.pages = 0
        self.stopped: str | None = None
        self._permits = self._permit_prefixes()

    # -- safety ---------------------------------------------------------------------
    def _permit_prefixes(self) -> tuple[tuple[str, ...], frozenset[str]]:
        prefixes: set[str] = set()
        robots: set[str] = set()
        for source in self.sources:
            for prefix in source.allow:
                prefixes.add(normalize_url(self.mirror.translate(prefix)))
                robots_url = f"{origin(prefix)}/robots.txt"
                robots.add(normalize_url(self.mirror.translate(robots_url)))
        return tuple(prefixes), frozenset(robots)

    def _permitted(self, url: str) -> bool:
        """The transport's last check: only allowed prefixes (as served) and robots.txt."""
        url = normalize_url(url)
        prefixes, robots = self._permits
        return url in robots or any(url.startswith(p) for p in prefixes)

    # -- logging --------------------------------------------------------------------
    def _log(self, entry: LogEntry) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        if self.progress:
            self.progress(entry)

    def _entry(self, source: Source, url: str, result: FetchResult | None = None, **extra) -> LogEntry:
        entry = LogEntry(crawl_id=self.crawl_id, source=source.name, url=url)
        if result is not None:
            entry.status = result.status
            entry.error = result.error
            entry.fetched_at = result.fetched_at
            entry.bytes = len(result.body)
            entry.elapsed_ms = result.elapsed_ms
        for key, value in extra.items():
            setattr(entry, key, value)
        return entry

    def _record_note(self, url: str, fetch_url: str) -> str | None:
        parts = [self.note] if self.note else []
        if fetch_url != url:
            parts.append(f"fetched from mirror {fetch_url}")
        return "; ".join(parts) or None

    # -- throttling -----------------------------------------------------------------
    def _wait(self, fetch_url: str) -> None:
        host = urlsplit(fetch_url).netloc
        self.throttle.wait(host, self.delays.get(host, self.settings.delay_seconds))

    def _before_robots(self, fetch_url: str) -> None:
        self._wait(fetch_url)

    # -- the crawl ------------------------------------------------------------------
    def run(self, writer: CorpusWriter) -> list[SourceReport]:
        return [self._crawl_source(source, writer) for source in self.sources]

    def _crawl_source(self, source: Source, writer: CorpusWriter) -> SourceReport:
        report = SourceReport(source.name)
        max_depth = self.settings.max_depth if source.max_depth is None else source.max_depth
        delay = self.settings.delay_seconds if source.delay_seconds is None else source.delay_seconds
        frontier: deque[tuple[str, int]] = deque()
        for url in source.start:
            if url not in self.seen:
                self.seen.add(url)
                frontier.append((url, 0))
        while frontier:
            if self.max_pages is not None and self.pages >= self.max_pages:
                self.stopped = f"max_pages ({self.max_pages}) reached"
                break
            url, depth = frontier.popleft()
            fetch_url = self.mirror.translate(url)
            host = urlsplit(fetch_url).netloc
            self.delays[host] = max(delay, self.delays.get(host, 0.0))
            self._visit(source, url, depth, max_depth, frontier, writer, report)
        return report

    def _visit(self, source: Source, url: str, depth: int, max_depth: int,
               frontier: deque[tuple[str, int]], writer: CorpusWriter, report: SourceReport) -> None:
        fresh_host = not self.robots.is_loaded(url)
        rules = self.robots.rules_for(url)
        host = urlsplit(url).netloc
        if fresh_host and rules.result is not None:
            self._log(self._entry(source, f"{origin(url)}/robots.txt", rules.result, note="robots.txt"))
        if rules.crawl_delay:
            fetch_host = urlsplit(self.mirror.translate(url)).netloc
            self.delays[fetch_host] = max(self.delays.get(fetch_host, 0.0), rules.crawl_delay)
        if rules.unreachable:
            report.unreachable.setdefault(host, rules.unreachable)
            report.skipped += 1
            return
        if not rules.allows(url, self.settings.user_agent):
            report.skipped += 1
            self._log(self._entry(source, url, note="skipped: robots.txt disallows"))
            return

        if url in self.done:  # recorded by the interrupted run of this crawl
            report.resumed += 1
            body_capture = self._body_capture(self.done[url])
            if body_capture is not None:
                self._queue_links(source, url, depth, max_depth, body_capture.content_type,
                                  body_capture.body, frontier)
            self._queue_redirect(source, url, depth, self.done[url].header("Location"),
                                 self.done[url].status, frontier, report)
            return

        prior = self.previous.get(url) if self.settings.conditional else None
        if prior is not None and prior.reconstructed != self.reconstructed:
            # a mirror's validators (file hash, file time) say nothing about the live page
            # and vice versa: If-Modified-Since with a mirror's recent mtime could get a
            # 304 from the real site and keep the reconstruction forever.
            prior = None
        headers = {}
        if prior is not None:
            if prior.header("ETag"):
                headers["If-None-Match"] = prior.header("ETag")
            if prior.header("Last-Modified"):
                headers["If-Modified-Since"] = prior.header("Last-Modified")
        fetch_url = self.mirror.translate(url)
        self._wait(fetch_url)
        result = fetch(self.session, fetch_url, self.settings, headers=headers)
        self.pages += 1
        note = self._record_note(url, fetch_url)

        if result.status is None:
            report.failed += 1
            if result.unreachable:
                self.robots.mark_unreachable(url, result.error or "unreachable")
                report.unreachable.setdefault(host, result.error or "unreachable")
            self._log(self._entry(source, url, result, note=note))
            return

        log_notes = [note] if note else []
        if result.status == 304 and prior is not None:
            writer.write_not_modified(url, result.request_headers, result.status, result.reason,
                                      result.response_headers, prior, reconstructed=self.reconstructed,
                                      note=note, http_version=result.http_version)
            report.not_modified += 1
            log_notes.append("not modified: revisit record, no body stored")
            self._log(self._entry(source, url, result, note="; ".join(log_notes)))
            self._queue_links(source, url, depth, max_depth, prior.content_type, prior.body, frontier)
            return

        writer.write_exchange(url, result.request_headers, result.status, result.reason,
                              result.response_headers, result.body, reconstructed=self.reconstructed,
                              note=note, truncated=result.truncated, http_version=result.http_version)
        if result.truncated == "length":
            log_notes.append(f"truncated at {len(result.body)} bytes (size cap)")
        elif result.truncated:
            log_notes.append(f"body cut ({result.truncated})")
        if result.status >= 400 or result.error:
            report.failed += 1
        else:
            report.fetched += 1
        redirect_note = self._queue_redirect(source, url, depth, result.header("Location"), result.status,
                                             frontier, report)
        if redirect_note:
            log_notes.append(redirect_note)
        self._log(self._entry(source, url, result, note="; ".join(log_notes) or None))
        if 200 <= result.status < 300:
            self._queue_links(source, url, depth, max_depth, result.header("Content-Type"), result.content,
                              frontier)

    def _body_capture(self, capture: Capture) -> Capture | None:
        if capture.record_type == "revisit":
            return self.previous.get(capture.url)
        return capture if 200 <= capture.status < 300 else None

    def _queue_redirect(self, source: Source, url: str, depth: int, location: str | None, status: int,
                        frontier: deque[tuple[str, int]], report: SourceReport) -> str | None:
        if not (300 <= status < 400) or not location:
            return None
        target = urljoin(url, location.strip())
        if not is_http_url(target):
            return f"redirect to {target} not followed (scheme)"
        target = normalize_url(target)
        if not source.allows(target):
            report.skipped += 1
            return f"redirect to {target} not followed (outside allowed prefixes)"
        if target not in self.seen:
            self.seen.add(target)
            frontier.appendleft((target, depth))
        return f"redirect to {target}"

    def _queue_links(self, source: Source, url: str, depth: int, max_depth: int, content_type: str | None,
                     body: bytes, frontier: deque[tuple[str, int]]) -> None:
        if depth >= max_depth or not looks_like_html(content_type, body):
            return
        for link in extract_links(url, content_type, body):
            if link in self.seen or not source.allows(link) or _skipped_extension(link, self.settings):
                continue
            self.seen.add(link)
            frontier.append((link, depth + 1))


def crawl(sources: Sources | Iterable[Source], corpus_dir: str | Path, *, mirror: dict[str, str] | None = None,
          progress: Callable[[LogEntry], None] | None = None, reconstructed: bool = False,
          max_pages: int | None = None, settings: CrawlSettings | None = None,
          note: str | None = None) -> CrawlReport:
    """Fetch the sources into `corpus_dir` (appending a new WARC file) and return a report.

    `settings` defaults to the ones read with the sources (or the defaults); `max_pages`
    overrides settings.max_pages; `reconstructed` marks every record as captured from a
    reconstruction (use with `mirror`); `note` is written into every record and log line;
    `progress` is called with each crawl-log entry (a `LogEntry`; str() of it is one
    readable line) as it is written.
    """
    corpus_dir = Path(corpus_dir)
    if isinstance(sources, Sources):
        settings = settings or sources.settings
        source_list = list(sources.sources)
    else:
        source_list = list(sources)
        settings = settings or CrawlSettings()
    pages = settings.max_pages if max_pages is None else max_pages

    state_path = corpus_dir / settings.state_name
    resumed = False
    crawl_id = _new_crawl_id()
    if state_path.exists():
        try:
            crawl_id = json.loads(state_path.read_text(encoding="utf-8"))["crawl_id"]
            resumed = True
        except (ValueError, KeyError):
            pass
    corpus_dir.mkdir(parents=True, exist_ok=True)
    state_path.write_text(json.dumps({"crawl_id": crawl_id, "started_at": datetime.now(UTC).isoformat()}),
                          encoding="utf-8")

    crawler = _Crawler(source_list, corpus_dir, settings, Mirror(mirror), progress, reconstructed, pages,
                       crawl_id, note)
    try:
        with CorpusWriter(corpus_dir, crawl_id, subdir=settings.warc_subdir,
                          software=settings.user_agent) as writer:
            reports = crawler.run(writer)
    finally:
        crawler.session.close()
    state_path.unlink(missing_ok=True)  # only a crawl that ended normally is finished
    return CrawlReport(crawl_id=crawl_id, sources=reports,
                       warc_file=writer.path if writer.records_written else None,
                       resumed=resumed, stopped=crawler.stopped)
