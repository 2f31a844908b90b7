"""Score koubo's extraction on the held-out documents (tests/heldout).

The held-out set is 12 ministry pages and PDFs written for evaluation only, never used
to tune extractors/ or pipeline/ (see docs/heldout.md). This script runs the whole
pipeline on them the way the bundled corpus is made:

1. a temporary sources file lists every held-out address as a start page;
2. pipeline.mirror.reconstruct crawls them from tests/heldout/mirror (served on
   127.0.0.1 with the Content-Types of tests/heldout/mirror/manifest.json) into a
   temporary WARC corpus;
3. pipeline.build.build extracts them into a temporary database;
4. the project's scorer (../shared/tools/score.py beside the repository) compares
   the database with tests/heldout/gold.json and prints its report.

Usage: .venv/bin/python scripts/eval_heldout.py [--set DIR] [--keep DIR] [--json OUT]

--set names another held-out set of the same layout (DIR/mirror, DIR/gold.json), e.g.
tests/heldout2; the default is tests/heldout.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.build import build  # noqa: E402
from pipeline.mirror import reconstruct  # noqa: E402
from pipeline.publishers import publisher_for  # noqa: E402
from pipeline.sources import load_sources  # noqa: E402

HELDOUT = REPO / "tests" / "heldout"
MIRROR = HELDOUT / "mirror"
GOLD = HELDOUT / "gold.json"
SCORER = REPO.parent / "shared" / "tools" / "score.py"


def gold_urls(gold: Path = GOLD) -> list[str]:
    """The addresses of the held-out documents, in gold order."""
    return [entry["url"] for entry in json.loads(gold.read_text(encoding="utf-8"))]


def sources_toml(urls: list[str]) -> str:
    """A sources file (corpus/sources.toml format): one source per host, every held-out
    address a start page and its own allowed prefix, so nothing else is fetched."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(urlsplit(url).netloc, []).append(url)
    lines = ["[crawl]", "delay_seconds = 0.0", "max_depth = 0", "max_pages = 100", ""]
    for host, start in sorted(by_host.items()):
        quoted = ", ".join(json.dumps(u, ensure_ascii=False) for u in start)
        lines += ["[[source]]", f"name = {json.dumps(host)}",
                  f"publisher = {json.dumps(publisher_for(start[0]) or host, ensure_ascii=False)}",
                  f"start = [{quoted}]", f"allow = [{quoted}]", ""]
    return "\n".join(lines)


def build_heldout(work: Path, heldout: Path = HELDOUT) -> tuple[Path, object, object]:
    """Crawl the held-out mirror (`heldout`/mirror) into `work`/corpus and build
    `work`/koubo.db. Returns (database path, crawl report, build report)."""
    work.mkdir(parents=True, exist_ok=True)
    sources_file = work / "sources.toml"
    sources_file.write_text(sources_toml(gold_urls(heldout / "gold.json")), encoding="utf-8")
    corpus = work / "corpus"
    crawl_report = reconstruct(load_sources(sources_file), corpus, heldout / "mirror")
    db_path = work / "koubo.db"
    build_report = build(corpus, db_path)
    return db_path, crawl_report, build_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=HELDOUT, dest="heldout",
                        help="the held-out set's directory (default: tests/heldout)")
    parser.add_argument("--keep", type=Path, help="build in this directory and keep it (default: a temp dir)")
    parser.add_argument("--json", help="also write the scores as JSON to this file (passed to score.py)")
    args = parser.parse_args(argv)
    if not SCORER.is_file():
        print(f"eval_heldout: the scorer is not at {SCORER} (../shared/tools/score.py)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="koubo-heldout-") as tmp:
        work = args.keep or Path(tmp)
        db_path, crawl_report, build_report = build_heldout(work, args.heldout.resolve())
        print(f"crawled {crawl_report.fetched} captures, "
              f"failed {crawl_report.failed}; built {build_report.documents} documents "
              f"({build_report.failed} failed)")
        for warning in build_report.warnings:
            print("build warning:", warning)
        command = [sys.executable, str(SCORER), "--db", str(db_path), "--gold", str(args.heldout.resolve() / "gold.json"),
                   "--label", args.heldout.resolve().name]
        if args.json:
            command += ["--json", args.json]
        return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
