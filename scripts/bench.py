"""Benchmarks: build speed and memory on the bundled corpus (`make bench`).

Measures, on a temporary copy of the database so db/koubo.db is not touched:
- a full build (empty extraction cache), and a no-change rebuild (everything cached);
- decoding and extraction time per document;
- the peak resident memory of this process.
Results are printed and written to bench-results.json (git-ignored).
"""
from __future__ import annotations

import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.build import EXTRACTORS, build  # noqa: E402
from pipeline.corpus import CorpusWriter, latest_captures  # noqa: E402
from pipeline.documents import DecodeError, decode_document  # noqa: E402

REPEAT = 3
SCALE_COPIES = 40  # the scale run: this many copies of every bundled document, each at its own address


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def scale_run(corpus: Path) -> dict:
    """Build a corpus of SCALE_COPIES copies of every bundled capture (distinct addresses,
    bytes changed by one comment so nothing is shared) and time a full and a no-change build."""
    captures = latest_captures(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "corpus"
        with CorpusWriter(big, "bench") as writer:
            for copy in range(SCALE_COPIES):
                for url, capture in captures.items():
                    body = capture.body if capture.body.startswith(b"%PDF") else capture.body + f"<!-- {copy} -->".encode()
                    writer.write_exchange(f"{url}?copy={copy}", None, 200, "OK",
                                          [("Content-Type", capture.content_type or "")], body)
        db = Path(tmp) / "scale.db"
        full_s, report = timed(build, big, db)
        again_s, _ = timed(build, big, db)
    return {"documents": report.documents, "full_build_s": full_s, "no_change_rebuild_s": again_s,
            "documents_per_s": report.documents / full_s, "facts": report.facts}


def main() -> int:
    corpus = ROOT / "corpus"
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        full = []
        for _ in range(REPEAT):
            db.unlink(missing_ok=True)
            seconds, report = timed(build, corpus, db)
            full.append(seconds)
        unchanged = [timed(build, corpus, db)[0] for _ in range(REPEAT)]
        results["full_build_s"] = {"median": statistics.median(full), "runs": full}
        results["no_change_rebuild_s"] = {"median": statistics.median(unchanged), "runs": unchanged}
        results["documents"] = report.documents
        results["facts"] = report.facts

    results["scale"] = scale_run(corpus)

    per_doc = {}
    for url, capture in sorted(latest_captures(corpus).items()):
        try:
            decode_s, doc = timed(decode_document, url, capture.body, capture.content_type)
        except DecodeError as exc:
            per_doc[url] = {"error": str(exc)}
            continue
        extract = {name: timed(mod.extract, doc)[0] for name, mod in EXTRACTORS.items()}
        per_doc[url] = {"kind": doc.kind, "chars": len(doc.text), "decode_s": round(decode_s, 4),
                        "extract_s": {k: round(v, 4) for k, v in extract.items()}}
    results["per_document"] = per_doc
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    print(f"full build:        median {results['full_build_s']['median']:.2f} s over {REPEAT} runs")
    print(f"no-change rebuild: median {results['no_change_rebuild_s']['median']:.2f} s over {REPEAT} runs")
    scale = results["scale"]
    print(f"scale run:         {scale['documents']} documents, full build {scale['full_build_s']:.1f} s "
          f"({scale['documents_per_s']:.0f} documents/s), no-change rebuild {scale['no_change_rebuild_s']:.1f} s")
    print(f"peak RSS:          {results['peak_rss_mb']} MB")
    for url, row in per_doc.items():
        print(f"  {url}: {row}")
    (ROOT / "bench-results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
