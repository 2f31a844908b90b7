"""robots.txt, fetched once per host per crawl and kept for the crawl (protego parses it).

RFC 9309: a 4xx answer means no rules (all allowed); a 5xx answer (after retries) means
the site may be broken, so nothing is fetched; a network failure means the host is
unreachable. Crawl-delay for our user agent raises the per-host delay.
robots.txt answers are logged in the crawl log, not stored as WARC records: they are not
documents and the build should never see them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import requests
from protego import Protego

from pipeline.fetch import FetchResult, fetch
from pipeline.links import origin
from pipeline.settings import CrawlSettings


@dataclass
class HostRules:
    """What robots.txt says for one host (scheme://host[:port])."""

    origin: str
    parser: Protego | None = None  # None: no rules (allowed)
    deny_all: bool = False
    unreachable: str | None = None  # reason, if the host could not be reached
    crawl_delay: float | None = None
    result: FetchResult | None = None

    def allows(self, url: str, user_agent: str) -> bool:
        if self.unreachable or self.deny_all:
            return False
        return self.parser is None or self.parser.can_fetch(url, user_agent)


class RobotsCache:
    """Per-crawl cache of `HostRules`. `translate` maps an original address to where it
    is actually fetched (a mirror); `before_fetch(fetch_url)` lets the crawler throttle."""

    def __init__(self, session: requests.Session, settings: CrawlSettings,
                 translate: Callable[[str], str] = lambda url: url,
                 before_fetch: Callable[[str], None] = lambda url: None) -> None:
        self.session = session
        self.settings = settings
        self.translate = translate
        self.before_fetch = before_fetch
        self._rules: dict[str, HostRules] = {}

    def rules_for(self, url: str) -> HostRules:
        key = origin(url)
        if key not in self._rules:
            self._rules[key] = self._load(key)
        return self._rules[key]

    def is_loaded(self, url: str) -> bool:
        return origin(url) in self._rules

    def mark_unreachable(self, url: str, reason: str) -> None:
        self.rules_for(url).unreachable = reason

    def _load(self, key: str) -> HostRules:
        rules = HostRules(origin=key)
        if not self.settings.obey_robots:
            return rules
        fetch_url = self.translate(f"{key}/robots.txt")
        self.before_fetch(fetch_url)
        result = fetch(self.session, fetch_url, self.settings, max_bytes=self.settings.robots_max_bytes)
        rules.result = result
        if result.status is None:
            if result.unreachable:
                rules.unreachable = result.error
            # other errors (read timeout, refused by the guard): no rules known, allow
            return rules
        if result.status >= 500:
            rules.deny_all = True
        elif 200 <= result.status < 300:
            text = result.content.decode("utf-8", errors="replace")
            rules.parser = Protego.parse(text)
            rules.crawl_delay = rules.parser.crawl_delay(self.settings.user_agent)
        return rules
