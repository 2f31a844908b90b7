"""Benchmark: decoding huge inputs within the DecodeSettings limits (`python scripts/bench_decode.py`).

Makes a ~50 MB Shift_JIS HTML page and a 500-page PDF (scripts/make_pdf_fixtures.py's
writer), decodes each with the default settings and with no limits, and prints wall
time, the peak resident memory growth and the size of the resulting text. Not a test:
speed and memory go here, the limits' behaviour is tested in tests/test_documents_unseen.py.
"""
from __future__ import annotations

import importlib.util
import logging
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.documents import DEFAULT_DECODE_SETTINGS, DecodeSettings, decode_document  # noqa: E402

UNLIMITED = DecodeSettings(max_html_bytes=1 << 40, max_pdf_pages=1 << 20, max_text_chars=1 << 40)


def fixtures():
    spec = importlib.util.spec_from_file_location("make_pdf_fixtures", ROOT / "scripts" / "make_pdf_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_pdf_fixtures"] = module
    spec.loader.exec_module(module)
    return module


def huge_html(megabytes: int) -> bytes:
    row = "<tr><td>第{n}号</td><td>北海道</td><td>令和７年度　地域ＤＸ推進事業　実施報告（電話０３－５２５３－５７５７）</td></tr>\n"
    head = '<html><head><meta charset="Shift_JIS"><title>一覧｜総務省</title></head><body><div id="contents"><table>\n'
    parts, size, n = [head], 0, 0
    while size < megabytes * 1024 * 1024:
        line = row.format(n=n)
        parts.append(line)
        size += len(line.encode("cp932"))
        n += 1
    return ("".join(parts) + "</table></div></body></html>").encode("cp932")


def measure(label: str, url: str, body: bytes, content_type: str, settings: DecodeSettings) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    doc = decode_document(url, body, content_type, settings=settings)
    seconds = time.perf_counter() - start
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    pages = max((b.page or 0 for b in doc.blocks), default=0)
    print(f"{label:<40} {len(body) / 1e6:7.1f} MB in  {seconds:7.2f} s  peak RSS +{grown:6.0f} MB  "
          f"{len(doc.text):>10,} chars  {len(doc.blocks):>7,} blocks  last page {pages}")


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="  warning: %(message)s")
    html = huge_html(50)
    pdf = fixtures().many_pages(500)
    print(f"limits: {DEFAULT_DECODE_SETTINGS}")
    # Limited runs first: ru_maxrss only grows, so the unlimited run's growth is its own.
    measure("50 MB HTML, default limits", "https://www.soumu.go.jp/big.html", html, "text/html", DEFAULT_DECODE_SETTINGS)
    measure("500-page PDF, default limits", "https://www.soumu.go.jp/big.pdf", pdf, "application/pdf", DEFAULT_DECODE_SETTINGS)
    if "--unlimited" in sys.argv:  # the unlimited HTML run needs several GB
        measure("500-page PDF, no limits", "https://www.soumu.go.jp/big.pdf", pdf, "application/pdf", UNLIMITED)
        measure("50 MB HTML, no limits", "https://www.soumu.go.jp/big.html", html, "text/html", UNLIMITED)
    return 0


if __name__ == "__main__":
    sys.exit(main())
