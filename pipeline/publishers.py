"""Who publishes a page, from its host: a table of registrable government domains.

The longest matching domain suffix wins, so a sub-site (dx-navi.soumu.go.jp) gets its
ministry unless it has a row of its own. Add a row to support a new publisher.
"""
from __future__ import annotations

from urllib.parse import urlsplit

# domain suffix -> publisher name as the publisher writes it
PUBLISHERS: dict[str, str] = {
    "soumu.go.jp": "総務省",
    "cao.go.jp": "内閣府",
    "chisou.go.jp": "内閣府",
    "cas.go.jp": "内閣官房",
    "digital.go.jp": "デジタル庁",
    "mlit.go.jp": "国土交通省",
    "maff.go.jp": "農林水産省",
    "meti.go.jp": "経済産業省",
    "mhlw.go.jp": "厚生労働省",
    "mext.go.jp": "文部科学省",
    "env.go.jp": "環境省",
    "fsa.go.jp": "金融庁",
    "moj.go.jp": "法務省",
    "mof.go.jp": "財務省",
    "mofa.go.jp": "外務省",
    "mod.go.jp": "防衛省",
    "reconstruction.go.jp": "復興庁",
    "kantei.go.jp": "首相官邸",
}


def publisher_for(url: str) -> str | None:
    """Publisher of the page at `url`, or None for hosts not in the table."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    best: tuple[int, str] | None = None
    for domain, name in PUBLISHERS.items():
        if (host == domain or host.endswith("." + domain)) and (best is None or len(domain) > best[0]):
            best = (len(domain), name)
    return best[1] if best else None
