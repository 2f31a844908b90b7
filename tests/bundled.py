"""The bundled documents as tests read them: their addresses, and each one decoded from
the mirror files (corpus/mirror, listed in its manifest.json) the way the build decodes
the captures."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from extractors.model import Document

REPO = Path(__file__).resolve().parent.parent
MIRROR = REPO / "corpus" / "mirror"

PRESS = "https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000447.html"
PACKAGE = "https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/digital_kiban/index.html"
YOURYOU = "https://www.soumu.go.jp/main_content/r8_suishin_taisei_koubo_youryou.pdf"
DX_NAVI = "https://dx-navi.soumu.go.jp/support/dx_package/support"
GAIYOU = "https://www.cao.go.jp/digital-bansou/r7_gaiyou.pdf"


@cache
def manifest() -> dict[str, dict]:
    """{url: manifest entry} of the mirror files."""
    return {e["url"]: e for e in json.loads((MIRROR / "manifest.json").read_text(encoding="utf-8"))["files"]}


@cache
def mirrored(url: str) -> Document:
    """The bundled document at `url`, decoded."""
    from pipeline.documents import decode_document

    entry = manifest()[url]
    return decode_document(url, (MIRROR / entry["path"]).read_bytes(), entry["content_type"], "2026-11-24T00:00:00Z")
