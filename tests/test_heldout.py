"""The held-out evaluation sets (tests/heldout, tests/heldout2, tests/heldout3,
tests/heldout4) go through the whole pipeline.

Only that they run is asserted here: every held-out page and PDF is crawled from the
local mirror, decoded without error and stored with its text. How well facts are
extracted is measured, not asserted: `.venv/bin/python scripts/eval_heldout.py --set DIR`
prints the scores (docs/heldout.md).
"""
from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pytest
import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import eval_heldout  # noqa: E402

pytestmark = pytest.mark.slow

SETS = ("heldout", "heldout2", "heldout3", "heldout4")


@cache
def gold(name: str) -> list[dict]:
    return json.loads((ROOT / "tests" / name / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=SETS)
def built(request, tmp_path_factory):
    name = request.param
    return name, *eval_heldout.build_heldout(tmp_path_factory.mktemp(name), ROOT / "tests" / name)


def _texts(db_path: Path) -> dict[str, str]:
    return {r["url"]: r["text"] for r in sqlite_utils.Database(db_path)["documents"].rows}


@pytest.mark.parametrize("name", SETS)
def test_gold_and_mirror_agree(name):
    folder = ROOT / "tests" / name
    manifest = json.loads((folder / "mirror" / "manifest.json").read_text(encoding="utf-8"))
    served = {e["url"] for e in manifest["files"] if not e["url"].endswith("/robots.txt")}
    assert served == {g["url"] for g in gold(name)}
    assert 10 <= len(gold(name)) <= 12
    for entry in manifest["files"]:
        assert (folder / "mirror" / entry["path"]).is_file(), entry["path"]


@pytest.mark.parametrize("name", SETS)
def test_gold_entries_have_the_scored_fields(name):
    for entry in gold(name):
        for field in ("emails", "phones", "application_deadlines", "awards", "notes"):
            assert field in entry, (entry["doc"], field)
        for when in entry["application_deadlines"] + entry.get("application_deadlines_optional", []):
            assert len(when) == 10 or when.endswith("+09:00"), when


def test_sources_file_lists_every_heldout_address_and_nothing_else():
    toml = eval_heldout.sources_toml(eval_heldout.gold_urls())
    for entry in gold("heldout"):
        assert toml.count(f'"{entry["url"]}"') == 2  # a start page and its own allowed prefix
    assert "max_depth = 0" in toml


def test_every_heldout_document_is_crawled_and_built(built):
    name, db_path, crawl_report, build_report = built
    assert crawl_report.failed == 0, crawl_report.lines()
    assert build_report.failed == 0, build_report.warnings
    rows = {r["url"]: r for r in sqlite_utils.Database(db_path)["documents"].rows}
    for entry in gold(name):
        row = rows.get(entry["url"])
        assert row is not None, f"{name}/{entry['doc']} not in the database"
        assert row["error"] is None, (entry["doc"], row["error"])
        assert row["kind"] == ("pdf" if entry["url"].endswith(".pdf") else "html")
        assert len(row["text"]) > 300, entry["doc"]
        assert "(cid:" not in row["text"] and "\ufffd" not in row["text"], entry["doc"]


def test_set_specific_decoding(built):
    """What each set was written to exercise in decoding, beyond 'it builds'."""
    name, db_path, _, _ = built
    texts = _texts(db_path)
    if name == "heldout":  # Shift_JIS pages with cp932-only characters
        text = texts["https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000498.html"]
        assert "髙橋室長補佐" in text
        assert "①行政事務" in text.replace(" ", "")
    elif name == "heldout2":  # a ten-page 公募要領 whose contacts are on the last page
        text = texts["https://www.soumu.go.jp/main_content/001052233.pdf"]
        assert "公募事務局" in text[len(text) // 2:]
        assert "提出期限" in text
    elif name == "heldout3":  # an EUC-JP page (charset only in <meta>), and a four-page results PDF
        text = texts[next(g["url"] for g in gold(name) if "cas.go.jp" in g["url"])]
        assert "企画提案書" in text and "ヒアリング" in text
        entry = next(g for g in gold(name) if g["doc"] == "f")
        text = texts[entry["url"]]
        assert entry["awards"][-1]["body"] in text[len(text) // 2:]
        assert "問合せ先" in text
    else:  # a cp932 press release, and a two-page results PDF drawn without rules
        entry = next(g for g in gold(name) if g["doc"] == "a")
        assert "髙橋課長補佐" in texts[entry["url"]]
        entry = next(g for g in gold(name) if g["doc"] == "h")
        text = texts[entry["url"]]
        assert entry["awards"][-1]["body"] in text[len(text) // 2:]
        assert "交付対象事業費" in text
