"""Reads the crawl log (JSON lines the crawler appends to corpus/crawl_log.jsonl)."""
from __future__ import annotations

import json
import logging
from pathlib import Path

log = logging.getLogger(__name__)
CRAWL_LOG_NAME = "crawl_log.jsonl"
FIELDS = ("crawl_id", "source", "url", "status", "error", "fetched_at", "bytes", "elapsed_ms", "note")


def crawl_log_rows(corpus_dir: Path | str) -> list[dict]:
    """Every entry of the crawl log under `corpus_dir`; a damaged line is skipped with a warning."""
    path = Path(corpus_dir) / CRAWL_LOG_NAME
    if not path.exists():
        return []
    rows = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                log.warning("%s:%d: not JSON, skipped (an interrupted write?)", path, number)
                continue
            rows.append({k: entry.get(k) for k in FIELDS})
    return rows
